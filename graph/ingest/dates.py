"""Publication dates from feeds and page metadata, as :class:`datetime.date`.

ISO 8601 is read with :meth:`datetime.fromisoformat`; anything else with dateparser,
limited to absolute dates that name day, month and year (so ``"yesterday"`` or
``"March 2021"`` are refused rather than resolved against today's date). A date-time
keeps the calendar date as written, whatever its time zone.

>>> parse_date("Feb 26, 2021", source="f.jsonl:1")
datetime.date(2021, 2, 26)
"""
from __future__ import annotations

from datetime import date, datetime

from graph.errors import FeedError

__all__ = ["parse_date", "DATE_EXAMPLES"]

#: Shown in error messages as the accepted forms.
DATE_EXAMPLES = "2021-02-26, 2021-02-26T10:00:00Z or Feb 26, 2021"

_DATEPARSER_SETTINGS = {
    "PARSERS": ["custom-formats", "absolute-time"],
    "STRICT_PARSING": True,
    "PREFER_DATES_FROM": "past",
}


def parse_date(value: str, *, source: str) -> date:
    """Read a publication date.

    Args:
        value: e.g. ``"2021-02-26"``, ``"2021-02-26T10:00:00Z"`` or ``"Feb 26, 2021"``.
        source: names the record in the error message.

    Returns:
        The calendar date.

    Raises:
        FeedError: the value is not a string or not a full date.

    >>> parse_date("2021-02-26T23:30:00-05:00", source="f.jsonl:3")
    datetime.date(2021, 2, 26)
    >>> parse_date("soon", source="f.jsonl:4")
    Traceback (most recent call last):
    ...
    graph.errors.FeedError: f.jsonl:4: unparseable date 'soon' in 'published' (expected e.g. 2021-02-26, 2021-02-26T10:00:00Z or Feb 26, 2021)
    """
    if not isinstance(value, str):
        raise FeedError(source, f"'published' must be a string, not {type(value).__name__} "
                        f"{value!r} (expected e.g. {DATE_EXAMPLES})")
    text = value.strip()
    for parse in (date.fromisoformat, datetime.fromisoformat):
        try:
            parsed = parse(text)
        except ValueError:
            continue
        return parsed.date() if isinstance(parsed, datetime) else parsed
    parsed = _dateparser(text)
    if parsed is None:
        raise FeedError(source, f"unparseable date {value!r} in 'published' "
                        f"(expected e.g. {DATE_EXAMPLES})")
    return parsed


def _dateparser(text: str) -> date | None:
    if not text or not any(ch.isdigit() for ch in text):
        return None
    import dateparser  # slow to import; only needed for non-ISO dates

    try:
        parsed = dateparser.parse(text, settings=_DATEPARSER_SETTINGS)
    except (ValueError, TypeError, OverflowError):
        return None
    return parsed.date() if parsed is not None else None
