"""Write a query's answer as an aligned text table, CSV or JSON.

Cells are plain text: an IRI as itself, a literal as its lexical form, unbound as empty
(``null`` in JSON, where numbers and booleans stay numbers and booleans). ``ASK`` answers
are ``true``/``false``; ``CONSTRUCT`` graphs are Turtle (table), N-Triples (CSV) or JSON-LD.

>>> from rdflib import Literal, URIRef
>>> r = QueryResult("SELECT", ["who", "n"], [(Literal("Iran"), Literal(2)), (URIRef("http://e/x"), None)])
>>> print(format_result(r, "table"))
who         n
----------  -
Iran        2
http://e/x
>>> print(format_result(r, "csv"), end="")
who,n
Iran,2
http://e/x,
"""
from __future__ import annotations

import csv
import io
import json

from rdflib import Literal

from graph.store.backend import QueryResult

__all__ = ["OUTPUT_FORMATS", "format_result", "cell_text"]

OUTPUT_FORMATS = ("table", "csv", "json")

#: widest column of a text table; longer cells are cut with an ellipsis
MAX_WIDTH = 60


def cell_text(term) -> str:
    """A cell as text: '' for unbound, the IRI, or the literal's lexical form (newlines as spaces).

    >>> cell_text(None), cell_text(Literal("a\\nb"))
    ('', 'a b')
    """
    if term is None:
        return ""
    return " ".join(str(term).split()) if isinstance(term, Literal) else str(term)


def _cut(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def format_result(result: QueryResult, fmt: str = "table", *, max_width: int = MAX_WIDTH) -> str:
    """The answer as text in ``fmt`` (one of :data:`OUTPUT_FORMATS`).

    Args:
        result: the answer of :func:`graph.store.queries.run_query`.
        fmt: ``table``, ``csv`` or ``json``.
        max_width: widest table column.

    Returns:
        The text (a table ends without a newline; CSV rows end with one).
    """
    if result.kind == "ASK":
        return json.dumps({"boolean": result.boolean}) if fmt == "json" else str(result.boolean).lower()
    if result.kind != "SELECT":
        rdf = {"table": "turtle", "csv": "nt", "json": "json-ld"}[fmt]
        return result.graph.serialize(format=rdf)
    if fmt == "json":
        return json.dumps(result.records(), ensure_ascii=False, indent=1, default=str)
    if fmt == "csv":
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(result.vars)
        for row in result.rows:
            writer.writerow(["" if c is None else str(c) for c in row])
        return out.getvalue()
    cells = [[_cut(cell_text(c), max_width) for c in row] for row in result.rows]
    widths = [max([len(v)] + [len(r[i]) for r in cells]) for i, v in enumerate(result.vars)]
    lines = ["  ".join(v.ljust(w) for v, w in zip(result.vars, widths)).rstrip(),
             "  ".join("-" * w for w in widths)]
    lines += ["  ".join(c.ljust(w) for c, w in zip(row, widths)).rstrip() for row in cells]
    return "\n".join(lines)
