"""Write a dataset or graph to a file, atomically, in one of five RDF formats.

Turtle, N-Triples and JSON-LD... see :data:`FORMATS`. Turtle and N-Triples have no graph
names, so they get the union of the named graphs; N-Quads and TriG keep the graph names;
JSON-LD keeps them too (one ``@graph`` object per named graph).

>>> import tempfile, pathlib
>>> from rdflib import Dataset, URIRef, Literal
>>> ds = Dataset()
>>> _ = ds.graph(URIRef("http://example.org/g")).add(
...     (URIRef("http://example.org/s"), URIRef("http://example.org/p"), Literal("o")))
>>> with tempfile.TemporaryDirectory() as d:
...     path = write_graph(ds, pathlib.Path(d) / "out.nq", "nquads")
...     path.read_text().strip()
'<http://example.org/s> <http://example.org/p> "o" <http://example.org/g> .'
"""
from __future__ import annotations

import os

from pathlib import Path

from rdflib import Dataset, Graph

from graph.errors import OutputError
from graph.fileio import atomic_write_bytes
from graph.rdf.mapping import bind_prefixes

__all__ = ["FORMATS", "QUAD_FORMATS", "write_graph", "union_graph"]

FORMATS: dict[str, str] = {
    "turtle": ".ttl",
    "json-ld": ".jsonld",
    "nt": ".nt",
    "nquads": ".nq",
    "trig": ".trig",
}
"""Format name (as rdflib and the CLI spell it) -> file suffix."""

QUAD_FORMATS = frozenset({"json-ld", "nquads", "trig"})
"""Formats that keep graph names."""


def union_graph(graph: Graph | Dataset) -> Graph:
    """The union of every graph of a dataset (or a copy of a plain graph) as one graph.

    Args:
        graph: a graph or a dataset.

    Returns:
        A new graph with the project's prefixes bound.

    >>> from rdflib import URIRef, Literal
    >>> ds = Dataset()
    >>> _ = ds.graph(URIRef("http://x/g1")).add((URIRef("http://x/s"), URIRef("http://x/p"), Literal(1)))
    >>> _ = ds.graph(URIRef("http://x/g2")).add((URIRef("http://x/s"), URIRef("http://x/p"), Literal(2)))
    >>> len(union_graph(ds))
    2
    """
    out = bind_prefixes(Graph())
    if isinstance(graph, Dataset):
        for s, p, o, _ in graph.quads((None, None, None, None)):
            out.add((s, p, o))
    else:
        for triple in graph:
            out.add(triple)
    return out


def _as_dataset(graph: Graph | Dataset) -> Dataset:
    if isinstance(graph, Dataset):
        return graph
    ds = bind_prefixes(Dataset())
    named = ds.graph(graph.identifier)
    for triple in graph:
        named.add(triple)
    return ds


def write_graph(graph: Graph | Dataset, path: str | os.PathLike, fmt: str = "turtle") -> Path:
    """Serialise ``graph`` to ``path`` in ``fmt``, atomically.

    The text goes to a temporary file in the same folder, which then replaces ``path``
    (``os.replace``): a reader never sees a half-written file, and a failure leaves any
    older file in place.

    Args:
        graph: a dataset (one named graph per article) or a single graph.
        path: the output file; its folder must exist.
        fmt: one of :data:`FORMATS`.

    Returns:
        The path written.

    Raises:
        OutputError: an unknown format, or the file cannot be written.
    """
    if fmt not in FORMATS:
        raise OutputError(f"{fmt!r}: unknown RDF format; choose one of {', '.join(FORMATS)}")
    path = Path(path)
    if fmt in QUAD_FORMATS:
        data = _as_dataset(graph).serialize(format=fmt, encoding="utf-8")
    else:
        data = union_graph(graph).serialize(format=fmt, encoding="utf-8")
    return atomic_write_bytes(path, data)
