"""HTML pages to article text and metadata."""
from datetime import date

import pytest

from graph.errors import EmptyInputError
from graph.ingest import article_from_html
from graph.ingest.html import extract_html

PAGE = """<!DOCTYPE html>
<html><head><title>Rebels shell town - The Daily Example</title>
<meta property="og:site_name" content="The Daily Example">
<meta name="date" content="2021-02-26">
<link rel="canonical" href="https://example.org/news/shell">
<style>p { color: red } .STYLETEXT {}</style>
<script>var SCRIPTTEXT = "never";</script>
</head><body>
<nav><a href="/">Home</a> <a href="/world">NAVTEXT World</a></nav>
<article><h1>Rebels shell town</h1>
<p>Rebels shelled the town of Exampleville on Tuesday, killing three civilians, officials said.</p>
<!-- COMMENTTEXT hidden remark -->
<iframe src="x.html">IFRAMETEXT</iframe>
<script>document.write("SCRIPTTEXT2")</script>
<p>The army said it had “responded” with artillery fire. Residents fled to nearby villages.</p>
<p>A spokesman for the rebels denied the claim &amp; blamed government forces.</p>
<p>Unclosed paragraph <b>with bold
<p>Last paragraph <i>after broken <markup</p>
</article>
</body></html>
"""

HIDDEN = ("SCRIPTTEXT", "STYLETEXT", "COMMENTTEXT", "IFRAMETEXT", "color: red", "<")


def test_html_extract_keeps_every_paragraph_with_blank_lines():
    text = extract_html(PAGE, source="p.html").text
    paragraphs = text.split("\n\n")
    assert "Rebels shelled the town of Exampleville on Tuesday" in paragraphs[1]
    assert any(p.startswith("The army said it had “responded”") for p in paragraphs)
    assert any("denied the claim & blamed" in p for p in paragraphs)
    assert any(p.startswith("Unclosed paragraph") for p in paragraphs)


@pytest.mark.parametrize("hidden", HIDDEN)
def test_html_extract_drops_scripts_styles_iframes_comments(hidden):
    assert hidden not in extract_html(PAGE, source="p.html").text


def test_html_extract_reads_metadata():
    page = extract_html(PAGE, source="p.html")
    assert page.published == date(2021, 2, 26)
    assert page.outlet == "The Daily Example"
    assert page.url == "https://example.org/news/shell"
    assert page.title and "Rebels shell town" in page.title


def test_html_article_caller_metadata_wins():
    a = article_from_html(PAGE, source="p.html", article_id="p", published=date(2020, 1, 1),
                          outlet="Caller", url="https://caller.example", title="Given")
    assert (a.published, a.outlet, a.url, a.title) == (
        date(2020, 1, 1), "Caller", "https://caller.example", "Given")


@pytest.mark.parametrize(
    "page, expected",
    [
        pytest.param("<p>Short.</p>", "Short.", id="tiny"),
        pytest.param("<html><body><script>x('SCRIPTTEXT')</script><div>One line.</div>"
                     "<!-- COMMENTTEXT --><div>Two line.</div></body></html>",
                     "One line.\n\nTwo line.", id="divs"),
        pytest.param("<?xml version='1.0' encoding='utf-8'?><html><body><p>X.</p></body></html>",
                     "X.", id="xml-declaration"),
    ],
)
def test_html_extract_falls_back_to_cleaned_body(page, expected):
    """Pages too small for trafilatura still give their text, cleaned."""
    assert extract_html(page, source="s.html").text == expected


@pytest.mark.parametrize(
    "page",
    [
        "<html><body><script>var a = 'SCRIPTTEXT';</script></body></html>",
        "<html><head><style>p{}</style></head><body><!-- only a comment --></body></html>",
        "<html><body><iframe>IFRAMETEXT</iframe></body></html>",
    ],
)
def test_html_extract_refuses_page_without_text(page):
    with pytest.raises(EmptyInputError, match="e.html: no article text found"):
        extract_html(page, source="e.html")
