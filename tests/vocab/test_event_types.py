"""Every EventType, EventSubtype and RelationType member names a term of ontology/conflict.ttl."""
from __future__ import annotations

import pytest
from rdflib import URIRef
from rdflib.namespace import OWL, RDF, RDFS

from graph.vocab import namespaces
from graph.vocab.event_types import EventSubtype, EventType, RelationType
from graph.vocab.namespaces import CG
from graph.vocab.ontology_docs import load_ontology


@pytest.fixture(scope="module")
def onto():
    return load_ontology("conflict.ttl")


def _declared(onto, name: str, kind) -> bool:
    return (URIRef(CG._NS + name), RDF.type, kind) in onto


def test_event_types_declares_every_event_type_under_sem_event(onto):
    """Each EventType names an owl:Class, subclass of sem:Event."""
    for t in EventType:
        assert _declared(onto, t.class_name, OWL.Class), t
        assert (CG[t.class_name], RDFS.subClassOf, namespaces.SEM.Event) in onto


def test_event_types_declares_every_subtype_under_its_parent(onto):
    """Each EventSubtype is an owl:Class, subclass of its parent's class."""
    for s in EventSubtype:
        assert _declared(onto, s.value, OWL.Class), s
        assert (CG[s.value], RDFS.subClassOf, CG[s.parent.class_name]) in onto


def test_event_types_relation_properties_are_declared(onto):
    """Each RelationType names an owl:ObjectProperty."""
    for t in RelationType:
        assert _declared(onto, t.property_name, OWL.ObjectProperty), t
