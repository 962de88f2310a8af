"""Tests of graph.store.load: extract output files into the store, graphs per article."""
from __future__ import annotations

import pytest

from graph.rdf import FORMATS, extraction_to_graph, write_graph
from graph.rdf.iris import RESOLUTION_GRAPH
from graph.store import LoadError, load_files, open_store
from graph.store.load import input_files
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
