"""``evaluate``: score ``events.jsonl`` and ``actors.jsonl`` against gold annotations and show the errors."""
from __future__ import annotations

import json
import sys
from pathlib import Path

from graph.errors import GraphError

__all__ = ["add_parser", "run"]

EPILOG = ("exit status: 0 scored, 1 an F1 total fell below the --baseline, 2 error or bad usage "
          "(a malformed gold or prediction file is named with the entry and field)")


def add_parser(sub, name: str, epilog: str) -> None:
    p = sub.add_parser(
        name, help="score extracted events and actors against gold annotations",
        description="Score predictions against gold annotations in the corpus format (*.gold.yaml, "
                    "same-occurrence.yaml; see shared/corpus/README.md) with the rules of shared/eval/score.py: "
                    "precision, recall and F1 of actors, events, arguments, affiliations, relations and "
                    "cross-article merges, per article and in total; then, per article, the missed and spurious "
                    "actors and events with their sentences, argument errors, and tp/fp/fn per event type.",
        epilog=EPILOG)
    p.add_argument("--gold", nargs="+", required=True, metavar="DIR_OR_FILE",
                   help="gold folders (their *.gold.yaml) or gold files")
    p.add_argument("--pred", metavar="OUTDIR", help="an extract output folder: its events.jsonl and actors.jsonl")
    p.add_argument("--events", metavar="FILE", help="predicted events (default: OUTDIR/events.jsonl)")
    p.add_argument("--actors", metavar="FILE",
                   help="predicted actors (default: OUTDIR/actors.jsonl; without it actors and affiliations "
                        "score 0)")
    form = p.add_mutually_exclusive_group()
    form.add_argument("--json", action="store_true", help="print everything as one JSON object")
    form.add_argument("--markdown", action="store_true", help="print the report in Markdown")
    p.add_argument("--baseline", metavar="FILE",
                   help="stored totals to compare with (the JSON of evaluate --json or score.py --json); "
                        "the differences are printed, and a fallen F1 exits 1")
    p.add_argument("--totals-only", action="store_true", help="scores only, no error listing")
    p.add_argument("--debug", action="store_true", help="show tracebacks")


def _prediction_files(args) -> tuple[Path, Path | None]:
    pred = Path(args.pred) if args.pred else None
    if args.events:
        events = Path(args.events)
    elif pred is not None:
        events = pred / "events.jsonl"
    else:
        raise GraphError("give --pred OUTDIR or --events FILE")
    if args.actors:
        actors = Path(args.actors)
    elif pred is not None and (pred / "actors.jsonl").exists():
        actors = pred / "actors.jsonl"
    else:
        actors = None
    return events, actors


def run(args) -> int:
    from graph.evaluate import evaluate
    from graph.evaluate.report import as_dict, markdown_report, text_report
    from graph.evaluate.scores import compare, load_baseline

    events, actors = _prediction_files(args)
    if actors is None:
        print("warning: no actors file: actor and affiliation scores are 0", file=sys.stderr)
    result = evaluate(args.gold, events, actors)
    changes = compare(result.summary(), load_baseline(args.baseline)) if args.baseline else None
    if args.json:
        print(json.dumps(as_dict(result, changes), ensure_ascii=False, indent=1))
    elif args.markdown:
        sys.stdout.write(markdown_report(result, changes, errors=not args.totals_only))
    else:
        sys.stdout.write(text_report(result, changes, errors=not args.totals_only))
    return 1 if changes and any(c.fell for c in changes) else 0
