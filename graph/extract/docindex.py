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
>>> text_of(sentences(doc)[1])
'Two three.'
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right

from spacy.attrs import IDX
from spacy.tokens import Doc, Span

__all__ = ["sentences", "sentence_of", "sentence_index", "sentence_starts", "sentence_words", "entities",
           "entities_within", "token_at_char", "doc_text", "text_of"]


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


def sentence_words(doc: Doc, i: int) -> frozenset[str]:
    """The lower-case forms and lemmas of the sentence holding token ``i``, computed once per sentence.

    >>> import spacy
    >>> nlp = spacy.blank("en")
    >>> _ = nlp.add_pipe("sentencizer")
    >>> sorted(sentence_words(nlp("One. Two Three."), 3))
    ['', '.', 'three', 'two']
    """
    index = sentence_index(doc, i)
    cache = doc.user_data.setdefault("_sent_words", {})
    words = cache.get(index)
    if words is None:
        words = cache[index] = frozenset(w for t in sentences(doc)[index] for w in (t.lemma_.lower(), t.lower_))
    return words


def entities(doc: Doc) -> tuple[Span, ...]:
    """The named entities of ``doc``, computed once."""
    cached = doc.user_data.get("_ents")
    if cached is None:
        cached = doc.user_data["_ents"] = tuple(doc.ents)
    return cached


def entities_within(doc: Doc, start_char: int, end_char: int) -> list[Span]:
    """The named entities of ``doc`` that lie inside characters ``start_char:end_char``, in order.

    >>> import spacy
    >>> doc = spacy.blank("en")("Iran and Iraq met.")
    >>> doc.ents = [doc.char_span(0, 4, "GPE"), doc.char_span(9, 13, "GPE")]
    >>> [e.text for e in entities_within(doc, 5, 18)]
    ['Iraq']
    """
    ents = entities(doc)
    starts = doc.user_data.get("_ent_starts")
    if starts is None:
        starts = doc.user_data["_ent_starts"] = [e.start_char for e in ents]
    out = []
    for k in range(bisect_left(starts, start_char), bisect_left(starts, end_char)):
        if ents[k].end_char <= end_char:
            out.append(ents[k])
    return out


def token_at_char(doc: Doc, char: int) -> int:
    """Index of the token that holds (or follows) character offset ``char``."""
    starts = doc.user_data.get("_tok_starts")
    if starts is None:
        starts = doc.user_data["_tok_starts"] = doc.to_array(IDX).tolist()  # each token's .idx
    return max(bisect_right(starts, char) - 1, 0)


def doc_text(doc: Doc) -> str:
    """The text of ``doc``, built once (``Doc.text`` joins every token on each call)."""
    cached = doc.user_data.get("_text")
    if cached is None:
        cached = doc.user_data["_text"] = doc.text
    return cached


def text_of(span: Span) -> str:
    """The text of a span, cut from the Doc's text built once (``Span.text`` joins its tokens on each call)."""
    return doc_text(span.doc)[span.start_char:span.end_char]
