"""``load``: RDF files or ``extract`` output folders into the store, one named graph per article."""
from __future__ import annotations

import os

__all__ = ["add_parser", "run", "add_store_options", "open_from_args", "DEFAULT_STORE"]

#: the store directory when neither --store nor --endpoint is given
DEFAULT_STORE = "store"


def add_store_options(p, *, default: bool = True) -> None:
    """Add ``--store DIR``, ``--endpoint URL`` and ``--update-endpoint URL`` to a parser."""
    where = p.add_mutually_exclusive_group()
    hint = f" (default: $CONFLICT_GRAPH_STORE, else ./{DEFAULT_STORE})" if default else ""
    where.add_argument("--store", metavar="DIR", help=f"embedded Oxigraph store directory{hint}")
    where.add_argument("--endpoint", metavar="URL",
                       help="SPARQL 1.1 query endpoint instead of a directory (e.g. http://127.0.0.1:7878/query); "
                            "its default graph must be the union of its named graphs")
    p.add_argument("--update-endpoint", metavar="URL",
                   help="SPARQL 1.1 update endpoint (default: the query URL with /query -> /update, else the same)")


def open_from_args(args, *, create: bool):
    """Open the store the options name; ``create`` lets a missing directory be created."""
    from graph.store import open_store

    if args.endpoint:
        return open_store(endpoint=args.endpoint, update_endpoint=args.update_endpoint)
    path = args.store or os.environ.get("CONFLICT_GRAPH_STORE") or DEFAULT_STORE
    return open_store(path, create=create)


def add_parser(sub, name: str, epilog: str) -> None:
    p = sub.add_parser(name, help="load RDF into the store (one named graph per article)",
                       description="Load `extract` output folders or RDF files (.nq, .trig, .jsonld keep graph "
                                   "names; .ttl, .nt triples are given back to their articles) into the store. "
                                   "An article already in the store is replaced, nothing else changes. Every file "
                                   "is checked before anything is written. Then cross-article resolution updates "
                                   "the resolution graph for the articles loaded (see `resolve`).",
                       epilog=epilog)
    p.add_argument("inputs", nargs="+", metavar="OUTDIR|FILE", help="extract output folder, folder of RDF files, or file")
    add_store_options(p)
    p.add_argument("--no-resolve", action="store_true",
                   help="do not update the cross-article resolution graph for the articles loaded "
                        "(python -m graph resolve does it later for the whole store)")
    p.add_argument("--optimize", action="store_true",
                   help="compact the store after loading (embedded): queries 2-4x faster, half the disk; "
                        "worth it after a large load, about 1 s per 100 articles")
    p.add_argument("-q", "--quiet", action="store_true", help="no progress bar and no summary")
    p.add_argument("--debug", action="store_true", help="show tracebacks")


def run(args) -> int:
    import time

    from graph.store import load_files

    with open_from_args(args, create=True) as store:
        summary = load_files(store, args.inputs, progress=not args.quiet, resolve=not args.no_resolve)
        started = time.perf_counter()
        optimized = args.optimize and store.optimize()
        seconds = time.perf_counter() - started
    if not args.quiet:
        print("\n".join(summary.lines()))
        if optimized:
            print(f"optimized: {seconds:.1f} s")
    return 0


def open_for_extract(args):
    """The store ``extract --store/--endpoint`` writes into, opened before extracting (None without either)."""
    if not (getattr(args, "store", None) or getattr(args, "endpoint", None)):
        return None
    return open_from_args(args, create=True)

