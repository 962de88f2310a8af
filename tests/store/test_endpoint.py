"""The store against a real SPARQL 1.1 endpoint: ``oxigraph serve`` started on loopback by the fixture."""
from __future__ import annotations

import pytest
from rdflib import Graph, Literal, URIRef

from graph.store import QueryError, load_files, named_queries, run_query
from graph.rdf import write_graph
from graph.store.materialise import derived_count

pytestmark = pytest.mark.endpoint

PARAMS = {"timeline": {"actor": "Xland Army"}, "attacks": {"since": "2024-03-05"}, "events": {"country": "YLD"},
          "roles": {"person": "Roe"}}


@pytest.mark.parametrize("name", sorted(set(named_queries()) - {"provenance", "occurrences"}))  # occurrences:
# tests/store/test_resolution.py, on articles that report one occurrence
def test_endpoint_answers_every_named_query_as_embedded_does(endpoint_store, store, name):
    params = PARAMS.get(name, {})
    remote, local = run_query(endpoint_store, name, params), run_query(store, name, params)
    assert remote.vars == local.vars
    assert sorted(map(repr, remote.rows)) == sorted(map(repr, local.rows))
    assert local.rows


def test_endpoint_replaces_one_article_graph(endpoint_store):
    names = endpoint_store.graph_names()
    n = endpoint_store.count()
    g = Graph(identifier=URIRef(names[0]))
    g.add((URIRef("http://example.org/s"), URIRef("http://example.org/p"), Literal('quote " and } brace')))
    endpoint_store.replace_graphs([g])
    assert endpoint_store.graph_names() == names
    assert endpoint_store.count() < n
    q = f"SELECT ?o WHERE {{ GRAPH <{names[0]}> {{ ?s ?p ?o }} }}"
    assert endpoint_store.select(q).rows == [(Literal('quote " and } brace'),)]


def test_endpoint_loads_files(endpoint_store, dataset, tmp_path):
    endpoint_store.update("DROP ALL")
    write_graph(dataset, tmp_path / "graph.ttl", "turtle")
    summary = load_files(endpoint_store, [tmp_path])
    assert summary.graphs == 2 and endpoint_store.count() == (summary.triples + derived_count(endpoint_store)
                                                              + summary.resolution.written)


def test_endpoint_malformed_query_is_refused_before_sending(endpoint_store):
    n = endpoint_store.count()
    with pytest.raises(QueryError, match="malformed SPARQL"):
        endpoint_store.query("SELECT * WHERE { ?s ?p }")
    assert endpoint_store.count() == n
