"""Benchmark cross-article resolution at scale: the batch rows, the whole store, one more article.

Build the corpus first (``bench/make_corpus.py``: copies of the dev extractions, dates moved by
one day per copy, so that consecutive copies report "the same" occurrences a day apart and the
chain guards are exercised), then::

    python bench/bench_resolve.py all --corpus /tmp/bench/corpus --work /tmp/bench --articles 3000

Phases run in their own processes, each reporting its own peak memory (max RSS):

* ``rows``: ``resolve_rows`` over the corpus's events.jsonl/actors.jsonl rows replicated the same
  way (what ``extract`` runs at the end of a batch); needs ``--rows OUTDIR`` (an extract folder);
* ``load``: the first ``--articles`` articles of the corpus into a fresh store, without resolution;
* ``full``: ``resolve_store`` over that store (``python -m graph resolve``): read, resolve, write;
* ``incremental``: one more article (the next copy) loaded with resolution, as ``load`` does.

Results go to ``WORK/results-resolve-<phase>.json`` and stdout. Figures only: never asserted by tests.
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import time
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from graph.store import load_files, open_store  # noqa: E402


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _files(args) -> tuple[list[Path], Path]:
    """The corpus files holding the first ``--articles`` articles, and the next file (one more)."""
    files = sorted(args.corpus.glob("*.nq"))
    per_file = args.per_file
    n = -(-args.articles // per_file)
    if n >= len(files):
        raise SystemExit(f"{args.corpus}: {len(files)} files of {per_file}; need more than {n}")
    return files[:n], files[n]


def _one_article(path: Path, out: Path) -> Path:
    """The first article graph of an N-Quads file, as a file of its own."""
    lines, graph = [], None
    with path.open(encoding="utf-8") as f:
        for line in f:
            name = line.rsplit(" ", 2)[-2]
            graph = graph or name
            if name == graph:
                lines.append(line)
    out.write_text("".join(lines), encoding="utf-8")
    return out


def phase_load(args) -> dict:
    files, _ = _files(args)
    store_dir = args.work / "store-resolve"
    shutil.rmtree(store_dir, ignore_errors=True)
    with open_store(store_dir) as store:
        summary = load_files(store, files, resolve=False)
    return {"articles": summary.graphs, "triples": summary.triples, "seconds": round(summary.seconds, 1),
            "peak_mb": round(_peak_mb())}


def phase_full(args) -> dict:
    from graph.store.resolution import resolve_store

    with open_store(args.work / "store-resolve", create=False) as store:
        t = time.perf_counter()
        done = resolve_store(store)
        total = time.perf_counter() - t
    return {"mode": done.mode, "reports": done.reports, "seconds": {k: round(v, 2) for k, v in done.seconds.items()},
            "total_s": round(total, 2), "triples_written": done.written, "summary": done.resolution.summary(),
            "peak_mb": round(_peak_mb())}


def phase_incremental(args) -> dict:
    _, extra = _files(args)
    one = _one_article(extra, args.work / "one-more.nq")
    with open_store(args.work / "store-resolve", create=False) as store:
        t = time.perf_counter()
        summary = load_files(store, [one])
        total = time.perf_counter() - t
    done = summary.resolution
    return {"load_s": round(summary.seconds, 2), "resolution_s": {k: round(v, 2) for k, v in done.seconds.items()},
            "total_s": round(total, 2), "reports_read": done.reports, "occurrences_replaced": done.replaced,
            "summary": done.resolution.summary(), "peak_mb": round(_peak_mb())}


def _replicated_rows(outdir: Path, articles: int):
    """events.jsonl/actors.jsonl rows of ``outdir`` copied as make_corpus.py copies articles."""
    from graph.resolve.output import read_jsonl

    events = list(read_jsonl(outdir / "events.jsonl"))
    actors = list(read_jsonl(outdir / "actors.jsonl"))
    ids = sorted({r["article"] for r in events} | {r["article"] for r in actors})

    def shift(value, days):
        return (date.fromisoformat(value[:10]) + timedelta(days=days)).isoformat() if value else value

    event_rows, actor_rows = [], []
    for i in range(articles):
        aid, n = ids[i % len(ids)], i // len(ids)
        for r in events:
            if r["article"] == aid:
                event_rows.append({**r, "article": f"{aid}-c{n}", "iri": f"{r.get('iri')}-c{n}",
                                   "date": shift(r.get("date"), n), "published": shift(r.get("published"), n)})
        for r in actors:
            if r["article"] == aid:
                actor_rows.append({**r, "article": f"{aid}-c{n}", "iri": f"{r.get('iri')}-c{n}"})
    return event_rows, actor_rows


def phase_rows(args) -> dict:
    from graph.resolve import resolve_rows

    if args.rows is None:
        raise SystemExit("the rows phase needs --rows OUTDIR (an extract output folder)")
    events, actors = _replicated_rows(args.rows, args.articles)
    t = time.perf_counter()
    resolution = resolve_rows(events, actors)
    resolve_s = time.perf_counter() - t
    t = time.perf_counter()
    g = resolution.graph()
    graph_s = time.perf_counter() - t
    return {"articles": args.articles, "event_rows": len(events), "actor_rows": len(actors),
            "resolve_s": round(resolve_s, 2), "graph_s": round(graph_s, 2), "triples": len(g),
            "summary": resolution.summary(), "peak_mb": round(_peak_mb())}


PHASES = {"rows": phase_rows, "load": phase_load, "full": phase_full, "incremental": phase_incremental}


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("phase", choices=[*PHASES, "all"])
    parser.add_argument("--corpus", type=Path, required=True, help="folder of N-Quads files (make_corpus.py)")
    parser.add_argument("--work", type=Path, required=True, help="folder for the store and results")
    parser.add_argument("--articles", type=int, default=3000, help="articles in the store (whole corpus files)")
    parser.add_argument("--per-file", type=int, default=500, help="articles per corpus file (make_corpus.py)")
    parser.add_argument("--rows", type=Path, help="extract output folder whose JSON Lines the rows phase copies")
    args = parser.parse_args(argv)
    args.work.mkdir(parents=True, exist_ok=True)
    if args.phase != "all":
        result = PHASES[args.phase](args)
        (args.work / f"results-resolve-{args.phase}.json").write_text(json.dumps(result, indent=1))
        print(json.dumps(result, indent=1))
        return 0
    for phase in PHASES:
        if phase == "rows" and args.rows is None:
            continue
        cmd = [sys.executable, __file__, phase, "--corpus", str(args.corpus), "--work", str(args.work),
               "--articles", str(args.articles), "--per-file", str(args.per_file),
               *(["--rows", str(args.rows)] if args.rows else [])]
        subprocess.run(cmd, check=True, env=os.environ)
    return 0


if __name__ == "__main__":
    sys.exit(main())
