"""JSON Lines feeds: good records become articles, bad lines become FeedErrors."""
import json
from datetime import date

import pytest

from graph.errors import EmptyInputError, FeedError, InputError
from graph.ingest import iter_articles
from graph.records import Article

from ingest_texts import ENGLISH

GOOD = {"id": "a1", "text": ENGLISH, "published": "Feb 26, 2021", "outlet": "Example Wire",
        "url": "https://example.org/a1", "title": "Town shelled"}

LINES = [
    json.dumps(GOOD),                                               # 1 good
    '{"id": "a2", "text": "Broken',                                 # 2 bad JSON
    json.dumps({"text": "No id here."}),                            # 3 missing id
    json.dumps({"id": "a4"}),                                       # 4 missing text
    json.dumps({"id": "a5", "text": "Dated.", "published": "someday"}),  # 5 bad date
    "",                                                             # 6 blank: skipped
    json.dumps({"id": "a7", "html": "<p>From HTML.</p>",
                "published": "2021-02-26T10:00:00Z"}),              # 7 good, html
    json.dumps({"id": "a8", "text": "   "}),                        # 8 empty text
    json.dumps(["not", "an", "object"]),                            # 9 not an object
    json.dumps({"id": "a1", "text": "Again."}),                     # 10 duplicate id
    json.dumps({"id": 11, "text": "Numeric id.", "title": None}),   # 11 good, int id
    json.dumps({"id": "a12", "text": "x", "outlet": 5}),            # 12 outlet not a string
]

EXPECTED = [
    (1, Article, "a1"),
    (2, FeedError, "invalid JSON"),
    (3, FeedError, "missing or empty 'id'"),
    (4, FeedError, "neither 'text' nor 'html'"),
    (5, FeedError, "unparseable date 'someday'"),
    (7, Article, "a7"),
    (8, EmptyInputError, "only whitespace"),
    (9, FeedError, "expected a JSON object"),
    (10, FeedError, "duplicate article id 'a1'"),
    (11, Article, "11"),
    (12, FeedError, "'outlet' must be a string"),
]


@pytest.fixture
def feed(tmp_path):
    path = tmp_path / "feed.jsonl"
    path.write_text("\n".join(LINES) + "\n", encoding="utf-8")
    return path


def test_feed_yields_articles_and_errors_line_by_line(feed):
    """One bad line is one error naming FEED.jsonl:LINE; the batch goes on."""
    items = list(iter_articles([str(feed)]))
    assert len(items) == len(EXPECTED)
    for item, (line, kind, words) in zip(items, EXPECTED):
        assert isinstance(item, kind)
        if isinstance(item, Article):
            assert item.id == words and item.source == f"{feed}:{line}"
        else:
            assert isinstance(item, InputError)
            assert str(item).startswith(f"{feed}:{line}: ") and words in str(item)


def test_feed_record_metadata(feed):
    first, *_ = iter_articles([str(feed)], published=date(1999, 1, 1))
    assert first.text == ENGLISH
    assert (first.published, first.outlet, first.url, first.title) == (
        date(2021, 2, 26), "Example Wire", "https://example.org/a1", "Town shelled")
    assert first.language == "en"


def test_feed_html_record_and_default_date_not_applied(feed):
    items = {i.id: i for i in iter_articles([str(feed)], published=date(1999, 1, 1))
             if isinstance(i, Article)}
    assert items["a7"].text == "From HTML." and items["a7"].published == date(2021, 2, 26)
    assert items["11"].published is None


def test_feed_not_utf8_line(tmp_path):
    path = tmp_path / "f.jsonl"
    path.write_bytes(b'{"id": "x", "text": "caf\xe9"}\n')
    (err,) = iter_articles([str(path)])
    assert isinstance(err, FeedError) and "not UTF-8" in str(err)
