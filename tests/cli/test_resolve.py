"""The ``resolve`` command and cross-article resolution in ``extract`` and ``load``, as a user runs them."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from graph.cli import main
from graph.export.jsonl import actor_rows, event_rows, write_jsonl
from graph.rdf import to_dataset, write_graph
from tests.resolve.test_inputs import corpus, strike

#: short articles written for this test: one strike told by two outlets, the same actors two days
#: later, one speaker's statement reported by two outlets
FEED = [
    ("wire", "2021-02-26", "Wire", "US warplanes struck Kataib Hezbollah positions in Abu Kamal on Thursday, "
                                   "killing 17 fighters, the Pentagon said."),
    ("local", "2021-02-26", "Local", "American jets bombed Kataib Hezbollah in Abu Kamal, Syria, on Thursday "
                                     "night. At least 22 fighters were killed, a monitor said."),
    ("again", "2021-02-28", "Again", "US warplanes struck Kataib Hezbollah positions in Abu Kamal on Saturday, "
                                     "killing 3 fighters."),
    ("kirby-a", "2021-02-26", "Wire", "Pentagon press secretary John Kirby said on Friday that the strike was "
                                      "defensive."),
    ("kirby-b", "2021-02-26", "Local", "Kirby told reporters on Friday that the strike was proportionate."),
]


def _rows(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


def _folder(tmp_path: Path, xs) -> Path:
    out = tmp_path / "out"
    out.mkdir()
    write_graph(to_dataset(xs), out / "graph.ttl", "turtle")
    write_jsonl((r for x in xs for r in event_rows(x)), out / "events.jsonl")
    write_jsonl((r for x in xs for r in actor_rows(x)), out / "actors.jsonl")
    return out


@pytest.mark.slow
def test_extract_batch_gives_events_their_occurrence(tmp_path, capsys):
    feed = tmp_path / "feed.jsonl"
    feed.write_text("".join(json.dumps({"id": i, "published": p, "outlet": o, "text": t}) + "\n"
                            for i, p, o, t in FEED), encoding="utf-8")
    assert main(["extract", str(feed), "-o", str(tmp_path / "out"), "-q", "--store", str(tmp_path / "db")]) == 0
    events = _rows(tmp_path / "out" / "events.jsonl")
    occurrence = {(e["article"], e["type"], e["date"]): e["occurrence"] for e in events}
    strike = occurrence[("wire", "attack", "2021-02-25")]
    assert strike is not None and occurrence[("local", "attack", "2021-02-25")] == strike
    assert occurrence[("again", "attack", "2021-02-27")] is None
    said = occurrence[("kirby-a", "statement", "2021-02-26")]
    assert said is not None and occurrence[("kirby-b", "statement", "2021-02-26")] == said != strike
    assert (tmp_path / "out" / "resolution.ttl").stat().st_size > 0
    kirby = {a["entity"] for a in _rows(tmp_path / "out" / "actors.jsonl") if "Kirby" in a["name"]}
    assert len(kirby) == 1 and None not in kirby
    assert main(["query", "occurrences", "--store", str(tmp_path / "db"), "-f", "json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert {r["occurrence"] for r in rows} == {strike, said}
    assert {(r["article"], r["killed"]) for r in rows if r["occurrence"] == strike} == {("wire", 17), ("local", 22)}


def test_resolve_cli_reports_what_merged_and_why(tmp_path, capsys):
    out = _folder(tmp_path, corpus())
    assert main(["load", str(out), "--store", str(tmp_path / "db"), "--no-resolve", "-q"]) == 0
    capsys.readouterr()
    assert main(["resolve", "--store", str(tmp_path / "db")]) == 0
    captured = capsys.readouterr()
    assert "resolution (full) reports: 2 | occurrences reported by several articles: 1 (2 reports)" in captured.err
    lines = captured.out.splitlines()
    assert "#1 attack: United States -> Kataib Hezbollah | 2021-02-25 | 2 reports | killed 17-22" in lines
    assert any(line.strip().startswith("merged because:") for line in lines)
    assert any("same day 2021-02-25" in line and "shared agent United States" in line for line in lines)
    assert main(["resolve", "--store", str(tmp_path / "db"), "--json", "-q"]) == 0
    assert capsys.readouterr().out == ""
    assert main(["resolve", "--store", str(tmp_path / "db"), "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["occurrences"][0]["killed"] == {"min": 17, "max": 22, "reports": 2}
    assert {r["outlet"] for r in report["occurrences"][0]["reports"]} == {"Wire", "Local"}


def test_resolve_cli_on_an_extract_folder_annotates_its_rows(tmp_path, capsys):
    out = _folder(tmp_path, corpus())
    assert main(["resolve", str(out), "--markdown"]) == 0
    assert "### Occurrences reported by several articles (1 of 1)" in capsys.readouterr().out
    occurrences = {e["occurrence"] for e in _rows(out / "events.jsonl")}
    assert len(occurrences) == 1 and None not in occurrences
    assert (out / "resolution.ttl").is_file()


def test_resolve_cli_hostile_names_are_escaped_in_reports(tmp_path, capsys):
    bad = '<img src=x onerror=alert(1)>|`x`\u202e'
    xs = [strike(a, f"{bad} struck Kataib Hezbollah in Abu Kamal, killing 3.", 3, x.article.published, "W", bad)
          for a, x in zip(("a1", "a2"), corpus())]
    out = _folder(tmp_path, xs)
    assert main(["resolve", str(out), "--markdown"]) == 0
    markdown = capsys.readouterr().out
    assert "<img" not in markdown and "&lt;img src=x onerror=alert(1)&gt;\\|&#96;x&#96;" in markdown
    assert main(["resolve", str(out)]) == 0
    text = capsys.readouterr().out
    assert "\u202e" not in text and "\\u202e" in text


def test_resolve_cli_errors_are_one_line(tmp_path, capsys):
    assert main(["resolve", "--store", str(tmp_path / "missing")]) == 2
    err = capsys.readouterr().err.strip()
    assert err.startswith("error: ") and "no store here" in err and "\n" not in err
    assert main(["resolve", str(tmp_path)]) == 2
    assert "events.jsonl: no such file" in capsys.readouterr().err
    (tmp_path / "events.jsonl").write_text("{not json\n")
    (tmp_path / "actors.jsonl").write_text("")
    assert main(["resolve", str(tmp_path)]) == 2
    assert "events.jsonl:1: not JSON" in capsys.readouterr().err
