"""How long the gazetteers, titles and place tables take to load (cold, in a fresh process).

Run: ``.venv/bin/python bench/bench_vocab.py``. Figures go in the closing note, not in tests.
"""
from __future__ import annotations

import time


def main() -> None:
    t0 = time.perf_counter()
    from graph.vocab import gazetteer, places

    t1 = time.perf_counter()
    gazetteer.entries()
    gazetteer.titles()
    t2 = time.perf_counter()
    places.resolve_place("Erbil")
    t3 = time.perf_counter()
    print(f"import: {t1 - t0:.3f} s  actor gazetteer + titles: {t2 - t1:.3f} s  place tables: {t3 - t2:.3f} s")


if __name__ == "__main__":
    main()
