"""Tests of graph.rdf.validate against ontology/shapes.ttl."""
from __future__ import annotations

import shutil
from dataclasses import replace
from datetime import date

import pytest
from rdflib import Literal

from graph.errors import OntologyError, ValidationError
from graph.rdf.iris import article_iri, child
from graph.rdf.mapping import extraction_to_graph, to_dataset
from graph.rdf.validate import validate, violations
from graph.vocab.namespaces import CG, RDF, SEM, XSD
from tests.rdf.sample import ARTICLE_ID, HOSTILE, TEXT, hostile, sample

ART = article_iri(ARTICLE_ID, TEXT)
E1 = child(ART, "event", "e1")


def test_validate_accepts_the_sample_graph():
    """A complete, well-formed extraction conforms."""
    validate(extraction_to_graph(sample()))


def test_validate_accepts_a_dataset():
    """A dataset of several articles is validated as one union."""
    x = sample()
    validate(to_dataset([x, replace(x, article=replace(x.article, id="other"))]))


def test_validate_accepts_hostile_names():
    """Hostile text in names and titles does not break validity."""
    for name in HOSTILE:
        if name.strip():
            validate(extraction_to_graph(hostile(name)))


def test_validate_rejects_negative_killed():
    """A negative casualty count is a violation that names cg:killed."""
    x = sample()
    bad = replace(x.events[0], killed=-3)
    g = extraction_to_graph(replace(x, events=(bad,) + x.events[1:]))
    with pytest.raises(ValidationError, match="cg:killed must be one non-negative integer"):
        validate(g)


def test_validate_rejects_event_without_trigger():
    """Removing the trigger link makes the event invalid."""
    g = extraction_to_graph(sample())
    g.remove((E1, CG.trigger, None))
    assert any("cg:trigger" in v for v in violations(g))


def test_validate_rejects_event_with_two_coarse_types():
    """An event has exactly one coarse type."""
    g = extraction_to_graph(sample())
    g.add((E1, RDF.type, CG.Protest))
    with pytest.raises(ValidationError, match="exactly one coarse event type"):
        validate(g)


def test_validate_rejects_span_with_start_not_before_end():
    """A reversed span (start >= end) is a violation."""
    x = sample()
    m = x.events[0].trigger
    bad = replace(x.events[0], trigger=replace(m, start=m.end, end=m.start), mentions=())
    found = violations(extraction_to_graph(replace(x, events=(bad,) + x.events[1:])))
    assert any("oa:start" in v for v in found)


def test_validate_rejects_datetime_as_event_date():
    """Event dates are xsd:date, not xsd:dateTime."""
    g = extraction_to_graph(sample())
    g.set((E1, SEM.hasTimeStamp, Literal("2024-03-04T10:00:00", datatype=XSD.dateTime)))
    assert any("xsd:date" in v for v in violations(g))


def test_validate_rejects_unknown_agent_and_bad_country():
    """An agent id with no actor record, and a lowercase country code, are violations."""
    x = sample()
    bad_event = replace(x.events[0], agents=("ghost",))
    bad_actor = replace(x.actors[0], country="iq")
    found = violations(extraction_to_graph(replace(x, events=(bad_event,) + x.events[1:],
                                                   actors=(bad_actor,) + x.actors[1:])))
    assert any("described sem:Actor" in v for v in found)
    assert any("alpha-3" in v for v in found)


def test_validate_rejects_actor_without_name():
    """An actor needs a non-empty name."""
    x = sample()
    g = extraction_to_graph(replace(x, actors=(replace(x.actors[0], name=""),) + x.actors[1:]))
    with pytest.raises(ValidationError, match="rdfs:label"):
        validate(g)


def test_validate_message_counts_violations():
    """The error message starts with the number of violations."""
    x = sample()
    bad = replace(x.events[0], killed=-1, injured=-2, date=date(2024, 1, 1))
    with pytest.raises(ValidationError, match=r"2 violation\(s\)"):
        validate(extraction_to_graph(replace(x, events=(bad,) + x.events[1:])))


def test_validate_honours_the_ontology_env_var(monkeypatch, tmp_path):
    """$CONFLICT_GRAPH_ONTOLOGY points at another ontology folder; a missing one is an OntologyError."""
    from graph.vocab.ontology_docs import ontology_dir

    shutil.copy(ontology_dir() / "shapes.ttl", tmp_path / "shapes.ttl")
    monkeypatch.setenv("CONFLICT_GRAPH_ONTOLOGY", str(tmp_path))
    validate(extraction_to_graph(sample()))
    monkeypatch.setenv("CONFLICT_GRAPH_ONTOLOGY", str(tmp_path / "missing"))
    with pytest.raises(OntologyError, match="shapes"):
        validate(extraction_to_graph(sample()))
