"""Cross-article resolution over the store: read the article graphs by SPARQL, resolve, write the resolution graph.

The resolution named graph (:data:`graph.rdf.iris.RESOLUTION_GRAPH`, terms in
``ontology/README.md``) holds the canonical actors and the occurrences several articles report,
linked to the per-article nodes. Two modes:

* **full** (:func:`resolve_store` without ``graphs``; ``python -m graph resolve``): every article
  graph is read, resolved and the resolution graph replaced;
* **incremental** (``graphs``: the article graphs just loaded; what ``load`` runs): only the
  reports that could be one occurrence with a new one are read, by date: every event whose
  ``cg:effectiveDate`` (its date, else its article's) lies within
  :data:`MARGIN_DAYS` of a new event's possible dates, plus every report already in an occurrence
  with one of those. The canonical actors already in the store anchor the new articles' actors
  (a surname, an alias, an acronym). The occurrences touching those reports and the entity links
  of their actors are replaced; the rest of the resolution graph stays as it was. Resolving the
  whole store again (``python -m graph resolve``) gives the same occurrences except where a new
  name made an earlier surname ambiguous or a chain of merges crossed the window.

Text from articles reaches SPARQL only as RDF terms written by the N-Triples term writer, in
``VALUES`` rows (see :mod:`graph.store.backend`).

>>> from graph.rdf import to_dataset
>>> from graph.store.backend import open_store
>>> from graph.store.load import load_dataset
>>> with open_store() as store:
...     _ = load_dataset(store, to_dataset([]))
...     resolve_store(store).resolution.summary()["events"]
0
"""
from __future__ import annotations

import logging
import sys
import time
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, timedelta

import pyoxigraph as ox
from rdflib import Graph, Literal, URIRef

from graph.rdf.iris import RESOLUTION_GRAPH
from graph.rdf.mapping import bind_prefixes
from graph.resolve import Rules
from graph.resolve.rdf import entity_triples, occurrence_triples, run_node
from graph.resolve.records import ActorRef, Entity, EventRef, PlaceRef
from graph.resolve.resolution import Resolution, iri_of, resolve
from graph.store.backend import ConflictStore, to_ox
from graph.vocab.actor_types import ActorType
from graph.vocab.event_types import EventSubtype, EventType, RelationType
from graph.vocab.namespaces import CG, SKOS

__all__ = ["StoreResolution", "resolve_store", "read_records", "MARGIN_DAYS", "CHUNK"]

log = logging.getLogger(__name__)

#: terms per VALUES block
CHUNK = 2000
#: days around a new report's possible dates within which stored reports are re-resolved
MARGIN_DAYS = Rules().lookback + 2 * Rules().date_tolerance

_PREFIXES = """PREFIX cg: <https://w3id.org/conflict-graph/ontology#>
PREFIX sem: <http://semanticweb.cs.vu.nl/2009/11/sem/>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX schema: <https://schema.org/>
PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX owl: <http://www.w3.org/2002/07/owl#>
PREFIX geo: <http://www.w3.org/2003/01/geo/wgs84_pos#>
PREFIX oa: <http://www.w3.org/ns/oa#>
"""
_RES = f"<{RESOLUTION_GRAPH}>"
_CG = str(CG._NS)
_EVENT_CLASSES = {t.class_name: t for t in EventType}
_SUBTYPE_CLASSES = {s.value: s for s in EventSubtype}
_ACTOR_CLASSES = {t.class_name: t for t in ActorType}
_RELATIONS = {f"{_CG}{t.property_name}": t for t in (RelationType.PART_OF, RelationType.RETALIATION_FOR,
                                                     RelationType.ABOUT)}

Q_EVENTS = _PREFIXES + """SELECT ?e ?id ?art ?date ?killed ?injured WHERE {
  %s
  ?e a sem:Event ; dcterms:identifier ?id ; prov:wasDerivedFrom ?art .
  ?art a cg:Article .
  FILTER NOT EXISTS { ?e cg:negated true }
  OPTIONAL { ?e sem:hasTimeStamp ?date }
  OPTIONAL { ?e cg:killed ?killed }
  OPTIONAL { ?e cg:injured ?injured }
}"""
Q_TYPES = _PREFIXES + """SELECT ?e ?c WHERE { %s ?e a sem:Event ; a ?c . }"""
Q_ROLES = _PREFIXES + """SELECT ?e ?p ?a WHERE { %s VALUES ?p { cg:hasAgent cg:hasTarget } ?e a sem:Event ; ?p ?a . }"""
Q_PLACES = _PREFIXES + """SELECT ?e ?p ?label ?country ?lat ?lon WHERE {
  %s ?e a sem:Event ; sem:hasPlace ?p . ?p rdfs:label ?label .
  OPTIONAL { ?p cg:countryCode ?country } OPTIONAL { ?p geo:lat ?lat ; geo:long ?lon } }"""
Q_WEAPONS = _PREFIXES + """SELECT ?e ?w WHERE { %s ?e a sem:Event ; cg:usedWeapon/rdfs:label ?w . }"""
Q_RELATIONS = _PREFIXES + """SELECT ?e ?p ?xid WHERE {
  %s VALUES ?p { cg:partOf cg:retaliationFor cg:about } ?e a sem:Event ; ?p ?x . ?x dcterms:identifier ?xid . }"""
Q_ARTICLES = _PREFIXES + """SELECT ?art ?id ?published ?outlet WHERE {
  %s ?art a cg:Article ; dcterms:identifier ?id .
  OPTIONAL { ?art schema:datePublished ?published } OPTIONAL { ?art schema:publisher/schema:name ?outlet } }"""
Q_ACTORS = _PREFIXES + """SELECT ?a ?id ?name ?c ?country ?wd ?art WHERE {
  %s ?a a sem:Actor ; prov:wasDerivedFrom ?art ; dcterms:identifier ?id ; rdfs:label ?name ; a ?c .
  ?art a cg:Article .
  OPTIONAL { ?a cg:countryCode ?country } OPTIONAL { ?a owl:sameAs ?wd } }"""
Q_ACTORS_OF = _PREFIXES + """SELECT ?a WHERE { %s ?a a sem:Actor ; prov:wasDerivedFrom ?art . }"""
Q_ALIASES = _PREFIXES + """SELECT ?a ?alias WHERE { %s ?a a sem:Actor ; skos:altLabel ?alias . }"""
Q_EVIDENCE = _PREFIXES + """SELECT ?e ?text WHERE {
  %s ?e cg:trigger/oa:hasTarget/cg:inSentence/oa:hasSelector/oa:exact ?text . }"""
Q_NEW_EVENTS = _PREFIXES + """SELECT ?e ?date WHERE { %s GRAPH ?g { ?e a sem:Event . OPTIONAL { ?e cg:effectiveDate ?date } } }"""
Q_BY_DAY = _PREFIXES + """SELECT DISTINCT ?e WHERE { %s ?e cg:effectiveDate ?date . }"""
Q_OCCURRENCES_OF = _PREFIXES + f"""SELECT DISTINCT ?o ?e WHERE {{ GRAPH {_RES} {{ %s ?o cg:sourceEvent ?x , ?e . }} }}"""
Q_KNOWN = _PREFIXES + f"""SELECT ?ent ?key ?label ?type ?country ?wd WHERE {{ GRAPH {_RES} {{ %s
  ?ent a cg:Entity ; dcterms:identifier ?key ; rdfs:label ?label .
  OPTIONAL {{ ?ent cg:actorType ?type }} OPTIONAL {{ ?ent cg:countryCode ?country }} OPTIONAL {{ ?ent owl:sameAs ?wd }} }} }}"""
Q_KNOWN_NAMES = _PREFIXES + f"""SELECT ?key ?n WHERE {{ GRAPH {_RES} {{ %s ?ent skos:altLabel ?n ; dcterms:identifier ?key . }} }}"""
Q_ENTITY_LINKS = _PREFIXES + f"""SELECT ?ent ?a WHERE {{ GRAPH {_RES} {{ %s ?ent cg:articleActor ?a . }} }}"""
#: an occurrence's parts first (ranges, merge decisions), then the occurrence itself; each pattern
#: starts from the bound ?occ, so that nothing else can match
U_DROP_OCCURRENCES = _PREFIXES + f"""DELETE {{ GRAPH {_RES} {{ ?s ?p ?o }} }} WHERE {{ GRAPH {_RES} {{ %s
  ?occ cg:killedRange|cg:injuredRange|cg:mergeLink ?s . ?s ?p ?o }} }} ;
DELETE {{ GRAPH {_RES} {{ ?occ ?p ?o }} }} WHERE {{ GRAPH {_RES} {{ %s ?occ ?p ?o }} }}"""
U_DROP_LINKS = _PREFIXES + f"""DELETE {{ GRAPH {_RES} {{ ?ent cg:articleActor ?a }} }} WHERE {{ GRAPH {_RES} {{ %s ?ent cg:articleActor ?a }} }}"""
U_DROP_ORPHANS = _PREFIXES + f"""DELETE {{ GRAPH {_RES} {{ ?ent ?p ?o }} }} WHERE {{ GRAPH {_RES} {{ %s ?ent ?p ?o .
  FILTER NOT EXISTS {{ ?ent cg:articleActor ?any }} }} }}"""


def _term(value) -> str:
    if isinstance(value, URIRef):
        return str(ox.NamedNode(str(value)))
    if isinstance(value, date):
        return str(ox.Literal(value.isoformat(), datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#date")))
    return str(ox.Literal(str(value)))


def _values(var: str, terms: Sequence) -> str:
    return f"VALUES ?{var} {{ {' '.join(_term(t) for t in terms)} }}"


def _chunks(items: Sequence, size: int = CHUNK):
    items = list(items)
    for i in range(0, len(items), size):
        yield items[i:i + size]


def _select(store: ConflictStore, query: str, var: str | None = None, terms: Iterable | None = None) -> list[tuple]:
    """Rows of ``query`` (its ``%s`` replaced by VALUES of ``terms`` in chunks, or by nothing)."""
    if var is None or terms is None:
        return store.select(query % "").rows
    rows: list[tuple] = []
    for chunk in _chunks(sorted(set(terms), key=str)):
        rows += store.select(query % _values(var, chunk)).rows
    return rows


def _update(store: ConflictStore, update: str, var: str, terms: Iterable) -> None:
    """Run ``update`` with every ``%s`` replaced by VALUES of ``terms``, in chunks."""
    for chunk in _chunks(sorted(set(terms), key=str)):
        values = _values(var, chunk)
        store.update(update.replace("%s", values))


def _int(value) -> int | None:
    try:
        return None if value is None else int(value.toPython())
    except (TypeError, ValueError):
        return None


def _date(value) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def _local(iri) -> str:
    text = str(iri)
    return text[len(_CG):] if text.startswith(_CG) else ""


def read_records(store: ConflictStore, events: Iterable[URIRef] | None = None) -> tuple[list[EventRef], list[ActorRef]]:
    """The events (all, or those of ``events``) and the actors of their articles, as resolution inputs.

    Negated events are left out. An event's ``article`` is its article's ``dcterms:identifier``.
    """
    scope = None if events is None else sorted(set(events), key=str)
    rows = _select(store, Q_EVENTS, "e", scope)
    by_event: dict[URIRef, dict] = {}
    for e, eid, art, d, killed, injured in rows:
        by_event.setdefault(e, {"id": str(eid), "art": art, "date": _date(d), "killed": _int(killed),
                                "injured": _int(injured), "types": [], "agents": [], "targets": [],
                                "places": [], "weapons": [], "relations": []})
    keys = list(by_event) if scope is not None else None
    for e, c in _select(store, Q_TYPES, "e", keys):
        if e in by_event:
            by_event[e]["types"].append(_local(c))
    for e, p, a in _select(store, Q_ROLES, "e", keys):
        if e in by_event:
            by_event[e]["agents" if str(p).endswith("hasAgent") else "targets"].append(a)
    for e, p, label, country, lat, lon in _select(store, Q_PLACES, "e", keys):
        if e in by_event:
            by_event[e]["places"].append(PlaceRef(str(label), str(country) if country else None,
                                                  float(lat) if lat is not None else None,
                                                  float(lon) if lon is not None else None, str(p)))
    for e, w in _select(store, Q_WEAPONS, "e", keys):
        if e in by_event:
            by_event[e]["weapons"].append(str(w))
    for e, p, xid in _select(store, Q_RELATIONS, "e", keys):
        if e in by_event and str(p) in _RELATIONS:
            by_event[e]["relations"].append((_RELATIONS[str(p)], str(xid)))
    articles = {v["art"] for v in by_event.values()}
    meta = {}
    for art, aid, published, outlet in _select(store, Q_ARTICLES, "art", sorted(articles, key=str) if scope is not None else None):
        meta.setdefault(art, (str(aid), _date(published), str(outlet) if outlet else None))
    actors = _read_actors(store, None if scope is None else articles)
    actor_ids = {a.iri: a.id for a in actors}
    out = []
    for e, v in by_event.items():
        if v["art"] not in meta:
            continue
        aid, published, outlet = meta[v["art"]]
        coarse = [_EVENT_CLASSES[t] for t in v["types"] if t in _EVENT_CLASSES]
        if len(coarse) != 1:
            log.warning("%s: event without one coarse type; not resolved", e)
            continue
        sub = [_SUBTYPE_CLASSES[t] for t in v["types"] if t in _SUBTYPE_CLASSES and _SUBTYPE_CLASSES[t].parent is coarse[0]]
        out.append(EventRef(
            aid, v["id"], coarse[0], sub[0] if sub else None, v["date"], published, outlet,
            tuple(actor_ids.get(str(a), str(a)) for a in v["agents"]),
            tuple(actor_ids.get(str(a), str(a)) for a in v["targets"]),
            tuple(sorted(v["places"], key=lambda p: p.iri or "")), v["killed"], v["injured"], tuple(sorted(v["weapons"])),
            tuple(sorted(v["relations"])), None, str(e)))
    return out, actors


def _read_actors(store: ConflictStore, articles: Iterable[URIRef] | None) -> list[ActorRef]:
    if articles is None:
        scope = None
    else:
        scope = sorted({row[0] for row in _select(store, Q_ACTORS_OF, "art", articles)}, key=str)
    found: dict[URIRef, dict] = {}
    for a, aid, name, c, country, wd, art in _select(store, Q_ACTORS, "a", scope):
        v = found.setdefault(a, {"id": str(aid), "name": str(name), "type": None, "country": None, "wd": None,
                                 "art": art, "aliases": []})
        cls = _local(c)
        if cls in _ACTOR_CLASSES:
            v["type"] = _ACTOR_CLASSES[cls]
        v["country"] = v["country"] or (str(country) if country else None)
        if wd is not None and str(wd).startswith("http://www.wikidata.org/entity/"):
            v["wd"] = str(wd).rsplit("/", 1)[-1]
    for a, alias in _select(store, Q_ALIASES, "a", scope if scope is not None else None):
        if a in found:
            found[a]["aliases"].append(str(alias))
    arts = {v["art"] for v in found.values()}
    ids = {art: str(aid) for art, aid, *_ in _select(store, Q_ARTICLES, "art", sorted(arts, key=str))} if arts else {}
    return [ActorRef(ids.get(v["art"], str(v["art"])), v["id"], v["name"], v["type"], v["country"],
                     tuple(sorted(set(v["aliases"]))), v["wd"], str(a)) for a, v in found.items()]


def _read_known(store: ConflictStore, names: Iterable[str]) -> list[Entity]:
    """The canonical actors already in the resolution graph (names only where they match ``names``)."""
    entities: dict[str, dict] = {}
    for ent, key, label, atype, country, wd in _select(store, Q_KNOWN):
        entities.setdefault(str(key), {"name": str(label), "type": _ACTOR_CLASSES.get(_local(atype)) if atype else None,
                                       "country": str(country) if country else None,
                                       "wd": str(wd).rsplit("/", 1)[-1] if wd else None, "names": {str(label)}})
    for key, n in _select(store, Q_KNOWN_NAMES, "n", [Literal(n) for n in names]):
        if str(key) in entities:
            entities[str(key)]["names"].add(str(n))
    return [Entity(k, v["name"], v["type"], v["country"], v["wd"], tuple(sorted(v["names"])))
            for k, v in entities.items()]


def _evidence(store: ConflictStore, resolution: Resolution) -> Resolution:
    """The resolution with the trigger sentence of each report of a merged occurrence."""
    iris = [URIRef(s.iri) for o in resolution.merged for s in o.sources if s.iri and s.evidence is None]
    if not iris:
        return resolution
    text = {}
    for e, t in _select(store, Q_EVIDENCE, "e", iris):
        text.setdefault(str(e), str(t))
    occurrences = tuple(replace(o, sources=tuple(replace(s, evidence=text.get(s.iri, s.evidence)) for s in o.sources))
                        if o.merged else o for o in resolution.occurrences)
    return Resolution(resolution.table, occurrences, resolution.events, resolution.started)


@dataclass
class StoreResolution:
    """What a resolution of the store did: the resolution, the mode, counts and time per phase."""

    resolution: Resolution
    mode: str
    reports: int = 0
    replaced: int = 0  # occurrences of the resolution graph removed before writing
    written: int = 0  # triples written
    seconds: dict[str, float] = field(default_factory=dict)
    store: str = ""

    def lines(self) -> list[str]:
        """A human summary, one fact a line."""
        s = self.resolution.summary()
        took = "  ".join(f"{k} {v:.2f} s" for k, v in self.seconds.items())
        return [f"resolution ({self.mode}): {self.reports} reports read, {s['merged']} occurrences reported by "
                f"several articles ({s['merged_reports']} reports), {s['entities']} canonical actors "
                f"({s['entities_across_articles']} named in several articles)",
                f"resolution time: {took}"]


def _window(store: ConflictStore, graphs: Sequence[str], rules: Rules) -> set[URIRef]:
    """The stored reports that could be one occurrence with a report of ``graphs``."""
    days: set[date] = set()
    margin = timedelta(days=MARGIN_DAYS)
    new = set()
    for e, d in _select(store, Q_NEW_EVENTS, "g", [URIRef(g) for g in graphs]):
        new.add(e)
        anchor = _date(d)
        if anchor is None:
            continue
        lo, hi = anchor - margin - timedelta(days=rules.lookback), anchor + margin
        days.update(lo + timedelta(days=i) for i in range((hi - lo).days + 1))
    scope = set(new)
    for (e,) in _select(store, Q_BY_DAY, "date", sorted(days)):
        scope.add(e)
    return scope


def resolve_store(store: ConflictStore, graphs: Iterable[str] | None = None, *, rules: Rules | None = None,
                  progress: bool = False) -> StoreResolution:
    """Resolve the store's articles and write the resolution graph (see the module docstring).

    Args:
        store: an open store.
        graphs: the article graphs just loaded (incremental); None resolves every article (full).
        rules: weights and thresholds of event resolution.
        progress: show the phases on stderr.

    Returns:
        A :class:`StoreResolution`.

    Raises:
        StoreError, EndpointError: the store cannot be read or written.
    """
    from tqdm import tqdm

    rules = rules or Rules()
    full = graphs is None
    seconds: dict[str, float] = {}
    bar = tqdm(total=3, desc="resolving", unit="phase", disable=not progress, file=sys.stderr)
    started = time.perf_counter()
    old_occurrences: set[URIRef] = set()
    known: list[Entity] = []
    if full:
        events, actors = read_records(store)
    else:
        graphs = list(graphs)
        scope = _window(store, graphs, rules) if graphs else set()
        for o, e in _select(store, Q_OCCURRENCES_OF, "x", scope):
            old_occurrences.add(o)
            scope.add(e)
        events, actors = read_records(store, scope) if scope else ([], [])
        names = {n for a in actors for n in (a.name, *a.aliases)}
        known = _read_known(store, names) if actors else []
    seconds["read"] = time.perf_counter() - started
    bar.update()
    t = time.perf_counter()
    resolution = resolve(events, actors, known=known, rules=rules)
    resolution = _evidence(store, resolution)
    seconds["resolve"] = time.perf_counter() - t
    bar.update()
    t = time.perf_counter()
    written = _write(store, resolution, full, old_occurrences, actors, {e.key for e in known})
    seconds["write"] = time.perf_counter() - t
    bar.update()
    bar.close()
    return StoreResolution(resolution, "full" if full else "incremental", len(events), len(old_occurrences),
                           written, seconds, store.location)


def _write(store: ConflictStore, resolution: Resolution, full: bool, old_occurrences: set[URIRef],
           actors: list[ActorRef], known: set[str]) -> int:
    g = bind_prefixes(Graph(identifier=RESOLUTION_GRAPH))
    run = run_node(g, resolution.started)
    table = resolution.table.entities
    for e in resolution.entities:
        for s, p, o in entity_triples(e, run):
            if e.key not in known or p in (CG.articleActor, SKOS.altLabel):  # a known entity keeps the rest
                g.add((s, p, o))
    for o in resolution.merged:
        for triple in occurrence_triples(o, iri_of(o), run, table):
            g.add(triple)
    if full:
        store.remove_graphs([str(RESOLUTION_GRAPH)])
        return store.replace_graphs([g])
    if old_occurrences:
        _update(store, U_DROP_OCCURRENCES, "occ", old_occurrences)
    actor_iris = [URIRef(a.iri) for a in actors if a.iri]
    touched = {ent for ent, _ in _select(store, Q_ENTITY_LINKS, "a", actor_iris)} if actor_iris else set()
    if actor_iris:
        _update(store, U_DROP_LINKS, "a", actor_iris)
    quads = [ox.Quad(to_ox(s), to_ox(p), to_ox(o), ox.NamedNode(str(RESOLUTION_GRAPH))) for s, p, o in g]
    n = store.replace_quads(quads, clear=False)
    if touched:
        _update(store, U_DROP_ORPHANS, "ent", touched)
    return n


