"""Tests of the store <-> NetworkX conversions in graph.analysis.convert, both ways."""
from __future__ import annotations

import networkx as nx

from graph.analysis.convert import networkx_to_rdf, networkx_to_store, rdf_to_networkx, store_to_networkx
from graph.rdf import extraction_to_graph
from graph.store import open_store
from tests.analysis.test_convert import _extraction
from tests.store.corpus import raid


def _same(a: nx.MultiDiGraph, b: nx.MultiDiGraph, *, evidence: bool = True) -> None:
    assert sorted(a.nodes) == sorted(b.nodes)
    for n in a:
        da, db = dict(a.nodes[n]), dict(b.nodes[n])
        if not evidence:
            da.pop("evidence"), db.pop("evidence")
        assert da == db, n
    assert sorted(a.edges(keys=True, data=True)) == sorted(b.edges(keys=True, data=True))


def test_store_convert_store_to_networkx_matches_rdf_to_networkx(store, dataset):
    _same(store_to_networkx(store), rdf_to_networkx(dataset), evidence=False)


def test_store_convert_store_to_networkx_reads_evidence_like_rdf_to_networkx(store, dataset):
    _same(store_to_networkx(store, evidence=True), rdf_to_networkx(dataset))


def test_store_convert_networkx_to_rdf_round_trips_the_contract():
    for x in (_extraction(), raid()):
        first = rdf_to_networkx(extraction_to_graph(x))
        _same(rdf_to_networkx(networkx_to_rdf(first)), first)


def test_store_convert_networkx_to_store_and_back():
    first = rdf_to_networkx(extraction_to_graph(raid()))
    with open_store() as s:
        n = networkx_to_store(first, s, "https://example.org/analysis/graph")
        assert n > 0 and s.graph_names() == ["https://example.org/analysis/graph"]
        _same(store_to_networkx(s, evidence=True), first)
