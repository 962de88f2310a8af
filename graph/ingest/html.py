"""HTML to article text and metadata, with trafilatura; lxml_html_clean as a fallback.

Trafilatura (made for news pages) finds the article body and drops navigation, scripts,
styles, iframes, HTML comments and boilerplate. It runs with ``favor_recall=True`` so that
short paragraphs of a news story are kept, with tables and without reader comments.
Each block it keeps (heading, paragraph, list, table, quote) becomes one paragraph of
the text, paragraphs separated by a blank line. When trafilatura finds no body (very
short pages), the ``<body>`` text is used, its block elements turned into paragraphs.
Either way the page is first cleaned with :class:`lxml_html_clean.Cleaner`: scripts,
styles, iframes, frames, embeds, ``<noscript>``, ``<template>`` and comments are removed
with their content, so none of it can reach the text. Metadata is read from the page as
it came (trafilatura uses its JSON-LD and meta tags).

>>> page = HtmlArticle(text="Tanks moved in.", title="T", published=None, outlet=None, url=None)
>>> page.title
'T'
"""
from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from datetime import date

import lxml.html
import trafilatura
from lxml import etree
from lxml_html_clean import Cleaner
from trafilatura.xml import xmltotxt

from graph.errors import EmptyInputError, InputError
from graph.ingest.dates import parse_date

__all__ = ["HtmlArticle", "extract_html"]

log = logging.getLogger(__name__)

#: Block elements whose text starts a new paragraph in the fallback extraction.
BLOCK_TAGS = frozenset(
    "p div h1 h2 h3 h4 h5 h6 li ul ol blockquote pre table tr article section main "
    "header footer aside figure figcaption dl dt dd address br hr".split()
)

#: Removed with everything inside them by the fallback cleaner.
KILL_TAGS = ("script", "style", "iframe", "noscript", "template", "svg", "nav", "object")

_XML_DECLARATION = re.compile(r"\A\s*<\?xml[^>]*\?>", re.IGNORECASE)
#: Characters HTML forbids and lxml refuses (C0 controls but tab and newlines, XML non-characters).
_NOT_HTML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_SPACES = re.compile(r"[ \t\f\v\u00a0]+")
_BLANK_LINES = re.compile(r"\n{3,}")


@dataclass(frozen=True, slots=True)
class HtmlArticle:
    """The text of an HTML page and the metadata found in it (None when absent)."""

    text: str
    title: str | None
    published: date | None
    outlet: str | None
    url: str | None


def extract_html(html: str, *, source: str) -> HtmlArticle:
    """Reduce an HTML page to its article text, with title, date, site name and URL.

    Args:
        html: the decoded page.
        source: names the input in error messages.

    Returns:
        An :class:`HtmlArticle`; paragraphs are separated by blank lines.

    Raises:
        EmptyInputError: neither trafilatura nor the cleaned body holds any text.

    >>> extract_html("<html><body><p>Tanks moved in.</p><script>x()</script></body></html>",
    ...              source="a.html").text
    'Tanks moved in.'
    >>> extract_html("<p>Control\x01 characters\x1b are dropped.</p>", source="a.html").text
    'Control characters are dropped.'
    """
    html = _NOT_HTML.sub("", _XML_DECLARATION.sub("", html, count=1))
    text = _trafilatura_text(html)
    if not text.strip():
        log.debug("%s: trafilatura found no article body, using the cleaned <body>", source)
        text = _cleaned_body_text(html)
    if not text.strip():
        raise EmptyInputError(source, "no article text found in the HTML")
    title, published, outlet, url = _metadata(html, source)
    return HtmlArticle(text=text, title=title, published=published, outlet=outlet, url=url)


def _clean_tree(html: str):
    """Parse and remove scripts, styles, frames, embeds and comments with their content."""
    try:
        tree = lxml.html.document_fromstring(html)
    except (etree.ParserError, ValueError):
        return None
    cleaner = Cleaner(
        scripts=True,
        javascript=True,
        comments=True,
        style=True,
        inline_style=True,
        processing_instructions=True,
        embedded=True,
        frames=True,
        forms=False,
        meta=False,
        links=False,
        page_structure=False,
        safe_attrs_only=False,
        remove_unknown_tags=False,
        kill_tags=KILL_TAGS,
    )
    return cleaner.clean_html(tree)


def _trafilatura_text(html: str) -> str:
    tree = _clean_tree(html)
    if tree is None:
        return ""
    try:
        document = trafilatura.bare_extraction(
            tree,
            favor_recall=True,
            include_comments=False,
            include_tables=True,
            include_images=False,
            include_links=False,
            include_formatting=False,
            deduplicate=False,
            with_metadata=False,
        )
    except Exception as err:  # trafilatura has no error type of its own
        log.debug("trafilatura failed: %s", err)
        return ""
    body = getattr(document, "body", None)
    if body is None:
        return ""
    paragraphs = []
    for block in body:
        lines = [line.rstrip() for line in xmltotxt(block, False).split("\n")]
        paragraph = "\n".join(lines).strip("\n")
        if paragraph.strip():
            paragraphs.append(paragraph)
    return "\n\n".join(paragraphs)


def _cleaned_body_text(html: str) -> str:
    tree = _clean_tree(html)
    if tree is None:
        return ""
    body = tree.find("body") if tree.tag != "body" else tree
    if body is None:
        body = tree
    for element in body.iter():
        if isinstance(element.tag, str) and element.tag in BLOCK_TAGS:
            element.tail = "\n\n" + (element.tail or "")
            if element.tag != "br":
                element.text = "\n\n" + (element.text or "")
    lines = [_SPACES.sub(" ", line).strip() for line in body.text_content().split("\n")]
    return _BLANK_LINES.sub("\n\n", "\n".join(lines)).strip()


def _metadata(html: str, source: str) -> tuple[str | None, date | None, str | None, str | None]:
    try:
        meta = trafilatura.extract_metadata(html)
    except Exception as err:  # trafilatura has no error type of its own
        log.debug("%s: trafilatura metadata failed: %s", source, err)
        return None, None, None, None
    if meta is None:
        return None, None, None, None
    published = None
    if meta.date:
        try:
            published = parse_date(meta.date, source=source)
        except InputError:
            log.debug("%s: ignoring unparseable page date %r", source, meta.date)
    return _clean(meta.title), published, _clean(meta.sitename), _clean(meta.url)


def _clean(value: str | None) -> str | None:
    value = (value or "").strip()
    return value or None
