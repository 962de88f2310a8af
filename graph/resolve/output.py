"""Resolution of an ``extract`` output folder: its JSON Lines in, the same files annotated out.

:func:`resolve_output` is what a batch runs once all its articles are written: it streams
``OUTDIR/events.jsonl`` and ``OUTDIR/actors.jsonl`` into :func:`~graph.resolve.resolve_rows`,
rewrites them (atomically) with each event's ``occurrence`` and each actor's ``entity``, and
writes the resolution named graph to ``OUTDIR/resolution.<ext>`` in the batch's RDF format.

>>> import json, tempfile, pathlib
>>> d = pathlib.Path(tempfile.mkdtemp())
>>> row = lambda a: {"article": a, "id": "e1", "iri": f"http://example.org/{a}", "type": "attack",
...                  "date": "2021-02-26", "agents": [{"id": "us", "name": "United States", "country": "USA",
...                  "type": "state"}], "targets": [{"id": "kh", "name": "Kataib Hezbollah", "type": "armed_group"}]}
>>> _ = (d / "events.jsonl").write_text("".join(json.dumps(row(a)) + "\\n" for a in ("a1", "a2")))
>>> _ = (d / "actors.jsonl").write_text("")
>>> resolve_output(d).summary()["merged"]
1
>>> len({json.loads(line)["occurrence"] for line in (d / "events.jsonl").read_text().splitlines()})
1
>>> (d / "resolution.ttl").is_file()
True
"""
from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path

from graph.errors import OutputError, PredictionError
from graph.export.jsonl import write_jsonl
from graph.rdf.iris import RESOLUTION_GRAPH
from graph.rdf.serialize import FORMATS, write_triples
from graph.resolve.resolution import Resolution, resolve_rows
from graph.resolve.rules import Rules

__all__ = ["resolve_output", "read_jsonl"]


def read_jsonl(path: str | os.PathLike) -> Iterator[dict]:
    """The rows of a JSON Lines file, one at a time (blank lines skipped).

    Raises:
        PredictionError: a line that is not a JSON object (names the file and line).
    """
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
            except json.JSONDecodeError as err:
                raise PredictionError(f"{path}:{n}", f"not JSON: {err.msg}") from None
            if not isinstance(row, dict):
                raise PredictionError(f"{path}:{n}", "not a JSON object")
            yield row


def resolve_output(outdir: str | os.PathLike, fmt: str = "turtle", *, rules: Rules | None = None) -> Resolution:
    """Resolve an ``extract`` output folder in place (see the module docstring).

    Args:
        outdir: the folder holding ``events.jsonl`` and ``actors.jsonl``.
        fmt: the RDF format of ``resolution.<ext>`` (one of :data:`graph.rdf.FORMATS`).
        rules: weights and thresholds of event resolution.

    Returns:
        The :class:`~graph.resolve.resolution.Resolution`.

    Raises:
        OutputError: a file is missing or cannot be written.
        PredictionError: a line of the files is not a JSON object.
    """
    outdir = Path(outdir)
    events, actors = outdir / "events.jsonl", outdir / "actors.jsonl"
    for path in (events, actors):
        if not path.is_file():
            raise OutputError(f"{path}: no such file (resolution reads an extract output folder)")
    resolution = resolve_rows(read_jsonl(events), read_jsonl(actors), rules=rules)
    write_jsonl(resolution.annotate_events(read_jsonl(events)), events)
    write_jsonl(resolution.annotate_actors(read_jsonl(actors)), actors)
    from graph.resolve.rdf import resolution_triples

    write_triples(resolution_triples(resolution), RESOLUTION_GRAPH, outdir / f"resolution{FORMATS[fmt]}", fmt)
    return resolution
