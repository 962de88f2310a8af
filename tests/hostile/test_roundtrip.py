"""Hostile names and texts round-trip through every serialisation and the HTML, inert.

Names with markup, quotes, backslashes, newlines, control and bidi characters (and any
other Unicode) go through the RDF mapping into Turtle, JSON-LD, N-Triples, N-Quads and
TriG, into JSON Lines, into SPARQL as bound terms and into the HTML page, and come back
the same, without changing the structure of what holds them.
"""
from __future__ import annotations

import json
import re
from dataclasses import replace
from html.parser import HTMLParser

import pytest
from hypothesis import HealthCheck, given, settings
from rdflib import BNode, Dataset, Graph, Literal, URIRef

from graph.export.jsonl import actor_rows, dumps_line, event_rows
from graph.rdf import FORMATS, to_dataset
from graph.rdf.iris import is_safe_iri
from graph.rdf.serialize import QUAD_FORMATS, union_graph
from tests.hostile.strategies import FRAGMENTS, names, texts
from tests.rdf.sample import HOSTILE, TEXT, hostile

SETTINGS = settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
SCHEMA_NAME = URIRef("https://schema.org/name")


def _extraction(name: str, junk: str = ""):
    x = hostile(name)
    if junk:  # appended after the sample text, so every mention still indexes it
        x = replace(x, article=replace(x.article, text=TEXT + "\n\n" + junk))
    return x


def _serialise(ds: Dataset, fmt: str) -> bytes:
    graph = ds if fmt in QUAD_FORMATS else union_graph(ds)
    return graph.serialize(format=fmt, encoding="utf-8")


def _parse(data: bytes, fmt: str) -> Graph:
    back = Dataset() if fmt in QUAD_FORMATS else Graph()
    back.parse(data=data, format=fmt)
    return union_graph(back)


def _literals(g: Graph) -> set[str]:
    return {str(o) for o in g.objects() if isinstance(o, Literal)}


def _check_rdf(name: str, junk: str = "") -> None:
    x = _extraction(name, junk)
    ds = to_dataset([x])
    original = union_graph(ds)
    assert Literal(name) in set(original.objects(None, SCHEMA_NAME))
    for triple in original:
        for term in triple:
            assert not isinstance(term, BNode)  # so comparing sets of triples is exact
            if isinstance(term, URIRef):
                assert is_safe_iri(str(term)), f"unsafe IRI minted: {term!r}"
    expected = set(original)
    for fmt in FORMATS:
        back = _parse(_serialise(ds, fmt), fmt)
        assert set(back) == expected, f"{fmt}: the graph changed on the round trip"
        assert name in _literals(back)
        if junk:
            assert x.article.text in _literals(back)


@pytest.mark.parametrize("name", HOSTILE + ["".join(FRAGMENTS)])
def test_hostile_name_round_trips_every_rdf_format(name):
    """Each listed hostile name survives Turtle, JSON-LD, N-Triples, N-Quads and TriG unchanged."""
    _check_rdf(name)


@SETTINGS
@given(names, texts)
def test_random_names_and_texts_round_trip_every_rdf_format(name, junk):
    """Random names and article texts: every format parses back to an isomorphic graph, IRIs safe."""
    _check_rdf(name, junk)


@SETTINGS
@given(names, texts)
def test_random_names_round_trip_json_lines(name, junk):
    """Every row is one line whatever the name holds, and json.loads gives the same row back."""
    x = _extraction(name, junk)
    rows = [*event_rows(x), *actor_rows(x)]
    assert any(row.get("name") == name for row in rows)
    for row in rows:
        line = dumps_line(row)
        assert line.splitlines() == [line] and "\n" not in line
        assert json.loads(line) == row


@SETTINGS
@given(names)
def test_random_names_are_bound_terms_in_sparql(name):
    """A name reaches SPARQL only as a bound term: it finds its actor and changes no query."""
    g = union_graph(to_dataset([_extraction(name)]))
    query = "SELECT ?actor ?label WHERE { ?actor <https://schema.org/name> ?name ; <http://www.w3.org/2000/01/rdf-schema#label> ?label }"
    rows = list(g.query(query, initBindings={"name": Literal(name)}))
    assert len(rows) == 1 and str(rows[0].label) == name
    results = json.loads(g.query(query, initBindings={"name": Literal(name)}).serialize(format="json"))
    assert [b["label"]["value"] for b in results["results"]["bindings"]] == [name]
    assert list(g.query(query, initBindings={"name": Literal(name + "\u0000")})) == []


class _Tags(HTMLParser):
    """Records the tag structure of a page and the text of its title and JSON island."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags: list[str] = []
        self.title = ""
        self.island = ""
        self._in = None

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        attrs = dict(attrs)
        self._in = "title" if tag == "title" else "island" if attrs.get("id") == "graph-data" else None

    def handle_endtag(self, tag):
        self.tags.append("/" + tag)
        self._in = None

    def handle_data(self, data):
        if self._in == "title":
            self.title += data
        elif self._in == "island":
            self.island += data


def _page(name: str) -> _Tags:
    from graph.analysis.convert import rdf_to_networkx
    from graph.viz import render_html

    page = render_html(rdf_to_networkx(to_dataset([_extraction(name)])), title=name)
    parser = _Tags()
    parser.feed(page)
    parser.close()
    island = page.split('id="graph-data">', 1)[1].split("</script>", 1)[0]
    assert not re.search(r"[<>&]", island)  # the data cannot close the island or open a tag
    parser.scripts = len(re.findall(r"<script", page.replace(island, ""), re.IGNORECASE))
    return parser


@pytest.fixture(scope="module")
def baseline():
    return _page("Rebels")


def _strings(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for v in value.values():
            yield from _strings(v)
    elif isinstance(value, list):
        for v in value:
            yield from _strings(v)


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                 HealthCheck.function_scoped_fixture])
@given(names)
def test_random_names_leave_the_html_structure_alone(baseline, name):
    """The page has the same tags whatever the names; the title shows the name; the data decodes back."""
    page = _page(name)
    assert page.tags == baseline.tags
    assert page.scripts == baseline.scripts
    assert page.title == name
    data = json.loads(page.island)
    assert any(name in s for s in _strings(data))
