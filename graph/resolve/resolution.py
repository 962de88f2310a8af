"""The result of resolution, and the functions that make one.

:func:`resolve` is the stage's one entry point over typed records; :func:`resolve_rows` and
:func:`resolve_extractions` build the records from ``events.jsonl``/``actors.jsonl`` rows or from
extractions first. The :class:`Resolution` answers, per report, which occurrence and which
entity it belongs to, annotates rows, and maps itself to the resolution named graph.

>>> rows = [{"article": a, "id": "e1", "type": "attack", "date": "2021-02-26", "published": "2021-02-26",
...          "agents": [{"id": "us", "name": "United States", "type": "state", "country": "USA"}],
...          "targets": [{"id": "kh", "name": "Kataib Hezbollah", "type": "armed_group", "country": "IRQ"}],
...          "places": [{"name": "Abu Kamal", "country": "SYR"}]} for a in ("a1", "a2")]
>>> r = resolve_rows(rows, [])
>>> r.occurrence_of("a1", "e1") == r.occurrence_of("a2", "e1") == str(occurrence_iri("a1", "e1"))
True
>>> [row["occurrence"] is not None for row in r.annotate_events(rows)]
[True, True]
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime

from graph.rdf.iris import entity_iri, occurrence_iri
from graph.records import Extraction
from graph.resolve.entities import EntityTable, resolve_actors
from graph.resolve.inputs import refs_from_extraction, refs_from_rows
from graph.resolve.occurrences import resolve_events
from graph.resolve.records import ActorRef, Entity, EventRef, Occurrence
from graph.resolve.rules import Rules

__all__ = ["Resolution", "resolve", "resolve_rows", "resolve_extractions"]


@dataclass(frozen=True)
class Resolution:
    """Canonical entities and occurrences across articles.

    ``occurrences`` holds every occurrence, single-source ones included; only those with
    several sources (:attr:`merged`) get an occurrence IRI and a node in the resolution graph,
    as only non-local entities do (a single report is its own occurrence; a generic group is
    no entity beyond its article).
    """

    table: EntityTable
    occurrences: tuple[Occurrence, ...]
    events: int = 0
    started: datetime | None = None

    def __post_init__(self) -> None:
        by_source = {(s.article, s.id): o for o in self.occurrences for s in o.sources}
        object.__setattr__(self, "_by_source", by_source)

    @property
    def entities(self) -> tuple[Entity, ...]:
        """Every entity, local ones included, in key order."""
        return tuple(self.table.entities[k] for k in sorted(self.table.entities))

    @property
    def merged(self) -> tuple[Occurrence, ...]:
        """The occurrences that several articles report, most sources first, then by first report."""
        found = [o for o in self.occurrences if o.merged]
        return tuple(sorted(found, key=lambda o: -len(o.sources)))

    def occurrence(self, article: str, event_id: str) -> Occurrence | None:
        """The occurrence the event ``event_id`` of ``article`` reports (single-source ones too)."""
        return self._by_source.get((article, event_id))

    def occurrence_of(self, article: str, event_id: str) -> str | None:
        """The IRI of the merged occurrence the event belongs to; None when no other article reports it."""
        o = self._by_source.get((article, event_id))
        return str(iri_of(o)) if o is not None and o.merged else None

    def entity_of(self, article: str, actor_id: str) -> str | None:
        """The IRI of the entity of the actor ``actor_id`` of ``article``; None for generic actors."""
        e = self.table.of(f"{article}#{actor_id}")
        return str(entity_iri(e.key)) if e is not None and not e.is_local else None

    def annotate_events(self, rows: Iterable[dict]) -> Iterator[dict]:
        """``events.jsonl`` rows with their ``occurrence`` (None when not merged)."""
        for row in rows:
            yield {**row, "occurrence": self.occurrence_of(str(row.get("article")), str(row.get("id")))}

    def annotate_actors(self, rows: Iterable[dict]) -> Iterator[dict]:
        """``actors.jsonl`` rows with their ``entity`` IRI (None for generic actors)."""
        for row in rows:
            yield {**row, "entity": self.entity_of(str(row.get("article")), str(row.get("id")))}

    def graph(self):
        """The resolution named graph (see :func:`graph.resolve.rdf.resolution_graph`)."""
        from graph.resolve.rdf import resolution_graph

        return resolution_graph(self)

    def summary(self) -> dict[str, int]:
        """Counts: events, occurrences, merged occurrences and their reports, entities, linked actors.

        >>> resolve([], []).summary()["events"]
        0
        """
        merged = self.merged
        entities = [e for e in self.table.entities.values() if not e.is_local]
        return {
            "events": self.events,
            "occurrences": len(self.occurrences),
            "merged": len(merged),
            "merged_reports": sum(len(o.sources) for o in merged),
            "entities": len(entities),
            "entities_across_articles": sum(1 for e in entities if e.articles > 1),
            "actors": len(self.table.keys),
        }


def iri_of(o: Occurrence):
    """The IRI of an occurrence (from its first report)."""
    first = o.sources[0]
    return occurrence_iri(first.article, first.id)


def resolve(events: Iterable[EventRef], actors: Iterable[ActorRef], *, known: Iterable[Entity] = (),
            rules: Rules | None = None) -> Resolution:
    """Resolve actors to entities, then reports to occurrences.

    Args:
        events: the reports, several articles mixed.
        actors: their articles' actors.
        known: entities resolved before (see :func:`graph.resolve.entities.resolve_actors`).
        rules: weights and thresholds of event resolution.

    Returns:
        The :class:`Resolution`.
    """
    started = datetime.now().astimezone().replace(microsecond=0)
    events = list(events)
    table = resolve_actors(actors, known)
    occurrences = resolve_events(events, table, rules)
    return Resolution(table, tuple(occurrences), len(events), started)


def resolve_rows(event_rows: Iterable[dict], actor_rows: Iterable[dict], *, rules: Rules | None = None) -> Resolution:
    """Resolve the events and actors of ``events.jsonl`` / ``actors.jsonl`` rows (a batch's output).

    Args:
        event_rows: event rows, several articles mixed (:func:`graph.export.event_rows`).
        actor_rows: actor rows of the same articles (:func:`graph.export.actor_rows`).
        rules: weights and thresholds of event resolution.

    Returns:
        The :class:`Resolution`; :meth:`Resolution.annotate_events` adds ``occurrence`` to the rows.
    """
    events, actors = refs_from_rows(event_rows, actor_rows)
    return resolve(events, actors, rules=rules)


def resolve_extractions(extractions: Iterable[Extraction], *, rules: Rules | None = None) -> Resolution:
    """Resolve the events and actors of several extractions.

    >>> resolve_extractions([]).summary()["occurrences"]
    0
    """
    events: list[EventRef] = []
    actors: list[ActorRef] = []
    for x in extractions:
        e, a = refs_from_extraction(x)
        events += e
        actors += a
    return resolve(events, actors, rules=rules)
