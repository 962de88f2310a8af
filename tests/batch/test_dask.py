"""Extraction on Dask distributed, into a real SPARQL server on loopback."""
from __future__ import annotations

import json
import urllib.parse
import urllib.request
from pathlib import Path

import pytest

from graph.cli import main
from graph.rdf.iris import RESOLUTION_GRAPH
from graph.store.materialise import DERIVED
from tests.batch.helpers import write_feed

pytestmark = [pytest.mark.slow, pytest.mark.endpoint]
SEM_EVENT = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <http://semanticweb.cs.vu.nl/2009/11/sem/Event>"


def _graphs(query_url: str) -> dict[str, int]:
    """Named graph -> triples, as the server answers over HTTP."""
    q = "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g"
    request = urllib.request.Request(f"{query_url}?{urllib.parse.urlencode({'query': q})}",
                                     headers={"Accept": "application/sparql-results+json"})
    with urllib.request.urlopen(request, timeout=30) as response:
        rows = json.load(response)["results"]["bindings"]
    return {r["g"]["value"]: int(r["n"]["value"]) for r in rows}


def _derived(query_url: str) -> dict[str, int]:
    """Named graph -> derived triples (``graph.store.materialise.DERIVED``), as the server answers."""
    values = " ".join(f"<{p}>" for p in DERIVED)
    q = f"SELECT ?g (COUNT(*) AS ?n) WHERE {{ VALUES ?p {{ {values} }} GRAPH ?g {{ ?s ?p ?o }} }} GROUP BY ?g"
    request = urllib.request.Request(f"{query_url}?{urllib.parse.urlencode({'query': q})}",
                                     headers={"Accept": "application/sparql-results+json"})
    with urllib.request.urlopen(request, timeout=30) as response:
        rows = json.load(response)["results"]["bindings"]
    return {r["g"]["value"]: int(r["n"]["value"]) for r in rows}


def _drop_all(query_url: str) -> None:
    data = urllib.parse.urlencode({"update": "DROP ALL"}).encode()
    urllib.request.urlopen(urllib.request.Request(query_url.replace("/query", "/update"), data=data), timeout=30).read()


def _expected(out: Path) -> dict[str, int]:
    """Graph -> quads of the extract's own N-Quads output."""
    counts: dict[str, int] = {}
    for line in (out / "graph.nq").read_text(encoding="utf-8").splitlines():
        graph = line[line.rindex(" <") + 2:line.rindex(">")]
        counts[graph] = counts.get(graph, 0) + 1
    return counts


def test_dask_local_cluster_of_two_workers_loads_the_server_by_sparql_update(tmp_path, oxigraph_server, capsys):
    """--scheduler on a two-worker LocalCluster: each worker loads the model once, the server holds exactly the articles."""
    from distributed import Client, LocalCluster

    _drop_all(oxigraph_server)
    feed = write_feed(tmp_path / "feed.jsonl", 12)
    out = tmp_path / "out"
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster, \
            Client(cluster) as client:
        rc = main(["extract", str(feed), "-o", str(out), "--no-html", "--format", "nquads",
                   "--scheduler", cluster.scheduler_address, "--endpoint", oxigraph_server])
        loads = client.run(lambda: __import__("graph.nlp", fromlist=["pipeline"]).pipeline.cache_info().misses)
    assert rc == 0
    printed = capsys.readouterr().out
    assert "Dask (tcp://" in printed and "12 graphs" in printed
    worked = [n for n in loads.values() if n]
    assert worked and all(n == 1 for n in worked)  # the model once per worker, whatever the chunks
    shards = [json.loads(p.read_text()) for p in (out / "shards").glob("*.json")]
    assert sum(len(s["articles"]) for s in shards) == 12
    expected = _expected(out)
    held = _graphs(oxigraph_server)
    assert set(held) == set(expected) | {str(RESOLUTION_GRAPH)} and len(expected) == 12
    derived = _derived(oxigraph_server)
    for graph, n in expected.items():  # each article's triples, plus what the named queries read
        events = sum(1 for line in (out / "graph.nq").read_text().splitlines()
                     if line.endswith(f"<{graph}> .") and SEM_EVENT in line)
        assert derived[graph] >= events  # at least a cg:effectiveDate per event
        assert held[graph] == n + derived[graph]


def test_dask_workers_option_puts_every_article_graph_over_the_graph_store_protocol(tmp_path, oxigraph_server):
    """--workers 2 starts a LocalCluster; --graph-store PUTs each article graph; a re-run replaces, never doubles."""
    _drop_all(oxigraph_server)
    feed = write_feed(tmp_path / "feed.jsonl", 10)
    out = tmp_path / "out"
    store = oxigraph_server.replace("/query", "/store")
    args = ["extract", str(feed), "-o", str(out), "-q", "--no-html", "--format", "nquads", "--workers", "2",
            "--graph-store", store]
    assert main(args) == 0
    expected = _expected(out)
    assert _graphs(oxigraph_server) == expected and len(expected) == 10
    assert main(args) == 0  # resumed: nothing extracted again, the same graphs put again
    assert _graphs(oxigraph_server) == expected


def test_graph_store_without_an_update_endpoint_says_the_named_queries_miss_their_terms(tmp_path, oxigraph_server,
                                                                                         capsys):
    """The Graph Store Protocol cannot run updates: the user is told to add --endpoint, and the graphs still go."""
    _drop_all(oxigraph_server)
    feed = write_feed(tmp_path / "feed.jsonl", 2)
    out = tmp_path / "out"
    store = oxigraph_server.replace("/query", "/store")
    assert main(["extract", str(feed), "-o", str(out), "--no-html", "--format", "nquads", "--jobs", "1",
                 "--graph-store", store]) == 0
    assert "add --endpoint" in capsys.readouterr().err
    assert len(_graphs(oxigraph_server)) == 2
