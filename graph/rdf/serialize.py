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

__all__ = ["FORMATS", "QUAD_FORMATS", "write_graph", "write_triples", "union_graph"]

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


def _quads_text(graph: Graph | Dataset) -> str:
    """The N-Quads of every named graph of ``graph`` (a plain graph: its identifier names it)."""
    from graph.rdf.nquads import nquads

    if isinstance(graph, Dataset):
        return "".join(nquads(g.triples((None, None, None)), g.identifier)
                       for g in graph.contexts() if len(g))
    return nquads(graph.triples((None, None, None)), graph.identifier)


def write_graph(graph: Graph | Dataset, path: str | os.PathLike, fmt: str = "turtle") -> Path:
    """Serialise ``graph`` to ``path`` in ``fmt``, atomically.

    The terms are formatted as N-Quads (:mod:`graph.rdf.nquads`) and Oxigraph writes the format
    (with the project's prefixes for Turtle and TriG): ten times faster than rdflib's own
    serialisers, and the same writer as the batch's graph file. The text goes to a temporary
    file in the same folder, which then replaces ``path`` (``os.replace``): a reader never sees
    a half-written file, and a failure leaves any older file in place.

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
    return write_nquads_text(_quads_text(graph), path, fmt)


def write_triples(triples, name, path: str | os.PathLike, fmt: str = "turtle") -> Path:
    """Write ``triples`` (rdflib terms), in the named graph ``name``, to ``path`` in ``fmt``, atomically.

    As :func:`write_graph`, without building an rdflib graph first.

    >>> import tempfile, pathlib
    >>> from rdflib import URIRef, Literal
    >>> t = [(URIRef("http://example.org/s"), URIRef("http://example.org/p"), Literal("o"))]
    >>> with tempfile.TemporaryDirectory() as d:
    ...     write_triples(t, URIRef("http://example.org/g"), pathlib.Path(d) / "o.nt", "nt").read_text().strip()
    '<http://example.org/s> <http://example.org/p> "o" .'
    """
    from graph.rdf.nquads import nquads

    if fmt not in FORMATS:
        raise OutputError(f"{fmt!r}: unknown RDF format; choose one of {', '.join(FORMATS)}")
    return write_nquads_text(nquads(dict.fromkeys(triples), name), path, fmt)


def write_nquads_text(text: str, path: str | os.PathLike, fmt: str) -> Path:
    """Write N-Quads ``text`` to ``path`` in ``fmt`` (Oxigraph's writers), atomically."""
    import pyoxigraph as ox

    from graph.vocab.namespaces import PREFIXES

    path = Path(path)
    if fmt == "nquads":
        return atomic_write_bytes(path, text.encode("utf-8"))
    quads = ox.parse(text, format=ox.RdfFormat.N_QUADS)
    if fmt not in QUAD_FORMATS:  # the union: each triple once, whichever graphs hold it
        quads = dict.fromkeys(ox.Triple(q.subject, q.predicate, q.object) for q in quads)
    oxformat = {"turtle": ox.RdfFormat.TURTLE, "nt": ox.RdfFormat.N_TRIPLES, "trig": ox.RdfFormat.TRIG,
                "json-ld": ox.RdfFormat.JSON_LD}[fmt]
    prefixes = {prefix: str(ns) for prefix, ns in PREFIXES.items()} if fmt in ("turtle", "trig") else None
    data = ox.serialize(quads, format=oxformat, prefixes=prefixes) if prefixes else \
        ox.serialize(quads, format=oxformat)
    return atomic_write_bytes(path, data)
