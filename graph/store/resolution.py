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
from rdflib import Graph, Literal

from graph.rdf.iris import RESOLUTION_GRAPH
from graph.rdf.mapping import bind_prefixes
from graph.resolve import Rules
from graph.resolve.rdf import entity_triples, occurrence_triples, run_node
from graph.resolve.records import ActorRef, Entity, EventRef, PlaceRef
from graph.resolve.resolution import Resolution, iri_of, resolve
from graph.store.backend import ConflictStore, to_ox
from graph.store.errors import StoreError
from graph.vocab.actor_types import ActorType
from graph.vocab.event_types import EventSubtype, EventType, RelationType
from graph.vocab.namespaces import CG, SKOS

__all__ = ["StoreResolution", "resolve_store", "read_records", "margin_days", "MARGIN_DAYS", "CHUNK"]

log = logging.getLogger(__name__)

#: terms per VALUES block (Oxigraph 0.5 planned a join with a VALUES block of more than about a
#: thousand rows as a scan: 8 s instead of 0.1 s for 1,350 actors of a 3,000-article store)
CHUNK = 500
#: days around a new report's possible dates within which stored reports are re-resolved (with the
#: default rules; :func:`margin_days` gives it for others)
MARGIN_DAYS = Rules().lookback + 2 * Rules().date_tolerance


def margin_days(rules: Rules) -> int:
    """Days around a new report within which a stored report could be one occurrence with it.

    >>> margin_days(Rules()) == MARGIN_DAYS
    True
    """
    return rules.lookback + 2 * rules.date_tolerance

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
_SEM = "http://semanticweb.cs.vu.nl/2009/11/sem/"
_EVENT_CLASSES = {t.class_name: t for t in EventType}
_SUBTYPE_CLASSES = {s.value: s for s in EventSubtype}
_ACTOR_CLASSES = {t.class_name: t for t in ActorType}
_RELATIONS = {f"{_CG}{t.property_name}": t for t in (RelationType.PART_OF, RelationType.RETALIATION_FOR,
                                                     RelationType.ABOUT)}

# Simple patterns, one property each: Oxigraph answers each from one index, where one query
# joining every OPTIONAL was several times slower. Every query that scopes takes a VALUES block.
Q_EVENTS = _PREFIXES + """SELECT ?e ?id ?art WHERE { %s ?e a sem:Event ; dcterms:identifier ?id ; prov:wasDerivedFrom ?art . }"""
Q_NEGATED = _PREFIXES + """SELECT ?e WHERE { %s ?e cg:negated true . }"""
Q_TYPES = _PREFIXES + """SELECT ?e ?c WHERE { %s ?e a sem:Event ; a ?c . }"""
#: one predicate a query (a second VALUES block for the predicate made Oxigraph scan); the subject
#: is the scope's variable, ?e for events, ?a for actors
Q_PROPERTY = _PREFIXES + """SELECT ?{var} ?o WHERE { %s ?{var} <{predicate}> ?o . }"""
Q_PLACES = _PREFIXES + """SELECT ?e ?p ?label ?country ?lat ?lon WHERE {
  %s ?e a sem:Event ; sem:hasPlace ?p . ?p rdfs:label ?label .
  OPTIONAL { ?p cg:countryCode ?country } OPTIONAL { ?p geo:lat ?lat ; geo:long ?lon } }"""
Q_WEAPONS = _PREFIXES + """SELECT ?e ?w WHERE { %s ?e a sem:Event ; cg:usedWeapon/rdfs:label ?w . }"""
Q_RELATION = _PREFIXES + """SELECT ?e ?xid WHERE { %s ?e <{predicate}> ?x . ?x a sem:Event ; dcterms:identifier ?xid . }"""
#: inside the article's own graph: an outlet's name is in the graph of every article it published,
#: and the union of the graphs would repeat it once per article
Q_ARTICLES = _PREFIXES + """SELECT ?art ?id ?published ?outlet WHERE {
  %s GRAPH ?g { ?art a cg:Article ; dcterms:identifier ?id .
  OPTIONAL { ?art schema:datePublished ?published } OPTIONAL { ?art schema:publisher/schema:name ?outlet } } }"""
Q_ACTORS = _PREFIXES + """SELECT ?a ?id ?name ?art WHERE {
  %s ?a a sem:Actor ; rdfs:label ?name ; dcterms:identifier ?id ; prov:wasDerivedFrom ?art . }"""
Q_ACTOR_CLASS = _PREFIXES + """SELECT ?a WHERE { %s ?a a <{predicate}> . }"""
Q_CLASSES_OF = _PREFIXES + """SELECT ?a ?c WHERE { %s ?a a ?c . }"""
Q_ACTORS_OF = _PREFIXES + """SELECT ?a WHERE { %s ?a a sem:Actor ; prov:wasDerivedFrom ?art . }"""
Q_EVIDENCE = _PREFIXES + """SELECT ?e ?text WHERE {
  %s ?e cg:trigger/oa:hasTarget/cg:inSentence/oa:hasSelector/oa:exact ?text . }"""
Q_NEW_EVENTS = _PREFIXES + """SELECT ?e ?date WHERE { %s ?e prov:wasDerivedFrom ?art ; a sem:Event .
  OPTIONAL { ?e cg:effectiveDate ?date } }"""
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
#: runs that nothing in the resolution graph was generated by any more (an incremental resolution
#: regenerates what its window touches)
U_DROP_STALE_RUNS = _PREFIXES + f"""DELETE {{ GRAPH {_RES} {{ ?run ?p ?o }} }} WHERE {{ GRAPH {_RES} {{
  ?run a cg:ResolutionRun ; ?p ?o . FILTER NOT EXISTS {{ ?x prov:wasGeneratedBy ?run }} }} }}"""
U_DROP_ORPHANS = _PREFIXES + f"""DELETE {{ GRAPH {_RES} {{ ?ent ?p ?o }} }} WHERE {{ GRAPH {_RES} {{ %s ?ent ?p ?o .
  FILTER NOT EXISTS {{ ?ent cg:articleActor ?any }} }} }}"""


def _term(value) -> str:
    """A VALUES term: a literal for rdflib literals and dates, else an IRI (checked by the N-Triples writer)."""
    if isinstance(value, Literal):
        return str(ox.Literal(str(value)))
    if isinstance(value, date):
        return str(ox.Literal(value.isoformat(), datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#date")))
    return str(ox.NamedNode(str(value)))


def _values(var: str, terms: Sequence) -> str:
    return f"VALUES ?{var} {{ {' '.join(_term(t) for t in terms)} }}"


def _chunks(items: Sequence, size: int = CHUNK):
    items = list(items)
    for i in range(0, len(items), size):
        yield items[i:i + size]


def _plain(term) -> str | None:
    """A term as a plain string: an IRI itself, a literal its lexical form."""
    if term is None:
        return None
    return term.value if isinstance(term, (ox.NamedNode, ox.Literal, ox.BlankNode)) else str(term)


def _run(store: ConflictStore, query: str) -> list[tuple]:
    if store.oxigraph is not None:  # embedded: plain values straight from Oxigraph, no rdflib terms
        try:
            return [tuple(_plain(t) for t in row) for row in store.oxigraph.query(query, use_default_graph_as_union=True)]
        except (SyntaxError, RuntimeError) as err:
            raise StoreError(f"{store.location}: resolution query failed: {err}") from None
        except OSError as err:
            raise StoreError(f"{store.location}: cannot read the store: {err}") from None
    return [tuple(_plain(t) for t in row) for row in store.select(query).rows]


def _select(store: ConflictStore, query: str, var: str | None = None, terms: Iterable | None = None) -> list[tuple]:
    """Rows of plain strings of ``query``, its ``%s`` replaced by VALUES of ``terms`` in chunks (or by nothing).

    ``terms`` are IRIs (strings), dates, or rdflib literals.
    """
    if var is None or terms is None:
        return _run(store, query.replace("%s", ""))
    rows: list[tuple] = []
    for chunk in _chunks(sorted(set(terms), key=str)):
        rows += _run(store, query.replace("%s", _values(var, chunk)))
    return rows


def _update(store: ConflictStore, update: str, var: str, terms: Iterable) -> None:
    """Run ``update`` with every ``%s`` replaced by VALUES of ``terms``, in chunks."""
    for chunk in _chunks(sorted(set(terms), key=str)):
        values = _values(var, chunk)
        store.update(update.replace("%s", values))


def _int(value) -> int | None:
    try:
        return None if value is None else int(value)
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


def read_records(store: ConflictStore, events: Iterable[str] | None = None) -> tuple[list[EventRef], list[ActorRef]]:
    """The events (all, or those of ``events``) and the actors of their articles, as resolution inputs.

    Negated events are left out. An event's ``article`` is its article's ``dcterms:identifier``.
    """
    scope = None if events is None else sorted({str(e) for e in events})
    by_event: dict[str, dict] = {}
    for e, eid, art in _select(store, Q_EVENTS, "e", scope):
        by_event.setdefault(e, {"id": eid, "art": art, "date": None, "killed": None, "injured": None, "types": [],
                                "agents": [], "targets": [], "places": [], "weapons": [], "relations": []})
    keys = sorted(by_event) if scope is not None else None
    for (e,) in _select(store, Q_NEGATED, "e", keys):
        by_event.pop(e, None)
    keys = sorted(by_event) if scope is not None else None

    def each(query, predicate=None):
        if predicate is not None:
            query = query.replace("{predicate}", predicate).replace("{var}", "e")
        return ((row[0], row[1:]) for row in _select(store, query, "e", keys) if row[0] in by_event)

    for e, (d,) in each(Q_PROPERTY, f"{_SEM}hasTimeStamp"):
        by_event[e]["date"] = _date(d)
    for slot in ("killed", "injured"):
        for e, (n,) in each(Q_PROPERTY, f"{_CG}{slot}"):
            by_event[e][slot] = _int(n)
    for e, (c,) in each(Q_TYPES):
        by_event[e]["types"].append(_local(c))
    for slot, prop in (("agents", "hasAgent"), ("targets", "hasTarget")):
        for e, (a,) in each(Q_PROPERTY, f"{_CG}{prop}"):
            by_event[e][slot].append(a)
    for e, (p, label, country, lat, lon) in each(Q_PLACES):
        by_event[e]["places"].append(PlaceRef(label, country, _float(lat), _float(lon), p))
    for e, (w,) in each(Q_WEAPONS):
        by_event[e]["weapons"].append(w)
    for prop, kind in _RELATIONS.items():
        for e, (xid,) in each(Q_RELATION, prop):
            by_event[e]["relations"].append((kind, xid))
    articles = sorted({v["art"] for v in by_event.values()})
    meta = {}
    for art, aid, published, outlet in _select(store, Q_ARTICLES, "art", articles if scope is not None else None):
        meta.setdefault(art, (aid, _date(published), outlet))
    actors = _read_actors(store, None if scope is None else articles, meta)
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
            tuple(actor_ids.get(a, a) for a in v["agents"]), tuple(actor_ids.get(a, a) for a in v["targets"]),
            tuple(sorted(v["places"], key=lambda p: p.iri or "")), v["killed"], v["injured"], tuple(sorted(v["weapons"])),
            tuple(sorted(v["relations"])), None, e))
    return out, actors


def _float(value) -> float | None:
    try:
        return None if value is None else float(value)
    except ValueError:
        return None


def _read_actors(store: ConflictStore, articles: Sequence[str] | None, meta: dict) -> list[ActorRef]:
    scope = None if articles is None else sorted({row[0] for row in _select(store, Q_ACTORS_OF, "art", articles)})
    found: dict[str, dict] = {}
    for a, aid, name, art in _select(store, Q_ACTORS, "a", scope):
        found.setdefault(a, {"id": aid, "name": name, "type": None, "country": None, "wd": None, "art": art,
                             "aliases": []})

    def each(query, predicate):
        query = query.replace("{predicate}", predicate).replace("{var}", "a")
        return ((row[0], row[1] if len(row) > 1 else None) for row in _select(store, query, "a", scope)
                if row[0] in found)

    if scope is None:  # every actor: one query per actor class
        for cls, atype in _ACTOR_CLASSES.items():
            for a, _ in each(Q_ACTOR_CLASS, f"{_CG}{cls}"):
                found[a]["type"] = atype
    else:  # some actors: all their classes, by subject
        for a, c in each(Q_CLASSES_OF, ""):
            if _local(c) in _ACTOR_CLASSES:
                found[a]["type"] = _ACTOR_CLASSES[_local(c)]
    for a, country in each(Q_PROPERTY, f"{_CG}countryCode"):
        found[a]["country"] = country
    for a, wd in each(Q_PROPERTY, "http://www.w3.org/2002/07/owl#sameAs"):
        if wd.startswith("http://www.wikidata.org/entity/"):
            found[a]["wd"] = wd.rsplit("/", 1)[-1]
    for a, alias in each(Q_PROPERTY, "http://www.w3.org/2004/02/skos/core#altLabel"):
        found[a]["aliases"].append(alias)
    return [ActorRef(meta[v["art"]][0] if v["art"] in meta else v["art"], v["id"], v["name"], v["type"], v["country"],
                     tuple(sorted(set(v["aliases"]))), v["wd"], a) for a, v in found.items()]


def _read_known(store: ConflictStore, names: Iterable[str]) -> list[Entity]:
    """The canonical actors already in the resolution graph (names only where they match ``names``)."""
    entities: dict[str, dict] = {}
    for ent, key, label, atype, country, wd in _select(store, Q_KNOWN):
        entities.setdefault(key, {"name": label, "type": _ACTOR_CLASSES.get(_local(atype)) if atype else None,
                                  "country": country, "wd": wd.rsplit("/", 1)[-1] if wd else None, "names": {label}})
    for key, n in _select(store, Q_KNOWN_NAMES, "n", [Literal(n) for n in names]):
        if key in entities:
            entities[key]["names"].add(n)
    return [Entity(k, v["name"], v["type"], v["country"], v["wd"], tuple(sorted(v["names"])))
            for k, v in entities.items()]


def _evidence(store: ConflictStore, resolution: Resolution) -> Resolution:
    """The resolution with the trigger sentence of each report of a merged occurrence."""
    iris = [s.iri for o in resolution.merged for s in o.sources if s.iri and s.evidence is None]
    if not iris:
        return resolution
    text = {}
    for e, t in _select(store, Q_EVIDENCE, "e", iris):
        text.setdefault(e, t)
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
        from graph.resolve.report import summary_line

        took = "  ".join(f"{k} {v:.2f} s" for k, v in self.seconds.items())
        return [f"resolution ({self.mode}) {summary_line(self.resolution.summary())}",
                f"resolution time: {took}"]


def _window(store: ConflictStore, graphs: Sequence[str], rules: Rules) -> set[str]:
    """The stored reports that could be one occurrence with a report of ``graphs``."""
    days: set[date] = set()
    margin = timedelta(days=margin_days(rules))
    new = set()
    articles = [g[: -len("/graph")] for g in graphs if g.endswith("/graph")]  # graph_iri(article)
    for e, d in _select(store, Q_NEW_EVENTS, "art", articles):
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
    old_occurrences: set[str] = set()
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


def _write(store: ConflictStore, resolution: Resolution, full: bool, old_occurrences: set[str],
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
        if store.oxigraph is None:
            return store.replace_graphs([g])
        quads = [ox.Quad(to_ox(s), to_ox(p), to_ox(o), ox.NamedNode(str(RESOLUTION_GRAPH))) for s, p, o in g]
        try:
            store.oxigraph.bulk_extend(quads)  # the bulk loader: twice as fast as a transaction here
        except OSError as err:
            raise StoreError(f"{store.location}: cannot write the store: {err}") from None
        return len(quads)
    if old_occurrences:
        _update(store, U_DROP_OCCURRENCES, "occ", old_occurrences)
    actor_iris = [a.iri for a in actors if a.iri]
    touched = {ent for ent, _ in _select(store, Q_ENTITY_LINKS, "a", actor_iris)} if actor_iris else set()
    if actor_iris:
        _update(store, U_DROP_LINKS, "a", actor_iris)
    quads = [ox.Quad(to_ox(s), to_ox(p), to_ox(o), ox.NamedNode(str(RESOLUTION_GRAPH))) for s, p, o in g]
    n = store.replace_quads(quads, clear=False)
    if touched:
        _update(store, U_DROP_ORPHANS, "ent", touched)
    store.update(U_DROP_STALE_RUNS)
    return n


