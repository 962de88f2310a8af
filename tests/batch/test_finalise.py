"""Assembling a batch's outputs from its shards: every format, a bounded page."""
from __future__ import annotations

import json
import re

import pytest
from rdflib import Dataset, Graph
from rdflib.compare import isomorphic

from graph.batch.finalise import finalise
from graph.batch.shards import ShardFolder
from graph.export.jsonl import actor_rows, event_rows
from graph.rdf import FORMATS, extraction_to_graph
from tests.batch.helpers import extraction, shard_of

XS = [extraction(i) for i in range(5)]


@pytest.fixture
def folder(tmp_path):
    """Two shards holding five articles (three, then two)."""
    with ShardFolder(tmp_path / "shards") as f:
        shard_of(f, "run1-000000", XS[:3])
        shard_of(f, "run1-000001", XS[3:])
        yield f


def _keys(xs):
    return [f"key-{x.article.id}" for x in xs]


def _union(path, fmt) -> Graph:
    parse_as = {"turtle": "turtle", "nt": "nt", "nquads": "nquads", "trig": "trig", "json-ld": "json-ld"}[fmt]
    ds = Dataset()
    ds.parse(path, format=parse_as)
    union = Graph()
    for s, p, o, _ in ds.quads():
        union.add((s, p, o))
    return union


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_finalise_graph_file_holds_every_article_graph(folder, tmp_path, fmt):
    """Whatever the format, the graph file is the union of the article graphs (named graphs kept where the format can)."""
    out = tmp_path / "out"
    out.mkdir()
    done = finalise(folder, out, _keys(XS), fmt=fmt, html=False)
    expected = Graph()
    for x in XS:
        for triple in extraction_to_graph(x):
            expected.add(triple)
    path = out / f"graph{FORMATS[fmt]}"
    assert done.files["graph"] == str(path)
    assert isomorphic(_union(path, fmt), expected)
    if fmt in ("nquads", "trig", "json-ld"):
        ds = Dataset()
        ds.parse(path, format={"nquads": "nquads", "trig": "trig", "json-ld": "json-ld"}[fmt])
        names = {str(g.identifier) for g in ds.graphs() if len(g)}
        assert names == {str(extraction_to_graph(x).identifier) for x in XS}


def test_finalise_rows_follow_the_input_order(folder, tmp_path):
    """events.jsonl and actors.jsonl are the articles' rows in input order, not shard order."""
    order = [XS[4], XS[0], XS[3], XS[1], XS[2]]
    out = tmp_path / "out"
    out.mkdir()
    finalise(folder, out, _keys(order), html=False)
    rows = [json.loads(line) for line in (out / "events.jsonl").read_text(encoding="utf-8").splitlines()]
    assert rows == [r for x in order for r in event_rows(x)]
    actors = [json.loads(line) for line in (out / "actors.jsonl").read_text(encoding="utf-8").splitlines()]
    assert actors == [r for x in order for r in actor_rows(x)]


def test_finalise_leaves_out_shard_articles_not_in_the_input(folder, tmp_path):
    """Articles of earlier runs that this run's input does not name are not in its outputs."""
    out = tmp_path / "out"
    out.mkdir()
    done = finalise(folder, out, _keys(XS[:2]) + [{"source": "bad.txt", "problem": "empty", "error": "EmptyInputError"}],
                    fmt="nquads", html=False)
    assert [s.entry.id for s in done.articles] == ["s0", "s1"]
    assert {json.loads(line)["article"] for line in (out / "events.jsonl").read_text().splitlines()} == {"s0", "s1"}
    assert [json.loads(line)["source"] for line in (out / "failed.jsonl").read_text().splitlines()] == ["bad.txt"]


def test_finalise_page_is_drawn_from_a_bounded_summary_that_counts_the_rest(folder, tmp_path):
    """With max_nodes below the batch's node count, the page says how many nodes the whole batch had."""
    out = tmp_path / "out"
    out.mkdir()
    finalise(folder, out, _keys(XS), fmt="nquads", max_nodes=4)
    page = (out / "graph.html").read_text(encoding="utf-8")
    from graph.analysis.convert import rdf_to_networkx

    total = sum(rdf_to_networkx(extraction_to_graph(x)).number_of_nodes() for x in XS)
    note = re.search(r'<p id="pruning-note" role="note">([^<]*)</p>', page).group(1)
    assert f"Showing the 4 most important of {total} nodes" in note
