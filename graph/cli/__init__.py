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

__all__ = ["main", "build_parser", "COMMANDS"]

#: subcommand name -> module (each has ``add_parser`` and ``run``)
COMMANDS = {
    "extract": "graph.cli.extract",
    "evaluate": "graph.cli.evaluate",
    "viz": "graph.cli.viz",
}

EPILOG = "exit status: 0 success, 1 some articles failed (the rest were processed), 2 error or bad usage"


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
    logging.basicConfig(level=logging.DEBUG if getattr(args, "debug", False) else logging.WARNING,
                        format="%(levelname)s %(name)s: %(message)s", stream=sys.stderr)
    try:
        return importlib.import_module(COMMANDS[args.command]).run(args)
    except GraphError as exc:
        if getattr(args, "debug", False):
            raise
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
