"""JSON Lines feeds: one article per line.

Each line is a JSON object::

    {"id": "a1", "text": "...", "published": "2021-02-26", "outlet": "...", "url": "...",
     "title": "..."}

``id`` (a string, or an integer turned into one) and one of ``text`` / ``html`` are
required; when both are given ``text`` is used. The other keys are optional and may be
null; unknown keys are ignored. For an ``html`` record, what the page says fills the
metadata the record does not give. Lines must be UTF-8 (JSON's encoding); blank lines are
skipped. A bad line is yielded as a :class:`FeedError` (or, for a well-formed record whose
text cannot be used, the matching :class:`InputError`) naming ``FEED.jsonl:LINE``, and
reading goes on.

>>> import io
>>> [a.id for a in iter_feed_lines(io.BytesIO(b'{"id": "a1", "text": "Hi."}\\n'), "f.jsonl")]
['a1']
"""
from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from pathlib import Path

from graph.errors import FeedError, InputError
from graph.ingest.article import article_from_html, article_from_text
from graph.ingest.dates import parse_date
from graph.ingest.decode import DEFAULT_MAX_BYTES, check_unicode
from graph.records import Article

__all__ = ["FEED_SUFFIX", "iter_feed", "iter_feed_lines"]

FEED_SUFFIX = ".jsonl"
OPTIONAL_STRINGS = ("outlet", "url", "title")


def iter_feed(path: str | Path, *, max_bytes: int = DEFAULT_MAX_BYTES
              ) -> Iterator[Article | InputError]:
    """Read a ``.jsonl`` feed file.

    Args:
        path: the feed.
        max_bytes: limit on each record's text or HTML (UTF-8 bytes).

    Returns:
        An iterator of articles, and of errors for the lines that cannot be read.

    >>> list(iter_feed("missing.jsonl"))
    [InputError('missing.jsonl: no such file')]
    """
    try:
        stream = open(path, "rb")
    except FileNotFoundError:
        yield InputError(str(path), "no such file")
        return
    except OSError as err:
        yield InputError(str(path), f"cannot be read ({err.strerror or err})")
        return
    with stream:
        yield from iter_feed_lines(stream, str(path), max_bytes=max_bytes)


def iter_feed_lines(lines: Iterable[bytes], name: str, *, max_bytes: int = DEFAULT_MAX_BYTES
                    ) -> Iterator[Article | InputError]:
    """Read feed records from lines of bytes; ``name`` prefixes each ``:LINE`` source.

    Args:
        lines: the feed's lines (an open binary file will do).
        name: the feed's name in sources and errors.
        max_bytes: limit on each record's text or HTML.

    Returns:
        An iterator of articles and errors, in line order.
    """
    for number, raw in enumerate(lines, start=1):
        source = f"{name}:{number}"
        if number == 1 and raw.startswith(b"\xef\xbb\xbf"):
            raw = raw[3:]
        if not raw.strip():
            continue
        try:
            yield _record(raw, source, max_bytes)
        except InputError as err:
            yield err


def _record(raw: bytes, source: str, max_bytes: int) -> Article:
    try:
        line = raw.decode("utf-8")
    except UnicodeDecodeError as err:
        raise FeedError(source, f"not UTF-8 (byte {err.start})") from None
    try:
        record = json.loads(line)
    except json.JSONDecodeError as err:
        raise FeedError(source, f"invalid JSON ({err.msg} at column {err.colno})") from None
    if not isinstance(record, dict):
        raise FeedError(source, f"expected a JSON object, got {type(record).__name__}")
    article_id = record.get("id")
    if isinstance(article_id, int) and not isinstance(article_id, bool):
        article_id = str(article_id)
    if not isinstance(article_id, str) or not article_id.strip():
        raise FeedError(source, f"missing or empty 'id' (got {article_id!r}; "
                        "expected a non-empty string)")
    if not article_id.isprintable():
        raise FeedError(source, f"'id' {article_id!r} holds control or invisible characters")
    check_unicode(article_id, source=source, what="'id' is ")
    metadata = {}
    for key in OPTIONAL_STRINGS:
        value = record.get(key)
        if value is not None and not isinstance(value, str):
            raise FeedError(source, f"{key!r} must be a string or null, "
                            f"not {type(value).__name__}")
        if value is not None:
            check_unicode(value, source=source, what=f"{key!r} is ")
        metadata[key] = value or None
    published = record.get("published")
    metadata["published"] = (parse_date(published, source=source)
                             if published not in (None, "") else None)
    for key, build in (("text", article_from_text), ("html", article_from_html)):
        body = record.get(key)
        if body is None:
            continue
        if not isinstance(body, str):
            raise FeedError(source, f"{key!r} must be a string, not {type(body).__name__}")
        return build(body, source=source, article_id=article_id, max_bytes=max_bytes,
                     **metadata)
    raise FeedError(source, f"record {article_id!r} has neither 'text' nor 'html'")
