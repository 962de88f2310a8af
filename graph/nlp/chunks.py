"""Long texts in paragraph chunks: bounded memory, offsets into the whole text kept.

spaCy refuses texts over ``nlp.max_length`` characters and needs memory in proportion
to the length of each text it parses. A text longer than :data:`CHUNK_CHARS` is split
into chunks at paragraph boundaries (a blank line; failing that a line break, then the
end of a sentence, then a space, and as a last resort a hard cut), each chunk keeping the
whitespace that follows it, so that the chunks joined are exactly the text. The chunks are
parsed one by one and joined with ``Doc.from_docs(..., ensure_whitespace=False)``: the
joined ``Doc`` has the same text, and every token the same character offset, as if the
text had been parsed whole. Sentences never cross a line break (see
:mod:`graph.nlp.components`), so cutting at paragraphs cuts no sentence.

>>> split_chunks("One.\\n\\nTwo.\\n\\nThree.", size=8)
['One.\\n\\n', 'Two.\\n\\n', 'Three.']
>>> "".join(split_chunks("x" * 10, size=4))
'xxxxxxxxxx'
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import Any

__all__ = ["CHUNK_CHARS", "split_chunks", "parse_text", "parse_stream"]

#: Texts longer than this many characters are parsed in chunks of at most this size.
CHUNK_CHARS = 100_000

# Cut points, best first: the position *after* the match starts the next chunk.
_CUTS = (
    re.compile(r"\n[ \t]*\n\s*"),  # a blank line (and any whitespace after it)
    re.compile(r"\n\s*"),  # a line break
    re.compile(r"[.!?][\"'”’)\]]*\s+"),  # the end of a sentence
    re.compile(r"\s+"),  # any whitespace
)


def split_chunks(text: str, size: int = CHUNK_CHARS) -> list[str]:
    """Split ``text`` into chunks of at most ``size`` characters whose join is ``text``.

    Each chunk ends at the best boundary found in its last part: after a blank line, a
    line break, a sentence end or a space (the whitespace stays with the chunk before);
    a text with no boundary at all is cut every ``size`` characters.

    Args:
        text: any text.
        size: the largest chunk, in characters (at least 1).

    Returns:
        The chunks, in order; ``[text]`` when it is short enough, ``[]`` for ``""``.

    >>> split_chunks("a b c", size=100)
    ['a b c']
    >>> split_chunks("First line.\\nSecond line.", size=15)
    ['First line.\\n', 'Second line.']
    """
    if size < 1:
        raise ValueError(f"chunk size must be at least 1, not {size}")
    chunks: list[str] = []
    start, n = 0, len(text)
    while n - start > size:
        end = _cut(text, start, start + size)
        chunks.append(text[start:end])
        start = end
    if start < n:
        chunks.append(text[start:])
    return chunks


def _cut(text: str, start: int, limit: int) -> int:
    """The best end (exclusive) of a chunk starting at ``start``, at most ``limit``."""
    # Only look at the second half of the window, so chunks stay reasonably large.
    floor = start + (limit - start) // 2
    for pattern in _CUTS:
        best = None
        for match in pattern.finditer(text, floor, limit):
            best = match
        if best is not None and best.end() > start:
            return best.end()
    return limit


def parse_text(nlp, text: str, size: int = CHUNK_CHARS):
    """Parse ``text`` with ``nlp``, in chunks when it is longer than ``size`` characters.

    Args:
        nlp: a spaCy pipeline.
        text: the whole text.
        size: the chunk size (default :data:`CHUNK_CHARS`; never more than ``nlp.max_length``).

    Returns:
        A ``Doc`` whose ``text`` is ``text``, with offsets into the whole text.
    """
    chunks = split_chunks(text, _size(nlp, size))
    if len(chunks) <= 1:
        return nlp(text)
    return _join(list(nlp.pipe(chunks)), text)


def parse_stream(nlp, items: Iterable[tuple[str, Any]], *, batch_size: int = 16,
                 size: int = CHUNK_CHARS) -> Iterator[tuple[Any, Any]]:
    """Like ``nlp.pipe(items, as_tuples=True)``, but any text length is fine.

    Short texts are batched as usual; a long text is split into chunks that go through
    the same stream and are joined again before its ``(doc, context)`` is yielded.

    Args:
        nlp: a spaCy pipeline.
        items: ``(text, context)`` pairs; read lazily.
        batch_size: texts (or chunks) per batch.
        size: the chunk size (default :data:`CHUNK_CHARS`; never more than ``nlp.max_length``).

    Returns:
        An iterator of ``(doc, context)``, in input order.
    """
    pending: dict[int, list] = {}
    size = _size(nlp, size)

    def pieces():
        for number, (text, context) in enumerate(items):
            chunks = split_chunks(text, size) or [text]
            pending[number] = []
            for index, chunk in enumerate(chunks):
                yield chunk, (number, index, len(chunks), text, context)

    for doc, (number, index, total, text, context) in nlp.pipe(pieces(), as_tuples=True,
                                                               batch_size=batch_size):
        if total == 1:
            del pending[number]
            yield doc, context
            continue
        parts = pending[number]
        parts.append(doc)
        if index == total - 1:
            del pending[number]
            yield _join(parts, text), context


def _size(nlp, size: int) -> int:
    return max(1, min(size, getattr(nlp, "max_length", size)))


def _join(docs: list, text: str):
    from spacy.tokens import Doc

    doc = Doc.from_docs(docs, ensure_whitespace=False)
    if doc.text != text:  # pragma: no cover - would be a spaCy change; never hand on wrong offsets
        raise RuntimeError("joining the parsed chunks did not give back the text")
    return doc
