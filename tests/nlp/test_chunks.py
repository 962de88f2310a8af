"""Long texts are parsed in paragraph chunks, with offsets into the whole text."""
import pytest
import spacy
from hypothesis import given, settings
from hypothesis import strategies as st

import graph.nlp.components  # noqa: F401  (registers paragraph_breaks)
from graph.nlp import MAX_CHARS, parse, parse_stream, parse_text, split_chunks
from graph.records import Article

PARAGRAPH = "Rebels shelled the town of Xville on Monday, killing three soldiers. The army said it would respond."


@pytest.fixture(scope="module")
def blank():
    nlp = spacy.blank("en")
    nlp.add_pipe("paragraph_breaks")
    nlp.add_pipe("sentencizer")
    return nlp


def test_chunks_split_at_blank_lines_first():
    """A blank line is preferred to a line break, a line break to a sentence end, that to a space."""
    text = "aaaa bbbb. cccc\ndddd\n\neeee"
    assert split_chunks(text, size=24) == ["aaaa bbbb. cccc\ndddd\n\n", "eeee"]
    assert split_chunks("aaaa bbbb. cccc\ndddd eeee", size=20) == ["aaaa bbbb. cccc\n", "dddd eeee"]
    assert split_chunks("aaaa bbbb. cccc dddd", size=15) == ["aaaa bbbb. ", "cccc dddd"]
    assert split_chunks("x" * 7, size=3) == ["xxx", "xxx", "x"]


def test_chunks_refuse_a_size_below_one():
    """A chunk size of zero would never end."""
    with pytest.raises(ValueError, match="at least 1"):
        split_chunks("abc", size=0)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from("ab .\n\t\u00a0\u2028é"), max_size=400), st.integers(1, 60))
def test_chunks_join_back_to_the_text_and_respect_the_size(text, size):
    """Whatever the text and size, the chunks join to the text and none is too long or empty."""
    chunks = split_chunks(text, size)
    assert "".join(chunks) == text
    assert all(0 < len(c) <= size for c in chunks)


def test_chunked_parse_keeps_every_offset(blank):
    """Parsed in chunks, the Doc has the whole text and every token its offset in it."""
    text = "Headline\n\n" + "\n\n".join(PARAGRAPH * (i % 3 + 1) for i in range(30)) + "\n\n\n tail"
    whole = blank(text)
    doc = parse_text(blank, text, size=500)
    assert doc.text == text
    assert [(t.idx, t.text) for t in doc] == [(t.idx, t.text) for t in whole]
    assert [(s.start_char, s.end_char) for s in doc.sents] == [(s.start_char, s.end_char) for s in whole.sents]
    for sent in doc.sents:
        assert text[sent.start_char:sent.end_char] == sent.text


def test_chunked_parse_passes_spacy_max_length(blank):
    """A text longer than spaCy's max_length is parsed, not refused (parse() chunks it)."""
    blank.max_length = 10_000
    try:
        text = "\n\n".join([PARAGRAPH] * 200)  # about 20,000 characters
        assert len(text) > blank.max_length
        doc = parse(Article("big", text), blank)
        assert doc.text == text
        assert [t.idx for t in doc] == [t.idx for t in blank.tokenizer(text)]
    finally:
        blank.max_length = MAX_CHARS


def test_parse_stream_keeps_order_and_context(blank):
    """Short and long texts mixed come back in order, each with its own context and text."""
    texts = ["Short one.", "\n\n".join([PARAGRAPH] * 40), "Another short.", "x" * 1500]
    out = list(parse_stream(blank, ((t, i) for i, t in enumerate(texts)), batch_size=2, size=400))
    assert [c for _, c in out] == [0, 1, 2, 3]
    assert [d.text for d, _ in out] == texts
