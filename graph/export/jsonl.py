"""Records to the JSON Lines format that ``shared/eval/score.py`` and ``evaluate`` read.

One row an event or an actor; several articles mix in one file, each row naming its
article. The format is defined in ``shared/corpus/README.md``.

>>> from graph.records import Actor, Article, Extraction
>>> from graph.vocab.actor_types import ActorType
>>> x = Extraction(Article("a1", "Iran said."), actors=(Actor("iran", "Iran", ActorType.STATE, "IRN"),))
>>> next(actor_rows(x))["name"]
'Iran'
"""
from __future__ import annotations

import json
import os
from typing import Iterable, Iterator

from graph.fileio import atomic_write_lines
from graph.rdf.iris import article_iri, child
from graph.records import Extraction

__all__ = ["event_rows", "actor_rows", "write_jsonl", "dumps_line"]


def _actor_ref(x: Extraction, actor_id: str) -> dict:
    a = x.actor(actor_id)
    if a is None:
        return {"id": actor_id, "name": actor_id, "type": None, "country": None}
    return {"id": a.id, "name": a.name, "type": a.type.value, "country": a.country}


def event_rows(x: Extraction) -> Iterator[dict]:
    """The ``events.jsonl`` rows of one extraction.

    Besides the scored fields, a row names its article's publication date and outlet, its
    agents' and targets' article-local ids, and the IRIs of the event and its places in the
    RDF graph, so that cross-article resolution (:func:`graph.resolve.resolve_rows`) needs
    nothing but the rows.
    """
    article = article_iri(x.article.id, x.article.text)
    sentences = {s.index: s.text for s in x.sentences}
    relations: dict[str, list[dict]] = {}
    for r in x.relations:
        relations.setdefault(r.source, []).append({"type": r.type.value, "target": r.target})
    for e in x.events:
        places = []
        for pid in e.places:
            p = x.place(pid)
            if p is not None:
                places.append({"name": p.name, "country": p.country, "lat": p.lat, "lon": p.lon,
                               "iri": str(child(article, "place", p.id))})
        evidence = []
        for m in e.mentions:
            text = sentences.get(m.sentence, m.text).strip()
            if text not in evidence:
                evidence.append(text)
        yield {
            "article": x.article.id,
            "id": e.id,
            "iri": str(child(article, "event", e.id)),
            "published": x.article.published.isoformat() if x.article.published else None,
            "outlet": x.article.outlet,
            "type": e.type.value,
            "subtype": e.subtype.value if e.subtype else None,
            "cameo": e.cameo,
            "date": e.date.isoformat() if e.date else None,
            "agents": [_actor_ref(x, a) for a in e.agents],
            "targets": [_actor_ref(x, t) for t in e.targets],
            "places": places,
            "killed": e.killed,
            "injured": e.injured,
            "weapons": list(e.weapons),
            "relations": relations.get(e.id, []),
            "trigger": {"text": e.trigger.text, "start": e.trigger.start, "end": e.trigger.end},
            "evidence": evidence,
        }


def actor_rows(x: Extraction) -> Iterator[dict]:
    """The ``actors.jsonl`` rows of one extraction (with the IRI of each actor in the RDF graph)."""
    article = article_iri(x.article.id, x.article.text)
    for a in x.actors:
        affiliations = []
        for af in x.affiliations:
            if af.source != a.id:
                continue
            target = x.actor(af.target)
            row = {"type": af.type.value, "target": target.name if target else af.target}
            if af.role:
                row["role"] = af.role
            affiliations.append(row)
        yield {
            "article": x.article.id,
            "id": a.id,
            "iri": str(child(article, "actor", a.id)),
            "name": a.name,
            "aliases": list(a.aliases),
            "type": a.type.value,
            "country": a.country,
            "wikidata": a.wikidata,
            "mentions": len(a.mentions),
            "affiliations": affiliations,
        }


#: characters that ``str.splitlines`` treats as line breaks but JSON leaves raw
_LINE_BREAKS = {"\x85": "\\u0085", "\u2028": "\\u2028", "\u2029": "\\u2029"}


def dumps_line(row: dict) -> str:
    """One JSON object on one line, whatever line separators its strings hold.

    >>> dumps_line({"name": "a\u2028b"})
    '{"name": "a\\\\u2028b"}'
    """
    text = json.dumps(row, ensure_ascii=False)
    for raw, escaped in _LINE_BREAKS.items():
        text = text.replace(raw, escaped)
    return text


def write_jsonl(rows: Iterable[dict], path: str | os.PathLike) -> int:
    """Write rows atomically (a temporary file, then a rename); return how many were written.

    Raises:
        OutputError: the file cannot be written.
    """
    return atomic_write_lines(path, (dumps_line(row) + "\n" for row in rows))
