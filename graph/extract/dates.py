"""Find dates in a sentence and resolve them to calendar dates.

Absolute dates (``February 15``, ``15 February 2021``, ``Oct. 19``, ``2021-02-15``,
``October 1987``, ``in 1987``) and expressions relative to the publication date
(``Friday``, ``early Friday morning``, ``last Friday``, ``yesterday``, ``today``,
``last night``, ``this afternoon``, ``eight days ago``, ``last April``) become
:class:`DateMention` records.

Conventions (news usage):

* A bare weekday is the most recent such day on or before publication (``Friday`` in a
  Friday article is that Friday); ``last``/``this past`` + weekday is strictly before;
  ``next`` + weekday is strictly after.
* A month and day without a year take the publication year, or the year before when that
  would put the date more than 30 days after publication (``December 27`` in a January
  article).
* ``last April``: the most recent April strictly before the publication month.
* Vague spans are not emitted: ``last week``, ``this week``, ``earlier this month``,
  ``last month``, ``recent days``, ``the night before``, ``the following day``, durations
  (``24 hours``, ``three days``) and clock times (``2 a.m.``).
* ``relative`` is True when the publication date was needed to fix the date.

>>> from datetime import date
>>> resolve_date_text("early Friday morning", date(2021, 2, 26))
(datetime.date(2021, 2, 26), 'day')
>>> resolve_date_text("last Wednesday", date(2016, 10, 25))
(datetime.date(2016, 10, 19), 'day')
>>> resolve_date_text("24 hours", date(2021, 2, 26)) is None
True
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from spacy.tokens import Doc, Span

from graph.extract.docindex import entities_within, text_of

__all__ = ["DateMention", "find_dates", "resolve_date_text", "resolve_date"]

MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4,
    "apr": 4, "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
    "september": 9, "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11,
    "nov": 11, "december": 12, "dec": 12,
}
WEEKDAYS = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4,
    "saturday": 5, "sunday": 6,
}
SMALL_NUMBERS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "a": 1,
}
#: Days after publication that a month-day without year may still fall on.
FUTURE_SLACK_DAYS = 30

_MONTH = (
    r"(?P<{n}>january|february|march|april|may|june|july|august|september|october|"
    r"november|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)\.?"
)
_DAY = r"(?P<{n}>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<{n}>1[6-9]\d\d|20\d\d)"
_WEEKDAY = r"(?P<wd>monday|tuesday|wednesday|thursday|friday|saturday|sunday)(?:'s|’s)?"
_TOD = r"(?:\s+(?:morning|afternoon|evening|night|overnight))?"

_ISO = re.compile(r"(?<!\d)(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})(?!\d)")
_DMY = re.compile(
    r"(?<![\w.])" + _DAY.format(n="d") + r"\s+(?:of\s+)?" + _MONTH.format(n="m")
    + r"(?:,?\s+" + _YEAR.format(n="y") + r")?(?![\w])",
    re.IGNORECASE,
)
_MDY = re.compile(
    r"(?<![\w])" + _MONTH.format(n="m") + r"\s+" + _DAY.format(n="d")
    + r"(?![\d])(?!\s*(?:a\.?m\b|p\.?m\b|%|percent))(?:,?\s+" + _YEAR.format(n="y") + r")?(?![\w])",
    re.IGNORECASE,
)
_MY = re.compile(
    r"(?<![\w])" + _MONTH.format(n="m") + r",?\s+(?:of\s+)?" + _YEAR.format(n="y") + r"(?![\w])",
    re.IGNORECASE,
)
_REL_MONTH = re.compile(
    r"(?<![\w])(?P<mod>last|this past|this|in|since|early|late|mid-?|until|by)\s+"
    + _MONTH.format(n="m") + r"(?![\w])",
    re.IGNORECASE,
)
_BARE_MONTH = re.compile(r"^\s*" + _MONTH.format(n="m") + r"\s*$", re.IGNORECASE)
_YEAR_ONLY = re.compile(r"(?<![\w,.$£€-])" + _YEAR.format(n="y") + r"(?![\w%-]|,\d|\.\d)", re.IGNORECASE)
_YEAR_PREP = re.compile(
    r"(?<![\w])(?:in|since|from|until|by|of|during|early|late|mid-?|before|after)\s+"
    + _YEAR.format(n="y") + r"(?![\w%-]|,\d|\.\d)",
    re.IGNORECASE,
)
_WEEKDAY_RE = re.compile(
    r"(?<![\w])(?:(?P<mod>last|this past|past|next|this|on|early|late)\s+)?(?:(?:early|late)\s+)?"
    + _WEEKDAY + _TOD + r"(?![\w])",
    re.IGNORECASE,
)
_TODAY = re.compile(r"(?<![\w])(?:today|tonight|this\s+(?:morning|afternoon|evening))(?![\w])", re.IGNORECASE)
_YESTERDAY = re.compile(
    r"(?<![\w])(?P<before>the\s+day\s+before\s+)?yesterday(?:\s+(?:morning|afternoon|evening|night))?(?![\w])"
    r"|(?<![\w])last\s+night(?![\w])",
    re.IGNORECASE,
)
_TOMORROW = re.compile(r"(?<![\w])tomorrow(?![\w])", re.IGNORECASE)
_AGO = re.compile(
    r"(?<![\w])(?P<n>\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|"
    r"twelve|thirteen|fourteen|fifteen|a)\s+days?\s+ago(?![\w])",
    re.IGNORECASE,
)
# Patterns find_dates looks for in raw sentence text (in priority order).
_SCAN = (_ISO, _DMY, _MDY, _MY, _REL_MONTH, _WEEKDAY_RE, _YESTERDAY, _TODAY, _TOMORROW, _AGO, _YEAR_PREP)
# What each pattern cannot match without (a digit, a month's first letters, a word of days): a
# sentence lacking one is not scanned for it (most sentences have no date).
_NEEDS = {_ISO: ("digit",), _DMY: ("digit", "month"), _MDY: ("digit", "month"), _MY: ("digit", "month"),
          _REL_MONTH: ("month",), _WEEKDAY_RE: ("day",), _YESTERDAY: ("day",), _TODAY: ("day",),
          _TOMORROW: ("day",), _AGO: ("day",), _YEAR_PREP: ("digit",)}
_DIGIT = re.compile(r"\d")
_CUE_WORDS = {"month": ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"),
              "day": ("day", "night", "this", "tomorrow", "ago")}
_CUE_PATTERNS = {k: re.compile("|".join(words), re.IGNORECASE) for k, words in _CUE_WORDS.items()}
#: letters that re.IGNORECASE equates with ASCII ones and ``str.lower`` does not turn into them
_FOLDS = ("\u0130", "\u0131", "\u017f")


def _cues(text: str) -> set[str]:
    """The cues of :data:`_NEEDS` in ``text``, found as the case-insensitive patterns would find them.

    >>> sorted(_cues("On 3 March")), sorted(_cues("Rebels shelled the town."))
    (['digit', 'month'], [])
    """
    found = {"digit"} if _DIGIT.search(text) else set()
    if any(f in text for f in _FOLDS):
        return found | {k for k, pattern in _CUE_PATTERNS.items() if pattern.search(text)}
    low = text.lower()
    return found | {k for k, words in _CUE_WORDS.items() if any(w in low for w in words)}


@dataclass(frozen=True, slots=True)
class DateMention:
    """A date in the text, by doc-level character offsets.

    ``precision`` is ``"day"``, ``"month"`` (``date`` is the 1st) or ``"year"`` (January 1);
    ``head_i`` is the doc index of the word the date modifies (the verb of ``on Friday``,
    the noun of ``Monday's attack``); ``relative`` is True when ``published`` fixed it.

    >>> DateMention(date(2021, 2, 26), 0, 6, "Friday", 0, "day", True).precision
    'day'
    """

    date: date
    start_char: int
    end_char: int
    text: str
    head_i: int
    precision: str
    relative: bool


def _safe_date(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def _infer_year(month: int, day: int, published: date | None) -> date | None:
    if published is None:
        return None
    cand = _safe_date(published.year, month, day)
    if cand is None:
        cand = _safe_date(published.year - 1, month, day)  # Feb 29
        return cand
    if cand > published + timedelta(days=FUTURE_SLACK_DAYS):
        cand = _safe_date(published.year - 1, month, day)
    return cand


def _weekday(wd: int, mod: str, published: date) -> date:
    back = (published.weekday() - wd) % 7
    if mod in {"last", "this past", "past"} and back == 0:
        back = 7
    if mod == "next":
        ahead = (wd - published.weekday()) % 7 or 7
        return published + timedelta(days=ahead)
    return published - timedelta(days=back)


def resolve_date(text: str, published: date | None) -> tuple[date, str, bool, tuple[int, int]] | None:
    """Resolve the first date expression found in ``text``, with where it was found.

    Args:
        text: any text; only the first recognised date expression is used.
        published: the publication date, for relative expressions and missing years.

    Returns:
        ``(date, precision, relative, (start, end))`` with character offsets into
        ``text``, or None when nothing in ``text`` is a fixed date.

    >>> resolve_date("the February 15 assault", date(2021, 2, 26))
    (datetime.date(2021, 2, 15), 'day', True, (4, 15))
    """
    if not text or not text.strip():
        return None
    m = _ISO.search(text)
    if m:
        d = _safe_date(int(m["y"]), int(m["m"]), int(m["d"]))
        if d:
            return d, "day", False, m.span()
    for pat in (_DMY, _MDY):
        m = pat.search(text)
        if m:
            month, day = MONTHS[m["m"].lower().rstrip(".")], int(m["d"])
            if m["y"]:
                d = _safe_date(int(m["y"]), month, day)
                rel = False
            else:
                d = _infer_year(month, day, published)
                rel = True
            if d:
                return d, "day", rel, m.span()
    m = _MY.search(text)
    if m:
        return date(int(m["y"]), MONTHS[m["m"].lower().rstrip(".")], 1), "month", False, m.span()
    m = _REL_MONTH.search(text)
    if m and published is not None and not (m["m"].lower() == "may" and m["mod"].lower() in {"by", "this"}):
        month = MONTHS[m["m"].lower().rstrip(".")]
        strict = m["mod"].lower() in {"last", "this past"}
        year = published.year
        if month > published.month or (strict and month == published.month):
            year -= 1
        return date(year, month, 1), "month", True, m.span()
    m = _BARE_MONTH.match(text)
    if m and published is not None and m["m"].lower() != "may":
        month = MONTHS[m["m"].lower().rstrip(".")]
        year = published.year - (1 if month > published.month else 0)
        return date(year, month, 1), "month", True, (m.start("m"), m.end())
    if published is not None:
        m = _WEEKDAY_RE.search(text)
        if m:
            mod = (m["mod"] or "").lower()
            mod = " ".join(mod.split())
            start = m.start("wd") if mod == "on" else m.start()
            return _weekday(WEEKDAYS[m["wd"].lower()], mod, published), "day", True, (start, m.end())
        m = _YESTERDAY.search(text)
        if m:
            return published - timedelta(days=2 if m["before"] else 1), "day", True, m.span()
        m = _TODAY.search(text)
        if m:
            return published, "day", True, m.span()
        m = _TOMORROW.search(text)
        if m:
            return published + timedelta(days=1), "day", True, m.span()
        m = _AGO.search(text)
        if m:
            n = m["n"].lower()
            days = int(n) if n.isdigit() else SMALL_NUMBERS[n]
            return published - timedelta(days=days), "day", True, m.span()
    m = _YEAR_PREP.search(text) or _YEAR_ONLY.search(text)
    if m:
        return date(int(m["y"]), 1, 1), "year", False, (m.start("y"), m.end("y"))
    return None


def resolve_date_text(text: str, published: date | None) -> tuple[date, str] | None:
    """Resolve a date expression to ``(date, precision)``.

    Args:
        text: a date expression, e.g. ``"on Wednesday"``, ``"19 October 1987"``,
            ``"yesterday"``; surrounding words are ignored.
        published: the publication date (None: only absolute dates with a year resolve).

    Returns:
        ``(date, "day" | "month" | "year")``, or None for no fixed date (durations,
        clock times, ``last week``, empty text).

    >>> from datetime import date
    >>> resolve_date_text("19 October 1987", None)
    (datetime.date(1987, 10, 19), 'day')
    >>> resolve_date_text("Thursday night", date(2021, 2, 26))
    (datetime.date(2021, 2, 25), 'day')
    >>> resolve_date_text("around 2 a.m.", date(2021, 2, 26)) is None
    True
    """
    found = resolve_date(text, published)
    return None if found is None else (found[0], found[1])


def _head_of(span: Span) -> int:
    """Doc index of the word a date phrase modifies."""
    root = span.root
    head = root.head
    if head.i == root.i:
        return root.i
    if root.dep_ == "pobj" and head.dep_ == "prep" and head.head.i != head.i:
        return head.head.i
    return head.i


def find_dates(sent: Span | Doc, published: date | None) -> list[DateMention]:
    """Date mentions in a sentence (or Doc), resolved against ``published``.

    Candidates are the spans matched by this module's patterns, then spaCy ``DATE``
    entities none of them overlaps (bare years such as ``2011``).

    Args:
        sent: a sentence span (``doc.sents`` item) or a Doc; offsets are Doc-level.
        published: the publication date, or None (relative dates are then skipped).

    Returns:
        :class:`DateMention` records, left to right, not overlapping.

    >>> import spacy
    >>> from datetime import date
    >>> doc = spacy.blank("en")("Rebels shelled the town on Friday, 2 a.m., after the March 3 raid.")
    >>> [(d.text, d.date.isoformat()) for d in find_dates(doc, date(2021, 3, 10))]
    [('Friday', '2021-03-05'), ('March 3', '2021-03-03')]
    """
    doc = sent.doc if isinstance(sent, Span) else sent
    base = sent.start_char if isinstance(sent, Span) else 0
    text = text_of(sent) if isinstance(sent, Span) else sent.text
    taken: list[tuple[int, int]] = []
    found: list[DateMention] = []

    def add(start: int, end: int) -> None:
        if any(start < e and s < end for s, e in taken):
            return
        res = resolve_date(text[start:end], published)
        if res is None:
            return
        d, precision, relative, (s, e) = res
        s, e = start + s, start + e
        span = doc.char_span(base + s, base + e, alignment_mode="expand")
        if span is None or len(span) == 0:
            return
        taken.append((start, end))
        found.append(DateMention(d, base + s, base + e, text[s:e], _head_of(span), precision, relative))

    cues = _cues(text)
    for pat in _SCAN:
        if not cues.issuperset(_NEEDS.get(pat, ())):
            continue
        for m in pat.finditer(text):
            add(*m.span())
    for ent in entities_within(doc, base, base + len(text)):
        if ent.label_ == "DATE":
            add(ent.start_char - base, ent.end_char - base)
    found.sort(key=lambda x: x.start_char)
    return found
