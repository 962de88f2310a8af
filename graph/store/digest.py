"""Network digests: each article graph's actors, events, places and links, in one literal of that graph.

Reading a corpus into NetworkX needs every actor, event and place with its name, types,
dates and casualties, and every link: a few hundred triples an article, each a term lookup
when read from the store row by row (two minutes for 10,000 articles). So when an article
is loaded the store writes, in its graph, one literal (:data:`DIGEST`, subject the graph's
name) holding what a network view reads of it, already reduced to nodes: reading a corpus
is then one row per article. Replacing an article replaces its digest; a graph without one
(written by other means, or by an older version) is read triple by triple
(:func:`graph_facts`) and digested on the fly.

A digest is JSON (IRIs in full: shortening them saves a third of the bytes but costs more to
expand again than to read)::

    {"v": VERSION,
     "n": [[iri, kind, label, type, subtype, date, killed, injured, cameo, weapons, articles, lat, lon], ...],
     "c": [[iri, country code], ...],      # every subject with a cg:countryCode
     "l": [[subject, predicate key, object], ...],   # every link (agent, target, place, relations...)
     "p": [[holder, organisation, title], ...]}      # posts

``kind`` is ``actor``, ``place`` or ``event`` (an event that is also typed an actor is an event,
as in ``rdf_to_networkx``); a value several triples give (two labels) is the least one. The
digest of one graph knows only that graph: links and countries are kept raw so that the
graphs of a corpus combine (:func:`merge`) into what the union of their triples gives.

>>> a = "https://w3id.org/conflict-graph/id/article/a1/"
>>> facts = [(a + "actor/iran", str(RDF.type), str(SEM.Actor)), (a + "actor/iran", str(RDFS.label), "Iran")]
>>> text = encode(digest(a + "graph", facts), a + "graph")
>>> text
'{"v":2,"n":[["https://w3id.org/conflict-graph/id/article/a1/actor/iran","actor","Iran",null,null,null,null,null,null,[],[],null,null]],"c":[],"l":[],"p":[]}'
>>> decode(text, a + "graph")["n"][0][2]
'Iran'
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator

import orjson
import pyoxigraph as ox

from graph.vocab.actor_types import ActorType, AffiliationType
from graph.vocab.event_types import EventSubtype, EventType, RelationType
from graph.vocab.namespaces import CG, DCTERMS, GEO, ORG, PROV, RDF, RDFS, SEM

__all__ = ["DIGEST", "VERSION", "PREDICATES", "CLASSES", "LINKS", "network_facts", "digest", "encode", "decode",
           "write_digests", "read_digests", "graph_facts", "merge", "quad_strings"]

#: the predicate of a graph's digest (subject: the graph's name, in that graph)
DIGEST = str(CG.networkDigest)
#: bumped when the digest changes: older digests are then read triple by triple
VERSION = 2

_TYPE = str(RDF.type)
#: link predicate -> relation name (the edges of the network view)
LINKS = {str(CG.hasAgent): "agent", str(CG.hasTarget): "target", str(SEM.hasPlace): "place",
         **{str(CG[t.property_name]): t.value for t in (*AffiliationType, *RelationType)}}
_VALUES = {str(p): k for p, k in [
    (RDFS.label, "label"), (CG.countryCode, "country"), (GEO.lat, "lat"), (GEO.long, "long"),
    (SEM.hasTimeStamp, "date"), (CG.killed, "killed"), (CG.injured, "injured"), (CG.cameo, "cameo"),
    (DCTERMS.identifier, "id")]}
_SETS = {str(p): k for p, k in [(RDF.type, "type"), (CG.usedWeapon, "weapon"), (PROV.wasDerivedFrom, "from"),
                                 (ORG.heldBy, "heldBy"), (ORG.postIn, "postIn")]}
#: every predicate a network view reads
PREDICATES = frozenset(LINKS) | frozenset(_VALUES) | frozenset(_SETS)

ACTOR_TYPES = {str(CG[t.class_name]): t.value for t in ActorType}
EVENT_TYPES = {str(CG[t.class_name]): t.value for t in EventType}
SUBTYPES = {str(CG[s.value]): s.value for s in EventSubtype}
_KINDS = {str(SEM.Actor): "actor", str(SEM.Place): "place", str(SEM.Event): "event"}
_ARTICLE = str(CG.Article)
#: the classes a network view reads (node kinds, actor and event types and subtypes, articles)
CLASSES = frozenset(_KINDS) | frozenset(ACTOR_TYPES) | frozenset(EVENT_TYPES) | frozenset(SUBTYPES) | {_ARTICLE}
#: a node typed with several kinds takes the last (as ``rdf_to_networkx`` writes them in this order)
KIND_ORDER = ("actor", "place", "event")


def network_facts(quads: Iterable[tuple[str, str, str, str]]) -> dict[str, list[tuple[str, str, str]]]:
    """The triples of ``(subject, predicate, object, graph)`` a network view reads, by graph.

    >>> network_facts([("s", str(RDFS.label), "x", "g"), ("s", "http://e/other", "y", "g")])
    {'g': [('s', 'http://www.w3.org/2000/01/rdf-schema#label', 'x')]}
    """
    out: dict[str, list] = defaultdict(list)
    for s, p, o, g in quads:
        if p in PREDICATES and (p != _TYPE or o in CLASSES):
            out[g].append((s, p, o))
    return dict(out)


def digest(graph: str, triples: Iterable[tuple[str, str, str]]) -> dict:
    """The digest of one graph's network triples (plain strings), as a dict (see the module docstring)."""
    one: dict[str, dict] = {k: {} for k in _VALUES.values()}
    many: dict[str, dict] = {k: defaultdict(set) for k in _SETS.values()}
    links = set()
    for s, p, o in triples:
        key = _VALUES.get(p)
        if key is not None:
            seen = one[key]
            if s not in seen or o < seen[s]:
                seen[s] = o
        elif p in LINKS:
            links.add((s, LINKS[p], o))
        else:
            many[_SETS[p]][s].add(o)
    types, label = many["type"], one["label"]

    def articles(n) -> list[str]:
        return sorted({one["id"].get(a) or a for a in many["from"].get(n, ()) if _ARTICLE in types.get(a, ())})

    nodes = []
    for n, ts in types.items():
        kinds = {_KINDS[t] for t in ts if t in _KINDS}
        if not kinds:
            continue
        kind = max(kinds, key=KIND_ORDER.index)
        row = [n, kind, label.get(n), None, None, None, None, None, None, [], articles(n), None, None]
        if kind == "actor":
            found = sorted(ACTOR_TYPES[t] for t in ts if t in ACTOR_TYPES)
            row[3] = found[0] if found else None
        elif kind == "place":
            row[3] = "place"
            lat, lon = one["lat"].get(n), one["long"].get(n)
            if lat is not None and lon is not None:
                row[11], row[12] = float(lat), float(lon)
        else:
            coarse = sorted(EVENT_TYPES[t] for t in ts if t in EVENT_TYPES)
            subs = sorted(SUBTYPES[t] for t in ts if t in SUBTYPES)
            cameo = one["cameo"].get(n)
            row[3:10] = [coarse[0] if coarse else None, subs[0] if subs else None, one["date"].get(n),
                         _int(one["killed"].get(n)), _int(one["injured"].get(n)),
                         cameo.rstrip("/").rsplit("/", 1)[-1] if cameo is not None else None,
                         sorted(label.get(w) or w for w in many["weapon"].get(n, ()))]
        nodes.append(row)
    posts = sorted({(holder, org, label[post]) for post, holders in many["heldBy"].items() if post in label
                    for holder in holders for org in many["postIn"].get(post, ())})
    return {"v": VERSION, "n": sorted(nodes), "c": sorted(one["country"].items()), "l": sorted(links),
            "p": posts}


def _int(value: str | None) -> int | None:
    try:
        return None if value is None else int(value)
    except ValueError:
        return None


def encode(d: dict, graph: str) -> str:
    """A digest as its JSON text."""
    return orjson.dumps(d).decode("utf-8")


def decode(text: str, graph: str) -> dict | None:
    """The digest of JSON ``text`` (None when it is not this :data:`VERSION`'s)."""
    try:
        d = orjson.loads(text)
    except orjson.JSONDecodeError:
        return None
    if not isinstance(d, dict) or d.get("v") != VERSION:
        return None
    return d


def write_digests(store, facts: dict[str, list[tuple[str, str, str]]]) -> None:
    """Write (replace) the digest of each graph of ``facts`` (graph -> its network triples)."""
    texts = {g: encode(digest(g, triples), g) for g, triples in facts.items()}
    if store.oxigraph is not None:
        predicate = ox.NamedNode(DIGEST)
        for g in texts:
            node = ox.NamedNode(g)
            for old in list(store.oxigraph.quads_for_pattern(node, predicate, None, node)):
                store.oxigraph.remove(old)
        store.oxigraph.extend([ox.Quad(ox.NamedNode(g), predicate, ox.Literal(t), ox.NamedNode(g))
                               for g, t in texts.items()])
        return
    names = list(texts)
    for i in range(0, len(names), 100):
        part = names[i:i + 100]
        deletes = " ;\n".join(f"DELETE WHERE {{ GRAPH <{g}> {{ <{g}> <{DIGEST}> ?d }} }}" for g in part)
        body = " ".join(f"GRAPH <{g}> {{ <{g}> <{DIGEST}> {ox.Literal(texts[g])} }}" for g in part)
        store.update(f"{deletes} ;\nINSERT DATA {{ {body} }}")


def read_digests(store) -> tuple[list[dict], list[str]]:
    """Every graph's digest, and the names of the graphs that have none (or an outdated one)."""
    query = f"SELECT ?g ?d WHERE {{ GRAPH ?g {{ ?g <{DIGEST}> ?d }} }}"
    if store.oxigraph is not None:
        rows = ((s[0].value, s[1].value) for s in store.oxigraph.query(query))
        names = {g.value for g in store.oxigraph.named_graphs() if isinstance(g, ox.NamedNode)}
    else:
        rows = ((str(g), str(d)) for g, d in store.select(query).rows)
        names = set(store.graph_names())
    digests = []
    for g, text in rows:
        d = decode(text, g)
        if d is not None:
            digests.append(d)
            names.discard(g)
    return digests, sorted(names)


_PATTERN = "{ VALUES ?p { %s } ?s ?p ?o } UNION { VALUES ?o { %s } ?s a ?o BIND (<%s> AS ?p) }" % (
    " ".join(f"<{p}>" for p in sorted(PREDICATES - {_TYPE})), " ".join(f"<{c}>" for c in sorted(CLASSES)), _TYPE)


def graph_facts(store, graphs: list[str] | None) -> dict[str, list[tuple[str, str, str]]]:
    """The network triples of named ``graphs`` read from the store (None: of its default graph, keyed "")."""
    if graphs is None:
        if store.oxigraph is None:  # an endpoint's default graph is the union of its graphs
            return {}
        rows = store.oxigraph.query(f"SELECT ?s ?p ?o WHERE {{ {_PATTERN} }}")
        return network_facts((s[0].value, s[1].value, s[2].value, "") for s in rows)
    out: dict[str, list] = {}
    for i in range(0, len(graphs), 200):
        values = "VALUES ?g { " + " ".join(str(ox.NamedNode(g)) for g in graphs[i:i + 200]) + " }"
        if store.oxigraph is not None:  # LATERAL (SEP-0006): each graph read on its own
            q = f"SELECT ?s ?p ?o ?g WHERE {{ {values} LATERAL {{ GRAPH ?g {{ {_PATTERN} }} }} }}"
            rows = ((s[0].value, s[1].value, s[2].value, s[3].value) for s in store.oxigraph.query(q))
        else:
            q = f"SELECT ?s ?p ?o ?g WHERE {{ {values} GRAPH ?g {{ {_PATTERN} }} }}"
            rows = ((str(s), str(p), str(o), str(g)) for s, p, o, g in store.select(q).rows)
        out.update(network_facts(rows))
    return out


def merge(digests: Iterable[dict]) -> tuple[dict[str, list], dict[str, str], list, list]:
    """Digests of several graphs as one: (node iri -> row, iri -> country, links, posts).

    A node in several digests takes the latest kind (:data:`KIND_ORDER`), the least of each
    value and the union of its lists, as the union of the graphs' triples would give. Links
    keep the digests' order and may repeat (a link in two graphs): an edge is one per key.
    """
    nodes: dict[str, list] = {}
    countries: dict[str, str] = {}
    links, posts = [], set()
    rank = {k: i for i, k in enumerate(KIND_ORDER)}
    for d in digests:
        for row in d["n"]:
            n = row[0]
            old = nodes.get(n)
            if old is None:
                nodes[n] = row
            elif rank[row[1]] > rank[old[1]]:
                nodes[n] = row
            elif rank[row[1]] == rank[old[1]] and row is not old:
                nodes[n] = _combine(old, row)
        for n, c in d["c"]:
            if n not in countries or c < countries[n]:
                countries[n] = c
        links += d["l"]
        posts.update(map(tuple, d["p"]))
    return nodes, countries, links, sorted(posts)


def _combine(a: list, b: list) -> list:
    out = list(a)
    for i in range(2, 9):
        values = [v for v in (a[i], b[i]) if v is not None]
        out[i] = min(values) if values else None
    out[9] = sorted(set(a[9]) | set(b[9]))
    out[10] = sorted(set(a[10]) | set(b[10]))
    out[11], out[12] = (a[11], a[12]) if a[11] is not None else (b[11], b[12])
    return out


def quad_strings(quads: Iterable) -> Iterator[tuple[str, str, str, str]]:
    """pyoxigraph quads as plain-string tuples ``(s, p, o, g)`` ("" for the default graph)."""
    for q in quads:
        g = q.graph_name
        yield q.subject.value, q.predicate.value, q.object.value, "" if isinstance(g, ox.DefaultGraph) else g.value
