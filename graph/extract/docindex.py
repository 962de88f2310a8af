"""Sentences and entities of a parsed Doc, computed once and looked up by token.

spaCy's ``Token.sent``, ``Doc.sents`` and ``Doc.ents`` walk the whole document on every call;
extractors ask for them per mention, which made extraction grow with the square of the text.
These lookups cache the spans in ``doc.user_data`` and find a token's sentence by bisection.

>>> import spacy
>>> nlp = spacy.blank("en")
>>> _ = nlp.add_pipe("sentencizer")
>>> doc = nlp("One. Two three. Four.")
>>> sentence_of(doc, 3).text, sentence_index(doc, 3)
('Two three.', 1)
"""
from __future__ import annotations

from bisect import bisect_right

from spacy.tokens import Doc, Span

__all__ = ["sentences", "sentence_of", "sentence_index", "sentence_starts", "entities", "token_at_char", "doc_text"]


def sentences(doc: Doc) -> list[Span]:
    """The sentences of ``doc``, computed once."""
    cached = doc.user_data.get("_sents")
    if cached is None:
        cached = doc.user_data["_sents"] = list(doc.sents)
        doc.user_data["sent_starts"] = [s.start for s in cached]
    return cached


def sentence_starts(doc: Doc) -> list[int]:
    """Token index of each sentence's first token."""
    sentences(doc)
    return doc.user_data["sent_starts"]


def sentence_index(doc: Doc, i: int) -> int:
    """Index of the sentence holding token ``i``."""
    return bisect_right(sentence_starts(doc), i) - 1


def sentence_of(doc: Doc, i: int) -> Span:
    """The sentence holding token ``i``."""
    return sentences(doc)[sentence_index(doc, i)]


def entities(doc: Doc) -> tuple[Span, ...]:
    """The named entities of ``doc``, computed once."""
    cached = doc.user_data.get("_ents")
    if cached is None:
        cached = doc.user_data["_ents"] = tuple(doc.ents)
    return cached


def token_at_char(doc: Doc, char: int) -> int:
    """Index of the token that holds (or follows) character offset ``char``."""
    starts = doc.user_data.get("_tok_starts")
    if starts is None:
        starts = doc.user_data["_tok_starts"] = [t.idx for t in doc]
    return max(bisect_right(starts, char) - 1, 0)


def doc_text(doc: Doc) -> str:
    """The text of ``doc``, built once (``Doc.text`` joins every token on each call)."""
    cached = doc.user_data.get("_text")
    if cached is None:
        cached = doc.user_data["_text"] = doc.text
    return cached
