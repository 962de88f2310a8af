"""Tests that the ontology, the enums, the generated namespace and the docs agree."""
from __future__ import annotations

import pytest
from rdflib import URIRef
from rdflib.namespace import RDF, RDFS, SH, SKOS

from graph.vocab.actor_types import ActorType
from graph.vocab.event_types import EventType
from graph.vocab.namespaces import CAMEO, CG
from graph.vocab.ontology_docs import (
    NAMESPACES_PY,
    cg_terms,
    load_ontology,
    main,
    ontology_dir,
    render_docs,
    render_namespaces,
)


@pytest.fixture(scope="module")
def onto():
    return load_ontology("conflict.ttl")


@pytest.fixture(scope="module")
def cameo():
    return load_ontology("cameo.ttl")


@pytest.fixture(scope="module")
def shapes():
    return load_ontology("shapes.ttl")


def test_ontology_every_term_has_label_and_comment(onto):
    """Every cg: term has an rdfs:label and an rdfs:comment."""
    for name in cg_terms(onto):
        term = CG[name]
        assert onto.value(term, RDFS.label) is not None, name
        assert onto.value(term, RDFS.comment) is not None, name


def test_ontology_cameo_links_resolve_to_concepts(onto, cameo):
    """Every CAMEO/PLOVER concept the ontology points at is a skos:Concept in cameo.ttl."""
    linked = {o for o in onto.objects(None, SKOS.closeMatch) if "conflict-graph/" in str(o)}
    assert linked
    for concept in linked:
        assert (concept, RDF.type, SKOS.Concept) in cameo, concept
    for t in EventType:
        assert (CAMEO[t.cameo_root], RDF.type, SKOS.Concept) in cameo, t


def test_ontology_cameo_scheme_has_all_roots_and_broader_links(cameo):
    """Roots 01..20 are top concepts; every other CAMEO code has a broader concept."""
    for i in range(1, 21):
        assert (CAMEO[f"{i:02d}"], SKOS.topConceptOf, CAMEO[""]) in cameo, i
    for concept in cameo.subjects(SKOS.inScheme, CAMEO[""]):
        code = str(cameo.value(concept, SKOS.notation))
        if len(code) > 2:
            assert cameo.value(concept, SKOS.broader) is not None, code
    for code in ("010", "040", "090", "111", "112", "130", "138", "150", "160", "173", "181", "183",
                 "190", "193", "194", "195", "1823"):
        assert (CAMEO[code], RDF.type, SKOS.Concept) in cameo, code


def test_ontology_shapes_list_exactly_the_enum_classes(shapes):
    """The sh:in lists of the shapes name exactly the actor and coarse event classes."""
    from rdflib.collection import Collection

    lists = [set(Collection(shapes, node)) for node in shapes.objects(None, SH["in"])]
    assert {CG[t.class_name] for t in ActorType} in lists
    assert {CG[t.class_name] for t in EventType} in lists


def test_ontology_namespace_is_closed():
    """A misspelt cg: term fails at once."""
    assert CG.Attack == URIRef("https://w3id.org/conflict-graph/ontology#Attack")
    with pytest.raises(AttributeError):
        CG.Atack  # noqa: B018


def test_ontology_generated_namespace_module_is_in_sync(onto):
    """graph/vocab/namespaces.py is what the generator makes of conflict.ttl."""
    assert NAMESPACES_PY.read_text(encoding="utf-8") == render_namespaces(onto)
    assert sorted(n for n in CG.__annotations__) == cg_terms(onto)


def test_ontology_generated_docs_are_in_sync(onto, cameo, shapes):
    """ontology/README.md is what the generator makes of the Turtle files."""
    readme = (ontology_dir() / "README.md").read_text(encoding="utf-8")
    assert readme == render_docs(onto, cameo, shapes)
    assert main(["--check"]) == 0
