"""Tests of ``python -m graph analyze``."""
from __future__ import annotations

import json

from graph.cli import main
from graph.rdf import write_graph
from tests.store.conftest import dataset  # noqa: F401  (fixture)


def test_analyze_cli_store_to_markdown_report(tmp_path, dataset, capsys):
    write_graph(dataset, tmp_path / "graph.trig", "trig")
    assert main(["load", str(tmp_path / "graph.trig"), "--store", str(tmp_path / "db"), "-q"]) == 0
    assert main(["analyze", "--store", str(tmp_path / "db"), "-o", str(tmp_path / "report")]) == 0
    assert "report: " in capsys.readouterr().out
    text = (tmp_path / "report" / "report.md").read_text()
    assert "## Most central actors" in text and "![Escalation over time](escalation.png)" in text


def test_analyze_cli_files_to_html_and_json(tmp_path, dataset, capsys):
    write_graph(dataset, tmp_path / "graph.ttl", "turtle")
    assert main(["analyze", str(tmp_path / "graph.ttl"), "-o", str(tmp_path / "r"), "--format", "html",
                 "--json", "--no-plots"]) == 0
    tables = json.loads(capsys.readouterr().out)
    assert tables["summary"]["articles"] == 2 and tables["chains"][0]["length"] == 2
    assert (tmp_path / "r" / "report.html").exists() and not (tmp_path / "r" / "escalation.png").exists()


def test_analyze_cli_missing_store_is_one_line(tmp_path, capsys):
    assert main(["analyze", "--store", str(tmp_path / "none"), "-o", str(tmp_path / "r")]) == 2
    assert "no store here" in capsys.readouterr().err
