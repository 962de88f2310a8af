"""Resolution inputs from ``events.jsonl``/``actors.jsonl`` rows or from extractions.

Rows are those of :mod:`graph.export.jsonl` (``shared/corpus/README.md``): an event row names its
agents and targets by ``id`` (else by name, matched to the article's actor rows) and carries its
article's ``published`` date and ``outlet`` and its ``iri``; rows from other tools that lack them
still resolve (without publication dates, undated events never merge). A malformed row (an
unknown type, a date that is not ISO) is skipped with a warning naming it.

>>> events, actors = refs_from_rows(
...     [{"article": "a1", "id": "e1", "type": "attack", "date": "2021-02-26",
...       "agents": [{"name": "United States", "type": "state", "country": "USA"}]}],
...     [{"article": "a1", "id": "us", "name": "United States", "type": "state", "country": "USA"}])
>>> events[0].agents, actors[0].key
(('us',), 'a1#us')
"""
from __future__ import annotations

import logging
from collections.abc import Iterable
from datetime import date

from graph.rdf.iris import article_iri, child
from graph.records import Extraction
from graph.resolve.records import ActorRef, EventRef, PlaceRef
from graph.vocab.actor_types import ActorType
from graph.vocab.event_types import EventSubtype, EventType, RelationType

__all__ = ["refs_from_rows", "refs_from_extraction"]

log = logging.getLogger(__name__)

_SUBTYPES = {s.value.casefold(): s for s in EventSubtype}


def _day(value) -> date | None:
    if value in (None, ""):
        return None
    if isinstance(value, date):
        return value
    return date.fromisoformat(str(value)[:10])


def _day_or_none(value) -> date | None:
    try:
        return _day(value)
    except (TypeError, ValueError):
        return None


def _int(value) -> int | None:
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, (list, tuple)):  # [min, max] as the gold writes ranges: keep the low end
        value = value[0] if value else None
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def _float(value) -> float | None:
    try:
        return None if value is None else float(value)
    except (TypeError, ValueError):
        return None


def _actor_type(value) -> ActorType | None:
    try:
        return ActorType(value) if value else None
    except ValueError:
        return None


def _text(value) -> str | None:
    return None if value in (None, "") else str(value)


def refs_from_rows(event_rows: Iterable[dict], actor_rows: Iterable[dict]) -> tuple[list[EventRef], list[ActorRef]]:
    """Events and actors of ``events.jsonl`` and ``actors.jsonl`` rows as resolution inputs.

    Each iterable is read once, row by row (a file can be streamed). An event's agent or target
    that no actor row of its article names becomes an actor of its own (name, type and country
    as the event row gives them).

    Args:
        event_rows: ``events.jsonl`` rows, several articles mixed.
        actor_rows: ``actors.jsonl`` rows of the same articles.

    Returns:
        ``(events, actors)``.
    """
    actors: dict[str, ActorRef] = {}
    by_name: dict[tuple[str, str], str] = {}
    for row in actor_rows:
        article, name = _text(row.get("article")), _text(row.get("name"))
        if article is None or name is None:
            log.warning("actor row without article or name skipped: %.80r", row)
            continue
        actor_id = _text(row.get("id")) or name
        aliases = tuple(str(a) for a in row.get("aliases") or () if a)
        actors[f"{article}#{actor_id}"] = ActorRef(article, actor_id, name, _actor_type(row.get("type")),
                                                   _text(row.get("country")), aliases, _text(row.get("wikidata")),
                                                   _text(row.get("iri")))
        by_name.setdefault((article, name), actor_id)
    events: list[EventRef] = []
    for row in event_rows:
        try:
            events.append(_event(row, actors, by_name))
        except (KeyError, ValueError, TypeError) as err:
            log.warning("event row skipped (%s): %.120r", err, row)
    return events, list(actors.values())


def _event(row: dict, actors: dict, by_name: dict) -> EventRef:
    article, event_id = str(row["article"]), str(row["id"])
    roles = []
    for role in ("agents", "targets"):
        ids = []
        for ref in row.get(role) or ():
            ref = ref if isinstance(ref, dict) else {"name": ref}
            name = _text(ref.get("name"))
            actor_id = _text(ref.get("id")) or by_name.get((article, name)) or name
            if actor_id is None:
                continue
            if f"{article}#{actor_id}" not in actors:
                actors[f"{article}#{actor_id}"] = ActorRef(article, actor_id, name or actor_id,
                                                           _actor_type(ref.get("type")), _text(ref.get("country")))
            ids.append(actor_id)
        roles.append(tuple(dict.fromkeys(ids)))
    places = tuple(PlaceRef(str(p["name"]), _text(p.get("country")), _float(p.get("lat")), _float(p.get("lon")),
                            _text(p.get("iri")))
                   for p in row.get("places") or () if isinstance(p, dict) and p.get("name"))
    relations = []
    for r in row.get("relations") or ():
        try:
            relations.append((RelationType(r["type"]), str(r["target"])))
        except (KeyError, ValueError, TypeError):
            continue
    subtype = row.get("subtype")
    evidence = row.get("evidence") or ()
    return EventRef(
        article=article, id=event_id, type=EventType(row["type"]),
        subtype=_SUBTYPES.get(str(subtype).casefold()) if subtype else None,
        date=_day(row.get("date")), published=_day_or_none(row.get("published")), outlet=_text(row.get("outlet")),
        agents=roles[0], targets=roles[1], places=places, killed=_int(row.get("killed")),
        injured=_int(row.get("injured")), weapons=tuple(str(w) for w in row.get("weapons") or ()),
        relations=tuple(relations), evidence=str(evidence[0]) if evidence else None, iri=_text(row.get("iri")))


def refs_from_extraction(x: Extraction) -> tuple[list[EventRef], list[ActorRef]]:
    """Events and actors of one extraction as resolution inputs (with their IRIs in the RDF graph).

    >>> from graph.records import Actor, Article, Event, Mention
    >>> x = Extraction(Article("a1", "Iran said."), actors=(Actor("iran", "Iran", ActorType.STATE, "IRN"),),
    ...                events=(Event("e1", EventType.STATEMENT, Mention("a1", 5, 9, "said", 0), agents=("iran",)),))
    >>> events, actors = refs_from_extraction(x)
    >>> events[0].iri.endswith("/event/e1"), actors[0].name
    (True, 'Iran')
    """
    article = article_iri(x.article.id, x.article.text)
    a = x.article
    actors = [ActorRef(a.id, act.id, act.name, act.type, act.country, act.aliases, act.wikidata,
                       str(child(article, "actor", act.id))) for act in x.actors]
    sentences = {s.index: s.text for s in x.sentences}
    relations: dict[str, list] = {}
    for r in x.relations:
        relations.setdefault(r.source, []).append((r.type, r.target))
    events = []
    for e in x.events:
        if e.negated:
            continue
        places = tuple(PlaceRef(p.name, p.country, p.lat, p.lon, str(child(article, "place", p.id)))
                       for p in (x.place(pid) for pid in e.places) if p is not None)
        events.append(EventRef(
            a.id, e.id, e.type, e.subtype, e.date, a.published, a.outlet, e.agents, e.targets, places, e.killed,
            e.injured, e.weapons, tuple(relations.get(e.id, ())),
            sentences.get(e.trigger.sentence, e.trigger.text).strip(), str(child(article, "event", e.id))))
    return events, actors
