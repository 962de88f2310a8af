"""Extraction time per article on the dev corpus, each article parsed once (extraction timed alone).

Run: ``.venv/bin/python bench/bench_extract_dev.py [CORPUS_DIR] [--reps N]``. The articles of
``CORPUS_DIR`` (default ``../shared/corpus/dev``) are parsed once; ``extract_doc`` then runs over
all of them ``N`` times (default 10), its caches cleared between passes: the Docs' own caches and
the bounded look-up memos of ``graph.vocab`` and ``graph.extract`` (``lru_cache`` with a size limit
above 1; the data files stay loaded), so that a pass gains nothing from the one before and the
figure is that of articles never seen (``--keep-memos`` keeps them: articles seen before). Wall and CPU time are
both printed: on a shared machine CPU time is the steadier figure. ``--profile N`` runs the passes
under cProfile instead and prints the N functions with the most own time (``--sort cumulative``
for the callers). Figures go in the closing note.
"""
from __future__ import annotations

import argparse
import cProfile
import functools
import pstats
import sys
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


def _memos() -> list:
    """The bounded ``lru_cache`` memos of the extraction stage and the vocabularies."""
    out = []
    for name, module in list(sys.modules.items()):
        if not name.startswith(("graph.extract", "graph.vocab")):
            continue
        for value in vars(module).values():
            info = getattr(value, "cache_info", None)
            if isinstance(value, functools._lru_cache_wrapper) and info().maxsize not in (None, 1) \
                    and value.__module__ == name:
                out.append(value)
    return out


def main(corpus: Path, reps: int, profile: int = 0, sort: str = "tottime", keep_memos: bool = False) -> None:
    nlp = pipeline()
    articles = _articles(corpus)
    t0 = time.perf_counter()
    docs = [parse(a, nlp) for a in articles]
    parse_s = time.perf_counter() - t0
    run = run_info(nlp)
    for doc, article in zip(docs, articles):  # warm the lexicon and gazetteer caches
        extract_doc(doc, article, run)
    memos = [] if keep_memos else _memos()
    profiler = cProfile.Profile() if profile else None
    wall, cpu = time.perf_counter(), time.process_time()
    if profiler:
        profiler.enable()
    for _ in range(reps):
        for doc in docs:
            doc.user_data.clear()
        for memo in memos:
            memo.cache_clear()
        for doc, article in zip(docs, articles):
            extract_doc(doc, article, run)
    if profiler:
        profiler.disable()
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    n = reps * len(docs)
    chars = sum(len(a.text) for a in articles) / len(articles)
    print(f"{len(docs)} articles, {chars:.0f} characters on average; parse {1000 * parse_s / len(docs):.0f} ms/article; "
          f"{len(memos)} memos cleared each pass")
    print(f"extract_doc: {1000 * wall / n:.1f} ms/article wall, {1000 * cpu / n:.1f} ms/article CPU ({reps} passes"
          f"{', under cProfile' if profiler else ''})")
    if profiler:
        pstats.Stats(profiler).strip_dirs().sort_stats(sort).print_stats(profile)


if __name__ == "__main__":
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpus", nargs="?", type=Path,
                    default=Path(__file__).resolve().parents[2] / "shared/corpus/dev")
    ap.add_argument("--reps", type=int, default=10)
    ap.add_argument("--profile", type=int, default=0, metavar="N", help="profile, print the top N functions")
    ap.add_argument("--sort", default="tottime", help="pstats sort key for --profile (tottime, cumulative)")
    ap.add_argument("--keep-memos", action="store_true", help="keep the look-up memos between passes")
    args = ap.parse_args()
    main(args.corpus, args.reps, args.profile, args.sort, args.keep_memos)
