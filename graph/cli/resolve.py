"""``resolve``: cross-article resolution of the store (or of an ``extract`` folder), with its report."""
from __future__ import annotations

import argparse
import sys

__all__ = ["add_parser", "run", "resolve"]


def _limit(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}")
    if value < 0:
        raise argparse.ArgumentTypeError(f"must be 0 (all) or more: {text!r}")
    return value


def add_parser(sub, name: str, epilog: str) -> None:
    from graph.cli.load import add_store_options

    p = sub.add_parser(name, help="merge the same actors and occurrences across articles, and report why",
                       description="Resolve every article of the store: per-article actors become canonical "
                                   "actors (aliases, demonyms, metonyms, titles, acronyms, surnames, Wikidata ids "
                                   "of the bundled gazetteer), reports of one occurrence in different articles "
                                   "become one occurrence with every report, its evidence and figure ranges. "
                                   "Replaces the store's resolution graph, then prints what merged and why. With "
                                   "OUTDIR (an extract output folder) resolves its events.jsonl and actors.jsonl "
                                   "in place instead and writes OUTDIR/resolution.ttl. `load` and `extract "
                                   "--store` resolve the articles they add on their own.",
                       epilog=epilog)
    p.add_argument("outdir", nargs="?", metavar="OUTDIR", help="an extract output folder instead of a store")
    add_store_options(p)
    shape = p.add_mutually_exclusive_group()
    shape.add_argument("--json", action="store_true", help="print the report as JSON (every occurrence and actor)")
    shape.add_argument("--markdown", action="store_true", help="print the report as Markdown")
    p.add_argument("--limit", type=_limit, default=20, metavar="N",
                   help="occurrences and actors shown in the text and Markdown reports (default 20; 0: all)")
    p.add_argument("-q", "--quiet", action="store_true", help="no progress and no report")
    p.add_argument("--debug", action="store_true", help="show tracebacks")


def resolve(args):
    """Resolve what the options name; return ``(resolution, where, summary lines)``."""
    from pathlib import Path

    from graph.cli.load import open_from_args
    from graph.errors import GraphError

    if args.outdir:
        if args.store or args.endpoint:
            raise GraphError("give an extract output folder or a store (--store/--endpoint), not both")
        from graph.resolve.output import resolve_output

        resolution = resolve_output(Path(args.outdir))
        return resolution, args.outdir, []
    from graph.store.resolution import resolve_store

    with open_from_args(args, create=False) as store:
        done = resolve_store(store, progress=not args.quiet)
    return done.resolution, done.store, done.lines()


def run(args) -> int:
    from graph.cli import one_line
    from graph.resolve.report import json_report, markdown_report, text_report

    resolution, where, lines = resolve(args)
    for line in lines:
        print(one_line(line), file=sys.stderr)
    if args.quiet:
        return 0
    limit = args.limit or None
    title = f"Cross-article resolution of {where}"
    if args.json:
        print(json_report(resolution))
    elif args.markdown:
        print(markdown_report(resolution, limit=limit, title=title), end="")
    else:
        print("\n".join(one_line(line) for line in text_report(resolution, limit=limit, title=title).splitlines()))
    return 0
