"""Lock the extraction output: what ``extract_doc`` gives on a fixed set of texts, as JSON Lines.

A speed-up must leave extraction exactly as it was; this script records what it extracts and
tells when that changes. The texts are the dev corpus (``../shared/corpus/dev``, each article
with the ``published`` date of its gold file, as the stop hook's feed gives it), the articles of
``examples/`` (dated from their gold or source file), every sentence of
``tests/extract/sentences.tsv`` (published 2024-03-08, as the extractor tests run them) and one
long text (the dev articles joined and cut at 25,000 characters, parsed in one piece). Each text
gives one line: its ``events.jsonl`` and ``actors.jsonl`` rows (:mod:`graph.export`) and every
record of its :class:`~graph.records.Extraction` (events with all mentions, actors, places,
affiliations, relations, claims, warnings) as plain JSON.

Run:

    .venv/bin/python bench/extract_lock.py            # compare with bench/extract_lock.jsonl
    .venv/bin/python bench/extract_lock.py --update   # rewrite it (an intended change of output)

The check exits 0 when the output is byte-identical to the lock and 1 when not, naming the texts
that changed; ``--diff`` prints the first differing records of each. When extraction changes on
purpose (new rules), rewrite the lock in the same commit, so its diff shows what changed.
``tests/extract/test_extract_lock.py`` runs the same comparison.
"""
from __future__ import annotations

import argparse
import dataclasses
import enum
import hashlib
import json
import sys
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
LOCK = Path(__file__).with_name("extract_lock.jsonl")
DEV = ROOT.parent / "shared/corpus/dev"
EXAMPLES = ROOT / "examples"
SENTENCES = ROOT / "tests/extract/sentences.tsv"
SENTENCE_PUBLISHED = date(2024, 3, 8)  # tests/extract/conftest.py
LONG_CHARS = 25_000


def _published(meta_file: Path) -> date | None:
    if not meta_file.exists():
        return None
    meta = yaml.safe_load(meta_file.read_text(encoding="utf-8")) or {}
    value = meta.get("published", meta.get("date"))
    if value is None or isinstance(value, date):
        return value
    return date.fromisoformat(str(value))


def _articles(folder: Path, prefix: str) -> Iterator:
    from graph.records import Article

    for path in sorted(folder.glob("*.txt")):
        stem = path.name[: -len(".txt")]
        published = _published(path.with_name(stem + ".gold.yaml")) or _published(path.with_name(stem + ".source.yaml"))
        yield f"{prefix}{stem}", Article(stem, path.read_text(encoding="utf-8"), published=published)


def inputs(dev: Path = DEV) -> Iterator:
    """``(name, Article)`` of every locked text, in a fixed order.

    Raises:
        FileNotFoundError: the dev corpus is missing.
    """
    from graph.records import Article

    if not dev.is_dir():
        raise FileNotFoundError(f"dev corpus not found: {dev}")
    yield from _articles(dev, "dev/")
    yield from _articles(EXAMPLES, "examples/")
    yield from _articles(EXAMPLES / "corpus", "examples/corpus/")
    n = 0
    for line in SENTENCES.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        n += 1
        sentence = line.split("\t")[4]
        yield f"sentences.tsv/{n}", Article("t", sentence, published=SENTENCE_PUBLISHED)
    base = "\n\n".join(p.read_text(encoding="utf-8") for p in sorted(dev.glob("*.txt")))
    text = (base * (LONG_CHARS // len(base) + 1))[:LONG_CHARS]
    yield f"long/{LONG_CHARS}", Article("long", text, published=date(2020, 1, 5))


def _plain(value):
    """Records as JSON values: dataclasses as dicts, enums by value, dates in ISO form."""
    if dataclasses.is_dataclass(value):
        return {f.name: _plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    return value


def record(name: str, x) -> str:
    """The lock line of one extraction: its export rows and its records."""
    from graph.export import actor_rows, event_rows

    records = {k: _plain(getattr(x, k))
               for k in ("events", "actors", "places", "affiliations", "relations", "claims", "warnings")}
    row = {"input": name, "events.jsonl": list(event_rows(x)), "actors.jsonl": list(actor_rows(x)),
           "records": records}
    return json.dumps(row, ensure_ascii=False, sort_keys=True)


def lines(nlp=None, dev: Path = DEV) -> list[str]:
    """Parse and extract every locked text; one JSON line each."""
    from tqdm import tqdm

    from graph.extract.pipeline import extract_doc, run_info
    from graph.nlp import parse, pipeline

    nlp = nlp or pipeline()
    run = run_info(nlp, datetime(2000, 1, 1))
    todo = list(inputs(dev))
    out = []
    for name, article in tqdm(todo, desc="extract", unit="text", file=sys.stderr, leave=False):
        out.append(record(name, extract_doc(parse(article, nlp), article, run)))
    return out


def digest(rows: list[str]) -> str:
    """sha256 of the lock's text."""
    return hashlib.sha256("".join(r + "\n" for r in rows).encode("utf-8")).hexdigest()


def compare(new: list[str], old: list[str]) -> list[str]:
    """Names of the texts whose line differs (or that one side lacks)."""
    def by_name(rows):
        return {json.loads(r)["input"]: r for r in rows}

    a, b = by_name(old), by_name(new)
    return [k for k in dict.fromkeys([*a, *b]) if a.get(k) != b.get(k)]


def _show(name: str, new: list[str], old: list[str]) -> None:
    def find(rows):
        return next((json.loads(r) for r in rows if json.loads(r)["input"] == name), {})

    a, b = find(old), find(new)
    for key in ("events.jsonl", "actors.jsonl"):
        for ra, rb in zip(a.get(key, []), b.get(key, [])):
            if ra != rb:
                print(f"  {key} lock: {json.dumps(ra, ensure_ascii=False)[:400]}")
                print(f"  {key} now:  {json.dumps(rb, ensure_ascii=False)[:400]}")
                break
        if len(a.get(key, [])) != len(b.get(key, [])):
            print(f"  {key}: {len(a.get(key, []))} rows in the lock, {len(b.get(key, []))} now")
    for key in sorted(set(a.get("records", {})) | set(b.get("records", {}))):
        if a.get("records", {}).get(key) != b.get("records", {}).get(key):
            print(f"  records.{key} differ")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--update", action="store_true", help="rewrite the lock with the current output")
    ap.add_argument("--diff", action="store_true", help="show the first differing records of each changed text")
    ap.add_argument("--lock", type=Path, default=LOCK, help=f"lock file (default {LOCK.relative_to(ROOT)})")
    ap.add_argument("--dev", type=Path, default=DEV, help="dev corpus folder")
    args = ap.parse_args(argv)
    new = lines(dev=args.dev)
    if args.update:
        args.lock.write_text("".join(r + "\n" for r in new), encoding="utf-8")
        print(f"wrote {args.lock}: {len(new)} texts, sha256 {digest(new)}")
        return 0
    old = args.lock.read_text(encoding="utf-8").splitlines() if args.lock.exists() else []
    changed = compare(new, old)
    if not changed:
        print(f"output identical to the lock: {len(new)} texts, sha256 {digest(new)}")
        return 0
    print(f"{len(changed)} of {len(new)} texts differ from {args.lock} (sha256 now {digest(new)}, "
          f"lock {digest(old)}):")
    for name in changed:
        print(f"- {name}")
        if args.diff:
            _show(name, new, old)
    return 1


if __name__ == "__main__":
    sys.exit(main())
