"""Tests of graph.store.backend: opening stores, replacing article graphs, binding, bad input."""
from __future__ import annotations

import subprocess
import sys

import pytest
from rdflib import Graph, Literal, URIRef

from graph.rdf import extraction_to_graph
from graph.store import (
    EndpointError, QueryError, StoreError, StoreLockedError, StoreNotFoundError, load_dataset, open_store,
)
from graph.store.backend import inject_values, update_endpoint_for, values_block
from graph.rdf.iris import RESOLUTION_GRAPH
from graph.store.materialise import derived_count
from tests.store.corpus import april, raid


def _graph_name(x) -> str:
    return str(extraction_to_graph(x).identifier)


def test_backend_keeps_one_named_graph_per_article(store):
    assert store.graph_names() == sorted([_graph_name(raid()), _graph_name(april()), str(RESOLUTION_GRAPH)])
    resolution = len(store.select(f"SELECT * WHERE {{ GRAPH <{RESOLUTION_GRAPH}> {{ ?s ?p ?o }} }}").rows)
    assert store.count() == sum(len(extraction_to_graph(x)) for x in (raid(), april())) + derived_count(store) + resolution


def test_backend_replacing_an_article_changes_its_graph_and_nothing_else(store):
    other = _graph_name(april())
    before = store.select(f"SELECT ?s ?p ?o WHERE {{ GRAPH <{other}> {{ ?s ?p ?o }} }}").rows
    g = Graph(identifier=URIRef(_graph_name(raid())))
    g.add((URIRef("http://example.org/only"), URIRef("http://example.org/p"), Literal("left")))
    store.replace_graphs([g])
    rows = store.select(f"SELECT ?s WHERE {{ GRAPH <{g.identifier}> {{ ?s ?p ?o }} }}").rows
    assert rows == [(URIRef("http://example.org/only"),)]
    assert sorted(store.select(f"SELECT ?s ?p ?o WHERE {{ GRAPH <{other}> {{ ?s ?p ?o }} }}").rows) == sorted(before)


def test_backend_persists_on_disk_and_reopens(tmp_path, dataset):
    with open_store(tmp_path / "db") as s:
        load_dataset(s, dataset)
        n = s.count()
    with open_store(tmp_path / "db", create=False) as s:
        assert s.count() == n and s.kind == "embedded"


def test_backend_locked_directory_is_one_clear_error(tmp_path, dataset):
    with open_store(tmp_path / "db") as s:
        load_dataset(s, dataset)
        code = ("from graph.store import open_store\n"
                "try:\n    open_store(%r)\nexcept Exception as e:\n    print(type(e).__name__, e)" % str(tmp_path / "db"))
        out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60).stdout
        assert out.startswith("StoreLockedError") and "locked by another process" in out
        assert s.count() > 0
    assert StoreLockedError.__mro__[1] is StoreError


def test_backend_missing_store_is_not_created_for_reading(tmp_path):
    with pytest.raises(StoreNotFoundError, match="no store here"):
        open_store(tmp_path / "nothing", create=False)
    assert not (tmp_path / "nothing").exists()


def test_backend_refuses_a_folder_that_is_not_a_store(tmp_path):
    (tmp_path / "notes.txt").write_text("x")
    with pytest.raises(StoreError, match="not empty and holds no store"):
        open_store(tmp_path)


def test_backend_malformed_query_is_one_line_error(store):
    with pytest.raises(QueryError) as err:
        store.query("SELECT ?x WHERE { ?x ")
    assert "malformed SPARQL" in str(err.value) and "\n" not in str(err.value)


def test_backend_update_in_place_of_a_query_is_refused_and_changes_nothing(store):
    n = store.count()
    with pytest.raises(QueryError, match="update, not a query"):
        store.query("DELETE WHERE { ?s ?p ?o }")
    assert store.count() == n


def test_backend_unreachable_endpoint_is_one_clear_error():
    with pytest.raises(EndpointError, match="cannot reach the SPARQL endpoint"):
        open_store(endpoint="http://127.0.0.1:9/query")


def test_backend_binding_keeps_hostile_text_one_literal(store):
    hostile = 'x" } } ; DROP ALL ; SELECT * { ?s ?p "'
    n = store.count()
    result = store.select("SELECT ?v WHERE { BIND (?v AS ?w) }", {"v": Literal(hostile)})
    assert result.rows == [(Literal(hostile),)]
    assert store.count() == n


def test_backend_values_go_first_in_the_where_group():
    q = 'CONSTRUCT { ?s <p> "{" } WHERE { ?s ?p ?o }'
    assert inject_values(q, {"o": Literal(1)}).endswith(
        'WHERE { VALUES (?o) { ("1"^^<http://www.w3.org/2001/XMLSchema#integer>) } ?s ?p ?o }')
    assert values_block({"a": URIRef("http://e/a")}) == "VALUES (?a) { (<http://e/a>) }"
    assert update_endpoint_for("http://h:1/query/") == "http://h:1/update"
