"""Predicted events and actors (``events.jsonl``, ``actors.jsonl``) as typed, frozen records.

Rows follow ``graph.export.jsonl`` (the corpus format). Names are kept as the text the row
gives (an actor reference ``{"name": ...}`` becomes its name); they are normalised only when
matched (:func:`graph.evaluate.match.norm`).

>>> e = pred_event({"article": "a1.txt", "id": "e1", "type": "attack",
...                 "agents": [{"name": "Rebels", "type": "armed_group"}], "killed": 3}, "x:1")
>>> e.article, e.agents, e.killed
('a1', ('Rebels',), 3)
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from graph.errors import PredictionError
from graph.evaluate.gold import article_key

__all__ = [
    "PredictionError",
    "PredAffiliation",
    "PredActor",
    "PredRelation",
    "PredEvent",
    "pred_actor",
    "pred_event",
    "load_jsonl",
    "load_actors",
    "load_events",
]


@dataclass(frozen=True, slots=True)
class PredAffiliation:
    type: str
    target: str
    role: str | None = None


@dataclass(frozen=True, slots=True)
class PredActor:
    """One row of ``actors.jsonl``; ``names`` holds the name, then the aliases."""

    article: str
    id: str
    name: str
    names: tuple[str, ...]
    affiliations: tuple[PredAffiliation, ...] = ()
    source: str = ""  # FILE:LINE


@dataclass(frozen=True, slots=True)
class PredRelation:
    type: str
    target: str  # the id of another predicted event


@dataclass(frozen=True, slots=True)
class PredEvent:
    """One row of ``events.jsonl``. ``date`` is its first ten characters (a time is dropped).

    ``killed`` and ``injured`` are kept as given: any value that is not a number never matches.
    """

    article: str
    id: str
    type: str
    agents: tuple[str, ...] = ()
    targets: tuple[str, ...] = ()
    places: tuple[str, ...] = ()
    date: str | None = None
    killed: int | float | str | None = None
    injured: int | float | str | None = None
    weapons: tuple[str, ...] = ()
    relations: tuple[PredRelation, ...] = ()
    occurrence: str | None = None
    trigger: str | None = None
    evidence: tuple[str, ...] = ()
    source: str = ""  # FILE:LINE


def _name(value) -> str:
    """The text of a name: an ``{"name": ...}`` reference gives its name."""
    if isinstance(value, dict):
        value = value.get("name", "")
    return str(value)


def _names(value) -> tuple[str, ...]:
    if value is None:
        return ()
    return tuple(_name(v) for v in (value if isinstance(value, list) else [value]))


def _article(row: dict, source: str) -> str:
    value = row.get("article")
    if not isinstance(value, str) or not value:
        raise PredictionError(source, f"field 'article' must name the article (file name or stem); got {value!r}")
    return article_key(value)


def _mappings(row: dict, key: str, source: str) -> list[dict]:
    value = row.get(key)
    if value is None:
        return []
    items = value if isinstance(value, list) else [value]
    for item in items:
        if not isinstance(item, dict):
            raise PredictionError(source, f"field {key!r}: expected objects; got {item!r}")
    return items


def pred_actor(row: dict, source: str = "") -> PredActor:
    """An ``actors.jsonl`` row as a record.

    Raises:
        PredictionError: the row has no article or its affiliations are not objects.
    """
    aliases = row.get("aliases")
    raw_names = [row.get("name")] + (aliases if isinstance(aliases, list) else [] if aliases is None else [aliases])
    affiliations = []
    for af in _mappings(row, "affiliations", source):
        if not isinstance(af.get("target"), str):
            raise PredictionError(source, f"an affiliation needs a 'target' name; got {af!r}")
        role = af.get("role")
        affiliations.append(PredAffiliation(_name(af.get("type")), af["target"],
                                            None if role is None else str(role)))
    return PredActor(article=_article(row, source), id=str(row.get("id")), name=_name(row.get("name") or ""),
                     names=tuple(_name(n) for n in raw_names if n), affiliations=tuple(affiliations),
                     source=source)


def pred_event(row: dict, source: str = "") -> PredEvent:
    """An ``events.jsonl`` row as a record.

    Raises:
        PredictionError: the row has no article or its relations are not objects.
    """
    date = row.get("date")
    occurrence = row.get("occurrence")
    trigger = row.get("trigger")
    if isinstance(trigger, dict):
        trigger = trigger.get("text")
    evidence = row.get("evidence")
    if isinstance(evidence, str):
        evidence = [evidence]
    return PredEvent(
        article=_article(row, source), id=str(row.get("id")),
        type="" if row.get("type") is None else _name(row.get("type")),
        agents=_names(row.get("agents")), targets=_names(row.get("targets")), places=_names(row.get("places")),
        date=str(date)[:10] if date else None,
        killed=row.get("killed"), injured=row.get("injured"), weapons=_names(row.get("weapons")),
        relations=tuple(PredRelation(_name(r.get("type")), str(r.get("target")))
                        for r in _mappings(row, "relations", source)),
        occurrence=None if occurrence in (None, "") else str(occurrence),
        trigger=None if trigger is None else str(trigger),
        evidence=tuple(str(s) for s in evidence or ()), source=source)


def load_jsonl(path: str | Path) -> list[tuple[str, dict]]:
    """The rows of a JSON Lines file with their ``FILE:LINE``; blank lines are skipped.

    Raises:
        PredictionError: the file cannot be read, a line is not JSON or not an object.
    """
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise PredictionError(str(path), f"cannot read: {exc.strerror or exc}") from exc
    except UnicodeDecodeError as exc:
        raise PredictionError(str(path), f"not UTF-8 text ({exc.reason} at byte {exc.start})") from exc
    rows = []
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        source = f"{path}:{n}"
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            raise PredictionError(source, f"not JSON: {exc}") from exc
        if not isinstance(row, dict):
            raise PredictionError(source, f"expected a JSON object; got {type(row).__name__}")
        rows.append((source, row))
    return rows


def load_events(path: str | Path) -> list[PredEvent]:
    """Every event of an ``events.jsonl``, in file order."""
    return [pred_event(row, source) for source, row in load_jsonl(path)]


def load_actors(path: str | Path | None) -> list[PredActor]:
    """Every actor of an ``actors.jsonl``, in file order; none when ``path`` is ``None``."""
    return [] if path is None else [pred_actor(row, source) for source, row in load_jsonl(path)]
