"""Command line: ``python -m graph SUBCOMMAND`` (console script ``conflict-graph``).

Each subcommand lives in its own module with ``add_parser(subparsers)`` and a ``run(args)``
that calls a plain function returning data. Data goes to stdout, logs and errors to stderr.

Exit status: 0 success; 1 some articles of a batch failed (the rest were processed);
2 bad usage or an error that stopped the command (one line on stderr; ``--debug`` shows
the traceback).
"""
from __future__ import annotations

import argparse
import importlib
import logging
import sys

from graph import __version__
from graph.errors import GraphError

__all__ = ["main", "build_parser", "COMMANDS", "one_line"]

#: subcommand name -> module (each has ``add_parser`` and ``run``)
COMMANDS = {
    "extract": "graph.cli.extract",
    "evaluate": "graph.cli.evaluate",
    "viz": "graph.cli.viz",
    "load": "graph.cli.load",
    "resolve": "graph.cli.resolve",
    "query": "graph.cli.query",
    "analyze": "graph.cli.analyze",
}

EPILOG = "exit status: 0 success, 1 some articles failed (the rest were processed), 2 error or bad usage"


def one_line(text: str) -> str:
    """``text`` safe to print as one terminal line: control, bidi and other invisible characters escaped.

    File names, feed ids and article text reach error messages; a newline, an ANSI escape
    or a right-to-left override in them must not forge or hide lines on the terminal.

    >>> one_line("a\\nb\\x1b[31m\\u202ec")
    'a\\\\nb\\\\x1b[31m\\\\u202ec'
    """
    if text.isprintable():
        return text
    return "".join(ch if ch.isprintable() else ch.encode("unicode_escape").decode("ascii") for ch in text)


def _log_to_stderr(debug: bool) -> None:
    """Log to the current stderr: everything with ``--debug``; else our warnings and others' errors only.

    Libraries' warnings about a bad page (trafilatura's "discarding data") would break the
    one-line error. The handler is replaced on each call and other handlers are left alone.
    """
    root = logging.getLogger()
    for old in [h for h in root.handlers if getattr(h, "graph_cli", False)]:
        root.removeHandler(old)
    handler = logging.StreamHandler(sys.stderr)
    handler.graph_cli = True
    handler.setFormatter(logging.Formatter("%(levelname)s %(name)s: %(message)s"))
    if not debug:
        handler.addFilter(lambda r: r.levelno >= logging.ERROR or r.name == "graph" or r.name.startswith("graph."))
    root.addHandler(handler)
    root.setLevel(logging.DEBUG if debug else logging.WARNING)


def build_parser() -> argparse.ArgumentParser:
    """The top-level parser with every subcommand."""
    parser = argparse.ArgumentParser(
        prog="python -m graph",
        description="Turn news articles about armed conflict into a knowledge graph with provenance.",
        epilog=EPILOG)
    parser.add_argument("--version", action="version", version=f"conflict-graph {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="SUBCOMMAND", required=True)
    for name, module in COMMANDS.items():
        importlib.import_module(module).add_parser(sub, name, EPILOG)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run the command line; return the exit status."""
    parser = build_parser()
    args = parser.parse_args(argv)
    debug = getattr(args, "debug", False)
    _log_to_stderr(debug)
    try:
        return importlib.import_module(COMMANDS[args.command]).run(args)
    except GraphError as exc:
        if getattr(args, "debug", False):
            raise
        print(f"error: {one_line(str(exc))}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
    except Exception as exc:  # a bug, not bad input: still one line unless --debug
        if getattr(args, "debug", False):
            raise
        print(f"error: unexpected {type(exc).__name__}: {one_line(str(exc))} "
              "(rerun with --debug for the traceback)", file=sys.stderr)
        return 2
