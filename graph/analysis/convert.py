"""Convert the RDF output to a NetworkX multigraph of actors, events and places.

The attribute contract (``graph.viz`` builds on it):

* node id: the IRI string. Node attributes: ``kind`` (``"actor"``, ``"event"`` or
  ``"place"``); ``label`` (actor or place name, or a short event label such as
  ``"attack: United States -> Kataib Hezbollah"``); ``type`` (an ``ActorType`` value, an
  ``EventType`` value, or ``"place"``); ``subtype`` (``EventSubtype`` value or None);
  ``country`` (alpha-3 or None; for an event, the country of its first place);
  ``date`` (ISO string or None); ``killed``, ``injured`` (int or None); ``weapons``
  (list of str); ``cameo`` (str or None); ``evidence`` (list of dicts ``{"text": sentence
  text, "article": article id, "title": title or None, "url": url or None}``); ``articles``
  (list of article ids).
* edges ``(u, v, key)`` with attributes ``relation`` (``agent``, ``target``, ``place``,
  ``retaliation_for``, ``part_of``, ``about``, ``causes``, ``precedes``, ``backed_by``,
  ``member_of``, ``role_in``, ``allied_with``, ``opposes``) and ``label`` (the relation, or
  for ``role_in`` the title). Agent edges go actor -> event, target edges event -> actor,
  place edges event -> place. The key is the relation (``role_in:<title>`` for posts), so
  converting a graph twice into one multigraph adds no duplicate edges.

>>> from graph.records import Actor, Article, Event, Extraction, Mention
>>> from graph.rdf.mapping import extraction_to_graph
>>> from graph.vocab.actor_types import ActorType
>>> from graph.vocab.event_types import EventType
>>> x = Extraction(Article("a1", "Rebels shelled the town."),
...     actors=(Actor("rebels", "Rebels", ActorType.ARMED_GROUP),),
...     events=(Event("e1", EventType.ATTACK, Mention("a1", 7, 14, "shelled", 0), agents=("rebels",)),))
>>> nxg = rdf_to_networkx(extraction_to_graph(x))
>>> sorted(d["kind"] for _, d in nxg.nodes(data=True))
['actor', 'event']
>>> [d["relation"] for _, _, d in nxg.edges(data=True)]
['agent']
"""
from __future__ import annotations

import logging

import networkx as nx
from rdflib import Dataset, Graph, Literal, URIRef

from graph.rdf.serialize import union_graph
from graph.vocab.actor_types import ActorType, AffiliationType
from graph.vocab.event_types import EventSubtype, EventType, RelationType
from graph.vocab.namespaces import CG, DCTERMS, GEO, OA, ORG, PROV, RDF, RDFS, SCHEMA, SEM

__all__ = ["rdf_to_networkx"]

log = logging.getLogger(__name__)

_ACTOR_TYPES = {CG[t.class_name]: t.value for t in ActorType}
_EVENT_TYPES = {CG[t.class_name]: t.value for t in EventType}
_SUBTYPES = {CG[s.value]: s.value for s in EventSubtype}
_AFFILIATIONS = {CG[t.property_name]: t.value for t in AffiliationType}
_RELATIONS = {CG[t.property_name]: t.value for t in RelationType}


def _str(value) -> str | None:
    return None if value is None else str(value)


def _int(value) -> int | None:
    if value is None:
        return None
    try:
        return int(value.toPython() if isinstance(value, Literal) else value)
    except (TypeError, ValueError):
        log.warning("not an integer: %r", value)
        return None


class _Reader:
    def __init__(self, g: Graph):
        self.g = g
        self._articles: dict[URIRef, dict] = {}

    def article(self, node) -> dict:
        if node not in self._articles:
            g = self.g
            self._articles[node] = {
                "article": _str(g.value(node, DCTERMS.identifier)) or str(node),
                "title": _str(g.value(node, SCHEMA.headline)),
                "url": _str(g.value(node, SCHEMA.url)),
            }
        return self._articles[node]

    def _exact(self, node) -> str | None:
        for selector in self.g.objects(node, OA.hasSelector):
            exact = self.g.value(selector, OA.exact)
            if exact is not None:
                return str(exact)
        return None

    def evidence(self, entity) -> list[dict]:
        """One dict per distinct sentence (or span, when no sentence is known) mentioning ``entity``."""
        g, seen, out = self.g, set(), []
        mentions = sorted(set(g.objects(entity, CG.hasMention)) | set(g.objects(entity, CG.trigger)), key=str)
        # the trigger first, so the evidence of an event starts with the sentence it was read from
        trigger = g.value(entity, CG.trigger)
        if trigger is not None:
            mentions.remove(trigger)
            mentions.insert(0, trigger)
        for mention in mentions:
            span = g.value(mention, OA.hasTarget)
            if span is None:
                continue
            source = g.value(span, OA.hasSource)
            sentence = g.value(span, CG.inSentence)
            text = self._exact(sentence) if sentence is not None else None
            text = text if text is not None else self._exact(span)
            key = (source, text)
            if text is None or key in seen:
                continue
            seen.add(key)
            out.append({"text": text, **self.article(source)})
        return out

    def articles(self, entity) -> list[str]:
        ids = {self.article(a)["article"] for a in self.g.objects(entity, PROV.wasDerivedFrom)
               if (a, RDF.type, CG.Article) in self.g}
        return sorted(ids)


def _base_attrs(kind: str, label: str, type_: str) -> dict:
    return {
        "kind": kind, "label": label, "type": type_, "subtype": None, "country": None, "date": None,
        "killed": None, "injured": None, "weapons": [], "cameo": None, "evidence": [], "articles": [],
    }


def rdf_to_networkx(graph: Graph | Dataset) -> nx.MultiDiGraph:
    """Build a multigraph of actors, events and places from the RDF output.

    Args:
        graph: one article's graph, or a dataset (its named graphs are read as one union).

    Returns:
        A ``networkx.MultiDiGraph`` following the attribute contract of this module.
        Edges whose ends are not described actors, events or places are logged and left out.
    """
    g = union_graph(graph) if isinstance(graph, Dataset) else graph
    r = _Reader(g)
    out = nx.MultiDiGraph()

    for actor in sorted(set(g.subjects(RDF.type, SEM.Actor)), key=str):
        types = [_ACTOR_TYPES[t] for t in g.objects(actor, RDF.type) if t in _ACTOR_TYPES]
        attrs = _base_attrs("actor", _str(g.value(actor, RDFS.label)) or str(actor), sorted(types)[0] if types else None)
        attrs.update(country=_str(g.value(actor, CG.countryCode)), evidence=r.evidence(actor), articles=r.articles(actor))
        out.add_node(str(actor), **attrs)

    for place in sorted(set(g.subjects(RDF.type, SEM.Place)), key=str):
        attrs = _base_attrs("place", _str(g.value(place, RDFS.label)) or str(place), "place")
        attrs.update(country=_str(g.value(place, CG.countryCode)), evidence=r.evidence(place), articles=r.articles(place))
        lat, lon = g.value(place, GEO.lat), g.value(place, GEO.long)
        if lat is not None and lon is not None:
            attrs.update(lat=float(lat), lon=float(lon))
        out.add_node(str(place), **attrs)

    for event in sorted(set(g.subjects(RDF.type, SEM.Event)), key=str):
        types = set(g.objects(event, RDF.type))
        coarse = sorted(_EVENT_TYPES[t] for t in types if t in _EVENT_TYPES)
        subtypes = sorted(_SUBTYPES[t] for t in types if t in _SUBTYPES)
        attrs = _base_attrs("event", _str(g.value(event, RDFS.label)) or str(event), coarse[0] if coarse else None)
        places = sorted(g.objects(event, SEM.hasPlace), key=str)
        country = next((str(c) for p in places if (c := g.value(p, CG.countryCode)) is not None), None)
        cameo = g.value(event, CG.cameo)
        date = g.value(event, SEM.hasTimeStamp)
        attrs.update(
            subtype=subtypes[0] if subtypes else None,
            country=country,
            date=str(date) if date is not None else None,
            killed=_int(g.value(event, CG.killed)),
            injured=_int(g.value(event, CG.injured)),
            weapons=sorted(str(g.value(w, RDFS.label) or w) for w in g.objects(event, CG.usedWeapon)),
            cameo=str(cameo).rstrip("/").rsplit("/", 1)[-1] if cameo is not None else None,
            evidence=r.evidence(event),
            articles=r.articles(event),
        )
        out.add_node(str(event), **attrs)

    def edge(u, v, relation: str, label: str | None = None) -> None:
        if str(u) not in out or str(v) not in out:
            log.warning("edge %s from %s to %s: an end is not a described actor, event or place", relation, u, v)
            return
        label = label or relation
        key = relation if relation != "role_in" else f"role_in:{label}"
        out.add_edge(str(u), str(v), key=key, relation=relation, label=label)

    for event in sorted(set(g.subjects(RDF.type, SEM.Event)), key=str):
        for actor in sorted(g.objects(event, CG.hasAgent), key=str):
            edge(actor, event, "agent")
        for actor in sorted(g.objects(event, CG.hasTarget), key=str):
            edge(event, actor, "target")
        for place in sorted(g.objects(event, SEM.hasPlace), key=str):
            edge(event, place, "place")

    for prop, relation in sorted({**_AFFILIATIONS, **_RELATIONS}.items()):
        for s, o in sorted(g.subject_objects(prop), key=str):
            if prop in _RELATIONS and (s, RDF.type, SEM.Event) not in g:
                continue  # a claim is about an event too; claims are not drawn
            if relation != "role_in":
                edge(s, o, relation)
                continue
            titles = sorted({str(g.value(post, RDFS.label)) for post in g.subjects(ORG.heldBy, s)
                             if (post, ORG.postIn, o) in g and g.value(post, RDFS.label) is not None})
            for title in titles or ["role_in"]:
                edge(s, o, relation, title)
    return out
