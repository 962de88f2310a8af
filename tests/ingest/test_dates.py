"""Publication dates in feeds."""
from datetime import date

import pytest

from graph.errors import FeedError
from graph.ingest.dates import parse_date


@pytest.mark.parametrize(
    "value",
    ["2021-02-26", "2021-02-26T10:00:00Z", "2021-02-26T23:30:00-05:00", "Feb 26, 2021",
     "26 February 2021", " 2021-02-26 "],
)
def test_dates_parse_date_reads_common_forms(value):
    assert parse_date(value, source="f.jsonl:1") == date(2021, 2, 26)


@pytest.mark.parametrize("value", ["soon", "yesterday", "2021-13-45", "", "March 2021", 20210226])
def test_dates_parse_date_refuses(value):
    with pytest.raises(FeedError, match="f.jsonl:2: "):
        parse_date(value, source="f.jsonl:2")
