"""A short, bounded fuzz run of the ingest and extract entry points.

Random bytes, random bytes behind a byte-order mark or inside HTML, random JSON Lines and
random texts: the only exceptions allowed out are :class:`~graph.errors.InputError` (a bad
article) and :class:`~graph.errors.GraphError`; every article that comes out is clean text
and every offset extracted from it indexes it.

The run is bounded by example counts (about 20 s in all on a laptop); set
``FUZZ_EXAMPLES=10`` (a multiplier) for a longer local run.
"""
from __future__ import annotations

import io
import json
import os
import re

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from graph.errors import GraphError, InputError
from graph.ingest import article_from_bytes, check_language, check_length
from graph.ingest.feed import iter_feed_lines
from graph.records import Article
from tests.hostile.strategies import UNICODE, names, texts

SCALE = max(1, int(os.environ.get("FUZZ_EXAMPLES", "1")))
_SURROGATE = re.compile("[\ud800-\udfff]")


def fuzz(n: int):
    return settings(max_examples=n * SCALE, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                           HealthCheck.function_scoped_fixture])


BOMS = [b"", b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff", b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff"]
SIGNATURES = [b"%PDF-1.", b"\x89PNG\r\n\x1a\n", b"PK\x03\x04", b"\x1f\x8b", b"GIF89a"]
ENCODINGS = ["utf-8", "utf-16", "utf-16-le", "cp1252", "latin-1", "koi8-r", "shift_jis", "utf-32"]

raw_bytes = st.one_of(
    st.binary(max_size=600),
    st.builds(lambda bom, data: bom + data, st.sampled_from(BOMS + SIGNATURES), st.binary(max_size=300)),
    st.builds(lambda text, enc: text.encode(enc, "replace"), texts, st.sampled_from(ENCODINGS)),
    st.builds(lambda body: f"<html><body><p>{body}</p><script>{body}</script></body></html>".encode(
        "utf-8", "surrogatepass"), st.text(max_size=200)),
    st.builds(lambda text: ("<p>" * 50 + text + "</div>" * 50).encode("utf-8"), texts),
)


def _check_article(article: Article) -> None:
    assert isinstance(article.text, str) and article.text.strip()
    assert "\x00" not in article.text and not _SURROGATE.search(article.text)
    assert "\r" not in article.text
    article.text.encode("utf-8")  # every output file is UTF-8


@fuzz(400)
@given(raw_bytes, st.sampled_from([None, True, False]))
def test_fuzz_article_from_bytes_gives_an_article_or_an_input_error(data, html):
    """Random bytes as a file, stdin or an HTML page: an article with clean text, or an InputError."""
    try:
        article = article_from_bytes(data, source="fuzz", article_id="fuzz", html=html, max_bytes=2000)
    except InputError as err:
        assert err.source == "fuzz" and err.problem and "\n" not in err.problem
        return
    _check_article(check_length(article, 10_000))
    try:
        check_language(article)
    except InputError:
        pass


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3),
    max_leaves=8,
)
records = st.fixed_dictionaries(
    {},
    optional={"id": json_values | names, "text": json_values | texts, "html": json_values | texts,
              "published": json_values | st.dates().map(str), "title": json_values | names,
              "url": json_values | names, "outlet": json_values | names},
)
feed_lines = st.lists(
    st.one_of(
        records.map(lambda r: json.dumps(r, allow_nan=True).encode()),
        records.map(lambda r: json.dumps(r).encode("utf-16")),  # not UTF-8
        st.text(max_size=40).map(lambda t: t.encode("utf-8", "surrogatepass")),
        st.binary(max_size=40),
        st.just(b'{"id": "s", "text": "bad \\ud800 surrogate"}'),
    ).map(lambda line: line.replace(b"\n", b" ") + b"\n"),
    max_size=6,
)


@fuzz(200)
@given(feed_lines)
def test_fuzz_feed_yields_articles_or_errors_and_never_dies(lines):
    """Random JSON Lines: every non-blank line gives an article or an InputError, in order."""
    items = list(iter_feed_lines(io.BytesIO(b"".join(lines)), "fuzz.jsonl", max_bytes=2000))
    # a byte-order mark opening the feed is not content: a first line of only a BOM is blank
    content = [line[3:] if i == 0 and line.startswith(b"\xef\xbb\xbf") else line for i, line in enumerate(lines)]
    assert len(items) == sum(1 for line in content if line.strip())
    for item in items:
        assert isinstance(item, (Article, InputError))
        if isinstance(item, Article):
            _check_article(item)
            for value in (item.id, item.title, item.url, item.outlet):
                assert value is None or not _SURROGATE.search(value)


@pytest.fixture(scope="module")
def nlp():
    from graph.nlp import pipeline

    return pipeline()


@pytest.mark.slow
@fuzz(60)
@given(st.one_of(texts, st.text(UNICODE, min_size=1, max_size=300)))
@example(text="0 0 00000000(0 &")  # found by this test: an organisation whose bracket sits inside a token
def test_fuzz_extract_keeps_offsets_and_serialises(nlp, text):
    """Random texts through parsing, every extractor, the RDF mapping and JSON Lines: no crash,
    and every mention's offsets index the article text."""
    from graph.export.jsonl import actor_rows, dumps_line, event_rows
    from graph.extract.pipeline import extract_doc, run_info
    from graph.nlp import parse_stream
    from graph.rdf import to_dataset

    if not text.strip():
        return
    article = Article("fuzz", text)
    ((doc, _),) = list(parse_stream(nlp, [(text, article)], size=64))  # small chunks: the chunked path
    assert doc.text == text
    x = extract_doc(doc, article, run_info(nlp))
    mentions = [m for a in x.actors for m in a.mentions] + [m for p in x.places for m in p.mentions]
    mentions += [m for e in x.events for m in (e.trigger, *e.mentions)]
    for m in mentions:
        assert text[m.start:m.end] == m.text
    for s in x.sentences:
        assert text[s.start:s.end] == s.text
    to_dataset([x]).serialize(format="nquads", encoding="utf-8")
    for row in [*event_rows(x), *actor_rows(x)]:
        json.loads(dumps_line(row))


@pytest.mark.slow
@fuzz(15)
@given(raw_bytes)
def test_fuzz_cli_exits_cleanly(tmp_path_factory, capsys, data):
    """The real command on a random file: exit 0 or 2, never a traceback, one line on error."""
    from graph.cli import main

    folder = tmp_path_factory.mktemp("fuzz")
    path = folder / "input.txt"
    path.write_bytes(data)
    rc = main(["extract", str(path), "-o", str(folder / "out"), "-q", "--no-html"])
    err = capsys.readouterr().err
    assert rc in (0, 2), err
    assert "Traceback" not in err
    if rc == 2:
        assert err.count("\n") == 1 and err.startswith("error: ") and not (folder / "out").exists()
