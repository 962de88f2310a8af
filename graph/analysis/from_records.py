"""One article's extraction straight to the NetworkX multigraph that :func:`rdf_to_networkx` reads from its RDF.

A batch draws ``graph.html`` from every article without parsing their graphs back: each
worker turns its extractions into nodes and edges here (a millisecond an article, where
building and reading an rdflib graph costs fifty). The result follows the attribute contract
of :mod:`graph.analysis.convert` exactly: ``rdf_to_networkx(extraction_to_graph(x))`` gives
the same nodes, attributes and edges (a test checks it on real extractions).

>>> from graph.records import Actor, Article, Event, Extraction, Mention
>>> from graph.vocab.actor_types import ActorType
>>> from graph.vocab.event_types import EventType
>>> x = Extraction(Article("a1", "Rebels shelled the town."),
...     actors=(Actor("rebels", "Rebels", ActorType.ARMED_GROUP),),
...     events=(Event("e1", EventType.ATTACK, Mention("a1", 7, 14, "shelled", 0), agents=("rebels",)),))
>>> g = extraction_to_networkx(x)
>>> sorted(d["kind"] for _, d in g.nodes(data=True)), [d["relation"] for _, _, d in g.edges(data=True)]
(['actor', 'event'], ['agent'])
"""
from __future__ import annotations

import re
from datetime import datetime

import networkx as nx

from graph.rdf.iris import article_iri, child
from graph.rdf.mapping import event_label
from graph.records import Extraction, Mention
from graph.vocab.actor_types import AffiliationType
from graph.vocab.event_types import RelationType
from graph.vocab.namespaces import CG

__all__ = ["extraction_to_networkx"]

_CAMEO_CODE = re.compile(r"^[0-9]{2,4}$")


def _base_attrs(kind: str, label: str, type_: str | None) -> dict:
    return {
        "kind": kind, "label": label, "type": type_, "subtype": None, "country": None, "date": None,
        "killed": None, "injured": None, "weapons": [], "cameo": None, "evidence": [], "articles": [],
    }


def extraction_to_networkx(x: Extraction) -> nx.MultiDiGraph:
    """The actors, events and places of one extraction as a multigraph (the contract of ``graph.analysis.convert``).

    Args:
        x: the extraction.

    Returns:
        A ``networkx.MultiDiGraph`` equal to ``rdf_to_networkx(extraction_to_graph(x))``.
    """
    article = article_iri(x.article.id, x.article.text)
    source = {"article": x.article.id, "title": x.article.title, "url": x.article.url}
    sentences = {s.index: s for s in x.sentences}
    actors = {a.id for a in x.actors}
    places = {p.id: p for p in x.places}
    spans: dict[tuple[int, int], str] = {}  # the first mention at an offset pair gives the span its text

    def span_text(m: Mention) -> str:
        key = (m.start, m.end)
        if key not in spans:
            sentence = sentences.get(m.sentence)
            if sentence is None:
                sentence = next((s for s in x.sentences if s.start <= m.start and m.end <= s.end), None)
            spans[key] = sentence.text if sentence is not None else m.text
        return spans[key]

    def evidence(kind: str, body_id: str, mentions: tuple[Mention, ...], trigger: Mention | None = None) -> list:
        prefix = str(child(article, "annotation", kind, body_id))
        by_iri = {f"{prefix}/{m.start}-{m.end}": m for m in (*mentions, *((trigger,) if trigger else ()))}
        order = sorted(by_iri)
        if trigger is not None:
            first = f"{prefix}/{trigger.start}-{trigger.end}"
            order.remove(first)
            order.insert(0, first)
        seen, out = set(), []
        for iri in order:
            text = span_text(by_iri[iri])
            if text not in seen:
                seen.add(text)
                out.append({"text": text, **source})
        return out

    g = nx.MultiDiGraph()
    for a in sorted(x.actors, key=lambda a: str(child(article, "actor", a.id))):
        attrs = _base_attrs("actor", a.name or str(child(article, "actor", a.id)), a.type.value)
        attrs.update(country=a.country, evidence=evidence("actor", a.id, a.mentions), articles=[x.article.id])
        g.add_node(str(child(article, "actor", a.id)), **attrs)
    for p in sorted(x.places, key=lambda p: str(child(article, "place", p.id))):
        attrs = _base_attrs("place", p.name or str(child(article, "place", p.id)), "place")
        attrs.update(country=p.country, evidence=evidence("place", p.id, p.mentions), articles=[x.article.id])
        if p.lat is not None and p.lon is not None:
            attrs.update(lat=float(p.lat), lon=float(p.lon))
        g.add_node(str(child(article, "place", p.id)), **attrs)
    events = sorted(x.events, key=lambda e: str(child(article, "event", e.id)))
    for e in events:
        attrs = _base_attrs("event", event_label(x, e), e.type.value)
        event_places = sorted(str(child(article, "place", pid)) for pid in set(e.places))
        by_iri = {str(child(article, "place", pid)): places.get(pid) for pid in e.places}
        country = next((p.country for iri in event_places if (p := by_iri[iri]) is not None and p.country), None)
        day = e.date.date() if isinstance(e.date, datetime) else e.date
        attrs.update(
            subtype=e.subtype.value if e.subtype is not None and e.subtype.parent is e.type else None,
            country=country,
            date=day.isoformat() if day is not None else None,
            killed=int(e.killed) if e.killed is not None else None,
            injured=int(e.injured) if e.injured is not None else None,
            weapons=sorted(set(e.weapons)),
            cameo=e.cameo if e.cameo and _CAMEO_CODE.match(e.cameo) else None,
            evidence=evidence("event", e.id, tuple(m for m in e.mentions if m != e.trigger), e.trigger),
            articles=[x.article.id],
        )
        g.add_node(str(child(article, "event", e.id)), **attrs)

    def edge(u: str, v: str, relation: str, label: str | None = None) -> None:
        if u in g and v in g:
            label = label or relation
            g.add_edge(u, v, key=relation if relation != "role_in" else f"role_in:{label}", relation=relation,
                       label=label)

    for e in events:
        node = str(child(article, "event", e.id))
        for actor_id in sorted(set(e.agents), key=lambda i: str(child(article, "actor", i))):
            if actor_id in actors:
                edge(str(child(article, "actor", actor_id)), node, "agent")
        for actor_id in sorted(set(e.targets), key=lambda i: str(child(article, "actor", i))):
            if actor_id in actors:
                edge(node, str(child(article, "actor", actor_id)), "target")
        for place_iri in sorted({str(child(article, "place", pid)) for pid in e.places}):
            edge(node, place_iri, "place")

    links: dict[str, set] = {}  # property IRI -> (subject, object) IRIs, as the RDF holds them
    titles: dict[tuple[str, str], set] = {}
    relation_of = {str(CG[t.property_name]): t.value for t in (*AffiliationType, *RelationType)}
    for a in x.affiliations:
        s, o = str(child(article, "actor", a.source)), str(child(article, "actor", a.target))
        links.setdefault(str(CG[a.type.property_name]), set()).add((s, o))
        if a.role:
            titles.setdefault((s, o), set()).add(a.role)
    event_ids = {e.id for e in x.events}
    for r in x.relations:
        if r.source in event_ids:
            links.setdefault(str(CG[r.type.property_name]), set()).add(
                (str(child(article, "event", r.source)), str(child(article, "event", r.target))))
    for prop in sorted(links):
        relation = relation_of[prop]
        for s, o in sorted(links[prop]):
            if relation != "role_in":
                edge(s, o, relation)
                continue
            for title in sorted(titles.get((s, o), ())) or ["role_in"]:
                edge(s, o, relation, title)
    return g
