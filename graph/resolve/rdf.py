"""A :class:`~graph.resolve.resolution.Resolution` as the resolution named graph.

The graph (``<BASE>resolution/graph``, :data:`graph.rdf.iris.RESOLUTION_GRAPH`) holds, linked to
the per-article nodes by their IRIs (``ontology/README.md`` documents every term)::

    <BASE>resolution/entity/KEY a cg:Entity        rdfs:label, dcterms:identifier KEY, cg:actorType cg:State,
                                                   cg:countryCode, owl:sameAs wd:Q.., skos:altLabel (every name),
                                                   cg:articleActor <per-article actor>...
    <BASE>resolution/occurrence/ART/EV a cg:Occurrence   rdfs:label, sem:eventType cg:Attack [, cg:Airstrike],
                                                   sem:hasEarliestBeginTimeStamp, sem:hasLatestEndTimeStamp,
                                                   cg:firstReported, cg:sourceCount, cg:sourceEvent <event>...,
                                                   cg:occurrenceAgent|occurrenceTarget <entity>, cg:occurrencePlace <place>
        <occ>/killed a schema:QuantitativeValue    schema:minValue, schema:maxValue, cg:sourceCount
        <occ>/link/H a cg:MergeLink                cg:linkedEvent <e1>, <e2>; cg:score; cg:reason "..."...
    <BASE>resolution/run/H a cg:ResolutionRun      prov:startedAtTime, prov:wasAssociatedWith <software>

Only entities that are not generic and occurrences with several reports are written, and only
links to per-article nodes whose IRI is known. Every text (names, reasons) is a literal; IRIs
come from :mod:`graph.rdf.iris`, safe whatever the names hold.

>>> from graph.resolve import resolve_rows
>>> rows = [{"article": a, "id": "e1", "iri": f"http://example.org/{a}/e1", "type": "attack", "date": "2021-02-26",
...          "agents": [{"id": "us", "name": "United States", "type": "state", "country": "USA"}],
...          "targets": [{"id": "kh", "name": "Kataib Hezbollah", "type": "armed_group", "country": "IRQ"}],
...          "killed": k} for a, k in (("a1", 17), ("a2", 22))]
>>> g = resolution_graph(resolve_rows(rows, []))
>>> sorted(str(v) for v in g.objects(None, SCHEMA.maxValue))
['22']
>>> len(list(g.subjects(RDF.type, CG.Occurrence)))
1
"""
from __future__ import annotations

from datetime import datetime

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import XSD

from graph import __version__
from graph.rdf.iris import RESOLUTION_GRAPH, entity_iri, resolution_run_iri, short_hash, software_iri
from graph.rdf.mapping import bind_prefixes
from graph.resolve.entities import WIKIDATA_ID
from graph.resolve.records import Entity, FigureRange, Occurrence
from graph.vocab.namespaces import CG, DCTERMS, OWL, PROV, RDF, RDFS, SCHEMA, SEM, SKOS, WD

__all__ = ["resolution_graph", "resolution_triples", "entity_triples", "occurrence_triples", "SOFTWARE"]

SOFTWARE = "conflict-graph"


def _day(d) -> Literal:
    return Literal(d.isoformat()[:10], datatype=XSD.date)


def run_node(g: Graph, started: datetime | None) -> URIRef:
    """Add the resolution run (and its software) to ``g``; return the run's IRI."""
    stamp = started.isoformat() if started else ""
    run = resolution_run_iri(SOFTWARE, __version__, stamp)
    software = software_iri(SOFTWARE, __version__)
    g.add((run, RDF.type, CG.ResolutionRun))
    g.add((run, RDF.type, PROV.Activity))
    g.add((run, RDFS.label, Literal(f"{SOFTWARE} {__version__} cross-article resolution")))
    g.add((run, PROV.wasAssociatedWith, software))
    if started:
        g.add((run, PROV.startedAtTime, Literal(stamp, datatype=XSD.dateTime)))
    g.add((software, RDF.type, PROV.SoftwareAgent))
    g.add((software, RDFS.label, Literal(SOFTWARE)))
    g.add((software, CG.version, Literal(__version__)))
    return run


def entity_triples(e: Entity, run: URIRef):
    """The triples of one canonical actor (none when no link has a per-article IRI)."""
    actors = sorted({link.actor.iri for link in e.links if link.actor.iri})
    if not actors or e.is_local:
        return
    node = entity_iri(e.key)
    yield node, RDF.type, CG.Entity
    yield node, RDFS.label, Literal(e.name)
    yield node, DCTERMS.identifier, Literal(e.key)
    if e.type is not None:
        yield node, CG.actorType, CG[e.type.class_name]
    if e.country:
        yield node, CG.countryCode, Literal(e.country)
    if e.wikidata and WIKIDATA_ID.match(e.wikidata):
        yield node, OWL.sameAs, WD[e.wikidata]
    for name in e.names:
        if name != e.name:
            yield node, SKOS.altLabel, Literal(name)
    for actor in actors:
        yield node, CG.articleActor, URIRef(actor)
    yield node, PROV.wasGeneratedBy, run


def _range(g_node: URIRef, figure: FigureRange):
    yield g_node, RDF.type, SCHEMA.QuantitativeValue
    yield g_node, SCHEMA.minValue, Literal(figure.low)
    yield g_node, SCHEMA.maxValue, Literal(figure.high)
    yield g_node, CG.sourceCount, Literal(len(figure.values))


def occurrence_triples(o: Occurrence, node: URIRef, run: URIRef, entities: dict[str, Entity]):
    """The triples of one occurrence with several reports whose IRIs are known (else none)."""
    iris = {s.key: s.iri for s in o.sources if s.iri}
    if len(iris) < 2:
        return
    yield node, RDF.type, CG.Occurrence
    yield node, RDFS.label, Literal(o.label)
    yield node, SEM.eventType, CG[o.type.class_name]
    if o.subtype is not None:
        yield node, SEM.eventType, CG[o.subtype.value]
    yield node, CG.sourceCount, Literal(len(iris))
    for iri in iris.values():
        yield node, CG.sourceEvent, URIRef(iri)
    if o.earliest:
        yield node, SEM.hasEarliestBeginTimeStamp, _day(o.earliest)
        yield node, SEM.hasLatestEndTimeStamp, _day(o.latest)
    if o.reported:
        yield node, CG.firstReported, _day(o.reported)
    for prop, keys in ((CG.occurrenceAgent, o.agents), (CG.occurrenceTarget, o.targets)):
        for key in keys:
            e = entities.get(key)
            if e is not None and not e.is_local and any(link.actor.iri for link in e.links):
                yield node, prop, entity_iri(key)
    for place in dict.fromkeys(p.iri for s in o.sources for p in s.places if p.iri):
        yield node, CG.occurrencePlace, URIRef(place)
    for prop, what, figure in ((CG.killedRange, "killed", o.killed), (CG.injuredRange, "injured", o.injured)):
        if figure is not None:
            sub = URIRef(f"{node}/{what}")
            yield node, prop, sub
            yield from _range(sub, figure)
    for link in o.links:
        if link.a not in iris or link.b not in iris:
            continue
        sub = URIRef(f"{node}/link/{short_hash(link.a, link.b)}")
        yield node, CG.mergeLink, sub
        yield sub, RDF.type, CG.MergeLink
        yield sub, CG.linkedEvent, URIRef(iris[link.a])
        yield sub, CG.linkedEvent, URIRef(iris[link.b])
        yield sub, CG.score, Literal(float(link.score), datatype=XSD.double)
        for reason in link.reasons:
            yield sub, CG.reason, Literal(reason)
        yield sub, PROV.wasGeneratedBy, run
    yield node, PROV.wasGeneratedBy, run


def resolution_triples(resolution, *, entities: bool = True) -> list[tuple]:
    """The triples of the resolution named graph of ``resolution``, without building a graph.

    >>> from graph.resolve import resolve_rows
    >>> any(p == RDF.type and o == CG.ResolutionRun for _, p, o in resolution_triples(resolve_rows([], [])))
    True
    """
    from graph.resolve.resolution import iri_of

    class _Collect(list):
        add = list.append

    out = _Collect()
    run = run_node(out, resolution.started)
    table = resolution.table.entities
    if entities:
        for e in resolution.entities:
            out.extend(entity_triples(e, run))
    for o in resolution.merged:
        out.extend(occurrence_triples(o, iri_of(o), run, table))
    return out


def resolution_graph(resolution, *, entities: bool = True) -> Graph:
    """The resolution named graph of ``resolution`` (see the module docstring).

    Args:
        resolution: a :class:`~graph.resolve.resolution.Resolution`.
        entities: also write the canonical actors (False: occurrences only).

    Returns:
        An rdflib graph whose identifier is :data:`graph.rdf.iris.RESOLUTION_GRAPH`.
    """
    g = bind_prefixes(Graph(identifier=RESOLUTION_GRAPH))
    for triple in resolution_triples(resolution, entities=entities):
        g.add(triple)
    return g
