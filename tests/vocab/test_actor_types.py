"""Every ActorType and AffiliationType member names a term of ontology/conflict.ttl."""
from __future__ import annotations

import pytest
from rdflib import URIRef
from rdflib.namespace import OWL, RDF, RDFS

from graph.vocab import namespaces
from graph.vocab.actor_types import ActorType, AffiliationType
from graph.vocab.namespaces import CG
from graph.vocab.ontology_docs import load_ontology


@pytest.fixture(scope="module")
def onto():
    return load_ontology("conflict.ttl")


def _declared(onto, name: str, kind) -> bool:
    return (URIRef(CG._NS + name), RDF.type, kind) in onto


def test_actor_types_declares_every_actor_type_class(onto):
    """Each ActorType names an owl:Class that is a sem:Actor."""
    for t in ActorType:
        assert _declared(onto, t.class_name, OWL.Class), t
        assert (CG[t.class_name], RDFS.subClassOf, namespaces.SEM.Actor) in onto


def test_actor_types_affiliation_properties_are_declared(onto):
    """Each AffiliationType names an owl:ObjectProperty."""
    for t in AffiliationType:
        assert _declared(onto, t.property_name, OWL.ObjectProperty), t
