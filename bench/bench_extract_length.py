"""How extraction time grows with article length (parse and extraction timed apart).

Run: ``.venv/bin/python bench/bench_extract_length.py [CORPUS_DIR]``. The text is the dev articles
(default ``../shared/corpus/dev``) joined and repeated to each length. Figures go in the closing
note: extraction should grow about linearly with the length. Wall and CPU time (``process_time``) are
both printed: on a shared machine CPU time is the steadier figure. ``--lengths`` picks the lengths.
"""
from __future__ import annotations

import argparse
import time
from datetime import date
from pathlib import Path

from graph.extract.pipeline import extract_doc
from graph.nlp import parse, pipeline
from graph.records import Article


def main(corpus: Path, lengths: list[int]) -> None:
    base = "\n\n".join(p.read_text(encoding="utf-8") for p in sorted(corpus.glob("*.txt")))
    nlp = pipeline()
    warm = Article("w", base[:3000])  # loads the lexicons and the gazetteer before timing
    extract_doc(parse(warm, nlp), warm)
    for chars in lengths:
        text = (base * (chars // len(base) + 1))[:chars]
        article = Article("bench", text, published=date(2020, 1, 5))
        t0, c0 = time.perf_counter(), time.process_time()
        doc = parse(article, nlp)
        t1, c1 = time.perf_counter(), time.process_time()
        x = extract_doc(doc, article)
        t2, c2 = time.perf_counter(), time.process_time()
        print(f"{chars:>8} chars  parse {t1 - t0:6.2f} s wall {c1 - c0:6.2f} s CPU  "
              f"extract {t2 - t1:6.2f} s wall {c2 - c1:6.2f} s CPU  "
              f"({len(x.events)} events, {len(x.actors)} actors)")


if __name__ == "__main__":
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpus", nargs="?", type=Path,
                    default=Path(__file__).resolve().parents[2] / "shared/corpus/dev")
    ap.add_argument("--lengths", type=int, nargs="+", default=[10_000, 25_000, 50_000, 100_000, 200_000],
                    help="text lengths in characters")
    args = ap.parse_args()
    main(args.corpus, args.lengths)
