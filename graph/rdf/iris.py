"""Stable, safe IRI minting for the data graph.

Every IRI is a pure function of the records: the same input gives the same IRIs on every
run (no ``uuid4``, no clock). Any text (quotes, angle brackets, spaces, newlines, ``#``,
``/``, bidi marks, any Unicode) is reduced to a lowercase ASCII slug; when the slug loses
information a short hash of the original is appended, so two ids that slug alike stay apart.

The scheme, under ``https://w3id.org/conflict-graph/id/``::

    article/<slug(id)>-<sha256(id NUL text)[:12]>          the article (one per text)
    <article>/graph                                         its named graph
    <article>/sentence/<index>                              a sentence
    <article>/span/<start>-<end>                            a span of the text (oa:SpecificResource)
    <article>/span/<start>-<end>/position|quote             its selectors
    <article>/annotation/<kind>/<slug(id)>/<start>-<end>    a mention of an actor, place, event...
    <article>/actor|place|event/<slug(id)>                  records, by their id
    <article>/event/<slug(id)>/<agent|target>/<slug(actor)> SEM role nodes
    <article>/weapon/<slug(name)>                           a weapon named by an event
    <article>/post/<slug(actor)>/<slug(org)>/<slug(title)>  an org:Post (``role_in``)
    <article>/role/<slug(title)>                            an org:Role (the title)
    <article>/fact/<sha256(s p o)[:16]>                     a reified affiliation or relation
    <article>/claim/<slug(speaker)>/<start>-<end>           a claim
    run/<sha256(software version model model_version started)[:16]>
    software/<slug(name)>/<slug(version)>
    model/<slug(name)>/<slug(version)>
    outlet/<slug(name)>
    resolution/graph                                        the named graph of cross-article resolution
    resolution/run/<sha256(software version started)[:16]> a resolution run
    resolution/entity/<slug(key)>                           a canonical actor (key: wd:Q794, person:john kirby...)
    resolution/occurrence/<slug(article)>/<slug(event)>     an occurrence, named after its first report
    <occurrence>/killed|injured                             a casualty figure's range across the reports
    <occurrence>/link/<sha256(a b)[:12]>                    one merge decision with its evidence

The article IRI includes a hash of the id *and* the text: two different texts that share
an id (a re-fetched, edited article; two feeds reusing ids) get different IRIs and do not
merge by accident; the same text under the same id always gets the same IRI.

>>> art = article_iri("kurdistan24 us/strikes", "Text.")
>>> str(art).startswith("https://w3id.org/conflict-graph/id/article/kurdistan24-us-strikes-")
True
>>> art == article_iri("kurdistan24 us/strikes", "Text.")
True
>>> str(child(art, "actor", "kh")).endswith("/actor/kh")
True
"""
from __future__ import annotations

import hashlib
from functools import lru_cache
import re
import unicodedata

from rdflib import URIRef

__all__ = [
    "BASE",
    "slug",
    "short_hash",
    "article_iri",
    "graph_iri",
    "child",
    "span_iri",
    "fact_iri",
    "run_iri",
    "software_iri",
    "model_iri",
    "outlet_iri",
    "RESOLUTION_GRAPH",
    "resolution_run_iri",
    "entity_iri",
    "occurrence_iri",
    "is_safe_iri",
]

BASE = "https://w3id.org/conflict-graph/id/"

_MAX_SLUG = 48
_NOT_SLUG = re.compile(r"[^a-z0-9]+")
_SAFE_IRI = re.compile(r"^https?://[A-Za-z0-9._~:/?#\[\]@!$&'()*+,;=%-]+$")


def short_hash(*parts: str, length: int = 12) -> str:
    """A hex SHA-256 prefix of ``parts`` joined by NUL.

    Args:
        parts: the strings to hash.
        length: how many hex digits to keep.

    Returns:
        ``length`` lowercase hex digits.

    >>> short_hash("a", length=8)
    'ca978112'
    """
    digest = hashlib.sha256("\0".join(parts).encode("utf-8")).hexdigest()
    return digest[:length]


@lru_cache(maxsize=1 << 16)
def slug(text: str) -> str:
    """A lowercase ASCII slug of ``text``, safe in an IRI path segment.

    Accents are dropped, every run of other characters becomes ``-``. Where the slug is
    not exactly ``text`` (case, punctuation, truncation, non-Latin script), ``-`` and six
    hex digits of a hash of ``text`` are appended, so that distinct texts stay distinct.

    Args:
        text: any string.

    Returns:
        A non-empty string of ``[a-z0-9-]``.

    >>> slug("kh")
    'kh'
    >>> slug("Kataib Hezbollah") == "kataib-hezbollah-" + short_hash("Kataib Hezbollah", length=6)
    True
    >>> set(slug('<script>"x"</script>\\n')) <= set("abcdefghijklmnopqrstuvwxyz0123456789-")
    True
    """
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    base = _NOT_SLUG.sub("-", ascii_text.lower()).strip("-")[:_MAX_SLUG].strip("-")
    if base and base == text:
        return base
    tail = short_hash(text, length=6)
    return f"{base}-{tail}" if base else f"x-{tail}"


def article_iri(article_id: str, text: str) -> URIRef:
    """The IRI of an article, from its id and a hash of its id and text.

    Args:
        article_id: the caller's id of the article.
        text: the article's plain text.

    Returns:
        ``BASE + "article/<slug>-<hash12>"``.

    >>> article_iri("a1", "x") == article_iri("a1", "y")
    False
    """
    return URIRef(f"{BASE}article/{slug(article_id)}-{short_hash(article_id, text)}")


def graph_iri(article: URIRef) -> URIRef:
    """The named-graph IRI holding an article's facts.

    >>> str(graph_iri(URIRef("https://w3id.org/conflict-graph/id/article/a")))
    'https://w3id.org/conflict-graph/id/article/a/graph'
    """
    return URIRef(f"{article}/graph")


def child(parent: URIRef, kind: str, *ids: str) -> URIRef:
    """An IRI under ``parent``: ``<parent>/<kind>/<slug(id)>/...``.

    Args:
        parent: the article (or event, ...) IRI.
        kind: a fixed path word (``actor``, ``event``, ``place``, ...).
        ids: record ids or names, slugged one path segment each.

    Returns:
        The child IRI.

    >>> str(child(URIRef("http://x/a"), "actor", "Iran"))[:20]
    'http://x/a/actor/ira'
    """
    tail = "/".join(slug(i) for i in ids)
    return URIRef(f"{parent}/{kind}/{tail}" if tail else f"{parent}/{kind}")


def span_iri(article: URIRef, start: int, end: int) -> URIRef:
    """The IRI of the text span ``[start, end)`` of an article.

    >>> str(span_iri(URIRef("http://x/a"), 3, 9))
    'http://x/a/span/3-9'
    """
    return URIRef(f"{article}/span/{int(start)}-{int(end)}")


def fact_iri(article: URIRef, subject: str, predicate: str, obj: str) -> URIRef:
    """The IRI of a reified statement (an affiliation or an event relation).

    >>> fact_iri(URIRef("http://x/a"), "s", "p", "o") == fact_iri(URIRef("http://x/a"), "s", "p", "o")
    True
    """
    return URIRef(f"{article}/fact/{short_hash(subject, predicate, obj, length=16)}")


def run_iri(software: str, version: str, model: str, model_version: str, started: str) -> URIRef:
    """The IRI of an extraction run, from everything that identifies it.

    >>> str(run_iri("cg", "0.1.0", "m", "1", "")).startswith(BASE + "run/")
    True
    """
    return URIRef(f"{BASE}run/{short_hash(software, version, model, model_version, started, length=16)}")


def software_iri(name: str, version: str) -> URIRef:
    """The IRI of a software release (a ``prov:SoftwareAgent``).

    >>> str(software_iri("conflict-graph", "0.1.0")).startswith(BASE + "software/conflict-graph/0-1-0-")
    True
    """
    return URIRef(f"{BASE}software/{slug(name)}/{slug(version)}")


def model_iri(name: str, version: str) -> URIRef:
    """The IRI of an NLP model release (a ``prov:Entity`` the run used).

    >>> str(model_iri("en_core_web_sm", "3.8.0")).startswith(BASE + "model/en-core-web-sm-")
    True
    """
    return URIRef(f"{BASE}model/{slug(name)}/{slug(version)}")


def outlet_iri(name: str) -> URIRef:
    """The IRI of a news outlet, from its name (shared across articles).

    >>> str(outlet_iri("reuters"))
    'https://w3id.org/conflict-graph/id/outlet/reuters'
    """
    return URIRef(f"{BASE}outlet/{slug(name)}")


#: the named graph holding canonical entities and occurrences across articles
RESOLUTION_GRAPH = URIRef(f"{BASE}resolution/graph")


def resolution_run_iri(software: str, version: str, started: str) -> URIRef:
    """The IRI of a resolution run.

    >>> str(resolution_run_iri("cg", "0.1.0", "2024-01-01T00:00:00")).startswith(BASE + "resolution/run/")
    True
    """
    return URIRef(f"{BASE}resolution/run/{short_hash(software, version, started, length=16)}")


def entity_iri(key: str) -> URIRef:
    """The IRI of a canonical actor, from its resolution key.

    >>> str(entity_iri("wd:Q794")).startswith(BASE + "resolution/entity/wd-q794-")
    True
    >>> is_safe_iri(str(entity_iri('name:armed_group:-:"<b>"')))
    True
    """
    return URIRef(f"{BASE}resolution/entity/{slug(key)}")


def occurrence_iri(article_id: str, event_id: str) -> URIRef:
    """The IRI of an occurrence, from the article and event id of its first report.

    >>> str(occurrence_iri("a1", "e1"))
    'https://w3id.org/conflict-graph/id/resolution/occurrence/a1/e1'
    """
    return URIRef(f"{BASE}resolution/occurrence/{slug(article_id)}/{slug(event_id)}")


def is_safe_iri(iri: str) -> bool:
    """Whether ``iri`` is an absolute http(s) IRI of plain, unreserved-or-reserved ASCII.

    >>> is_safe_iri("https://w3id.org/x/a-b")
    True
    >>> is_safe_iri("https://w3id.org/x/a b")
    False
    """
    return bool(_SAFE_IRI.match(iri))
