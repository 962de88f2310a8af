"""Extraction time per article on the dev corpus, each article parsed once (extraction timed alone).

Run: ``.venv/bin/python bench/bench_extract_dev.py [CORPUS_DIR] [--reps N]``. The articles of
``CORPUS_DIR`` (default ``../shared/corpus/dev``) are parsed once; ``extract_doc`` then runs over
all of them ``N`` times (default 10), its caches cleared between passes. Wall and CPU time are
both printed: on a shared machine CPU time is the steadier figure. Figures go in the closing note.
"""
from __future__ import annotations

import argparse
import time
from datetime import date
from pathlib import Path

import yaml

from graph.extract.pipeline import extract_doc, run_info
from graph.nlp import parse, pipeline
from graph.records import Article


def _articles(corpus: Path) -> list[Article]:
    out = []
    for gold in sorted(corpus.glob("*.gold.yaml")):
        meta = yaml.safe_load(gold.read_text(encoding="utf-8"))
        published = meta.get("published")
        if published is not None and not isinstance(published, date):
            published = date.fromisoformat(str(published))
        text = (corpus / meta["article"]).read_text(encoding="utf-8")
        out.append(Article(gold.name[: -len(".gold.yaml")], text, published=published))
    return out


def main(corpus: Path, reps: int) -> None:
    nlp = pipeline()
    articles = _articles(corpus)
    t0 = time.perf_counter()
    docs = [parse(a, nlp) for a in articles]
    parse_s = time.perf_counter() - t0
    run = run_info(nlp)
    for doc, article in zip(docs, articles):  # warm the lexicon and gazetteer caches
        extract_doc(doc, article, run)
    wall, cpu = time.perf_counter(), time.process_time()
    for _ in range(reps):
        for doc in docs:
            doc.user_data.clear()
        for doc, article in zip(docs, articles):
            extract_doc(doc, article, run)
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    n = reps * len(docs)
    chars = sum(len(a.text) for a in articles) / len(articles)
    print(f"{len(docs)} articles, {chars:.0f} characters on average; parse {1000 * parse_s / len(docs):.0f} ms/article")
    print(f"extract_doc: {1000 * wall / n:.1f} ms/article wall, {1000 * cpu / n:.1f} ms/article CPU ({reps} passes)")


if __name__ == "__main__":
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpus", nargs="?", type=Path,
                    default=Path(__file__).resolve().parents[2] / "shared/corpus/dev")
    ap.add_argument("--reps", type=int, default=10)
    args = ap.parse_args()
    main(args.corpus, args.reps)
