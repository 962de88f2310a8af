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
from collections import defaultdict

import networkx as nx
from rdflib import Dataset, Graph, Literal, URIRef

from graph.rdf.iris import BASE, child, slug
from graph.rdf.mapping import bind_prefixes
from graph.rdf.serialize import union_graph
from graph.vocab.actor_types import ActorType, AffiliationType
from graph.vocab.event_types import EventSubtype, EventType, RelationType
from graph.vocab.namespaces import CAMEO, CG, DCTERMS, GEO, OA, ORG, PROV, RDF, RDFS, SCHEMA, SEM, XSD

__all__ = ["rdf_to_networkx", "networkx_to_rdf", "store_to_networkx", "networkx_to_store", "digests_to_networkx"]

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


# -- NetworkX -> RDF ---------------------------------------------------------

_ACTOR_CLASSES = {t.value: CG[t.class_name] for t in ActorType}
_EVENT_CLASSES = {t.value: CG[t.class_name] for t in EventType}
_RELATION_PROPS = {t.value: CG[t.property_name] for t in (*AffiliationType, *RelationType)}
_EDGE_PROPS = {"agent": CG.hasAgent, "target": CG.hasTarget, "place": SEM.hasPlace, **_RELATION_PROPS}


def _class_of(node: str, kind: str, value: str, classes: dict) -> URIRef:
    """The ontology class of an actor or event type label; a ValueError names the known ones."""
    if value not in classes:
        raise ValueError(f"{node}: unknown {kind} type {value!r}; known: {', '.join(classes)}")
    return classes[value]


def networkx_to_rdf(nxg: nx.MultiDiGraph, identifier: str | URIRef | None = None) -> Graph:
    """Write a multigraph following this module's contract back to RDF under the ontology.

    The inverse of :func:`rdf_to_networkx` on what the contract carries: ``rdf_to_networkx``
    of the result gives the same nodes, attributes and edges. Each evidence dict becomes a
    mention of a span (``oa:exact`` its text) of the article it names; articles are
    ``<BASE>article/<slug(id)>``.

    Args:
        nxg: a multigraph with ``kind``, ``label``, ``type``... on every node, ``relation`` on every edge.
        identifier: the graph's name (e.g. an article graph IRI); default a fresh one.

    Returns:
        An rdflib graph with the project's prefixes bound.

    Raises:
        ValueError: a node kind, type or edge relation the ontology does not know.

    >>> g = nx.MultiDiGraph()
    >>> g.add_node("http://x/a", kind="actor", label="Iran", type="state", country="IRN", articles=["a1"])
    >>> back = rdf_to_networkx(networkx_to_rdf(g))
    >>> back.nodes["http://x/a"]["label"], back.nodes["http://x/a"]["articles"]
    ('Iran', ['a1'])
    """
    g = bind_prefixes(Graph(identifier=URIRef(identifier) if identifier else None))
    articles: dict[str, URIRef] = {}

    def article(article_id: str, title=None, url=None) -> URIRef:
        node = articles.get(article_id)
        if node is None:
            node = articles[article_id] = URIRef(f"{BASE}article/{slug(article_id)}")
            g.add((node, RDF.type, CG.Article))
            g.add((node, DCTERMS.identifier, Literal(article_id)))
        if title:
            g.set((node, SCHEMA.headline, Literal(title)))
        if url:
            g.set((node, SCHEMA.url, Literal(url, datatype=XSD.anyURI)))
        return node

    for n, d in nxg.nodes(data=True):
        node, kind = URIRef(n), d.get("kind")
        if kind == "actor":
            g.add((node, RDF.type, SEM.Actor))
            if d.get("type") is not None:
                g.add((node, RDF.type, _class_of(n, "actor", d["type"], _ACTOR_CLASSES)))
        elif kind == "place":
            g.add((node, RDF.type, SEM.Place))
            if d.get("lat") is not None and d.get("lon") is not None:
                g.add((node, GEO.lat, Literal(float(d["lat"]), datatype=XSD.double)))
                g.add((node, GEO.long, Literal(float(d["lon"]), datatype=XSD.double)))
        elif kind == "event":
            g.add((node, RDF.type, SEM.Event))
            if d.get("type") is not None:
                g.add((node, RDF.type, _class_of(n, "event", d["type"], _EVENT_CLASSES)))
            if d.get("subtype"):
                g.add((node, RDF.type, CG[EventSubtype(d["subtype"]).value]))
            if d.get("date"):
                g.add((node, SEM.hasTimeStamp, Literal(d["date"], datatype=XSD.date)))
            for prop in ("killed", "injured"):
                if d.get(prop) is not None:
                    g.add((node, CG[prop], Literal(int(d[prop]))))
            if d.get("cameo"):
                g.add((node, CG.cameo, CAMEO[d["cameo"]]))
            for weapon in d.get("weapons") or ():
                w = child(node, "weapon", weapon)
                g.add((node, CG.usedWeapon, w))
                g.add((w, RDF.type, CG.Weapon))
                g.add((w, RDFS.label, Literal(weapon)))
        else:
            raise ValueError(f"{n}: unknown node kind {kind!r}; known: actor, event, place")
        if d.get("label") is not None:
            g.add((node, RDFS.label, Literal(d["label"])))
        if kind != "event" and d.get("country"):
            g.add((node, CG.countryCode, Literal(d["country"])))
        for article_id in d.get("articles") or ():
            g.add((node, PROV.wasDerivedFrom, article(article_id)))
        for i, ev in enumerate(d.get("evidence") or ()):
            mention, span = child(node, "evidence", str(i)), child(node, "evidence", str(i), "span")
            source = article(ev["article"], ev.get("title"), ev.get("url"))
            g.add((node, CG.trigger if kind == "event" and i == 0 else CG.hasMention, mention))
            g.add((mention, RDF.type, CG.Mention))
            g.add((mention, OA.hasBody, node))
            g.add((mention, OA.hasTarget, span))
            g.add((span, RDF.type, OA.SpecificResource))
            g.add((span, OA.hasSource, source))
            quote = URIRef(f"{span}/quote")
            g.add((span, OA.hasSelector, quote))
            g.add((quote, RDF.type, OA.TextQuoteSelector))
            g.add((quote, OA.exact, Literal(ev["text"])))

    for u, v, d in nxg.edges(data=True):
        relation = d.get("relation")
        if relation not in _EDGE_PROPS:
            raise ValueError(f"edge {u} -> {v}: unknown relation {relation!r}; known: {', '.join(_EDGE_PROPS)}")
        s, o = (URIRef(v), URIRef(u)) if relation == "agent" else (URIRef(u), URIRef(v))
        g.add((s, _EDGE_PROPS[relation], o))
        label = d.get("label")
        if relation == "role_in" and label and label != "role_in":
            post = child(URIRef(u), "post", v, label)
            g.add((post, RDF.type, ORG.Post))
            g.add((post, ORG.heldBy, URIRef(u)))
            g.add((post, ORG.postIn, URIRef(v)))
            g.add((post, RDFS.label, Literal(label)))
            g.add((URIRef(u), ORG.holds, post))
    return g


def networkx_to_store(nxg: nx.MultiDiGraph, store, identifier: str) -> int:
    """Write ``nxg`` into ``store`` as the named graph ``identifier``, replacing it.

    Returns:
        How many triples were written.
    """
    return store.replace_graphs([networkx_to_rdf(nxg, identifier)])


# -- store -> NetworkX -------------------------------------------------------

_PREFIXES = """PREFIX cg: <https://w3id.org/conflict-graph/ontology#>
PREFIX sem: <http://semanticweb.cs.vu.nl/2009/11/sem/>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX geo: <http://www.w3.org/2003/01/geo/wgs84_pos#>
PREFIX org: <http://www.w3.org/ns/org#>
PREFIX oa: <http://www.w3.org/ns/oa#>
"""

_EVIDENCE = """SELECT ?n ?m ?trigger ?article ?title ?url ?text WHERE {
    { ?n cg:hasMention ?m BIND (false AS ?trigger) } UNION { ?n cg:trigger ?m BIND (true AS ?trigger) }
    ?m oa:hasTarget ?span . ?span oa:hasSource ?a .
    OPTIONAL { ?span cg:inSentence/oa:hasSelector/oa:exact ?sentence }
    OPTIONAL { ?span oa:hasSelector/oa:exact ?exact }
    BIND (COALESCE(?sentence, ?exact) AS ?text) FILTER (BOUND(?text))
    OPTIONAL { ?a dcterms:identifier ?id } BIND (COALESCE(?id, STR(?a)) AS ?article)
    OPTIONAL { ?a <https://schema.org/headline> ?title } OPTIONAL { ?a <https://schema.org/url> ?url } }"""

_RELATION_NAMES = frozenset(_RELATIONS.values())


def store_to_networkx(store, *, evidence: bool = False) -> nx.MultiDiGraph:
    """Build the contract multigraph of :func:`rdf_to_networkx` straight from a store.

    For a corpus: nothing is copied into rdflib. Each article graph's network digest is read,
    one row an article (written at load time, see :mod:`graph.store.digest`); a graph without
    one is read triple by triple. The same nodes, attributes and edges as ``rdf_to_networkx``
    of the store's union graph; ``evidence`` lists are filled only when asked for (they hold a
    sentence per mention, the bulk of the data, read with SPARQL).

    Args:
        store: an open :class:`~graph.store.ConflictStore`.
        evidence: also read the sentences that mention each node.

    Returns:
        A ``networkx.MultiDiGraph``.

    >>> from graph.store import open_store
    >>> with open_store() as store:
    ...     store_to_networkx(store).number_of_nodes()
    0
    """
    from graph.store.digest import digest, graph_facts, read_digests

    digests, missing = read_digests(store)
    facts = {**graph_facts(store, missing), **graph_facts(store, None)}
    digests += [digest(g, triples) for g, triples in facts.items()]
    out = digests_to_networkx(digests)
    if evidence:
        _store_evidence(store, out)
    return out


def digests_to_networkx(digests) -> nx.MultiDiGraph:
    """The contract multigraph of graphs' network digests (:mod:`graph.store.digest`), evidence left empty.

    >>> from graph.store.digest import digest
    >>> t = [("http://x/a", str(RDF.type), str(SEM.Actor)), ("http://x/a", str(RDFS.label), "Iran")]
    >>> digests_to_networkx([digest("http://x/graph", t)]).nodes["http://x/a"]["label"]
    'Iran'
    """
    from graph.store.digest import merge

    nodes, countries, links, posts = merge(digests)
    places_of: dict[str, list] = defaultdict(list)
    for s, relation, o in links:
        if relation == "place":
            places_of[s].append(o)

    def attrs(n: str, row: list) -> dict:
        kind = row[1]
        if kind == "event":
            places = places_of.get(n)
            country = next((countries[p] for p in sorted(places) if p in countries), None) if places else None
            return {"kind": kind, "label": row[2] or n, "type": row[3], "subtype": row[4], "country": country,
                    "date": row[5], "killed": row[6], "injured": row[7], "weapons": row[9], "cameo": row[8],
                    "evidence": [], "articles": row[10]}
        out_ = {"kind": kind, "label": row[2] or n, "type": row[3], "subtype": None, "country": countries.get(n),
                "date": None, "killed": None, "injured": None, "weapons": [], "cameo": None, "evidence": [],
                "articles": row[10]}
        if row[11] is not None:
            out_["lat"], out_["lon"] = row[11], row[12]
        return out_

    out = nx.MultiDiGraph()
    out.add_nodes_from((n, attrs(n, nodes[n])) for n in sorted(nodes))
    titles: dict[tuple, set] = defaultdict(set)
    for holder, organisation, title in posts:
        titles[(holder, organisation)].add(title)
    edges = []
    for s, relation, o in links:
        if (relation in _RELATION_NAMES or relation in ("agent", "target", "place")) \
                and nodes.get(s, (None, None))[1] != "event":
            continue  # an event's arguments and links only (a claim is about an event too: not drawn)
        if s not in nodes or o not in nodes:
            log.warning("edge %s from %s to %s: an end is not a described actor, event or place", relation, s, o)
            continue
        if relation == "agent":
            edges.append((o, s, "agent", {"relation": "agent", "label": "agent"}))
        elif relation == "role_in":
            for title in sorted(titles.get((s, o), ())) or ["role_in"]:
                edges.append((s, o, f"role_in:{title}", {"relation": "role_in", "label": title}))
        else:
            edges.append((s, o, relation, {"relation": relation, "label": relation}))
    out.add_edges_from(edges)
    return out


def _evidence_rows(store):
    """Rows of :data:`_EVIDENCE` as tuples of strings (None when unbound)."""
    sparql = _PREFIXES + _EVIDENCE
    if getattr(store, "oxigraph", None) is not None:
        for solution in store.oxigraph.query(sparql, use_default_graph_as_union=True):
            yield tuple(None if t is None else t.value for t in solution)
    else:
        for row in store.select(sparql).rows:
            yield tuple(None if t is None else str(t) for t in row)


def _store_evidence(store, out: nx.MultiDiGraph) -> None:
    found: dict[str, list] = {}
    for n, m, trigger, article, title, url, text in _evidence_rows(store):
        if n in out:
            found.setdefault(n, []).append((trigger != "true", m, article, title, url, text))
    for n, rows in found.items():
        seen, items = set(), []
        for _, _, article, title, url, text in sorted(rows, key=lambda r: (r[0], r[1])):
            if (article, text) not in seen:
                seen.add((article, text))
                items.append({"text": text, "article": article, "title": title, "url": url})
        out.nodes[n]["evidence"] = items
