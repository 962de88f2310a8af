"""iter_articles over files, folders and stdin; article_from_bytes round-trips."""
import io
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from graph.errors import (
    BinaryInputError,
    EmptyInputError,
    EncodingError,
    InputError,
    InputTooLargeError,
)
from graph.ingest import article_from_bytes, iter_articles
from graph.records import Article

from ingest_texts import ENGLISH

HTML = ("<html><head><title>Raid</title><script>var s='SCRIPTTEXT'</script>"
        "<style>.STYLETEXT{}</style></head><body><p>First paragraph of the raid.</p>"
        "<!-- COMMENTTEXT --><iframe>IFRAMETEXT</iframe><p>Second paragraph.</p></body></html>")

CASES = [
    # name, bytes, expected text or error class
    ("plain.txt", ENGLISH.encode(), ENGLISH),
    ("page.html", HTML.encode(), "First paragraph of the raid.\n\nSecond paragraph."),
    ("page.htm", HTML.encode(), "First paragraph of the raid.\n\nSecond paragraph."),
    ("bom.txt", b"\xef\xbb\xbfTroops withdrew.", "Troops withdrew."),
    ("le.txt", "Troops “withdrew”.".encode("utf-16"), "Troops “withdrew”."),
    ("be.txt", b"\xfe\xff" + "Troops withdrew.".encode("utf-16-be"), "Troops withdrew."),
    ("cp1252.txt", "The minister said “we will respond” to the €500 fine.".encode("cp1252"),
     "The minister said “we will respond” to the €500 fine."),
    ("latin1.txt", "Le café était fermé à midi à Genève.".encode("latin-1"),
     "Le café était fermé à midi à Genève."),
    ("two-boms.txt", b"\xef\xbb\xbf\xef\xbb\xbfKept.", "\ufeffKept."),
    ("crlf.txt", b"Line one.\r\nLine two.\r\n", "Line one.\nLine two.\n"),
    ("doc.pdf", b"%PDF-1.4\n1 0 obj", BinaryInputError),
    ("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00", BinaryInputError),
    ("nul.txt", b"abc\x00def", BinaryInputError),
    ("empty.txt", b"", EmptyInputError),
    ("blank.txt", b"  \n\t\n", EmptyInputError),
    ("garbage.txt", bytes(range(128, 256)) * 3, EncodingError),
    ("scripts.html", b"<html><body><script>x()</script></body></html>", EmptyInputError),
]


@pytest.mark.parametrize("name, data, expected", CASES, ids=[c[0] for c in CASES])
def test_ingest_file(tmp_path, name, data, expected):
    """Each kind of file gives its article, or yields (not raises) its error."""
    path = tmp_path / name
    path.write_bytes(data)
    (item,) = iter_articles([str(path)])
    if isinstance(expected, str):
        assert isinstance(item, Article)
        assert item.text == expected
        assert item.id == path.stem and item.source == str(path)
        for hidden in ("SCRIPTTEXT", "STYLETEXT", "COMMENTTEXT", "IFRAMETEXT"):
            assert hidden not in item.text
    else:
        assert type(item) is expected and item.source == str(path)


def test_ingest_html_file_title(tmp_path):
    (tmp_path / "p.html").write_text(HTML)
    (item,) = iter_articles([str(tmp_path / "p.html")])
    assert item.title == "Raid"


def test_ingest_too_large_file(tmp_path):
    path = tmp_path / "big.txt"
    path.write_bytes(b"war " * 100)
    (item,) = iter_articles([str(path)], max_bytes=100)
    assert isinstance(item, InputTooLargeError)
    assert "400 bytes" in str(item) and "limit of 100 bytes" in str(item)


def test_ingest_folder_recursive_sorted_filtered(tmp_path):
    """Folders are read recursively in sorted order; other suffixes and hidden files skipped."""
    (tmp_path / "b").mkdir()
    (tmp_path / ".hidden").mkdir()
    (tmp_path / "b" / "c.txt").write_text("Third.")
    (tmp_path / "a.txt").write_text("First.")
    (tmp_path / "a2.html").write_text("<p>Second.</p>")
    (tmp_path / "notes.md").write_text("Skipped.")
    (tmp_path / "feed.jsonl").write_text('{"id": "f", "text": "Skipped."}\n')
    (tmp_path / ".x.txt").write_text("Skipped.")
    (tmp_path / ".hidden" / "y.txt").write_text("Skipped.")
    (tmp_path / "b" / "empty.txt").write_text("")
    items = list(iter_articles([str(tmp_path)]))
    assert [getattr(i, "text", type(i).__name__) for i in items] == [
        "First.", "Second.", "Third.", "EmptyInputError"]
    assert [i.source for i in items] == [
        str(tmp_path / "a.txt"), str(tmp_path / "a2.html"), str(tmp_path / "b" / "c.txt"),
        str(tmp_path / "b" / "empty.txt")]


def test_ingest_empty_folder_and_missing_path_are_yielded(tmp_path):
    items = list(iter_articles([str(tmp_path), str(tmp_path / "nope.txt")]))
    assert [type(i) for i in items] == [EmptyInputError, InputError]
    assert "no such file" in str(items[1])


def test_ingest_duplicate_stem_is_an_error(tmp_path):
    (tmp_path / "x.txt").write_text("One.")
    (tmp_path / "x.html").write_text("<p>Two.</p>")
    first, second = iter_articles([str(tmp_path)])
    assert isinstance(first, Article)
    assert isinstance(second, InputError) and "duplicate article id 'x'" in str(second)


@pytest.mark.parametrize(
    "data, text",
    [(b"Plain words from a pipe.\n", "Plain words from a pipe.\n"),
     (b"<!DOCTYPE html><html><body><p>Piped page.</p></body></html>", "Piped page."),
     (b"\xff\xfe" + "Piped “UTF-16”.".encode("utf-16-le"), "Piped “UTF-16”.")],
)
def test_ingest_stdin(data, text):
    (item,) = iter_articles(["-"], stdin=io.BytesIO(data), published=date(2021, 2, 26))
    assert (item.id, item.source, item.text, item.published) == (
        "stdin", "stdin", text, date(2021, 2, 26))


def test_ingest_stdin_too_large_names_size():
    (item,) = iter_articles(["-"], stdin=io.BytesIO(b"x" * 250), max_bytes=100)
    assert isinstance(item, InputTooLargeError) and "250 bytes" in str(item)


def test_ingest_published_default_only_when_input_has_none(tmp_path):
    (tmp_path / "a.txt").write_text("Plain.")
    (tmp_path / "b.html").write_text(
        '<html><head><meta name="date" content="2021-02-26"></head><body><p>Dated.</p></body></html>')
    a, b = iter_articles([str(tmp_path)], published=date(2020, 5, 1))
    assert a.published == date(2020, 5, 1)
    assert b.published == date(2021, 2, 26)


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_ingest_article_from_bytes_round_trips_utf8(text):
    """Any UTF-8 text comes back unchanged (modulo newlines, BOM) or raises an InputError."""
    try:
        article = article_from_bytes(text.encode("utf-8"), source="p", article_id="p",
                                     html=False)
    except InputError:
        assert not text.removeprefix("\ufeff").strip() or "\x00" in text
        return
    expected = text[1:] if text.startswith("\ufeff") else text
    assert article.text == expected.replace("\r\n", "\n").replace("\r", "\n")


@settings(max_examples=100, deadline=None)
@given(st.binary(max_size=300))
def test_ingest_article_from_bytes_never_raises_other_errors(data):
    """Arbitrary bytes, read as text or HTML, give an Article or an InputError."""
    for html in (None, True, False):
        try:
            assert isinstance(article_from_bytes(data, source="b", article_id="b", html=html),
                              Article)
        except InputError:
            pass


def test_ingest_stdin_holding_a_feed_is_read_line_by_line():
    """Standard input whose first line is a JSON object with an id is a feed; sources are stdin:LINE."""
    import io

    from graph.ingest import iter_articles

    data = b'{"id": "a1", "text": "Tanks moved in."}\n\n{"id": "a1", "text": "Again."}\n{"id": "a3"}\n'
    items = list(iter_articles(["-"], stdin=io.BytesIO(data)))
    assert items[0].id == "a1" and items[0].source == "stdin:1"
    assert "duplicate article id 'a1'" in str(items[1]) and type(items[1]).__name__ == "FeedError"
    assert str(items[2]).startswith("stdin:4: record 'a3' has neither")


def test_ingest_stdin_plain_text_starting_with_a_brace_is_one_article():
    """Text that is not a JSON object with an id stays one article, read whole."""
    import io

    from graph.ingest import iter_articles

    text = b"{Update} Rebels shelled the town.\nMore text follows here."
    [article] = list(iter_articles(["-"], stdin=io.BytesIO(text)))
    assert article.id == "stdin" and article.text == text.decode()


def test_ingest_count_articles_counts_files_and_feed_lines(tmp_path):
    """Folders count their article files, feeds their non-blank lines; stdin cannot be counted."""
    from graph.ingest import count_articles

    (tmp_path / "in").mkdir()
    for name in ("a.txt", "b.html", "notes.md", ".hidden.txt"):
        (tmp_path / "in" / name).write_text("x")
    feed = tmp_path / "f.jsonl"
    feed.write_text('{"id": 1}\n\n{"id": 2}\n{"id": 3}\n')
    assert count_articles([str(tmp_path / "in"), str(feed), "missing.txt"]) == 2 + 3 + 1
    assert count_articles([str(feed), "-"]) is None
