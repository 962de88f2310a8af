"""``python -m graph evaluate``: options, outputs, exit status."""
from __future__ import annotations

import json

import pytest

from graph.cli import main

from .conftest import DATA, GOLD


def test_cli_evaluate_prints_tables_errors_and_totals(capsys):
    assert main(["evaluate", "--gold", str(GOLD), "--pred", str(DATA)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("article  actor  event")
    assert "== alpha ==" in out
    assert out.rstrip().splitlines()[-1].startswith("actor_f1=0.818 event_f1=0.778")


def test_cli_evaluate_totals_only_omits_the_error_listing(capsys):
    main(["evaluate", "--gold", str(GOLD), "--events", str(DATA / "events.jsonl"),
          "--actors", str(DATA / "actors.jsonl"), "--totals-only"])
    assert "== alpha ==" not in capsys.readouterr().out


def test_cli_evaluate_json_is_one_object(capsys):
    main(["evaluate", "--gold", str(GOLD / "alpha.gold.yaml"), str(GOLD / "beta.gold.yaml"), "--pred", str(DATA),
          "--json"])
    data = json.loads(capsys.readouterr().out)
    assert data["totals"]["actor"] == 0.818 and [a["article"] for a in data["articles"]] == ["alpha", "beta"]


def test_cli_evaluate_markdown(capsys):
    main(["evaluate", "--gold", str(GOLD), "--pred", str(DATA), "--markdown"])
    assert capsys.readouterr().out.startswith("# Evaluation\n")


def test_cli_evaluate_baseline_shows_changes_and_exits_1_when_an_f1_fell(tmp_path, capsys):
    baseline = tmp_path / "baseline.json"
    baseline.write_text(json.dumps({"event": 0.9, "event_p": 0.7, "actor": 0.5}))
    assert main(["evaluate", "--gold", str(GOLD), "--pred", str(DATA), "--baseline", str(baseline),
                 "--totals-only"]) == 1
    out = capsys.readouterr().out
    assert "event: 0.900 -> 0.778 (-0.122)  FELL" in out and "actor: 0.500 -> 0.818 (+0.318)\n" in out
    assert "event_p" not in out


def test_cli_evaluate_baseline_from_own_json_is_unchanged(tmp_path, capsys):
    main(["evaluate", "--gold", str(GOLD), "--pred", str(DATA), "--json"])
    baseline = tmp_path / "baseline.json"
    baseline.write_text(capsys.readouterr().out)
    assert main(["evaluate", "--gold", str(GOLD), "--pred", str(DATA), "--baseline", str(baseline)]) == 0
    assert "no change from the baseline" in capsys.readouterr().out


def test_cli_evaluate_bad_gold_exits_2_with_one_line(write_gold, capsys):
    path = write_gold("article: a1.txt\nevents: [{id: E1, type: atack}]\n")
    assert main(["evaluate", "--gold", str(path), "--pred", str(DATA)]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"error: {path}: events[0] (E1): field 'type': 'atack' is not one of attack,")


def test_cli_evaluate_needs_predictions(tmp_path, capsys):
    assert main(["evaluate", "--gold", str(GOLD)]) == 2
    assert "give --pred OUTDIR or --events FILE" in capsys.readouterr().err
    assert main(["evaluate", "--gold", str(GOLD), "--pred", str(tmp_path)]) == 2
    assert "events.jsonl: cannot read" in capsys.readouterr().err


def test_cli_evaluate_json_and_markdown_exclude_each_other():
    with pytest.raises(SystemExit):
        main(["evaluate", "--gold", str(GOLD), "--pred", str(DATA), "--json", "--markdown"])
