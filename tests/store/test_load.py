"""Tests of graph.store.load: extract output files into the store, graphs per article."""
from __future__ import annotations

import pytest

from graph.rdf import FORMATS, extraction_to_graph, write_graph
from graph.rdf.iris import RESOLUTION_GRAPH
from graph.store import LoadError, load_files, open_store
from graph.store.load import input_files
from graph.store.load import FORMATS as SUFFIXES

FORMATS_OX = {"nquads": SUFFIXES[".nq"]}
from tests.store.corpus import april, raid


def _articles(store) -> list[str]:
    return [g for g in store.graph_names() if g != str(RESOLUTION_GRAPH)]


def _resolution_size(store) -> int:
    return len(store.select(f"SELECT * WHERE {{ GRAPH <{RESOLUTION_GRAPH}> {{ ?s ?p ?o }} }}").rows)


@pytest.mark.parametrize("fmt", ["nquads", "trig", "json-ld", "turtle", "nt"])
def test_load_every_extract_format_gives_the_same_article_graphs(tmp_path, dataset, store, fmt):
    (tmp_path / "out").mkdir()
    write_graph(dataset, tmp_path / "out" / f"graph{FORMATS[fmt]}", fmt)
    with open_store() as s:
        summary = load_files(s, [tmp_path / "out"])
        assert summary.graphs == 2
        assert s.graph_names() == store.graph_names()
        for name in _articles(store):  # the resolution graph differs by its run's time only
            q = f"SELECT ?s ?p ?o WHERE {{ GRAPH <{name}> {{ ?s ?p ?o }} }}"
            assert sorted(s.select(q).rows) == sorted(store.select(q).rows)


def test_load_again_replaces_the_article_and_nothing_else(tmp_path):
    one, two = tmp_path / "one.nq", tmp_path / "two.nq"
    write_graph(extraction_to_graph(raid()), one, "nquads")
    write_graph(extraction_to_graph(april()), two, "nquads")
    with open_store(tmp_path / "db") as s:
        load_files(s, [one, two])
        n = s.count() - _resolution_size(s)
        load_files(s, [one])
        assert s.count() - _resolution_size(s) == n  # the resolution graph: tests/store/test_resolution.py
        assert len(_articles(s)) == 2


def test_load_malformed_file_changes_nothing(tmp_path, dataset):
    good, bad = tmp_path / "good.nq", tmp_path / "bad.nq"
    write_graph(dataset, good, "nquads")
    bad.write_text("<http://e/s> <http://e/p> .\n")
    with open_store() as s:
        with pytest.raises(LoadError, match="bad.nq: not valid"):
            load_files(s, [good, bad])
        assert s.count() == 0


def test_load_names_missing_and_unknown_inputs(tmp_path):
    (tmp_path / "x.csv").write_text("a,b\n")
    with pytest.raises(LoadError, match="unknown RDF file suffix '.csv'"):
        input_files([tmp_path / "x.csv"])
    with pytest.raises(LoadError, match="no RDF file here"):
        input_files([tmp_path])


def test_load_malformed_file_into_a_store_with_articles_changes_nothing(tmp_path, dataset):
    good, bad = tmp_path / "good.nq", tmp_path / "bad.nq"
    write_graph(dataset, good, "nquads")
    bad.write_text("<http://e/s> <http://e/p> .\n")
    with open_store(tmp_path / "db") as s:
        load_files(s, [good])
        before = sorted(s.select("SELECT ?g ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } }").rows)
        with pytest.raises(LoadError, match="bad.nq: not valid"):
            load_files(s, [good, bad])
        assert sorted(s.select("SELECT ?g ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } }").rows) == before


def test_load_in_pieces_gives_the_same_graphs_and_the_line_of_an_error(tmp_path, dataset, store, monkeypatch):
    import graph.store.load as load

    path = tmp_path / "graph.nq"
    write_graph(dataset, path, "nquads")
    monkeypatch.setattr(load, "PIECE", 4096)
    assert len(load._pieces(path, FORMATS_OX["nquads"])) > 3
    with open_store(tmp_path / "db") as s:
        summary = load_files(s, [path], workers=2)
        assert summary.triples == len([line for line in path.read_text().splitlines() if line.strip()])
        # the article graphs (the resolution graph names its own run, minted at each resolution)
        q = f"SELECT ?g ?s ?p ?o WHERE {{ GRAPH ?g {{ ?s ?p ?o }} FILTER (?g != <{RESOLUTION_GRAPH}>) }}"
        assert sorted(s.select(q).rows) == sorted(store.select(q).rows)
    lines = path.read_text().splitlines()
    lines[-3] = "<http://e/s> <http://e/p> ."
    path.write_text("\n".join(lines) + "\n")
    with open_store(tmp_path / "db2") as s:
        with pytest.raises(LoadError, match=f"graph.nq: not valid N-Quads: .*line {len(lines) - 2}\\b"):
            load_files(s, [path], workers=2)
        assert s.count() == 0


def test_load_default_graph_triples_of_an_nquads_file_go_to_their_article(tmp_path):
    path = tmp_path / "graph.nq"
    write_graph(extraction_to_graph(raid()), tmp_path / "graph.nt", "nt")
    path.write_text((tmp_path / "graph.nt").read_text())  # N-Triples lines are N-Quads without a graph
    with open_store() as s:
        summary = load_files(s, [path])
        article = str(extraction_to_graph(raid()).identifier)
        assert summary.graphs == 1 and s.graph_names() == sorted([article, str(RESOLUTION_GRAPH)])
        assert s.select("SELECT * WHERE { ?s ?p ?o FILTER NOT EXISTS { GRAPH ?g { ?s ?p ?o } } }").rows == []


def test_load_bad_iri_into_an_empty_store_changes_nothing(tmp_path, dataset):
    good, bad = tmp_path / "good.nq", tmp_path / "bad.nq"
    write_graph(dataset, good, "nquads")
    bad.write_text('<http://e/s x> <http://e/p> "o" <http://e/g> .\n')  # a space in an IRI: the loader alone lets it in
    with open_store(tmp_path / "db") as s:
        with pytest.raises(LoadError, match="bad.nq: not valid N-Quads: .*line 1"):
            load_files(s, [good, bad])
        assert s.count() == 0
