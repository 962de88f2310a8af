"""The batch engine through the real command: resume, changed articles, kill -9 mid-run."""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from rdflib import Dataset

from graph.cli import main
from tests.batch.helpers import article_text, write_feed

pytestmark = pytest.mark.slow
REPO = Path(__file__).resolve().parents[2]


def _rows(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


def _quads(path: Path) -> set:
    """The quads of an N-Quads file, less the extraction run's (its IRI and time differ between runs)."""
    ds = Dataset()
    ds.parse(path, format="nquads")
    return {(s, p, o, g) for s, p, o, g in ds.quads() if "/run/" not in str(s) and "/run/" not in str(o)}


def test_run_rerun_skips_the_articles_done_and_writes_the_same_outputs(tmp_path, capsys):
    """A second run on the same OUTDIR extracts nothing again and writes the same files."""
    feed = write_feed(tmp_path / "feed.jsonl", 6)
    out = tmp_path / "out"
    assert main(["extract", str(feed), "-o", str(out), "-q", "--no-html", "--format", "nquads"]) == 0
    first = {name: (out / name).read_bytes() for name in ("events.jsonl", "actors.jsonl", "graph.nq")}
    assert main(["extract", str(feed), "-o", str(out), "--no-html", "--format", "nquads"]) == 0
    printed = capsys.readouterr().out
    assert "articles: 6 extracted (6 already done in earlier runs)" in printed
    assert {name: (out / name).read_bytes() for name in first} == first


def test_run_changed_article_is_extracted_again_and_replaces_the_old(tmp_path, capsys):
    """An edited article (same id, new text) is redone; its old version is not in the outputs; the others are reused."""
    feed = write_feed(tmp_path / "feed.jsonl", 4)
    out = tmp_path / "out"
    assert main(["extract", str(feed), "-o", str(out), "-q", "--no-html"]) == 0
    lines = feed.read_text(encoding="utf-8").splitlines()
    edited = json.loads(lines[2])
    edited["text"] = article_text(2).replace("Rebels shelled", "Militants bombed")
    lines[2] = json.dumps(edited)
    feed.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert main(["extract", str(feed), "-o", str(out), "--no-html"]) == 0
    assert "(3 already done in earlier runs)" in capsys.readouterr().out
    events = _rows(out / "events.jsonl")
    assert sorted({e["article"] for e in events}) == ["a0", "a1", "a2", "a3"]
    texts = " ".join(" ".join(e["evidence"]) for e in events if e["article"] == "a2")
    assert "Militants bombed" in texts and "Rebels shelled" not in texts


def test_run_kill_9_mid_run_loses_and_duplicates_nothing(tmp_path):
    """SIGKILL the whole run while shards are being written; the re-run completes it, equal to an uninterrupted run."""
    feed = write_feed(tmp_path / "feed.jsonl", 40)
    command = [sys.executable, "-m", "graph", "extract", str(feed), "--no-html", "--format", "nquads", "-q",
               "--jobs", "2"]
    clean = subprocess.run(command + ["-o", str(tmp_path / "clean")], cwd=REPO, capture_output=True, timeout=600)
    assert clean.returncode == 0, clean.stderr.decode()[-2000:]

    out = tmp_path / "out"
    proc = subprocess.Popen(command + ["-o", str(out)], cwd=REPO, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL, start_new_session=True)
    try:
        deadline = time.monotonic() + 300
        while not list((out / "shards").glob("*.json")) if (out / "shards").is_dir() else True:
            assert proc.poll() is None, "the run ended before it could be killed"
            assert time.monotonic() < deadline
            time.sleep(0.05)
    finally:
        os.killpg(proc.pid, signal.SIGKILL)  # the client and its worker processes, mid-write
        proc.wait()
    killed_at = len(list((out / "shards").glob("*.json")))
    assert not (out / "events.jsonl").exists() and killed_at < 8  # stopped partway: 40 articles in 8 chunks

    resumed = subprocess.run(command[:-2] + ["-o", str(out)], cwd=REPO, capture_output=True, timeout=600)
    assert resumed.returncode == 0, resumed.stderr.decode()[-2000:]
    for name in ("events.jsonl", "actors.jsonl", "failed.jsonl"):
        assert (out / name).read_bytes() == (tmp_path / "clean" / name).read_bytes(), name
    events = _rows(out / "events.jsonl")
    assert sorted({e["article"] for e in events}, key=lambda a: int(a[1:])) == [f"a{i}" for i in range(40)]
    assert len(events) == len({(e["article"], e["id"]) for e in events})  # no article twice
    assert _quads(out / "graph.nq") == _quads(tmp_path / "clean" / "graph.nq")
    graphs = {q[3] for q in _quads(out / "graph.nq")}
    assert len(graphs) == 40
    manifests = [json.loads(p.read_text()) for p in (out / "shards").glob("*.json")]
    keys = [a["key"] for m in manifests for a in m["articles"]]
    assert len(keys) == len(set(keys)) == 40  # every article in exactly one shard


def test_run_feed_on_stdin_is_a_batch(tmp_path):
    """A JSON Lines feed piped to 'extract -' is read as a batch: every article, failed.jsonl, shards to resume."""
    feed = write_feed(tmp_path / "feed.jsonl", 3)
    run = subprocess.run([sys.executable, "-m", "graph", "extract", "-", "-q", "--no-html", "-o", str(tmp_path / "out")],
                         input=feed.read_bytes() + b'{"id": "bad"}\n', cwd=REPO, capture_output=True, timeout=300)
    assert run.returncode == 1, run.stderr.decode()
    assert {e["article"] for e in _rows(tmp_path / "out" / "events.jsonl")} == {"a0", "a1", "a2"}
    assert [f["source"] for f in _rows(tmp_path / "out" / "failed.jsonl")] == ["stdin:4"]
    assert list((tmp_path / "out" / "shards").glob("*.json"))
