"""``query``: a SPARQL string, a ``.rq`` file or a named analyst question, against the store."""
from __future__ import annotations

import argparse
import sys

__all__ = ["add_parser", "run", "list_queries", "query"]


def _param(text: str) -> tuple[str, str]:
    name, sep, value = text.partition("=")
    if not sep or not name.strip():
        raise argparse.ArgumentTypeError(f"expected NAME=VALUE, got {text!r}")
    return name.strip(), value


def add_parser(sub, name: str, epilog: str) -> None:
    from graph.cli.load import add_store_options
    from graph.store import OUTPUT_FORMATS

    p = sub.add_parser(name, help="ask the store a question (named query, .rq file or SPARQL)",
                       description="Run a named query (see --list), a .rq file, or SPARQL text over the union of "
                                   "the store's article graphs. Parameters are bound as RDF terms. Nothing is "
                                   "written: updates are refused.",
                       epilog=epilog)
    p.add_argument("query", nargs="?", metavar="NAME|FILE.rq|SPARQL", help="what to run")
    p.add_argument("-p", "--param", action="append", type=_param, default=[], metavar="NAME=VALUE",
                   help="bind ?NAME to VALUE, typed as the query declares (repeatable)")
    p.add_argument("-f", "--format", default="table", choices=OUTPUT_FORMATS, help="output format (default: table)")
    p.add_argument("--list", action="store_true", help="list the named queries, their parameters and what each answers")
    add_store_options(p)
    p.add_argument("--debug", action="store_true", help="show tracebacks")


def list_queries() -> list[dict]:
    """Every named query: name, usage, what it answers, parameters (name, type, default, help)."""
    from graph.store import named_queries

    return [{"name": q.name, "usage": q.usage(), "answers": q.description,
             "params": [{"name": p.name, "type": p.type, "default": p.default, "help": p.help} for p in q.params]}
            for q in named_queries().values()]


def query(store, text, params: dict[str, str]):
    """Run ``text`` (a name, a ``.rq`` path, SPARQL, or a NamedQuery) with ``params`` on an open store.

    Returns:
        The :class:`~graph.store.QueryResult`.
    """
    from graph.store import run_query

    return run_query(store, text, params)


def run(args) -> int:
    import json
    import textwrap

    from graph.cli.load import open_from_args
    from graph.errors import GraphError
    from graph.store import format_result, resolve_query
    from graph.store.queries import bind_params

    if args.list:
        queries = list_queries()
        if args.format == "json":
            print(json.dumps(queries, indent=1))
            return 0
        for q in queries:
            print(q["usage"])
            print(textwrap.fill(q["answers"], 100, initial_indent="    ", subsequent_indent="    "))
            for p in q["params"]:
                default = "required" if p["default"] is None else f"default {p['default'] or chr(34) * 2}"
                print(f"    --param {p['name']}={p['type'].upper()}  ({default}) {p['help']}")
            print()
        return 0
    if not args.query:
        raise GraphError("give a query (a name, a .rq file or SPARQL text) or --list")
    params = dict(args.param)
    named = resolve_query(args.query)
    bind_params(named, params)  # unknown names and bad parameters fail before the store is opened
    with open_from_args(args, create=False) as store:
        result = query(store, named, params)
    text = format_result(result, args.format)
    sys.stdout.write(text if text.endswith("\n") else text + "\n")
    return 0
