"""Reports: sentences for missed events, error listings, Markdown and JSON data."""
from __future__ import annotations

import json

from graph.evaluate import evaluate
from graph.evaluate.report import as_dict, markdown_report, sentence_with, sentences, text_report

from .conftest import DATA, GOLD


def fixture_evaluation():
    return evaluate([GOLD], DATA / "events.jsonl", DATA / "actors.jsonl")


def test_report_sentences_keep_initials_and_titles_whole():
    assert sentences("The U.S. Navy struck at 2 a.m. Mr. Li said so. “Enough.” He left.\n\nNext") == (
        "The U.S. Navy struck at 2 a.m.", "Mr. Li said so.", "“Enough.”", "He left.", "Next")


def test_report_sentence_with_prefers_the_sentence_naming_the_actors():
    text = "Officials said the town was calm. The army said rebels attacked. Rebels said nothing."
    assert sentence_with(text, "said", ["the army"]) == "The army said rebels attacked."
    assert sentence_with(text, "said", []) == "Officials said the town was calm."
    assert sentence_with(text, "sai", []) is None  # whole words only
    assert sentence_with(None, "said") is None


def test_report_text_lists_missed_and_spurious_with_sentences():
    report = text_report(fixture_evaluation())
    assert "  Karsa provincial government [GOV]" in report.split("missed actors (1):")[1]
    assert "  students [a7]\n  Karsa [a8]" in report
    assert ('E4 accusation "blamed" United Nations -> Northern Front: The United Nations blamed the Northern Front '
            "for Monday's shelling of Karsa. [predicted with another type: q4 (statement)]") in report
    assert ('p6 attack "?" Valdoria -> Northern Front: The army, backed by Valdoria, answered with airstrikes on '
            "Tuesday night. [duplicate of E2 (paired with p2)]") in report
    assert "E5~p5 attack injured wrong: gold [3] predicted [2]" in report
    assert "wrongly merged: alpha#E1 = beta: q4 (pairs no gold event)" in report
    assert "predictions for articles without gold (not scored): gamma (1)" in report
    assert report.rstrip().endswith("relation_f1=0.571 merge_f1=0.800")


def test_report_type_table_sums_articles():
    data = as_dict(fixture_evaluation())
    assert data["event_types"]["attack"] == {"tp": 5, "fp": 1, "fn": 0}
    assert data["articles"][1]["event_types"]["accusation"] == {"tp": 0, "fp": 0, "fn": 1}


def test_report_json_totals_have_score_py_keys():
    data = json.loads(json.dumps(as_dict(fixture_evaluation())))
    assert data["totals"]["event"] == 0.778 and data["totals"]["merge_p"] == 0.667
    assert data["counts"]["argument"]["n_r"] == 29
    assert data["articles"][0]["pairs"]["E1"] == "p1"


def test_report_markdown_has_tables_and_lists():
    report = markdown_report(fixture_evaluation())
    assert "| total | precision | recall | F1 |" in report
    assert "| actor | 0.750 (9/12) | 0.900 (9/10) | 0.818 |" in report
    assert "## `alpha`" in report and "**spurious actors (2)**" in report and "- students [a7]" in report
