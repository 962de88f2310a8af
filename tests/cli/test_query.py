"""Tests of ``python -m graph query``."""
from __future__ import annotations

import csv
import io
import json

import pytest

from graph.cli import main
from graph.rdf import write_graph
from tests.store.conftest import dataset  # noqa: F401  (fixture)


@pytest.fixture
def db(tmp_path, dataset):
    write_graph(dataset, tmp_path / "graph.nq", "nquads")
    assert main(["load", str(tmp_path / "graph.nq"), "--store", str(tmp_path / "db"), "-q"]) == 0
    return str(tmp_path / "db")


def test_query_cli_named_query_with_parameter_as_table(db, capsys):
    assert main(["query", "timeline", "--param", "actor=Rebels", "--store", db]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split()[:3] == ["date", "role", "event"] and len(lines) == 2 + 3


def test_query_cli_csv_and_json(db, capsys):
    assert main(["query", "backers", "--store", db, "-f", "csv"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert rows == [{"backed": "Rebels", "backer": "Yland", "articles": "2", "example": "april"}]
    assert main(["query", "casualties", "--store", db, "--format", "json"]) == 0
    assert {r["month"] for r in json.loads(capsys.readouterr().out)} == {"2024-03", "2024-04"}


def test_query_cli_sparql_text_and_rq_file(db, tmp_path, capsys):
    assert main(["query", "ASK { ?s ?p ?o }", "--store", db]) == 0
    assert capsys.readouterr().out.strip() == "true"
    rq = tmp_path / "n.rq"
    rq.write_text("SELECT (COUNT(*) AS ?n) WHERE { ?s a <https://w3id.org/conflict-graph/ontology#Article> }")
    assert main(["query", str(rq), "--store", db, "-f", "csv"]) == 0
    assert capsys.readouterr().out.splitlines() == ["n", "2"]


def test_query_cli_list_names_every_query_and_parameter(capsys):
    assert main(["query", "--list"]) == 0
    out = capsys.readouterr().out
    for name in ("attacks", "retaliation-chains", "backers", "roles", "claims", "events", "timeline",
                 "casualties", "provenance", "occurrences"):
        assert f"\n{name}" in "\n" + out
    assert "--param actor=STRING  (required)" in out
    assert main(["query", "--list", "-f", "json"]) == 0
    assert len(json.loads(capsys.readouterr().out)) == 10


@pytest.mark.parametrize("argv,message", [
    (["query", "SELECT ?x WHERE { ?x }"], "malformed SPARQL query"),
    (["query", "atacks"], "unknown named query 'atacks'; known: attacks"),
    (["query", "timeline"], "missing parameter actor"),
    (["query", "attacks", "--param", "since=yesterday"], "not a date"),
    (["query", "DROP ALL"], "update, not a query"),
])
def test_query_cli_bad_input_is_one_line_and_changes_nothing(db, capsys, argv, message):
    main(["query", "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }", "--store", db, "-f", "csv"])
    before = capsys.readouterr().out
    assert main(argv + ["--store", db]) == 2
    err = capsys.readouterr().err.strip()
    assert err.startswith("error: ") and message in err and "\n" not in err
    main(["query", "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }", "--store", db, "-f", "csv"])
    assert capsys.readouterr().out == before


def test_query_cli_missing_store_is_not_created(tmp_path, capsys):
    assert main(["query", "attacks", "--store", str(tmp_path / "none")]) == 2
    assert "no store here" in capsys.readouterr().err and not (tmp_path / "none").exists()


def test_query_cli_locked_store_is_one_line(db, capsys):
    from graph.store import open_store

    import subprocess
    import sys

    with open_store(db):
        proc = subprocess.run([sys.executable, "-m", "graph", "query", "attacks", "--store", db],
                              capture_output=True, text=True, timeout=120)
    assert proc.returncode == 2
    assert proc.stderr.strip().startswith("error: ") and "locked by another process" in proc.stderr
    assert len(proc.stderr.strip().splitlines()) == 1
