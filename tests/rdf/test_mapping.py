"""Tests of graph.rdf.mapping on hand-built extractions."""
from __future__ import annotations

from dataclasses import replace

import pytest
from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import XSD

from graph.rdf.iris import article_iri, child, graph_iri, is_safe_iri
from graph.rdf.mapping import extraction_to_graph, to_dataset
from graph.vocab.namespaces import CAMEO, CG, DCTERMS, GEO, OA, ORG, OWL, PROV, RDF, RDFS, SCHEMA, SEM, WD
from tests.rdf.sample import ARTICLE_ID, HOSTILE, TEXT, hostile, sample


@pytest.fixture(scope="module")
def g() -> Graph:
    return extraction_to_graph(sample())


ART = article_iri(ARTICLE_ID, TEXT)


def test_mapping_graph_is_named_after_the_article(g):
    """The graph identifier is the article's named-graph IRI."""
    assert g.identifier == graph_iri(ART)


def test_mapping_writes_article_metadata(g):
    """URL, outlet, date, title and text are on the article node."""
    assert (ART, RDF.type, CG.Article) in g
    assert g.value(ART, DCTERMS.identifier) == Literal(ARTICLE_ID)
    assert g.value(ART, SCHEMA.datePublished) == Literal("2024-03-05", datatype=XSD.date)
    assert str(g.value(ART, SCHEMA.headline)) == "Rebels shell Xville"
    assert str(g.value(g.value(ART, SCHEMA.publisher), SCHEMA.name)) == "Xland Times"
    assert str(g.value(ART, SCHEMA.text)) == TEXT


def test_mapping_types_event_with_coarse_and_subtype_classes(g):
    """The attack is a sem:Event, a cg:Attack and a cg:Shelling, linked to CAMEO 194."""
    e1 = child(ART, "event", "e1")
    assert {SEM.Event, CG.Attack, CG.Shelling} <= set(g.objects(e1, RDF.type))
    assert g.value(e1, CG.cameo) == CAMEO["194"]
    assert g.value(e1, CG.killed) == Literal(3)
    assert g.value(e1, SEM.hasTimeStamp) == Literal("2024-03-04", datatype=XSD.date)
    assert str(g.value(g.value(e1, CG.usedWeapon), RDFS.label)) == "mortar"
    assert str(g.value(e1, RDFS.label)) == "attack: Rebels -> soldiers"


def test_mapping_links_agents_and_targets_with_sem_roles(g):
    """Agents and targets appear as shortcuts and as SEM role nodes."""
    e1, rebels = child(ART, "event", "e1"), child(ART, "actor", "rebels")
    assert (e1, CG.hasAgent, rebels) in g
    roles = [r for r in g.objects(e1, SEM.hasActor) if g.value(r, RDF.value) == rebels]
    assert [g.value(r, SEM.roleType) for r in roles] == [CG.AgentRole]
    assert (e1, SEM.hasPlace, child(ART, "place", "xville")) in g


def test_mapping_event_trigger_traces_to_article_sentence_and_span(g):
    """Trigger annotation -> span -> (article, sentence, offsets, exact text)."""
    e1 = child(ART, "event", "e1")
    span = g.value(g.value(e1, CG.trigger), OA.hasTarget)
    assert g.value(span, OA.hasSource) == ART
    assert g.value(g.value(span, CG.inSentence), CG.sentenceIndex) == Literal(0)
    selectors = list(g.objects(span, OA.hasSelector))
    start = next(g.value(s, OA.start) for s in selectors if (s, RDF.type, OA.TextPositionSelector) in g)
    end = next(g.value(s, OA.end) for s in selectors if (s, RDF.type, OA.TextPositionSelector) in g)
    exact = next(g.value(s, OA.exact) for s in selectors if (s, RDF.type, OA.TextQuoteSelector) in g)
    assert TEXT[start.toPython():end.toPython()] == str(exact) == "shelled"


def test_mapping_every_fact_is_derived_from_the_article_and_generated_by_the_run(g):
    """Actors, places, events, facts and claims carry prov:wasDerivedFrom and prov:wasGeneratedBy."""
    run = next(g.subjects(RDF.type, CG.ExtractionRun))
    for cls in (SEM.Actor, SEM.Place, SEM.Event, CG.StatedFact, CG.Claim):
        nodes = list(g.subjects(RDF.type, cls))
        assert nodes, cls
        for node in nodes:
            assert (node, PROV.wasDerivedFrom, ART) in g, node
            assert (node, PROV.wasGeneratedBy, run) in g, node


def test_mapping_every_stated_fact_with_evidence_has_a_span(g):
    """Affiliations and relations with evidence (or a fallback mention) reach a span."""
    roe, army = child(ART, "actor", "roe"), child(ART, "actor", "army")
    facts = [f for f in g.subjects(RDF.type, CG.StatedFact) if g.value(f, RDF.predicate) != CG.opposes]
    assert len(facts) == 3  # roleIn and two about
    for fact in facts:
        spans = [o for o in g.objects(fact, PROV.wasDerivedFrom) if (o, RDF.type, OA.SpecificResource) in g]
        assert spans, fact
    role_fact = next(f for f in facts if g.value(f, RDF.subject) == roe)
    assert g.value(role_fact, RDF.object) == army


def test_mapping_fact_without_any_mention_is_derived_from_the_article_only(g):
    """'rebels opposes army' has no evidence and no shared sentence: only the article backs it."""
    fact = next(g.subjects(RDF.predicate, CG.opposes))
    assert list(g.objects(fact, PROV.wasDerivedFrom)) == [ART]


def test_mapping_records_run_software_and_model(g):
    """The run is a prov:Activity with software version, model name+version and start time."""
    run = next(g.subjects(RDF.type, CG.ExtractionRun))
    software, model = g.value(run, PROV.wasAssociatedWith), g.value(run, PROV.used)
    assert (software, RDF.type, PROV.SoftwareAgent) in g
    assert str(g.value(software, CG.version)) == "0.1.0"
    assert (str(g.value(model, RDFS.label)), str(g.value(model, CG.version))) == ("en_core_web_sm", "3.8.0")
    assert g.value(run, PROV.startedAtTime).datatype == XSD.dateTime


def test_mapping_role_in_makes_an_org_post_with_the_title(g):
    """Roe holds a post in the army titled 'spokeswoman'."""
    roe, army = child(ART, "actor", "roe"), child(ART, "actor", "army")
    assert (roe, CG.roleIn, army) in g
    post = g.value(roe, ORG.holds)
    assert g.value(post, ORG.postIn) == army
    assert str(g.value(g.value(post, ORG.role), RDFS.label)) == "spokeswoman"


def test_mapping_actor_has_country_aliases_wikidata_and_mentions(g):
    """The army has its alpha-3 code, alias, Wikidata link and two mentions."""
    army = child(ART, "actor", "army")
    assert (army, RDF.type, CG.Military) in g
    assert str(g.value(army, CG.countryCode)) == "XLD"
    assert (army, OWL.sameAs, WD.Q42) in g
    assert len(list(g.objects(army, CG.hasMention))) == 2


def test_mapping_place_has_wgs84_coordinates(g):
    """Places carry geo:lat / geo:long doubles."""
    xville = child(ART, "place", "xville")
    assert g.value(xville, GEO.lat) == Literal(10.5, datatype=XSD.double)
    assert g.value(xville, GEO.long).toPython() == -20.25


def test_mapping_claim_links_speaker_quote_statement_and_event(g):
    """The claim names who said it, the quote span, the speech event and what it is about."""
    claim = next(g.subjects(RDF.type, CG.Claim))
    assert g.value(claim, CG.claimant) == child(ART, "actor", "roe")
    assert g.value(claim, CG.statementEvent) == child(ART, "event", "e3")
    assert g.value(claim, CG.about) == child(ART, "event", "e1")
    assert g.value(claim, DCTERMS.date) == Literal("2024-03-05", datatype=XSD.date)


def test_mapping_is_stable_across_runs():
    """Mapping twice gives identical triples (same IRIs, no blank nodes)."""
    a, b = extraction_to_graph(sample()), extraction_to_graph(sample())
    assert set(a) == set(b)
    assert isomorphic(a, b)
    assert not any(type(t).__name__ == "BNode" for triple in a for t in triple)


def test_mapping_all_iris_are_safe_for_hostile_names():
    """No IRI in the graph of a hostile extraction has spaces, quotes or angle brackets."""
    for name in HOSTILE:
        g = extraction_to_graph(hostile(name))
        for triple in g:
            for term in triple:
                if isinstance(term, URIRef):
                    assert is_safe_iri(str(term)), term


def test_mapping_bad_subtype_is_logged_and_left_out(caplog):
    """A subtype that is not a kind of the coarse type is not written."""
    from graph.vocab.event_types import EventSubtype

    x = sample()
    bad = replace(x.events[1], subtype=EventSubtype.AIRSTRIKE)
    g = extraction_to_graph(replace(x, events=(x.events[0], bad, x.events[2])))
    assert (child(ART, "event", "e2"), RDF.type, CG.Airstrike) not in g
    assert "not a kind of" in caplog.text


def test_mapping_to_dataset_has_one_named_graph_per_article():
    """Two articles give two named graphs and an empty default graph."""
    x = sample()
    other = replace(x, article=replace(x.article, id="other"))
    ds = to_dataset([x, other])
    assert isinstance(ds, Dataset)
    names = {gr.identifier for gr in ds.graphs() if len(gr)}
    assert names == {graph_iri(ART), graph_iri(article_iri("other", TEXT))}
    assert len(ds.default_graph) == 0
