"""Tests of ``python -m graph load``."""
from __future__ import annotations

from graph.cli import main
from graph.rdf import write_graph
from graph.store import open_store
from tests.store.conftest import dataset  # noqa: F401  (fixture)


def test_load_cli_loads_an_extract_folder_and_reports(tmp_path, dataset, capsys):
    (tmp_path / "out").mkdir()
    write_graph(dataset, tmp_path / "out" / "graph.ttl", "turtle")
    assert main(["load", str(tmp_path / "out"), "--store", str(tmp_path / "db"), "-q"]) == 0
    assert main(["load", str(tmp_path / "out"), "--store", str(tmp_path / "db")]) == 0
    out = capsys.readouterr().out
    assert "graphs: 2 replaced" in out and "triples/s" in out


def test_load_cli_bad_file_is_one_line_and_exit_2(tmp_path, capsys):
    bad = tmp_path / "bad.nq"
    bad.write_text("not rdf\n")
    assert main(["load", str(bad), "--store", str(tmp_path / "db"), "-q"]) == 2
    err = capsys.readouterr().err.strip()
    assert err.startswith("error: ") and "bad.nq: not valid" in err and "\n" not in err


def test_load_cli_unreachable_endpoint_is_one_line(tmp_path, dataset, capsys):
    write_graph(dataset, tmp_path / "graph.nq", "nquads")
    assert main(["load", str(tmp_path / "graph.nq"), "--endpoint", "http://127.0.0.1:9/query"]) == 2
    err = capsys.readouterr().err.strip()
    assert err.startswith("error: http://127.0.0.1:9/query: cannot reach") and "\n" not in err


def test_load_cli_optimize_compacts_and_keeps_every_quad(tmp_path, dataset, capsys):
    out = tmp_path / "out"
    out.mkdir()
    write_graph(dataset, out / "graph.nq", "nquads")
    # without resolution: its graph names a run minted at each resolution, so two loads would differ there
    assert main(["load", str(out), "--store", str(tmp_path / "plain"), "-q", "--no-resolve"]) == 0
    assert main(["load", str(out), "--store", str(tmp_path / "db"), "--optimize", "--no-resolve"]) == 0
    assert "optimized:" in capsys.readouterr().out
    q = "SELECT ?g ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } }"
    with open_store(tmp_path / "plain", create=False) as a, open_store(tmp_path / "db", create=False) as b:
        assert sorted(a.select(q).rows) == sorted(b.select(q).rows)
