"""Tests of graph.resolve.rdf: the resolution graph, SHACL-valid alone and with the article graphs."""
from __future__ import annotations

from dataclasses import replace

from rdflib import Literal, URIRef

from graph.rdf import to_dataset, validate
from graph.rdf.serialize import union_graph
from graph.rdf.iris import RESOLUTION_GRAPH, is_safe_iri
from graph.resolve import resolve_extractions
from graph.vocab.actor_types import ActorType
from graph.vocab.namespaces import CG, OWL, RDF, SCHEMA, SEM, WD
from tests.resolve.test_inputs import corpus, strike


def test_resolution_graph_links_occurrence_entities_and_reports():
    xs = corpus()
    r = resolve_extractions(xs)
    g = r.graph()
    assert g.identifier == RESOLUTION_GRAPH
    validate(g)
    ds = to_dataset(xs)
    ds.graph(RESOLUTION_GRAPH).__iadd__(g)
    validate(ds)
    occ = URIRef(r.occurrence_of("wire", "e1"))
    sources = set(g.objects(occ, CG.sourceEvent))
    events = set(union_graph(ds).subjects(RDF.type, SEM.Event))
    assert sources == events and len(sources) == 2
    assert (occ, SEM.eventType, CG.Attack) in g and (occ, SEM.eventType, CG.Airstrike) in g
    killed = g.value(occ, CG.killedRange)
    assert (g.value(killed, SCHEMA.minValue), g.value(killed, SCHEMA.maxValue)) == (Literal(17), Literal(22))
    link = g.value(occ, CG.mergeLink)
    assert set(g.objects(link, CG.linkedEvent)) == sources
    assert Literal("shared agent United States") in set(g.objects(link, CG.reason))
    us = URIRef(r.entity_of("wire", "us"))
    assert (us, OWL.sameAs, WD.Q30) in g and (occ, CG.occurrenceAgent, us) in g
    assert len(set(g.objects(us, CG.articleActor))) == 2
    assert not list(g.subjects(RDF.type, SEM.Event)) and not list(g.subjects(RDF.type, SEM.Actor))


def test_resolution_graph_hostile_names_stay_literals_and_iris_stay_safe():
    bad = '<b onclick="x">"Kataib"</b> } ; DROP ALL'
    xs = [strike(a, f"{bad} struck Kataib Hezbollah in Abu Kamal, killing 3.", 3, x.article.published, "W", bad)
          for a, x in zip(("a1", 'a"2>'), corpus())]
    xs = [replace(x, actors=tuple(replace(a, type=ActorType.ARMED_GROUP, country=None) if a.id == "us" else a
                                  for a in x.actors)) for x in xs]
    r = resolve_extractions(xs)
    assert r.entity_of("a1", "us") == r.entity_of('a"2>', "us") is not None
    g = r.graph()
    validate(g)
    for s, p, o in g:
        for term in (s, p, o):
            if isinstance(term, URIRef):
                assert is_safe_iri(str(term)), term
    assert Literal(bad) in set(g.objects(None, None))
