"""Ingest stage: files, folders, stdin and JSON Lines feeds -> :class:`Article` records.

An INPUT is one of:

- ``-``: standard input, read as bytes; HTML if it looks like HTML, else plain text.
  ``Article.id`` and ``Article.source`` are ``"stdin"``. Standard input whose first line
  is a JSON object with an ``"id"`` is a JSON Lines feed instead (see :func:`stdin_is_feed`),
  read line by line as it arrives; sources are ``stdin:LINE``.
- a ``.txt`` file (plain text) or an ``.html``/``.htm`` file (HTML); ``id`` is the file
  stem and ``source`` the path. A file with any other suffix is sniffed like stdin (so a
  PDF named explicitly is reported as "not text (looks like a PDF)").
- a folder: its ``.txt``, ``.html`` and ``.htm`` files, recursively, in sorted path order,
  hidden files and folders skipped. ``.jsonl`` feeds inside folders are *not* read (a
  folder may hold this package's own ``events.jsonl`` output): name feeds explicitly.
- a ``.jsonl`` feed, one article per line (see :mod:`graph.ingest.feed`); ``source`` is
  ``FEED.jsonl:LINE``.

Batch semantics: nothing is raised for a bad input. A missing path, an unreadable,
empty, binary, undecodable or too large file, a folder with no articles, a bad feed
line or an id already used in the batch is *yielded* as its :class:`InputError`, so
the caller can report it and go on.

Language is detected (``Article.language``) but not enforced here: call
:func:`check_language` on each article to refuse the languages without a model, and
:func:`check_length` to refuse texts too long to extract in reasonable time.

>>> import io
>>> [a.text for a in iter_articles(["-"], stdin=io.BytesIO(b"Tanks moved in."))]
['Tanks moved in.']
"""
from __future__ import annotations

import dataclasses
import os
import sys
from collections.abc import Iterator, Sequence
from datetime import date
from pathlib import Path
from typing import BinaryIO

from graph.errors import EmptyInputError, FeedError, InputError, InputTooLargeError
from graph.ingest.article import (
    article_from_bytes,
    article_from_html,
    article_from_text,
    check_length,
)
from graph.ingest.decode import DEFAULT_MAX_BYTES, DEFAULT_MAX_CHARS
from graph.ingest.feed import FEED_SUFFIX, iter_feed, iter_feed_lines
from graph.ingest.language import check_language, detect_language
from graph.records import Article

__all__ = [
    "DEFAULT_MAX_BYTES",
    "DEFAULT_MAX_CHARS",
    "TEXT_SUFFIXES",
    "HTML_SUFFIXES",
    "iter_articles",
    "article_from_bytes",
    "article_from_text",
    "article_from_html",
    "check_language",
    "check_length",
    "detect_language",
    "count_articles",
    "peek_stdin",
    "stdin_is_feed",
]

TEXT_SUFFIXES = frozenset({".txt"})
HTML_SUFFIXES = frozenset({".html", ".htm"})
STDIN = "-"
_CHUNK = 1 << 20


class _Replay:
    """A binary stream whose first bytes were already read: ``head`` comes back first."""

    def __init__(self, head: bytes, rest: BinaryIO):
        self.head, self.rest = head, rest

    def read(self, size: int = -1) -> bytes:
        head, self.head = self.head, b""
        if size is None or size < 0:
            return head + self.rest.read()
        if len(head) >= size:
            self.head = head[size:]
            return head[:size]
        return head + self.rest.read(size - len(head))

    def __iter__(self) -> Iterator[bytes]:
        head, self.head = self.head, b""
        if head:
            if not head.endswith(b"\n"):
                head += self.rest.readline()
            yield head
        yield from self.rest


def peek_stdin(stream: BinaryIO | None = None, max_bytes: int = DEFAULT_MAX_BYTES) -> tuple[bool, BinaryIO]:
    """Read the first line of standard input to tell a JSON Lines feed from one article.

    Args:
        stream: the binary stream (default ``sys.stdin.buffer``).
        max_bytes: at most this many bytes are read to find the first line.

    Returns:
        ``(is_feed, stream)``: whether it is a feed (see :func:`stdin_is_feed`), and a stream
        that reads from the start again, to pass as ``iter_articles(..., stdin=)``.

    >>> import io
    >>> peek_stdin(io.BytesIO(b'{"id": "a1", "text": "Hi."}\\n'))[0], peek_stdin(io.BytesIO(b"Hi."))[0]
    (True, False)
    """
    stream = stream if stream is not None else sys.stdin.buffer
    if isinstance(stream, _Replay):
        return stdin_is_feed(stream.head), stream
    first = stream.readline(max_bytes + 1)
    return stdin_is_feed(first), _Replay(first, stream)


def stdin_is_feed(first_line: bytes) -> bool:
    """Whether the first line of standard input makes it a JSON Lines feed: a JSON object with an ``id``.

    >>> stdin_is_feed(b'{"id": 7, "text": "Tanks moved in."}'), stdin_is_feed(b"{Tanks} moved in.")
    (True, False)
    """
    import json

    line = first_line.lstrip(b"\xef\xbb\xbf").strip()
    if not (line.startswith(b"{") and line.endswith(b"}")):
        return False
    try:
        record = json.loads(line)
    except (ValueError, UnicodeDecodeError):
        return False
    return isinstance(record, dict) and "id" in record


def count_articles(inputs: Sequence[str]) -> int | None:
    """How many articles ``inputs`` hold, counted cheaply (files listed, feed lines counted), for progress.

    Args:
        inputs: as :func:`iter_articles`.

    Returns:
        The count of files and non-blank feed lines (a missing path counts one, as it is
        reported once); None when standard input is among the inputs.

    >>> count_articles(["no/such/file.txt", "-"]) is None
    True
    """
    total = 0
    for name in inputs:
        if name == STDIN:
            return None
        path = Path(name)
        if path.is_dir():
            total += len(_folder_files(path)) or 1
        elif path.is_file() and path.suffix.lower() == FEED_SUFFIX:
            try:
                with open(path, "rb") as feed:
                    total += sum(1 for line in feed if line.strip())
            except OSError:
                total += 1
        else:
            total += 1
    return total


def iter_articles(
    inputs: Sequence[str],
    *,
    published: date | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    stdin: BinaryIO | None = None,
) -> Iterator[Article | InputError]:
    """Read every input, yielding an article or the error that stopped it.

    Args:
        inputs: paths of files, folders and ``.jsonl`` feeds, or ``-`` for stdin.
        published: the date of plain files and stdin whose content gives none (HTML
            metadata does; feeds are not affected).
        max_bytes: larger files, stdin or feed records are refused
            (default :data:`DEFAULT_MAX_BYTES`, 5 MB).
        stdin: the stream read for ``-``; defaults to ``sys.stdin.buffer``.

    Returns:
        An iterator, in input order, of :class:`Article` and :class:`InputError`.

    >>> list(iter_articles(["no/such/file.txt"]))
    [InputError('no/such/file.txt: no such file or folder')]
    """
    seen: dict[str, str] = {}
    for name in inputs:
        for item in _iter_input(name, published, max_bytes, stdin):
            if isinstance(item, Article):
                if item.id in seen:
                    kind = FeedError if _is_feed_source(item.source) else InputError
                    item = kind(item.source or item.id, f"duplicate article id {item.id!r} "
                                f"(already used by {seen[item.id]})")
                else:
                    seen[item.id] = item.source or item.id
            yield item


def _iter_input(name: str, published: date | None, max_bytes: int,
                stdin: BinaryIO | None) -> Iterator[Article | InputError]:
    if name == STDIN:
        is_feed, stream = peek_stdin(stdin, max_bytes)
        if is_feed:
            yield from iter_feed_lines(stream, "stdin", max_bytes=max_bytes)
        else:
            yield _guard(_from_stdin, stream, published, max_bytes)
        return
    path = Path(name)
    if path.is_dir():
        files = _folder_files(path)
        if not files:
            yield EmptyInputError(name, "folder has no .txt, .html or .htm files")
        for file in files:
            yield _guard(_from_file, file, published, max_bytes)
    elif not path.exists():
        yield InputError(name, "no such file or folder")
    elif path.suffix.lower() == FEED_SUFFIX:
        yield from iter_feed(path, max_bytes=max_bytes)
    else:
        yield _guard(_from_file, path, published, max_bytes)


def _guard(read, *args) -> Article | InputError:
    try:
        return read(*args)
    except InputError as err:
        return err


def _folder_files(folder: Path) -> list[Path]:
    files = []
    for root, dirs, names in os.walk(folder):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        for file_name in names:
            suffix = Path(file_name).suffix.lower()
            if not file_name.startswith(".") and suffix in TEXT_SUFFIXES | HTML_SUFFIXES:
                files.append(Path(root, file_name))
    return sorted(files, key=lambda p: p.relative_to(folder).parts)


def _from_file(path: Path, published: date | None, max_bytes: int) -> Article:
    source = str(path)
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise InputTooLargeError(
                source, f"input is {size:,} bytes, larger than the limit of {max_bytes:,} bytes")
        data = path.read_bytes()
    except OSError as err:
        raise InputError(source, f"cannot be read ({err.strerror or err})") from None
    suffix = path.suffix.lower()
    html = True if suffix in HTML_SUFFIXES else False if suffix in TEXT_SUFFIXES else None
    article = article_from_bytes(data, source=source, article_id=path.stem, html=html,
                                 max_bytes=max_bytes)
    return _default_date(article, published)


def _from_stdin(stream: BinaryIO | None, published: date | None, max_bytes: int) -> Article:
    stream = stream if stream is not None else sys.stdin.buffer
    data = stream.read(max_bytes + 1)
    if len(data) > max_bytes:
        size = len(data)
        while chunk := stream.read(_CHUNK):
            size += len(chunk)
        raise InputTooLargeError(
            "stdin", f"input is {size:,} bytes, larger than the limit of {max_bytes:,} bytes")
    article = article_from_bytes(data, source="stdin", article_id="stdin",
                                 max_bytes=max_bytes)
    return _default_date(article, published)


def _default_date(article: Article, published: date | None) -> Article:
    if article.published is None and published is not None:
        return dataclasses.replace(article, published=published)
    return article


def _is_feed_source(source: str | None) -> bool:
    if not source:
        return False
    head, _, line = source.rpartition(":")
    return (head.lower().endswith(FEED_SUFFIX) or head == "stdin") and line.isdigit()
