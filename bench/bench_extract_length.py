"""How extraction time grows with article length (parse and extraction timed apart).

Run: ``.venv/bin/python bench/bench_extract_length.py [CORPUS_DIR]``. The text is the dev articles
(default ``../shared/corpus/dev``) joined and repeated to each length. Figures go in the closing
note: extraction should grow about linearly with the length.
"""
from __future__ import annotations

import sys
import time
from datetime import date
from pathlib import Path

from graph.extract.pipeline import extract_doc
from graph.nlp import parse, pipeline
from graph.records import Article


def main(corpus: Path) -> None:
    base = "\n\n".join(p.read_text(encoding="utf-8") for p in sorted(corpus.glob("*.txt")))
    nlp = pipeline()
    extract_doc(nlp("Warm up."), Article("w", "Warm up."))
    for chars in (10_000, 25_000, 50_000, 100_000, 200_000):
        text = (base * (chars // len(base) + 1))[:chars]
        article = Article("bench", text, published=date(2020, 1, 5))
        t0 = time.perf_counter()
        doc = parse(article, nlp)
        t1 = time.perf_counter()
        x = extract_doc(doc, article)
        t2 = time.perf_counter()
        print(f"{chars:>8} chars  parse {t1 - t0:6.2f} s  extract {t2 - t1:6.2f} s  "
              f"({len(x.events)} events, {len(x.actors)} actors)")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parents[2] / "shared/corpus/dev")
