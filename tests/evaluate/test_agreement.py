"""``evaluate`` agrees with the official ``shared/eval/score.py`` on every total, to 3 decimals.

Three checks: the hand-made fixtures (each scoring rule on purpose), many random predictions
against the fixtures and the dev corpus (the corners no one thinks of), and the real extractor
on the dev corpus (slow).
"""
from __future__ import annotations

import importlib.util
import json
import random
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from graph.evaluate import evaluate
from graph.evaluate.gold import load_gold_set

from .conftest import DATA, GOLD

DEV = Path(__file__).resolve().parents[2].parent / "shared" / "corpus" / "dev"


def official(score_py: Path, gold: list[Path], events: Path, actors: Path) -> dict:
    """The totals ``score.py --json`` prints, run as a program."""
    done = subprocess.run([sys.executable, str(score_py), "--gold", *map(str, gold), "--events", str(events),
                           "--actors", str(actors), "--json"], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    return json.loads(next(line for line in done.stdout.splitlines() if line.startswith("{")))


def test_agreement_fixtures_match_score_py(score_py):
    ours = evaluate([GOLD], DATA / "events.jsonl", DATA / "actors.jsonl").summary()
    assert ours == official(score_py, [GOLD], DATA / "events.jsonl", DATA / "actors.jsonl")
    assert set(ours) == {f"{k}{s}" for k in ("actor", "event", "argument", "affiliation", "relation", "merge")
                         for s in ("", "_p", "_r")}


def test_agreement_single_gold_files_match_score_py(score_py):
    gold = [GOLD / "beta.gold.yaml"]
    ours = evaluate(gold, DATA / "events.jsonl", DATA / "actors.jsonl").summary()
    assert ours == official(score_py, gold, DATA / "events.jsonl", DATA / "actors.jsonl")


# --- random predictions --------------------------------------------------------------------------

TYPES = ["attack", "Attack", "statement", "accusation", "threat", "demand", "protest", None]
JUNK = ["", "nobody", "Karsa", "the", "U.S.", "Ünïcode Group", "the the army"]


def _random_predictions(rng: random.Random, gold_dir_files: list[Path]) -> tuple[list[dict], list[dict]]:
    events, actors = [], []
    for path in gold_dir_files:
        g = yaml.safe_load(path.read_text(encoding="utf-8"))
        art = g["article"] if rng.random() < 0.5 else g["article"][:-4]
        names = [n for a in g.get("actors") or [] for n in [a["name"], *(a.get("aliases") or [])]] + JUNK
        places = [n for p in g.get("places") or [] for n in [p["name"], *(p.get("aliases") or [])]] + JUNK
        gevents = g.get("events") or []
        dates = [str(e.get("date")) for e in gevents if e.get("date")] + ["2020-01-01", "2024-03-06T23:00+01:00"]
        dates += [str(d) for e in gevents for d in e.get("date_alternatives") or []]
        weapons = [w for e in gevents for w in e.get("weapons") or []] + ["drone", "rocket", "gun", ""]
        ref = lambda: rng.choice([{"name": rng.choice(names)}, rng.choice(names), {"name": rng.choice(names),
                                                                                 "type": "state"}])
        n = rng.randint(0, max(2, len(gevents) + 3))
        ids = [f"x{i}" for i in range(n)]
        for i in range(n):
            copy = rng.choice(gevents) if gevents and rng.random() < 0.7 else {}
            row = {"article": art, "id": ids[i],
                   "type": copy.get("type") if copy and rng.random() < 0.8 else rng.choice(TYPES),
                   "agents": [ref() for _ in range(rng.choice([0, 1, 1, 2, 3]))],
                   "targets": [ref() for _ in range(rng.choice([0, 0, 1, 2]))],
                   "places": [{"name": rng.choice(places)} for _ in range(rng.choice([0, 1, 2]))],
                   "date": rng.choice(dates + [None, ""]),
                   "killed": rng.choice([None, 0, 1, 2, 3, 5, 17, 20, 61, 100, "3", "many", 2.5]),
                   "injured": rng.choice([None, 3, 8, 9, "9"]),
                   "weapons": rng.sample(weapons, rng.choice([0, 1, 2])),
                   "relations": [{"type": rng.choice(["about", "part_of", "retaliation_for", "precedes", "causes"]),
                                  "target": rng.choice(ids + ["nope"])} for _ in range(rng.choice([0, 0, 1, 2]))]}
            if rng.random() < 0.5:
                row["occurrence"] = rng.choice(["o1", "o2", "o3", ""])
            events.append(row)
        for i in range(rng.randint(0, len(names) // 2 + 2)):
            actors.append({"article": art, "id": f"y{i}", "name": rng.choice(names + [None]),
                           "aliases": rng.sample(names, rng.choice([0, 0, 1, 2])),
                           "affiliations": [{"type": rng.choice(["backed_by", "member_of", "role_in", "allied_with",
                                                                 "opposes"]),
                                             "target": rng.choice(names)} for _ in range(rng.choice([0, 0, 1, 2]))]})
    return events, actors


def _load_score_module(score_py: Path):
    spec = importlib.util.spec_from_file_location("official_score", score_py)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("gold_dir", [GOLD, DEV], ids=["fixtures", "dev"])
def test_agreement_random_predictions_match_score_py(score_py, gold_dir, tmp_path, capsys):
    """Random predictions built from the gold's own names, dates, figures and weapons, plus noise."""
    if not gold_dir.is_dir():
        pytest.skip(f"{gold_dir} is absent")
    score = _load_score_module(score_py)
    files = sorted(gold_dir.glob("*.gold.yaml"))
    gold = load_gold_set([gold_dir])
    rng = random.Random(20240306)
    for case in range(40 if gold_dir == GOLD else 6):
        events, actors = _random_predictions(rng, files)
        ev, ac = tmp_path / "events.jsonl", tmp_path / "actors.jsonl"
        ev.write_text("".join(json.dumps(r) + "\n" for r in events))
        ac.write_text("".join(json.dumps(r) + "\n" for r in actors))
        capsys.readouterr()
        score.main(["--gold", str(gold_dir), "--events", str(ev), "--actors", str(ac), "--json"])
        theirs = json.loads(next(line for line in capsys.readouterr().out.splitlines() if line.startswith("{")))
        assert evaluate(gold, ev, ac).summary() == theirs, f"case {case}"


# --- the real extractor on the dev corpus ----------------------------------------------------------

@pytest.mark.slow
def test_agreement_dev_corpus_with_real_extractor(score_py, tmp_path):
    """Extract the dev corpus from a feed (as shared/hooks/before-stop does) and score it both ways."""
    if not DEV.is_dir():
        pytest.skip(f"{DEV} is absent")
    from graph.cli.extract import extract_to

    feed = tmp_path / "feed.jsonl"
    with feed.open("w", encoding="utf-8") as out:
        for g in sorted(DEV.glob("*.gold.yaml")):
            meta = yaml.safe_load(g.read_text(encoding="utf-8"))
            out.write(json.dumps({"id": g.name[:-10], "text": (DEV / meta["article"]).read_text(encoding="utf-8"),
                                  "published": str(meta.get("published", "")), "outlet": meta.get("outlet")}) + "\n")
    summary = extract_to([str(feed)], tmp_path / "out", html=False, progress=False)
    assert summary.articles == len(list(DEV.glob("*.gold.yaml"))) and not summary.failed
    events, actors = tmp_path / "out" / "events.jsonl", tmp_path / "out" / "actors.jsonl"
    ours = evaluate([DEV], events, actors).summary()
    theirs = official(score_py, [DEV], events, actors)
    assert ours == theirs
    assert {round(v, 3) for v in ours.values()} == set(ours.values())
