"""Write the development corpus as a JSON Lines feed with publication dates (the source of ``make_corpus.py``).

Extracting the corpus folder gives articles without dates; the benchmark needs them (date
ranges, months), so the feed carries each gold file's ``published`` and ``outlet``, as the
project's stop hook builds it::

    python bench/dev_feed.py ../shared/corpus/dev /tmp/bench/feed.jsonl
    python -m graph extract /tmp/bench/feed.jsonl -o /tmp/bench/src --format nquads -q
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import yaml


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("corpus", type=Path, help="a folder of *.gold.yaml and their article texts")
    parser.add_argument("output", type=Path, help="the JSON Lines feed to write")
    args = parser.parse_args(argv)
    n = 0
    with args.output.open("w", encoding="utf-8") as out:
        for gold in sorted(args.corpus.glob("*.gold.yaml")):
            meta = yaml.safe_load(gold.read_text(encoding="utf-8"))
            out.write(json.dumps({"id": gold.name[:-len(".gold.yaml")],
                                  "text": (args.corpus / meta["article"]).read_text(encoding="utf-8"),
                                  "published": str(meta.get("published", "")), "outlet": meta.get("outlet")}) + "\n")
            n += 1
    print(f"{n} articles in {args.output}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
