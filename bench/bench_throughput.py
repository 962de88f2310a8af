"""Throughput of ``extract`` against the bare spaCy pipeline, on the same articles, with the same processes.

Run: ``.venv/bin/python bench/bench_throughput.py --sizes 1000 5000 10000 [--jobs 2] [--work /tmp/bench-throughput]``.

**Articles.** The paragraphs (blank-line separated blocks of 40 characters or more) of every
``.txt`` in ``../shared/corpus/dev`` and ``examples/`` (``examples/corpus`` included) form a pool;
article ``n`` joins paragraphs drawn at random (seed = n) until it is at least as long as the dev
articles' mean (about 2,300 characters), in random order, headed by a line ``Report n``: N
distinct ids and N distinct texts of real-article length. Dates cycle over 2019-2021.

**Measures**, in one run per size, one after the other:

- *bare spaCy*: ``jobs`` spawned processes, each loading the pipeline ``extract`` uses
  (:func:`graph.nlp.pipeline`, the model plus ``paragraph_breaks``), parse the same texts in the
  same chunks with ``nlp.pipe``; the texts go to the workers as ``extract`` sends articles and
  the Docs are dropped. Wall time from starting the pool to the last chunk.
- *extract*: the real command, ``python -m graph extract FEED -o OUT -q --jobs J`` as a
  subprocess (Turtle graph file, rows, graph.html, all written); wall time of the process.
- *ratio*: extract's articles/s divided by bare spaCy's (the target is >= 0.75).
- *peak memory*: the summed RSS of the process and all its children, sampled every 0.2 s.
- *CPU time*: user + system seconds of every process of each side (``RUSAGE_CHILDREN`` around
  it), and the ratio of CPU times: on a machine shared with other work the wall-time ratio moves
  with the load of the moment, the CPU ratio much less.

``--strategies N`` also compares, on N articles, spaCy's own ``nlp.pipe(n_process=J)`` with the
process pool, bare and with extraction done where the Docs arrive (the main process).
"""
from __future__ import annotations

import argparse
import json
import multiprocessing
import random
import resource
import shutil
import subprocess
import sys
import threading
import time
from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
from datetime import date, timedelta
from pathlib import Path

import psutil

REPO = Path(__file__).resolve().parents[1]
SOURCES = [REPO.parent / "shared" / "corpus" / "dev", REPO / "examples"]


def paragraphs() -> tuple[list[str], int]:
    """The paragraph pool and the dev articles' mean length."""
    pool, lengths = [], []
    for folder in SOURCES:
        for path in sorted(folder.rglob("*.txt")):
            text = path.read_text(encoding="utf-8")
            if "dev" in path.parts:
                lengths.append(len(text))
            pool += [p.strip() for p in text.split("\n\n") if len(p.strip()) >= 40]
    return sorted(set(pool)), sum(lengths) // max(1, len(lengths))


def make_feed(path: Path, n: int) -> list[str]:
    """Write ``n`` distinct articles as a JSON Lines feed; return their texts."""
    pool, target = paragraphs()
    texts, seen = [], set()
    start = date(2019, 1, 1)
    with path.open("w", encoding="utf-8") as out:
        for i in range(n):
            rng = random.Random(i)
            parts = [f"Report {i}"]
            while sum(map(len, parts)) < target:
                parts.append(rng.choice(pool))
            text = "\n\n".join(parts)
            assert text not in seen
            seen.add(text)
            texts.append(text)
            out.write(json.dumps({"id": f"bench-{i}", "text": text, "outlet": "Bench Wire",
                                  "published": (start + timedelta(days=i % 1000)).isoformat()}) + "\n")
    return texts


class PeakMemory:
    """Sample the summed RSS of a process tree every ``interval`` seconds, in a thread."""

    def __init__(self, pid: int, interval: float = 0.2):
        self.root, self.interval, self.peak = psutil.Process(pid), interval, 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        while not self._stop.is_set():
            try:
                procs = [self.root, *self.root.children(recursive=True)]
                total = 0
                for p in procs:
                    try:
                        total += p.memory_info().rss
                    except psutil.Error:
                        pass
                self.peak = max(self.peak, total)
            except psutil.Error:
                pass
            self._stop.wait(self.interval)

    def __enter__(self) -> PeakMemory:
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join()


def _parse_chunk(model, texts: list[str]) -> int:
    from graph.nlp import pipeline

    nlp = pipeline(model)
    return sum(1 for _ in nlp.pipe(texts, batch_size=16))


def _extract_chunk(model, texts: list[str]) -> int:
    """Parse and extract in the worker, as extract's workers do (no files written)."""
    from graph.batch.worker import article_pieces
    from graph.extract.pipeline import extract_doc, run_info
    from graph.nlp import pipeline
    from graph.records import Article

    nlp = pipeline(model)
    run = run_info(nlp)
    for i, doc in enumerate(nlp.pipe(texts, batch_size=16)):
        article_pieces(extract_doc(doc, Article(f"s{i}", texts[i]), run))
    return len(texts)


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def bare_spacy(texts: list[str], jobs: int, chunk: int, model=None, work=_parse_chunk) -> tuple[float, int]:
    """Seconds for ``jobs`` spawned processes to parse ``texts`` in chunks; peak RSS of the tree."""
    started = time.perf_counter()
    with PeakMemory(psutil.Process().pid) as memory:
        with ProcessPoolExecutor(jobs, mp_context=multiprocessing.get_context("spawn")) as pool:
            pending, parsed = set(), 0
            for i in range(0, len(texts), chunk):
                pending.add(pool.submit(work, model, texts[i:i + chunk]))
                while len(pending) >= 2 * jobs:
                    done, pending = wait(pending, return_when=FIRST_COMPLETED)
                    parsed += sum(f.result() for f in done)
            parsed += sum(f.result() for f in pending)
    assert parsed == len(texts)
    return time.perf_counter() - started, memory.peak


def extract_cli(feed: Path, out: Path, jobs: int) -> tuple[float, int, str]:
    """Seconds and peak RSS (process tree) of the real ``extract`` command; its summary."""
    shutil.rmtree(out, ignore_errors=True)
    started = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-m", "graph", "extract", str(feed), "-o", str(out), "--jobs", str(jobs)],
                            cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    with PeakMemory(proc.pid) as memory:
        stdout, stderr = proc.communicate()
    seconds = time.perf_counter() - started
    if proc.returncode != 0:
        raise SystemExit(f"extract failed ({proc.returncode}): {stderr[-2000:]}")
    return seconds, memory.peak, stdout


def strategies(texts: list[str], jobs: int) -> None:
    """spaCy's nlp.pipe(n_process=jobs) against the process pool, bare and with extraction where the Docs land."""
    from graph.batch.worker import article_pieces
    from graph.extract.pipeline import extract_doc, run_info
    from graph.nlp import pipeline
    from graph.records import Article

    t0 = time.perf_counter()
    nlp = pipeline()
    run = run_info(nlp)
    n = sum(1 for _ in nlp.pipe(texts, n_process=jobs, batch_size=16))
    pipe_bare = time.perf_counter() - t0
    t0 = time.perf_counter()
    for i, doc in enumerate(nlp.pipe(texts, n_process=jobs, batch_size=16)):  # the model is loaded already
        article_pieces(extract_doc(doc, Article(f"s{i}", texts[i]), run))
    pipe_extract = time.perf_counter() - t0
    pool_bare, _ = bare_spacy(texts, jobs, 32)
    pool_extract, _ = bare_spacy(texts, jobs, 32, work=_extract_chunk)
    print(f"strategies on {n} articles, {jobs} processes (model loads included):")
    print(f"  nlp.pipe(n_process={jobs}), bare:                      {n / pipe_bare:6.2f} articles/s")
    print(f"  process pool ({jobs} spawned workers), bare:            {n / pool_bare:6.2f} articles/s")
    print(f"  nlp.pipe(n_process={jobs}) + extraction in the main process: {n / pipe_extract:6.2f} articles/s")
    print(f"  process pool, parse + extraction + shard pieces in the workers: {n / pool_extract:6.2f} articles/s")


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 5000, 10000])
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--work", type=Path, default=Path("/tmp/bench-throughput"))
    parser.add_argument("--strategies", type=int, default=0, metavar="N")
    parser.add_argument("--keep", action="store_true", help="keep the feeds and outputs")
    args = parser.parse_args(argv)
    args.work.mkdir(parents=True, exist_ok=True)
    print(f"machine: {psutil.cpu_count()} CPUs, load average {' '.join(f'{x:.1f}' for x in psutil.getloadavg())}")
    if args.strategies:
        strategies(make_feed(args.work / "strategies.jsonl", args.strategies), args.jobs)
    for n in args.sizes:
        feed = args.work / f"feed-{n}.jsonl"
        texts = make_feed(feed, n)
        chars = sum(map(len, texts)) / n
        chunk = max(1, min(32, -(-n // (args.jobs * 4))))  # the chunks extract makes
        cpu0 = _children_cpu()
        spacy_s, spacy_peak = bare_spacy(texts, args.jobs, chunk)
        cpu1 = _children_cpu()
        extract_s, extract_peak, summary = extract_cli(feed, args.work / f"out-{n}", args.jobs)
        spacy_cpu, extract_cpu = cpu1 - cpu0, _children_cpu() - cpu1
        sizes = {p.name: p.stat().st_size for p in (args.work / f"out-{n}").iterdir() if p.is_file()}
        shards = sum(p.stat().st_size for p in (args.work / f"out-{n}" / "shards").iterdir())
        print(f"{n} articles ({chars:.0f} chars each), {args.jobs} processes, "
              f"load average {psutil.getloadavg()[0]:.1f}:")
        print(f"  bare spaCy: {spacy_s:8.1f} s  {n / spacy_s:6.2f} articles/s  peak RSS {spacy_peak / 2**20:6.0f} MiB")
        print(f"  extract:    {extract_s:8.1f} s  {n / extract_s:6.2f} articles/s  peak RSS {extract_peak / 2**20:6.0f} MiB")
        print(f"  ratio: {spacy_s / extract_s:.3f} (wall time)")
        print(f"  CPU time: bare spaCy {spacy_cpu:.0f} s ({1000 * spacy_cpu / n:.0f} ms/article), extract "
              f"{extract_cpu:.0f} s ({1000 * extract_cpu / n:.0f} ms/article); ratio {spacy_cpu / extract_cpu:.3f}")
        print(f"  outputs: " + ", ".join(f"{k} {v / 2**20:.1f} MiB" for k, v in sorted(sizes.items()))
              + f", shards {shards / 2**20:.0f} MiB")
        print("  " + " | ".join(line for line in summary.splitlines() if line.startswith(("articles", "time"))))
        sys.stdout.flush()
        if not args.keep:
            shutil.rmtree(args.work / f"out-{n}", ignore_errors=True)
            feed.unlink()


if __name__ == "__main__":
    main()
