"""Tests of graph.rdf.iris: stable, safe, collision-resistant IRIs."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from rdflib import URIRef

from graph.rdf.iris import BASE, article_iri, child, is_safe_iri, slug, span_iri
from tests.rdf.sample import HOSTILE


def test_iris_article_iri_is_stable_across_calls():
    """The same id and text give the same IRI."""
    assert article_iri("a 1", "Some text.") == article_iri("a 1", "Some text.")


def test_iris_article_iri_differs_for_different_texts_with_one_id():
    """Two articles sharing an id but not a text do not collide."""
    assert article_iri("a1", "First text.") != article_iri("a1", "Second text.")


def test_iris_slug_keeps_distinct_ids_distinct():
    """Ids that slug alike ("A B", "a-b", "a_b") get different slugs."""
    ids = ["a-b", "A B", "a_b", "a b", "A-B", "a--b"]
    assert len({slug(i) for i in ids}) == len(ids)
    assert slug("a-b") == "a-b"


def test_iris_hostile_text_gives_safe_iris():
    """Quotes, angle brackets, newlines, bidi marks, # and / never reach an IRI."""
    art = article_iri(HOSTILE[0], "x")
    for text in HOSTILE:
        for iri in (article_iri(text, text), child(art, "actor", text), child(art, "post", text, text)):
            assert is_safe_iri(str(iri)), iri
            assert str(iri).startswith(BASE)
            assert "#" not in str(iri)


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_iris_any_text_gives_a_safe_deterministic_slug(text):
    """Any Unicode text slugs to [a-z0-9-], the same each time."""
    s = slug(text)
    assert s and set(s) <= set("abcdefghijklmnopqrstuvwxyz0123456789-")
    assert s == slug(text)


def test_iris_span_iri_uses_offsets():
    """A span IRI names its offsets."""
    assert str(span_iri(URIRef(BASE + "article/a"), 0, 6)).endswith("/span/0-6")
