"""The ``viz`` command: graph files, extract output folders and Oxigraph stores to a page."""
from __future__ import annotations

import gc
import json
import re

import pytest

from graph.cli import main
from graph.cli.viz import read_graphs, viz
from graph.rdf import to_dataset, write_graph
from tests.rdf.sample import sample

DATA_RE = re.compile(r'<script type="application/json" id="graph-data">(.*?)</script>', re.S)


def page_data(path) -> dict:
    return json.loads(DATA_RE.search(path.read_text(encoding="utf-8")).group(1))


@pytest.fixture(scope="module")
def dataset():
    return to_dataset([sample()])


@pytest.fixture
def outdir(tmp_path, dataset):
    """A folder as ``extract`` leaves it (the graph file only)."""
    out = tmp_path / "out"
    out.mkdir()
    write_graph(dataset, out / "graph.ttl", "turtle")
    return out


def labels(path) -> set[str]:
    return {d["label"] for d in page_data(path)["details"]}


def test_viz_reads_an_extract_output_folder(outdir, tmp_path, expected, capsys):
    html = tmp_path / "g.html"
    assert main(["viz", str(outdir), "-o", str(html)]) == 0
    assert labels(html) == expected and {"Rebels", "Xland Army", "Jane Roe", "Xville"} <= expected
    printed = capsys.readouterr().out
    assert "drawn (whole view)" in printed and f"html: {html}" in printed
    assert "<title>Conflict graph: out</title>" in html.read_text(encoding="utf-8")


@pytest.mark.parametrize("fmt,suffix", [("nquads", ".nq"), ("trig", ".trig"), ("json-ld", ".jsonld"),
                                        ("nt", ".nt")])
def test_viz_reads_every_graph_file_format(tmp_path, dataset, expected, fmt, suffix):
    path = write_graph(dataset, tmp_path / f"graph{suffix}", fmt)
    viz([path], tmp_path / "g.html")
    assert labels(tmp_path / "g.html") == expected


@pytest.fixture(scope="module")
def expected(dataset) -> set[str]:
    """Every node label of the sample graph."""
    from graph.analysis.convert import rdf_to_networkx

    return {d["label"] for _, d in rdf_to_networkx(dataset).nodes(data=True)}


def test_viz_reads_an_oxigraph_store_read_only(tmp_path, dataset, expected):
    pyoxigraph = pytest.importorskip("pyoxigraph")
    nq = write_graph(dataset, tmp_path / "graph.nq", "nquads")
    store = pyoxigraph.Store(str(tmp_path / "store"))
    store.load(path=str(nq), format=pyoxigraph.RdfFormat.N_QUADS)
    store.flush()
    del store
    gc.collect()
    summary = viz([tmp_path / "store"], tmp_path / "s.html")
    assert summary.nodes == len(expected) and labels(tmp_path / "s.html") == expected


def test_viz_writes_png_and_svg_beside_the_page(outdir, tmp_path):
    assert main(["viz", str(outdir / "graph.ttl"), "-o", str(tmp_path / "g.html"), "-q", "--png", "--svg"]) == 0
    assert (tmp_path / "g.png").read_bytes().startswith(b"\x89PNG")
    assert b"<svg" in (tmp_path / "g.svg").read_bytes()[:500]


def test_viz_output_folder_gets_graph_html(outdir):
    assert main(["viz", str(outdir), "-o", str(outdir), "-q"]) == 0
    assert (outdir / "graph.html").is_file()


@pytest.mark.parametrize("view,kept,dropped", [
    ("timeline", {"attack: Rebels", "Rebels", "Jane Roe"}, {"Xville", "statement: Xland Army -> ?"}),
    ("retaliation", set(), {"Rebels"}),
])
def test_viz_views(outdir, tmp_path, view, kept, dropped):
    html = tmp_path / f"{view}.html"
    summary = viz([outdir], html, view=view)
    shown = labels(html)
    assert page_data(html)["view"] == view and summary.description
    assert not dropped & shown
    assert all(any(k in s for s in shown) for k in kept)


def test_viz_actor_view_is_the_neighbourhood(outdir, tmp_path, capsys):
    html = tmp_path / "a.html"
    assert main(["viz", str(outdir), "-o", str(html), "--actor", "jane roe"]) == 0
    data = page_data(html)
    assert data["view"] == "actor" and data["details"][data["focus"]]["label"] == "Jane Roe"
    assert "Neighbourhood of Jane Roe" in capsys.readouterr().out
    assert "around Jane Roe" in html.read_text(encoding="utf-8")


def test_viz_unknown_actor_is_a_one_line_error_with_close_names(outdir, tmp_path, capsys):
    assert main(["viz", str(outdir), "-o", str(tmp_path / "a.html"), "--view", "actor", "--actor", "Jane Doe"]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "'Jane Doe'" in err[0] and "'Jane Roe'" in err[0]
    assert not (tmp_path / "a.html").exists()


def test_viz_max_nodes_limits_and_zero_draws_all(outdir, tmp_path):
    assert viz([outdir], tmp_path / "a.html", max_nodes=2).drawn_nodes == 2
    assert "most important" in page_data(tmp_path / "a.html")["note"]
    everything = viz([outdir], tmp_path / "b.html", max_nodes=0)
    assert everything.drawn_nodes == everything.nodes and page_data(tmp_path / "b.html")["note"] is None


@pytest.mark.parametrize("make,message", [
    (lambda p: p / "missing.ttl", "no such file or folder"),
    (lambda p: (p / "notes.txt").write_text("x") and p / "notes.txt", "unknown graph file type '.txt'"),
    (lambda p: (p / "bad.ttl").write_text("this is not turtle") and p / "bad.ttl", "not valid turtle"),
    (lambda p: (p / "empty").mkdir() or p / "empty", "nor a readable Oxigraph store"),
])
def test_viz_bad_input_is_a_one_line_error(tmp_path, capsys, make, message):
    path = make(tmp_path)
    assert main(["viz", str(path), "-o", str(tmp_path / "g.html")]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and message in err[0] and str(path) in err[0]


def test_viz_negative_max_nodes_is_a_usage_error(outdir, capsys):
    with pytest.raises(SystemExit) as done:
        main(["viz", str(outdir), "--max-nodes", "-3"])
    assert done.value.code == 2 and "max-nodes" in capsys.readouterr().err


def test_viz_reads_several_inputs_as_one_graph(outdir, tmp_path):
    other = tmp_path / "other.nq"
    write_graph(to_dataset([sample()]), other, "nquads")
    assert len(read_graphs([outdir, other])) == len(read_graphs([outdir]))  # the same triples, merged
