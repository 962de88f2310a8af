"""One input to one :class:`Article`: from bytes, plain text or HTML.

Metadata the caller gives (``published``, ``outlet``, ``url``, ``title``) wins; for HTML,
what trafilatura finds in the page fills the rest. ``language`` is always detected.

>>> article_from_text("Shelling resumed.", source="a.txt", article_id="a").text
'Shelling resumed.'
"""
from __future__ import annotations

from datetime import date

from graph.errors import InputTooLargeError
from graph.ingest.decode import (
    DEFAULT_MAX_BYTES,
    DEFAULT_MAX_CHARS,
    check_text,
    decode_bytes,
    looks_like_html,
    normalise_newlines,
)
from graph.ingest.html import extract_html
from graph.ingest.language import detect_language
from graph.records import Article

__all__ = ["article_from_bytes", "article_from_text", "article_from_html", "check_length"]


def article_from_bytes(
    data: bytes,
    *,
    source: str,
    article_id: str,
    published: date | None = None,
    outlet: str | None = None,
    url: str | None = None,
    title: str | None = None,
    html: bool | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> Article:
    """Decode bytes and read them as plain text or HTML.

    Args:
        data: the raw bytes.
        source: the file path, ``stdin`` or ``FEED.jsonl:LINE``; names errors.
        article_id: becomes ``Article.id``.
        published, outlet, url, title: known metadata; None to leave unknown (or,
            for HTML, to take it from the page).
        html: True for HTML, False for plain text, None to decide from the content
            (see :func:`~graph.ingest.decode.looks_like_html`).
        max_bytes: larger inputs are refused.

    Returns:
        The article.

    Raises:
        InputError: through its subclasses InputTooLargeError, EmptyInputError,
            BinaryInputError and EncodingError.

    >>> article_from_bytes(b"<p>Tanks moved in.</p>", source="stdin", article_id="stdin").text
    'Tanks moved in.'
    """
    text = decode_bytes(data, source=source, max_bytes=max_bytes)
    if html is None:
        html = looks_like_html(text)
    build = _html_article if html else _text_article
    return build(text, source=source, article_id=article_id, published=published,
                 outlet=outlet, url=url, title=title)


def article_from_text(
    text: str,
    *,
    source: str,
    article_id: str,
    published: date | None = None,
    outlet: str | None = None,
    url: str | None = None,
    title: str | None = None,
    max_bytes: int | None = DEFAULT_MAX_BYTES,
) -> Article:
    """Make an article from plain text, kept verbatim but for newlines and a BOM.

    Args:
        text: the article text.
        source, article_id, published, outlet, url, title: as :func:`article_from_bytes`.
        max_bytes: limit on the UTF-8 size of ``text``; None for none.

    Returns:
        The article.

    Raises:
        InputTooLargeError, EmptyInputError, BinaryInputError (NUL characters).

    >>> article_from_text("a\\r\\nb", source="x.txt", article_id="x").text
    'a\\nb'
    """
    text = check_text(normalise_newlines(text), source=source, max_bytes=max_bytes)
    return _text_article(text, source=source, article_id=article_id, published=published,
                         outlet=outlet, url=url, title=title)


def _text_article(text: str, *, source: str, article_id: str, published: date | None,
                  outlet: str | None, url: str | None, title: str | None) -> Article:
    return Article(id=article_id, text=text, published=published, outlet=outlet, url=url,
                   title=title, source=source, language=detect_language(text))


def article_from_html(
    html: str,
    *,
    source: str,
    article_id: str,
    published: date | None = None,
    outlet: str | None = None,
    url: str | None = None,
    title: str | None = None,
    max_bytes: int | None = DEFAULT_MAX_BYTES,
) -> Article:
    """Make an article from an HTML page: its main text, plus the page's metadata.

    Args:
        html: the page.
        source, article_id: as :func:`article_from_bytes`.
        published, outlet, url, title: used as given; where None, taken from the page.
        max_bytes: limit on the UTF-8 size of ``html``; None for none.

    Returns:
        The article; paragraphs separated by blank lines.

    Raises:
        InputTooLargeError, EmptyInputError (no text in the page), BinaryInputError.

    >>> page = "<html><head><title>Raid</title></head><body><p>Tanks moved in.</p></body></html>"
    >>> a = article_from_html(page, source="a.html", article_id="a")
    >>> a.text, a.title
    ('Tanks moved in.', 'Raid')
    """
    html = check_text(normalise_newlines(html), source=source, max_bytes=max_bytes)
    return _html_article(html, source=source, article_id=article_id, published=published,
                         outlet=outlet, url=url, title=title)


def _html_article(html: str, *, source: str, article_id: str, published: date | None,
                  outlet: str | None, url: str | None, title: str | None) -> Article:
    page = extract_html(html, source=source)
    text = check_text(normalise_newlines(page.text), source=source, max_bytes=None)
    return Article(
        id=article_id,
        text=text,
        published=published if published is not None else page.published,
        outlet=outlet if outlet is not None else page.outlet,
        url=url if url is not None else page.url,
        title=title if title is not None else page.title,
        source=source,
        language=detect_language(text),
    )


def check_length(article: Article, max_chars: int | None = DEFAULT_MAX_CHARS) -> Article:
    """Refuse an article whose text is longer than ``max_chars`` characters.

    The byte limit of :func:`article_from_bytes` bounds what is read; this one bounds what is
    extracted (an HTML page of a few megabytes usually holds a short article).

    Args:
        article: the article.
        max_chars: the limit (default :data:`~graph.ingest.decode.DEFAULT_MAX_CHARS`); None for none.

    Returns:
        The article, unchanged.

    Raises:
        InputTooLargeError: the text is longer than ``max_chars``.

    >>> check_length(Article(id="a", text="x" * 12, source="a.txt"), max_chars=10)
    Traceback (most recent call last):
    ...
    graph.errors.InputTooLargeError: a.txt: article text is 12 characters, more than the limit of 10 characters
    """
    if max_chars is not None and len(article.text) > max_chars:
        raise InputTooLargeError(
            article.source or article.id,
            f"article text is {len(article.text):,} characters, more than the limit of "
            f"{max_chars:,} characters")
    return article
