"""``analyze``: NetworkX analysis of the store (or of RDF files) written as a report with plots."""
from __future__ import annotations

import json
import sys
import time

__all__ = ["add_parser", "run", "analyze_store"]


def add_parser(sub, name: str, epilog: str) -> None:
    from graph.analysis.report import REPORT_FORMATS
    from graph.cli.load import add_store_options

    p = sub.add_parser(name, help="network analysis of the store: centrality, retaliation chains, communities...",
                       description="Build the actor-actor conflict network, the event graph and the actor-event "
                                   "graph from the store (or from RDF files / extract folders given as INPUT, read "
                                   "into memory) and write a report with tables and PNG plots into OUTDIR: "
                                   "centrality, who attacks whom, retaliation chains and cycles, Louvain "
                                   "communities, backing blocs, escalation per month.",
                       epilog=epilog)
    p.add_argument("inputs", nargs="*", metavar="INPUT", help="RDF files or extract folders instead of a store")
    add_store_options(p)
    p.add_argument("-o", "--output", default="analysis", metavar="OUTDIR", help="report folder (default: analysis)")
    p.add_argument("--format", default="markdown", choices=sorted(REPORT_FORMATS), help="report format")
    p.add_argument("--top", type=int, default=20, metavar="N", help="rows in ranked tables (default: 20)")
    p.add_argument("--json", action="store_true", help="also print the tables as JSON on stdout")
    p.add_argument("--no-plots", action="store_true", help="tables only")
    p.add_argument("--debug", action="store_true", help="show tracebacks")


def analyze_store(store, *, top: int = 20):
    """Convert the store to NetworkX and analyse it; return (Analysis, seconds spent converting)."""
    from graph.analysis.convert import store_to_networkx
    from graph.analysis.report import analyze

    started = time.perf_counter()
    nxg = store_to_networkx(store)
    converted = time.perf_counter() - started
    return analyze(nxg, top=top), converted


def run(args) -> int:
    from graph.analysis.report import write_report
    from graph.cli.load import open_from_args
    from graph.store import load_files, open_store

    if args.inputs:
        if args.store or args.endpoint:
            from graph.errors import GraphError

            raise GraphError("give INPUT files or a store (--store/--endpoint), not both")
        with open_store() as store:
            load_files(store, args.inputs)
            analysis, converted = analyze_store(store, top=args.top)
    else:
        with open_from_args(args, create=False) as store:
            analysis, converted = analyze_store(store, top=args.top)
    files = write_report(analysis, args.output, fmt=args.format, top=max(args.top, 20), plots=not args.no_plots)
    if args.json:
        tables = {k: getattr(analysis, k) for k in ("summary", "centrality", "pairs", "chains", "cycles",
                                                    "communities", "blocs", "escalation")}
        print(json.dumps(tables, indent=1, default=str))
    print(f"read the store in {converted:.2f} s, analysed in {analysis.seconds:.2f} s", file=sys.stderr)
    for kind, path in files.items():
        print(f"{kind}: {path}", file=sys.stderr if args.json else sys.stdout)
    return 0
