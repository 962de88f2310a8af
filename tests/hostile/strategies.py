"""Hypothesis strategies for hostile names and texts, shared by the hostile-input tests."""
from __future__ import annotations

from hypothesis import strategies as st

#: Pieces that break naive serialisers: markup, quotes, escapes, line and paragraph
#: separators, terminal escapes, bidi controls, zero-width characters, IRI delimiters.
FRAGMENTS = [
    "<", ">", "&", '"', "'", "\\", "\n", "\r\n", "\t", "\x0b", "\x0c", "\x1b[31m", "\x7f", "\x85",
    "\u2028", "\u2029", "\u202e", "\u2066", "\u200b", "\ufeff", "</script>", "<!--", "-->", "]]>",
    "<script>alert(1)</script>", "&amp;", "&#x3c;", "\\u0041", "\\n", '"""', "'''", "@id", "{{x}}",
    "${x}", "?x", "#", "%20", "javascript:", "} ; DROP", "\U0001F4A3", "كتائب", "Росгвардия", "é", "e\u0301",
]

#: Any Unicode scalar value but lone surrogates (which ingest refuses: no UTF-8 output holds them).
UNICODE = st.characters(exclude_categories=("Cs",))

#: Names: random Unicode, hostile fragments, or both mixed.
names = st.one_of(
    st.text(UNICODE, min_size=1, max_size=30),
    st.lists(st.sampled_from(FRAGMENTS) | st.text(UNICODE, max_size=5), min_size=1, max_size=6).map("".join),
).filter(lambda s: s.strip())

#: Article-like texts: names and words joined by spaces and line breaks.
texts = st.lists(names | st.sampled_from(["Rebels", "attacked", "the", "base", "."]),
                 min_size=1, max_size=20).map(" ".join)
