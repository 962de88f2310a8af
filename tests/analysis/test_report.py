"""Tests of graph.analysis.report: the analysis of a store written as Markdown and HTML with plots."""
from __future__ import annotations

import pytest

from graph.analysis.convert import store_to_networkx
from graph.analysis.report import analyze, write_report
from graph.errors import OutputError


def test_report_analysis_gathers_every_measure(store):
    a = analyze(store_to_networkx(store))
    assert a.summary["articles"] == 2 and a.summary["attacks"] == 4
    assert a.centrality[0]["actor"] in {"Rebels", "Xland Army"}
    assert a.chains[0]["length"] == 2
    assert a.blocs[0]["patrons"] == ["Yland"]
    assert [r["month"] for r in a.escalation] == ["2024-03"]  # the April attack has no date of its own


@pytest.mark.parametrize("fmt,name", [("markdown", "report.md"), ("html", "report.html")])
def test_report_writes_text_and_png_plots(store, tmp_path, fmt, name):
    files = write_report(analyze(store_to_networkx(store)), tmp_path, fmt=fmt, title="Test <corpus>")
    text = (tmp_path / name).read_text()
    assert "Retaliation chains" in text and "Xland Army" in text
    assert ("Test &lt;corpus&gt;" in text) if fmt == "html" else ("# Test <corpus>" in text)
    for png in ("escalation.png", "centrality.png", "conflict-network.png"):
        assert (tmp_path / png).read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
        assert png in files and png in text


def test_report_unknown_format_is_refused(store, tmp_path):
    with pytest.raises(OutputError, match="unknown report format"):
        write_report(analyze(store_to_networkx(store)), tmp_path, fmt="pdf")
