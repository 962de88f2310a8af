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


def test_store_convert_reads_digests_and_graphs_without_one_as_their_union(tmp_path):
    """Loaded articles are read from their digests; a graph written otherwise, triple by triple."""
    from graph.rdf import to_dataset, write_graph
    from graph.store import load_files
    from graph.store.digest import DIGEST
    from tests.store.corpus import april

    write_graph(to_dataset([raid(), april()]), tmp_path / "graph.nq", "nquads")
    extra = rdf_to_networkx(extraction_to_graph(_extraction()))
    with open_store(tmp_path / "db") as s:
        load_files(s, [tmp_path / "graph.nq"])
        assert len(s.select(f"SELECT ?g WHERE {{ GRAPH ?g {{ ?g <{DIGEST}> ?d }} }}").rows) == 2
        networkx_to_store(extra, s, "https://example.org/analysis/graph")  # no digest
        union = nx.compose(rdf_to_networkx(to_dataset([raid(), april()])), extra)
        _same(store_to_networkx(s), union, evidence=False)


def test_store_convert_outdated_digest_is_read_triple_by_triple(store, dataset):
    from graph.store.digest import DIGEST

    store.update(f'DELETE {{ GRAPH ?g {{ ?g <{DIGEST}> ?d }} }} INSERT {{ GRAPH ?g {{ ?g <{DIGEST}> "{{\\"v\\": 0}}" }} }} '
                 f'WHERE {{ GRAPH ?g {{ ?g <{DIGEST}> ?d }} }}')
    _same(store_to_networkx(store), rdf_to_networkx(dataset), evidence=False)
