"""Map one :class:`~graph.records.Extraction` to an rdflib graph, and many to a dataset.

Mapping only: no inference, no look-ups. The shape of the output (see ``ontology/README.md``)::

    <article> a cg:Article                  dcterms:identifier, schema:text/url/headline/datePublished/publisher
    <article>/sentence/N a cg:Sentence      oa:hasSource <article>; oa:hasSelector position + quote
    <article>/span/S-E a oa:SpecificResource  oa:hasSource <article>; cg:inSentence; selectors
    <article>/annotation/... a cg:Mention   oa:hasBody <actor|place|event|fact|claim>; oa:hasTarget <span>
    <article>/actor/ID a sem:Actor, cg:<ActorType>   rdfs:label, skos:altLabel, cg:countryCode, owl:sameAs wd:Q..
    <article>/place/ID a sem:Place          rdfs:label, cg:countryCode, geo:lat, geo:long
    <article>/event/ID a sem:Event, cg:<EventType>[, cg:<Subtype>]
        cg:trigger, cg:hasAgent, cg:hasTarget, sem:hasActor <role>, sem:hasPlace, sem:hasTimeStamp,
        cg:killed, cg:injured, cg:usedWeapon, cg:cameo
    <actor> cg:backedBy|memberOf|roleIn|alliedWith|opposes <actor>   plus a reified cg:StatedFact
    <event> cg:retaliationFor|partOf|about|causes|precedes <event>   plus a reified cg:StatedFact
    <article>/claim/... a cg:Claim          cg:claimant, cg:quote, cg:statementEvent, cg:about
    id/run/H a cg:ExtractionRun             every fact prov:wasGeneratedBy it

Every actor, place, event, fact and claim is ``prov:wasDerivedFrom`` the article and reaches
its spans (and their sentences) through its mentions.

>>> from graph.records import Article, Event, Mention
>>> from graph.vocab.event_types import EventType
>>> art = Article("a1", "Rebels shelled the town.")
>>> x = Extraction(art, events=(Event("e1", EventType.ATTACK, Mention("a1", 7, 14, "shelled", 0)),))
>>> g = extraction_to_graph(x)
>>> g.identifier == graph_iri(article_iri("a1", art.text))
True
>>> (None, RDF.type, CG.Attack) in g
True
"""
from __future__ import annotations

import logging
import re
from collections.abc import Iterable
from datetime import date, datetime
from functools import lru_cache

from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.namespace import XSD

from graph.rdf.iris import (
    article_iri,
    child,
    fact_iri,
    graph_iri,
    model_iri,
    outlet_iri,
    run_iri,
    software_iri,
    span_iri,
)
from graph.records import Actor, Article, Event, Extraction, Mention, Place, RunInfo, Sentence
from graph.vocab.namespaces import (
    CAMEO,
    CG,
    DCTERMS,
    GEO,
    GEONAMES,
    OA,
    ORG,
    OWL,
    PREFIXES,
    PROV,
    RDF,
    RDFS,
    SCHEMA,
    SEM,
    SKOS,
    WD,
)

__all__ = ["extraction_triples", "extraction_to_graph", "to_dataset", "bind_prefixes", "event_label"]

log = logging.getLogger(__name__)


class _Terms:
    """A closed namespace whose terms, once looked up, are plain attributes.

    The first look-up of a name goes to the namespace (a misspelt term still fails at once);
    the mapping then reads each term thousands of times per article without paying for the
    namespace's ``__getattr__`` again.
    """

    def __init__(self, namespace):
        self._namespace = namespace
        self._items: dict[str, URIRef] = {}

    def __getattr__(self, name: str) -> URIRef:
        if name.startswith("__"):
            raise AttributeError(name)
        term = getattr(self._namespace, name)
        setattr(self, name, term)
        return term

    def __getitem__(self, name: str) -> URIRef:
        term = self._items.get(name)
        if term is None:
            term = self._items[name] = self._namespace[name]
        return term


CAMEO, CG, DCTERMS, GEO, GEONAMES, OA, ORG, OWL, PROV, RDF, RDFS, SCHEMA, SEM, SKOS, WD = (
    _Terms(ns) for ns in (CAMEO, CG, DCTERMS, GEO, GEONAMES, OA, ORG, OWL, PROV, RDF, RDFS, SCHEMA, SEM, SKOS, WD))

_WIKIDATA_ID = re.compile(r"^Q[1-9][0-9]*$")
_CAMEO_CODE = re.compile(r"^[0-9]{2,4}$")


def bind_prefixes(graph: Graph) -> Graph:
    """Bind the project's prefixes (``cg``, ``sem``, ``prov``, ``oa``...) on ``graph``.

    Args:
        graph: any rdflib graph or dataset.

    Returns:
        The same graph.

    >>> dict(bind_prefixes(Graph()).namespaces())["cg"]
    rdflib.term.URIRef('https://w3id.org/conflict-graph/ontology#')
    """
    for prefix, ns in PREFIXES.items():
        graph.bind(prefix, URIRef(str(ns)), override=True, replace=True)
    return graph


def event_label(x: Extraction, event: Event) -> str:
    """A short label for an event: ``"<type>: <agents> -> <targets>"``.

    Args:
        x: the extraction holding the event's actors.
        event: the event.

    Returns:
        The label; ``?`` stands for a missing side, the trigger text for both missing.

    >>> from graph.records import Actor, Mention
    >>> from graph.vocab.actor_types import ActorType
    >>> from graph.vocab.event_types import EventType
    >>> x = Extraction(Article("a", "t"), actors=(Actor("us", "United States", ActorType.STATE),))
    >>> event_label(x, Event("e", EventType.ATTACK, Mention("a", 0, 1, "t", 0), agents=("us",)))
    'attack: United States -> ?'
    """

    def names(ids: tuple[str, ...]) -> str:
        return ", ".join(getattr(x.actor(i), "name", i) for i in ids)

    if not event.agents and not event.targets:
        return f"{event.type.value}: {event.trigger.text}"
    return f"{event.type.value}: {names(event.agents) or '?'} -> {names(event.targets) or '?'}"


def _day(value: date) -> Literal:
    if isinstance(value, datetime):
        value = value.date()
    return Literal(value.isoformat(), datatype=XSD.date)


@lru_cache(maxsize=1 << 16)
def _integer(n: int) -> Literal:
    """``Literal(n)`` for an integer, made once: offsets and indexes repeat across articles, and
    rdflib's literal constructor is the mapping's largest cost (literals are immutable)."""
    return Literal(n)


class _TripleSink:
    """What the mapper writes to: ``add`` puts a triple in an ordered set (no index is built)."""

    __slots__ = ("add",)

    def __init__(self, triples: dict[tuple, None]):
        self.add = triples.setdefault


class _Mapper:
    """Holds the state of one mapping: the triples made so far, the article IRI, the run IRI."""

    def __init__(self, x: Extraction):
        self.x = x
        self.article = article_iri(x.article.id, x.article.text)
        self.triples: dict[tuple, None] = {}  # an ordered set: every triple once, in the order made
        self.g = _TripleSink(self.triples)
        self.spans: set[URIRef] = set()
        self.run = self._run(x.run) if x.run else None
        self.sentences = {s.index: s for s in x.sentences}
        self.sentence_iris: dict[int, URIRef] = {}
        self.annotation_bases: dict[tuple[str, str], str] = {}

    # -- provenance helpers -------------------------------------------------

    def _provenance(self, node: URIRef) -> None:
        self.g.add((node, PROV.wasDerivedFrom, self.article))
        if self.run is not None:
            self.g.add((node, PROV.wasGeneratedBy, self.run))

    def _selectors(self, node: URIRef, start: int, end: int, text: str) -> None:
        g = self.g
        position, quote = URIRef(f"{node}/position"), URIRef(f"{node}/quote")
        g.add((node, OA.hasSelector, position))
        g.add((position, RDF.type, OA.TextPositionSelector))
        g.add((position, OA.start, _integer(int(start))))
        g.add((position, OA.end, _integer(int(end))))
        g.add((node, OA.hasSelector, quote))
        g.add((quote, RDF.type, OA.TextQuoteSelector))
        g.add((quote, OA.exact, Literal(text)))

    def _sentence_of(self, m: Mention) -> URIRef | None:
        sentence = self.sentences.get(m.sentence)
        if sentence is None:
            sentence = next((s for s in self.x.sentences if s.start <= m.start and m.end <= s.end), None)
        return self._sentence_iri(sentence.index) if sentence else None

    def _sentence_iri(self, index: int) -> URIRef:
        node = self.sentence_iris.get(index)
        if node is None:
            node = self.sentence_iris[index] = child(self.article, "sentence", str(index))
        return node

    def _span(self, m: Mention) -> URIRef:
        node = span_iri(self.article, m.start, m.end)
        if node not in self.spans:
            self.spans.add(node)
            self.g.add((node, RDF.type, OA.SpecificResource))
            self.g.add((node, OA.hasSource, self.article))
            self._selectors(node, m.start, m.end, m.text)
            sentence = self._sentence_of(m)
            if sentence is not None:
                self.g.add((node, CG.inSentence, sentence))
            else:
                log.warning("%s: span %d-%d is in no known sentence", self.x.article.id, m.start, m.end)
        return node

    def _mention(self, body: URIRef, kind: str, body_id: str, m: Mention) -> URIRef:
        base = self.annotation_bases.get((kind, body_id))
        if base is None:
            base = self.annotation_bases[(kind, body_id)] = str(child(self.article, "annotation", kind, body_id))
        node = URIRef(f"{base}/{int(m.start)}-{int(m.end)}")
        g = self.g
        g.add((node, RDF.type, OA.Annotation))
        g.add((node, RDF.type, CG.Mention))
        g.add((node, OA.motivatedBy, OA.identifying))
        g.add((node, OA.hasBody, body))
        g.add((node, OA.hasTarget, self._span(m)))
        if self.run is not None:
            g.add((node, PROV.wasGeneratedBy, self.run))
        return node

    # -- records ------------------------------------------------------------

    def _run(self, run: RunInfo) -> URIRef:
        g = self.g
        started = run.started.isoformat() if run.started else ""
        node = run_iri(run.software, run.version, run.model, run.model_version, started)
        software = software_iri(run.software, run.version)
        model = model_iri(run.model, run.model_version)
        g.add((node, RDF.type, PROV.Activity))
        g.add((node, RDF.type, CG.ExtractionRun))
        g.add((node, RDFS.label, Literal(f"{run.software} {run.version} with {run.model} {run.model_version}")))
        g.add((node, PROV.wasAssociatedWith, software))
        g.add((node, PROV.used, model))
        if run.started:
            g.add((node, PROV.startedAtTime, Literal(run.started.isoformat(), datatype=XSD.dateTime)))
        g.add((software, RDF.type, PROV.SoftwareAgent))
        g.add((software, RDFS.label, Literal(run.software)))
        g.add((software, CG.version, Literal(run.version)))
        g.add((model, RDF.type, PROV.Entity))
        g.add((model, RDF.type, CG.Model))
        g.add((model, RDFS.label, Literal(run.model)))
        g.add((model, CG.version, Literal(run.model_version)))
        return node

    def article_node(self, a: Article) -> None:
        g, node = self.g, self.article
        g.add((node, RDF.type, CG.Article))
        g.add((node, RDF.type, PROV.Entity))
        g.add((node, DCTERMS.identifier, Literal(a.id)))
        g.add((node, SCHEMA.text, Literal(a.text)))
        if a.url:
            g.add((node, SCHEMA.url, Literal(a.url, datatype=XSD.anyURI)))
        if a.title:
            g.add((node, SCHEMA.headline, Literal(a.title)))
        if a.published:
            g.add((node, SCHEMA.datePublished, _day(a.published)))
        if a.outlet:
            outlet = outlet_iri(a.outlet)
            g.add((node, SCHEMA.publisher, outlet))
            g.add((outlet, RDF.type, SCHEMA.Organization))
            g.add((outlet, SCHEMA.name, Literal(a.outlet)))
        if a.language:
            g.add((node, DCTERMS.language, Literal(a.language)))
        if a.source:
            g.add((node, DCTERMS.source, Literal(a.source)))

    def sentence(self, s: Sentence) -> None:
        g = self.g
        node = self._sentence_iri(s.index)
        g.add((node, RDF.type, CG.Sentence))
        g.add((node, RDF.type, OA.SpecificResource))
        g.add((node, CG.sentenceIndex, _integer(int(s.index))))
        g.add((node, OA.hasSource, self.article))
        self._selectors(node, s.start, s.end, s.text)

    def actor(self, a: Actor) -> None:
        g = self.g
        node = child(self.article, "actor", a.id)
        g.add((node, RDF.type, SEM.Actor))
        g.add((node, RDF.type, CG[a.type.class_name]))
        g.add((node, RDFS.label, Literal(a.name)))
        g.add((node, SCHEMA.name, Literal(a.name)))
        g.add((node, DCTERMS.identifier, Literal(a.id)))
        for alias in a.aliases:
            g.add((node, SKOS.altLabel, Literal(alias)))
        if a.country:
            g.add((node, CG.countryCode, Literal(a.country)))
        if a.wikidata:
            if _WIKIDATA_ID.match(a.wikidata):
                g.add((node, OWL.sameAs, WD[a.wikidata]))
            else:
                log.warning("%s: actor %r has a malformed Wikidata id %r; not linked",
                            self.x.article.id, a.id, a.wikidata)
        for m in a.mentions:
            g.add((node, CG.hasMention, self._mention(node, "actor", a.id, m)))
        self._provenance(node)

    def place(self, p: Place) -> None:
        g = self.g
        node = child(self.article, "place", p.id)
        g.add((node, RDF.type, SEM.Place))
        g.add((node, RDF.type, SCHEMA.Place))
        g.add((node, RDFS.label, Literal(p.name)))
        g.add((node, SCHEMA.name, Literal(p.name)))
        g.add((node, DCTERMS.identifier, Literal(p.id)))
        if p.country:
            g.add((node, CG.countryCode, Literal(p.country)))
        if p.lat is not None and p.lon is not None:
            g.add((node, GEO.lat, Literal(float(p.lat), datatype=XSD.double)))
            g.add((node, GEO.long, Literal(float(p.lon), datatype=XSD.double)))
        if p.geonames_id is not None:
            g.add((node, OWL.sameAs, GEONAMES[f"{int(p.geonames_id)}/"]))
        for m in p.mentions:
            g.add((node, CG.hasMention, self._mention(node, "place", p.id, m)))
        self._provenance(node)

    def event(self, e: Event) -> None:
        g, x = self.g, self.x
        node = child(self.article, "event", e.id)
        g.add((node, RDF.type, SEM.Event))
        g.add((node, RDF.type, CG[e.type.class_name]))
        if e.subtype is not None:
            if e.subtype.parent is e.type:
                g.add((node, RDF.type, CG[e.subtype.value]))
            else:
                log.warning("%s: event %r: subtype %s is not a kind of %s; subtype not written",
                            x.article.id, e.id, e.subtype.value, e.type.value)
        g.add((node, RDFS.label, Literal(event_label(x, e))))
        g.add((node, DCTERMS.identifier, Literal(e.id)))
        g.add((node, CG.trigger, self._mention(node, "event", e.id, e.trigger)))
        for m in e.mentions:
            if m != e.trigger:
                g.add((node, CG.hasMention, self._mention(node, "event", e.id, m)))
        if e.cameo:
            if _CAMEO_CODE.match(e.cameo):
                g.add((node, CG.cameo, CAMEO[e.cameo]))
            else:
                log.warning("%s: event %r has a malformed CAMEO code %r; not linked", x.article.id, e.id, e.cameo)
        for prop, role, ids in ((CG.hasAgent, CG.AgentRole, e.agents), (CG.hasTarget, CG.TargetRole, e.targets)):
            word = "agent" if role == CG.AgentRole else "target"
            for actor_id in ids:
                if x.actor(actor_id) is None:
                    log.warning("%s: event %r names unknown actor %r", x.article.id, e.id, actor_id)
                actor = child(self.article, "actor", actor_id)
                g.add((node, prop, actor))
                role_node = child(node, word, actor_id)
                g.add((node, SEM.hasActor, role_node))
                g.add((role_node, RDF.type, SEM.Role))
                g.add((role_node, RDF.value, actor))
                g.add((role_node, SEM.roleType, role))
        for place_id in e.places:
            if x.place(place_id) is None:
                log.warning("%s: event %r names unknown place %r", x.article.id, e.id, place_id)
            g.add((node, SEM.hasPlace, child(self.article, "place", place_id)))
        if e.date is not None:
            g.add((node, SEM.hasTimeStamp, _day(e.date)))
        if e.date_mention is not None:
            g.add((node, CG.dateMention, self._mention(node, "date", e.id, e.date_mention)))
        if e.killed is not None:
            g.add((node, CG.killed, Literal(int(e.killed))))
        if e.injured is not None:
            g.add((node, CG.injured, Literal(int(e.injured))))
        for weapon in e.weapons:
            w = child(self.article, "weapon", weapon)
            g.add((node, CG.usedWeapon, w))
            g.add((w, RDF.type, CG.Weapon))
            g.add((w, RDFS.label, Literal(weapon)))
        if e.negated:
            g.add((node, CG.negated, Literal(True)))
        g.add((node, CG.confidence, Literal(float(e.confidence), datatype=XSD.double)))
        self._provenance(node)

    def fact(self, s: URIRef, p: URIRef, o: URIRef, evidence: Mention | None, fallback: Mention | None) -> URIRef:
        g = self.g
        g.add((s, p, o))
        node = fact_iri(self.article, str(s), str(p), str(o))
        g.add((node, RDF.type, CG.StatedFact))
        g.add((node, RDF.type, RDF.Statement))
        g.add((node, RDF.subject, s))
        g.add((node, RDF.predicate, p))
        g.add((node, RDF.object, o))
        m = evidence or fallback
        if m is not None:
            g.add((node, CG.hasMention, self._mention(node, "fact", str(node).rsplit("/", 1)[-1], m)))
            g.add((node, PROV.wasDerivedFrom, self._span(m)))
        self._provenance(node)
        return node

    def _co_mention(self, source_id: str, target_id: str) -> Mention | None:
        """The first mention of the source actor in a sentence that also mentions the target."""
        source, target = self.x.actor(source_id), self.x.actor(target_id)
        if source is None or target is None:
            return None
        shared = {m.sentence for m in target.mentions}
        return next((m for m in source.mentions if m.sentence in shared), None)

    def affiliation(self, a) -> None:
        x = self.x
        for actor_id in (a.source, a.target):
            if x.actor(actor_id) is None:
                log.warning("%s: affiliation names unknown actor %r", x.article.id, actor_id)
        src = child(self.article, "actor", a.source)
        tgt = child(self.article, "actor", a.target)
        self.fact(src, CG[a.type.property_name], tgt, a.evidence, self._co_mention(a.source, a.target))
        if a.role is not None or a.type.property_name == "roleIn":
            g = self.g
            title = a.role or ""
            post = child(self.article, "post", a.source, a.target, title)
            g.add((post, RDF.type, ORG.Post))
            g.add((post, ORG.postIn, tgt))
            g.add((post, ORG.heldBy, src))
            g.add((src, ORG.holds, post))
            if title:
                role = child(self.article, "role", title)
                g.add((post, RDFS.label, Literal(title)))
                g.add((post, ORG.role, role))
                g.add((role, RDF.type, ORG.Role))
                g.add((role, RDF.type, SKOS.Concept))
                g.add((role, RDFS.label, Literal(title)))
                g.add((role, SKOS.prefLabel, Literal(title)))
            self._provenance(post)

    def relation(self, r) -> None:
        x = self.x
        for event_id in (r.source, r.target):
            if x.event(event_id) is None:
                log.warning("%s: relation names unknown event %r", x.article.id, event_id)
        source = x.event(r.source)
        self.fact(child(self.article, "event", r.source), CG[r.type.property_name],
                  child(self.article, "event", r.target), r.evidence, source.trigger if source else None)

    def claim(self, c) -> None:
        g, x = self.g, self.x
        node = URIRef(f"{child(self.article, 'claim', c.speaker)}/{int(c.quote.start)}-{int(c.quote.end)}")
        if x.actor(c.speaker) is None:
            log.warning("%s: claim names unknown speaker %r", x.article.id, c.speaker)
        g.add((node, RDF.type, CG.Claim))
        g.add((node, RDF.type, PROV.Entity))
        g.add((node, CG.claimant, child(self.article, "actor", c.speaker)))
        g.add((node, CG.quote, self._mention(node, "quote", c.speaker, c.quote)))
        g.add((node, PROV.wasDerivedFrom, self._span(c.quote)))
        if c.statement:
            g.add((node, CG.statementEvent, child(self.article, "event", c.statement)))
            statement = x.event(c.statement)
            if statement is not None and statement.date is not None:
                g.add((node, DCTERMS.date, _day(statement.date)))
        if c.about:
            g.add((node, CG.about, child(self.article, "event", c.about)))
        self._provenance(node)


def extraction_triples(x: Extraction) -> tuple[URIRef, list[tuple[URIRef, URIRef, URIRef | Literal]]]:
    """Map everything extracted from one article to RDF triples, without building a graph.

    The streaming writers (:mod:`graph.rdf.nquads`) format these directly; an indexed rdflib
    graph of a 2,000-triple article costs more than the mapping itself.

    Args:
        x: the extraction.

    Returns:
        ``(graph IRI, triples)``: the article's named-graph IRI (``<article>/graph``) and its
        triples, each once, in the order the mapping made them. No blank nodes: every node
        has an IRI minted by :mod:`graph.rdf.iris`. Unknown actor, place or event ids are
        logged and still linked (the SHACL shapes then reject the graph); malformed Wikidata
        ids and CAMEO codes are logged and left out.

    >>> from graph.records import Article
    >>> name, triples = extraction_triples(Extraction(Article("a1", "One.")))
    >>> str(name).endswith("/graph"), (URIRef(str(name)[:-6]), RDF.type, CG.Article) in triples
    (True, True)
    """
    m = _Mapper(x)
    m.article_node(x.article)
    for s in x.sentences:
        m.sentence(s)
    for a in x.actors:
        m.actor(a)
    for p in x.places:
        m.place(p)
    for e in x.events:
        m.event(e)
    for a in x.affiliations:
        m.affiliation(a)
    for r in x.relations:
        m.relation(r)
    for c in x.claims:
        m.claim(c)
    return graph_iri(m.article), list(m.triples)


def extraction_to_graph(x: Extraction) -> Graph:
    """Map everything extracted from one article to an RDF graph.

    Args:
        x: the extraction.

    Returns:
        A graph whose identifier is the article's named-graph IRI (``<article>/graph``),
        holding the triples of :func:`extraction_triples`, with the project's prefixes bound.
    """
    name, triples = extraction_triples(x)
    g = bind_prefixes(Graph(identifier=name))
    g.addN((s, p, o, g) for s, p, o in triples)
    return g


def to_dataset(extractions: Iterable[Extraction]) -> Dataset:
    """Map several extractions to a dataset, one named graph per article.

    The default graph stays empty; two extractions of the same article (same id and text)
    fall into the same named graph.

    Args:
        extractions: the extractions, in any order.

    Returns:
        An rdflib ``Dataset`` with the project's prefixes bound.

    >>> from graph.records import Article
    >>> ds = to_dataset([Extraction(Article("a1", "One.")), Extraction(Article("a2", "Two."))])
    >>> len([g for g in ds.graphs() if len(g)]), len(ds.default_graph)
    (2, 0)
    """
    ds = bind_prefixes(Dataset())
    for x in extractions:
        g = extraction_to_graph(x)
        named = ds.graph(g.identifier)
        for triple in g:
            named.add(triple)
    return ds


