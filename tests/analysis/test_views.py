"""Tests of graph.analysis.views: conflict network, event graph, bipartite graph, backing network."""
from __future__ import annotations

import networkx as nx
import pytest

from graph.analysis.convert import rdf_to_networkx
from graph.analysis.views import actor_event_graph, actors_of, backing_network, conflict_network, event_graph


@pytest.fixture(scope="module")
def nxg():
    from graph.rdf import to_dataset
    from tests.store.corpus import corpus

    return rdf_to_networkx(to_dataset(corpus()))


def test_views_actors_merge_across_articles_by_name(nxg):
    merged = actors_of(nxg)
    assert merged["xland army"]["articles"] == 2 and len(merged["xland army"]["nodes"]) == 2
    assert merged["rebels"]["type"] == "armed_group"


def test_views_conflict_network_weighs_attacks_and_casualties(nxg):
    d = conflict_network(nxg)
    assert sorted(d.edges) == [("rebels", "xland army"), ("xland army", "rebels")]
    e = d.edges["rebels", "xland army"]
    assert (e["attacks"], e["killed"], e["weight"], e["first"], e["last"]) == (2, 3, 2, "2024-03-04", "2024-03-06")
    assert d.nodes["xland army"]["label"] == "Xland Army"


def test_views_event_graph_keeps_event_links(nxg):
    e = event_graph(nxg)
    assert sorted(r for _, _, r in e.edges(data="relation")) == ["about", "retaliation_for", "retaliation_for"]
    assert e.number_of_nodes() == 5


def test_views_actor_event_graph_is_bipartite(nxg):
    b = actor_event_graph(nxg)
    assert nx.is_bipartite(b)
    assert {d["bipartite"] for _, d in b.nodes(data=True)} == {0, 1}
    assert b.edges["rebels", next(n for n, d in b.nodes(data=True) if d.get("date") == "2024-03-04")]["role"] == "agent"


def test_views_backing_network_counts_articles(nxg):
    b = backing_network(nxg)
    assert list(b.edges(data=True)) == [("rebels", "yland", {"relation": "backed_by", "articles": 2})]
