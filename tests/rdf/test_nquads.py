"""The streaming N-Quads writer against rdflib's graph and two independent parsers."""
from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest
from hypothesis import HealthCheck, given, settings
from rdflib import BNode, Dataset, Graph, Literal, URIRef
from rdflib.compare import isomorphic

from graph.rdf.mapping import extraction_to_graph, extraction_triples
from graph.rdf.nquads import nquads, ntriples, term
from tests.hostile.strategies import texts
from tests.rdf.sample import HOSTILE, hostile, sample

G = URIRef("http://example.org/g")
S, P = URIRef("http://example.org/s"), URIRef("http://example.org/p")
EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "kurdistan24-us-strikes-syria.txt"


def _parsed(text: str, name: URIRef) -> Graph:
    ds = Dataset()
    ds.parse(data=text, format="nquads")
    return ds.graph(name)


@pytest.mark.parametrize("x", [sample(), *(hostile(n) for n in HOSTILE)], ids=["sample", *map(repr, HOSTILE)])
def test_nquads_of_the_mapping_parse_back_to_the_same_graph(x):
    """The lines of an article's triples are, for rdflib and for Oxigraph, the graph extraction_to_graph builds."""
    name, triples = extraction_triples(x)
    text = nquads(triples, name)
    graph = extraction_to_graph(x)
    assert graph.identifier == name
    assert isomorphic(_parsed(text, name), graph) and len(graph) == len(triples)
    assert len(list(ox.parse(text.encode("utf-8"), format=ox.RdfFormat.N_QUADS))) == len(triples)


def test_nquads_mapping_has_no_blank_nodes_and_no_repeated_triple():
    """Files of many articles can be concatenated: no blank-node label can collide, no triple comes twice."""
    _, triples = extraction_triples(sample())
    assert len(set(triples)) == len(triples)
    assert not any(isinstance(t, BNode) for triple in triples for t in triple)


@pytest.mark.slow
def test_nquads_real_extraction_is_isomorphic_to_the_graph():
    """On a real article through the model, the streamed lines hold exactly the rdflib graph."""
    from graph.extract.pipeline import extract_article
    from graph.ingest import article_from_text
    from graph.nlp import pipeline

    nlp = pipeline()
    article = article_from_text(EXAMPLE.read_text(encoding="utf-8"), source=str(EXAMPLE), article_id="k24")
    x = extract_article(article, nlp)
    name, triples = extraction_triples(x)
    graph = extraction_to_graph(x)
    assert len(graph) > 1000
    assert isomorphic(_parsed(nquads(triples, name), name), graph)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts)
def test_nquads_any_literal_round_trips(text):
    """Quotes, backslashes, line breaks, control and bidi characters come back unchanged, on one line."""
    line = nquads([(S, P, Literal(text)), (S, P, Literal(text, lang="en"))], G)
    assert line.count("\n") == 2
    back = {(str(o), o.language) for o in _parsed(line, G).objects(S, P)}
    assert back == {(text, None), (text, "en")}
    oxback = sorted(q.object.value for q in ox.parse(line.encode("utf-8"), format=ox.RdfFormat.N_QUADS))
    assert oxback == [text, text]


def test_nquads_terms_follow_n_triples():
    """Datatypes are written unless xsd:string; blank nodes keep their label."""
    assert term(Literal("x")) == '"x"'
    assert term(Literal("2024-03-05", datatype=URIRef("http://www.w3.org/2001/XMLSchema#date"))) == \
        '"2024-03-05"^^<http://www.w3.org/2001/XMLSchema#date>'
    assert term(BNode("b1")) == "_:b1"
    with pytest.raises(TypeError):
        term(None)
    assert ntriples([(S, P, Literal(True))]) == \
        '<http://example.org/s> <http://example.org/p> "true"^^<http://www.w3.org/2001/XMLSchema#boolean> .\n'
