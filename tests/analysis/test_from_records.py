"""The batch's records -> NetworkX shortcut against the RDF round trip it stands in for."""
from __future__ import annotations

from pathlib import Path

import pytest

from graph.analysis.convert import rdf_to_networkx
from graph.analysis.from_records import extraction_to_networkx
from graph.rdf import extraction_to_graph
from tests.rdf.sample import HOSTILE, hostile, sample

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "kurdistan24-us-strikes-syria.txt"


def _canonical(g):
    nodes = dict(g.nodes(data=True))
    edges = sorted((u, v, k, tuple(sorted(d.items()))) for u, v, k, d in g.edges(keys=True, data=True))
    return nodes, edges


@pytest.mark.parametrize("x", [sample(), *(hostile(n) for n in HOSTILE)], ids=["sample", *map(repr, HOSTILE)])
def test_from_records_equals_rdf_to_networkx_of_the_mapping(x):
    """Same nodes, attributes (evidence, dates, countries...) and edges as reading the article's RDF back."""
    assert _canonical(extraction_to_networkx(x)) == _canonical(rdf_to_networkx(extraction_to_graph(x)))


@pytest.mark.slow
def test_from_records_equals_rdf_to_networkx_on_a_real_article():
    """On a real article through the model, the shortcut and the RDF round trip agree."""
    from graph.extract.pipeline import extract_article
    from graph.ingest import article_from_text
    from graph.nlp import pipeline

    article = article_from_text(EXAMPLE.read_text(encoding="utf-8"), source=str(EXAMPLE), article_id="k24")
    x = extract_article(article, pipeline())
    g = extraction_to_networkx(x)
    assert g.number_of_nodes() > 10 and g.number_of_edges() > 10
    assert _canonical(g) == _canonical(rdf_to_networkx(extraction_to_graph(x)))
