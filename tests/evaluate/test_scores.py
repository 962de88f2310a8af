"""Counts, the score.py summary, and baselines."""
from __future__ import annotations

import json

import pytest

from graph.evaluate.scores import BaselineError, Counts, compare, load_baseline, summary


def test_scores_counts_give_zero_not_an_error_on_empty():
    assert (Counts().precision, Counts().recall, Counts().f1) == (0.0, 0.0, 0.0)


def test_scores_summary_has_score_py_keys_rounded_to_3():
    assert summary({"actor": Counts(2, 3, 1, 3)}) == {"actor": 0.444, "actor_p": 0.667, "actor_r": 0.333}


def test_scores_compare_lists_changes_and_marks_fallen_f1():
    changes = compare({"event": 0.5, "event_p": 0.7, "relation": 0.2}, {"event": 0.6, "event_p": 0.6, "merge": 0.1})
    assert [(c.key, c.before, c.after, c.fell) for c in changes] == [
        ("event", 0.6, 0.5, True), ("event_p", 0.6, 0.7, False), ("relation", None, 0.2, False),
        ("merge", 0.1, None, False)]


def test_scores_load_baseline_reads_evaluate_and_score_py_json(tmp_path):
    ours, theirs = tmp_path / "ours.json", tmp_path / "theirs.json"
    ours.write_text(json.dumps({"totals": {"event": 0.5}, "articles": []}))
    theirs.write_text(json.dumps({"event": 0.5, "event_p": 0.4}))
    assert load_baseline(ours) == {"event": 0.5}
    assert load_baseline(theirs) == {"event": 0.5, "event_p": 0.4}


@pytest.mark.parametrize("text, problem", [("{", "not JSON"), ("[1]", "expected a JSON object"),
                                           ('{"speed": 1}', "no totals")])
def test_scores_load_baseline_rejects_files_without_totals(tmp_path, text, problem):
    path = tmp_path / "b.json"
    path.write_text(text)
    with pytest.raises(BaselineError, match=problem):
        load_baseline(path)
