"""Tests of graph.analysis.convert: RDF output -> NetworkX multigraph."""
from __future__ import annotations

from datetime import date

import networkx as nx
import pytest

from graph.analysis.convert import rdf_to_networkx
from graph.rdf.mapping import extraction_to_graph, to_dataset
from graph.records import Actor, Affiliation, Article, Event, EventRelation, Extraction, Mention, Place, Sentence
from graph.vocab.actor_types import ActorType, AffiliationType
from graph.vocab.event_types import EventSubtype, EventType, RelationType

TEXT = ("US jets struck Kataib Hezbollah near Albu Kamal on Friday, killing 17. "
        "Pentagon press secretary John Kirby said it answered rocket attacks.")
AID = "us-strikes"


def _m(needle: str, nth: int = 0) -> Mention:
    start = -1
    for _ in range(nth + 1):
        start = TEXT.index(needle, start + 1)
    return Mention(AID, start, start + len(needle), needle, 0 if start < 72 else 1)


def _extraction() -> Extraction:
    s0 = TEXT.index("Pentagon")
    return Extraction(
        Article(AID, TEXT, published=date(2021, 2, 26), title="US strikes Syria", url="https://example.org/a"),
        sentences=(Sentence(AID, 0, 0, s0 - 1, TEXT[:s0 - 1]), Sentence(AID, 1, s0, len(TEXT), TEXT[s0:])),
        actors=(
            Actor("usa", "United States", ActorType.STATE, country="USA", mentions=(_m("US"),)),
            Actor("kh", "Kataib Hezbollah", ActorType.ARMED_GROUP, country="IRQ", mentions=(_m("Kataib Hezbollah"),)),
            Actor("pentagon", "Pentagon", ActorType.GOVERNMENT, country="USA", mentions=(_m("Pentagon"),)),
            Actor("kirby", "John Kirby", ActorType.PERSON, mentions=(_m("John Kirby"),)),
        ),
        places=(Place("albu-kamal", "Albu Kamal", country="SYR", lat=34.45, lon=40.92, mentions=(_m("Albu Kamal"),)),),
        events=(
            Event("e1", EventType.ATTACK, _m("struck"), subtype=EventSubtype.AIRSTRIKE, cameo="195",
                  agents=("usa",), targets=("kh",), places=("albu-kamal",), date=date(2021, 2, 26), killed=17,
                  weapons=("jets",)),
            Event("e2", EventType.STATEMENT, _m("said"), agents=("kirby",)),
            Event("e3", EventType.ATTACK, _m("rocket attacks"), subtype=EventSubtype.ROCKET_ATTACK),
        ),
        affiliations=(Affiliation("kirby", AffiliationType.ROLE_IN, "pentagon", role="press secretary"),),
        relations=(EventRelation("e1", RelationType.RETALIATION_FOR, "e3"), EventRelation("e2", RelationType.ABOUT, "e1")),
    )


@pytest.fixture(scope="module")
def nxg() -> nx.MultiDiGraph:
    return rdf_to_networkx(extraction_to_graph(_extraction()))


def _node(nxg, kind, label):
    return next((n, d) for n, d in nxg.nodes(data=True) if d["kind"] == kind and d["label"] == label)


def test_convert_nodes_have_every_contract_attribute(nxg):
    """Every node carries exactly the documented attributes (places may add lat/lon)."""
    keys = {"kind", "label", "type", "subtype", "country", "date", "killed", "injured", "weapons", "cameo",
            "evidence", "articles"}
    assert nxg.number_of_nodes() == 8
    for node, data in nxg.nodes(data=True):
        assert node.startswith("https://w3id.org/conflict-graph/id/")
        assert keys <= set(data) <= keys | {"lat", "lon"}


def test_convert_event_attributes(nxg):
    """The airstrike has its type, subtype, date, casualties, weapon, CAMEO code, country and evidence."""
    _, d = _node(nxg, "event", "attack: United States -> Kataib Hezbollah")
    assert (d["type"], d["subtype"], d["date"], d["killed"], d["injured"]) == ("attack", "Airstrike", "2021-02-26", 17, None)
    assert (d["weapons"], d["cameo"], d["country"], d["articles"]) == (["jets"], "195", "SYR", [AID])
    assert d["evidence"] == [{"text": TEXT[:TEXT.index("Pentagon") - 1], "article": AID, "title": "US strikes Syria", "url": "https://example.org/a"}]


def test_convert_actor_and_place_attributes(nxg):
    """Actors have their type value and country; places have type 'place'."""
    _, kh = _node(nxg, "actor", "Kataib Hezbollah")
    assert (kh["type"], kh["country"], kh["subtype"], kh["weapons"]) == ("armed_group", "IRQ", None, [])
    assert kh["evidence"][0]["text"].startswith("US jets struck")
    _, place = _node(nxg, "place", "Albu Kamal")
    assert (place["type"], place["country"]) == ("place", "SYR")


def test_convert_edges_follow_the_direction_contract(nxg):
    """agent: actor -> event; target: event -> actor; place: event -> place; relations between events."""
    usa, _ = _node(nxg, "actor", "United States")
    kh, _ = _node(nxg, "actor", "Kataib Hezbollah")
    e1, _ = _node(nxg, "event", "attack: United States -> Kataib Hezbollah")
    e3, _ = _node(nxg, "event", "attack: rocket attacks")
    place, _ = _node(nxg, "place", "Albu Kamal")
    rel = {(u, v, d["relation"]) for u, v, d in nxg.edges(data=True)}
    assert {(usa, e1, "agent"), (e1, kh, "target"), (e1, place, "place"), (e1, e3, "retaliation_for")} <= rel
    assert {r for _, _, r in rel} == {"agent", "target", "place", "retaliation_for", "about", "role_in"}


def test_convert_role_in_edge_is_labelled_with_the_title(nxg):
    """role_in edges carry the post title as label."""
    labels = [d["label"] for _, _, d in nxg.edges(data=True) if d["relation"] == "role_in"]
    assert labels == ["press secretary"]


def test_convert_reads_a_dataset_of_several_articles():
    """A dataset gives one node per article-local record, each with its own article id."""
    x = _extraction()
    from dataclasses import replace

    y = replace(x, article=replace(x.article, id="copy"))
    nxg = rdf_to_networkx(to_dataset([x, y]))
    assert nxg.number_of_nodes() == 16
    assert sorted(a for _, d in nxg.nodes(data=True) if d["kind"] == "place" for a in d["articles"]) == ["copy", AID]
