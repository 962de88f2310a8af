"""Where ``extract_doc`` spends its time: cProfile over parsed articles, one process.

Run: ``.venv/bin/python bench/profile_extract.py [--articles 110] [--top 25]``. The articles are
the dev corpus texts (``../shared/corpus/dev``), repeated; they are parsed first (not profiled),
then ``extract_doc`` runs under cProfile. Prints the mean time per article and the functions
with the largest share of it, by own time and by cumulative time (``graph.extract`` and the
spaCy/Python functions it calls).
"""
from __future__ import annotations

import argparse
import cProfile
import pstats
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=110)
    parser.add_argument("--top", type=int, default=25)
    args = parser.parse_args(argv)

    from graph.extract.pipeline import extract_doc, run_info
    from graph.ingest import article_from_text
    from graph.nlp import parse_stream, pipeline

    texts = [p.read_text(encoding="utf-8") for p in sorted((REPO.parent / "shared/corpus/dev").glob("*.txt"))]
    articles = [article_from_text(texts[i % len(texts)], source=f"dev{i}", article_id=f"dev{i}")
                for i in range(args.articles)]
    nlp = pipeline()
    run = run_info(nlp)
    docs = [doc for doc, _ in parse_stream(nlp, ((a.text, a) for a in articles))]
    extract_doc(docs[0], articles[0], run)  # warm caches (lexicons, gazetteers)
    started = time.perf_counter()
    profile = cProfile.Profile()
    profile.enable()
    for doc, article in zip(docs, articles):
        extract_doc(doc, article, run)
    profile.disable()
    seconds = time.perf_counter() - started
    print(f"extract_doc: {1000 * seconds / len(docs):.1f} ms/article under cProfile ({len(docs)} articles, "
          f"{sum(len(a.text) for a in articles) / len(articles):.0f} chars each)")
    stats = pstats.Stats(profile)
    total = stats.total_tt
    for key, title in (("tottime", "own time"), ("cumulative", "cumulative time")):
        print(f"\ntop {args.top} by {title} (share of extract_doc's time):")
        rows = sorted(stats.stats.items(), key=lambda kv: kv[1][2 if key == "tottime" else 3], reverse=True)
        shown = 0
        for (file, line, name), (cc, nc, tt, ct, _) in rows:
            value = tt if key == "tottime" else ct
            where = file.split("site-packages/")[-1].replace(str(REPO) + "/", "")
            if key == "cumulative" and name in ("extract_doc", "<module>") or "cProfile" in where:
                continue
            print(f"  {100 * value / total:5.1f}%  {value / len(docs) * 1000:6.2f} ms  {nc:>8} calls  {where}:{line}({name})")
            shown += 1
            if shown >= args.top:
                break


if __name__ == "__main__":
    main()
