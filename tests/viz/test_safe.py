"""Escaping data and code for the page."""
from __future__ import annotations

import json

import pytest

from graph.viz.safe import inline_code, script_json


def test_safe_script_json_round_trips_hostile_strings():
    hostile = ["</script>", "<!--", "&amp;", "\u2028\u2029", "\u202e", "\ud800", "${x}", "\\\"'"]
    text = script_json({"s": hostile})
    assert text.isascii() and not set("<>&") & set(text)
    assert json.loads(text) == {"s": hostile}


def test_safe_script_json_refuses_nan():
    with pytest.raises(ValueError):
        script_json([float("nan")])


def test_safe_inline_code_breaks_closing_tags():
    assert inline_code("a</SCRIPT>b<!--c", "script") == "a<\\/SCRIPT>b<\\!--c"
    assert inline_code("x</style>", "style") == "x<\\/style>"
    assert inline_code("x</style>", "script") == "x</style>"
