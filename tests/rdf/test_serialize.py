"""Tests of graph.rdf.serialize: formats, graph names, atomic writes, hostile text."""
from __future__ import annotations

import os

import pytest
from rdflib import Dataset, Graph, URIRef
from rdflib.compare import isomorphic

from graph.errors import OutputError
from graph.rdf.mapping import extraction_to_graph, to_dataset
from graph.rdf.serialize import FORMATS, union_graph, write_graph
from graph.vocab.namespaces import RDFS, SKOS
from tests.rdf.sample import HOSTILE, hostile, sample


def _read_back(path, fmt):
    if fmt in ("nquads", "trig", "json-ld"):
        ds = Dataset()
        ds.parse(path, format=fmt)
        return ds
    return Graph().parse(path, format=fmt)


def test_serialize_formats_map_to_suffixes():
    """The five formats and their suffixes."""
    assert FORMATS == {"turtle": ".ttl", "json-ld": ".jsonld", "nt": ".nt", "nquads": ".nq", "trig": ".trig"}


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_serialize_round_trips_every_format(tmp_path, fmt):
    """Writing then parsing gives back the same triples."""
    ds = to_dataset([sample()])
    path = write_graph(ds, tmp_path / f"out{FORMATS[fmt]}", fmt)
    back = _read_back(path, fmt)
    assert isomorphic(union_graph(back), union_graph(ds))


@pytest.mark.parametrize("fmt", ["nquads", "trig", "json-ld"])
def test_serialize_quad_formats_keep_graph_names(tmp_path, fmt):
    """N-Quads, TriG and JSON-LD keep one named graph per article."""
    ds = to_dataset([sample()])
    names = {g.identifier for g in ds.graphs() if len(g)}
    back = _read_back(write_graph(ds, tmp_path / f"out{FORMATS[fmt]}", fmt), fmt)
    assert {g.identifier for g in back.graphs() if len(g)} == names


def test_serialize_accepts_a_plain_graph(tmp_path):
    """A single graph is written under its own name in N-Quads."""
    g = extraction_to_graph(sample())
    text = write_graph(g, tmp_path / "one.nq", "nquads").read_text(encoding="utf-8")
    assert f"<{g.identifier}> ." in text


@pytest.mark.parametrize("fmt", ["turtle", "nt", "nquads", "json-ld", "trig"])
def test_serialize_hostile_names_round_trip_unchanged(tmp_path, fmt):
    """Quotes, <script>, backslashes, newlines and bidi characters survive every format."""
    for i, name in enumerate(HOSTILE):
        ds = to_dataset([hostile(name)])
        back = union_graph(_read_back(write_graph(ds, tmp_path / f"h{i}{FORMATS[fmt]}", fmt), fmt))
        assert isomorphic(back, union_graph(ds)), name
        labels = {str(o) for o in back.objects(None, RDFS.label)}
        aliases = {str(o) for o in back.objects(None, SKOS.altLabel)}
        assert name in labels and name + "!" in aliases, name


def test_serialize_replaces_atomically_and_leaves_no_temp_files(tmp_path):
    """A second write replaces the first; no temporary file stays behind."""
    path = tmp_path / "out.ttl"
    path.write_text("old", encoding="utf-8")
    write_graph(to_dataset([sample()]), path, "turtle")
    assert path.read_text(encoding="utf-8").startswith("@prefix")
    assert os.listdir(tmp_path) == ["out.ttl"]


def test_serialize_failure_keeps_old_file_and_raises_output_error(tmp_path):
    """Writing into a missing folder raises OutputError."""
    with pytest.raises(OutputError, match="does not exist"):
        write_graph(to_dataset([sample()]), tmp_path / "missing" / "out.ttl", "turtle")


def test_serialize_unknown_format_names_the_allowed_ones(tmp_path):
    """An unknown format is an OutputError listing the choices."""
    with pytest.raises(OutputError, match="turtle, json-ld, nt, nquads, trig"):
        write_graph(Graph(), tmp_path / "x.xml", "xml")


def test_serialize_turtle_and_nt_write_the_union(tmp_path):
    """Turtle holds the triples of every named graph."""
    x = sample()
    from dataclasses import replace

    ds = to_dataset([x, replace(x, article=replace(x.article, id="other"))])
    back = Graph().parse(write_graph(ds, tmp_path / "u.nt", "nt"), format="nt")
    assert len(back) == len(union_graph(ds))
    assert len({s for s in back.subjects() if isinstance(s, URIRef) and s.endswith("/event/e1")}) == 2
