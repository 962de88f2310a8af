"""Build a large benchmark graph by replicating real extractions with distinct IRIs.

Each copy of an article gets its own article IRI (``.../article/<slug>-<hash>-c<N>``, so every
actor, event, span... under it is new), its own id (``<id>-c<N>``) and its dates moved by
``N`` days, so that date ranges and months split the copies. Output: N-Quads files of
``--per-file`` articles each (one named graph per article, as ``extract --format nquads``
writes).

    python bench/make_corpus.py SOURCE.nq --articles 10000 -o /tmp/bench/corpus
"""
from __future__ import annotations

import argparse
import re
import sys
from collections import defaultdict
from datetime import date, timedelta
from pathlib import Path

_GRAPH = re.compile(r"<(https://w3id\.org/conflict-graph/id/article/[^/>]+)/graph> \.$")
_DATE = re.compile(r'"(\d{4}-\d{2}-\d{2})"\^\^<http://www\.w3\.org/2001/XMLSchema#date>')
_ID = '<http://purl.org/dc/terms/identifier> "'


def articles(source: Path) -> dict[str, list[str]]:
    """N-Quads lines of ``source`` by article IRI."""
    out: dict[str, list[str]] = defaultdict(list)
    with source.open(encoding="utf-8") as f:
        for line in f:
            m = _GRAPH.search(line.rstrip("\n"))
            if m:
                out[m.group(1)].append(line)
    return out


def copy(iri: str, lines: list[str], n: int) -> str:
    """The lines of one article as its ``n``-th copy."""
    new = f"{iri}-c{n}"
    days = timedelta(days=n)
    text = "".join(lines).replace(iri + "/", new + "/").replace(f"<{iri}>", f"<{new}>")
    text = _DATE.sub(lambda m: m.group(0).replace(m.group(1), (date.fromisoformat(m.group(1)) + days).isoformat()),
                     text)
    out = []
    for line in text.splitlines(keepends=True):
        if line.startswith(f"<{new}> {_ID}"):
            line = re.sub(r'"([^"]*)"', lambda m: f'"{m.group(1)}-c{n}"', line, count=1)
        out.append(line)
    return "".join(out)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("source", type=Path, help="N-Quads from `python -m graph extract --format nquads`")
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--per-file", type=int, default=500)
    parser.add_argument("-o", "--output", type=Path, required=True)
    args = parser.parse_args(argv)
    source = articles(args.source)
    if not source:
        parser.error(f"{args.source}: no article graphs")
    args.output.mkdir(parents=True, exist_ok=True)
    iris = sorted(source)
    f, written = None, 0
    for i in range(args.articles):
        if i % args.per_file == 0:
            if f:
                f.close()
            f = (args.output / f"part-{i // args.per_file:04d}.nq").open("w", encoding="utf-8")
        iri = iris[i % len(iris)]
        f.write(copy(iri, source[iri], i // len(iris)))
        written += 1
    if f:
        f.close()
    print(f"{written} articles from {len(iris)} in {args.output}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
