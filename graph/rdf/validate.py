"""Validate an output graph against ``ontology/shapes.ttl`` with pySHACL.

No OWL or RDFS inference is run (the mapping asserts every type the shapes need), which
keeps validation fast. The ontology folder is found beside the package, or at
``$CONFLICT_GRAPH_ONTOLOGY``.

>>> from rdflib import Graph
>>> validate(Graph()) is None
True
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from pyshacl import validate as shacl_validate
from rdflib import Dataset, Graph, URIRef
from rdflib.namespace import SH

from graph.errors import OntologyError, ValidationError
from graph.rdf.serialize import union_graph
from graph.vocab.ontology_docs import ontology_dir

__all__ = ["validate", "violations", "load_shapes"]

MAX_LISTED = 20


@lru_cache(maxsize=4)
def _shapes(path: Path, mtime: float) -> Graph:
    try:
        return Graph().parse(path, format="turtle")
    except FileNotFoundError as err:
        raise OntologyError(f"{path}: SHACL shapes not found (set $CONFLICT_GRAPH_ONTOLOGY)") from err
    except Exception as err:
        raise OntologyError(f"{path}: cannot parse SHACL shapes: {err}") from err


def load_shapes() -> Graph:
    """The parsed ``shapes.ttl`` (cached while the file is unchanged).

    Returns:
        The shapes graph.

    Raises:
        OntologyError: the file is missing or unreadable.

    >>> len(load_shapes()) > 0
    True
    """
    path = ontology_dir() / "shapes.ttl"
    try:
        mtime = path.stat().st_mtime
    except OSError as err:
        raise OntologyError(f"{path}: SHACL shapes not found (set $CONFLICT_GRAPH_ONTOLOGY)") from err
    return _shapes(path, mtime)


def violations(graph: Graph | Dataset) -> list[str]:
    """Every SHACL violation of ``graph``, one readable line each, sorted.

    Args:
        graph: a graph, or a dataset (its named graphs are validated as one union).

    Returns:
        Lines ``"<focus node> <path>: <message>"``; empty when the graph conforms.

    Raises:
        OntologyError: the shapes cannot be read.

    >>> violations(Graph())
    []
    """
    data = union_graph(graph)
    conforms, report, _ = shacl_validate(
        data, shacl_graph=load_shapes(), inference="none", abort_on_first=False,
        allow_infos=True, allow_warnings=True, advanced=False,
    )
    if conforms:
        return []
    lines = set()
    for result in report.subjects(SH.resultSeverity, SH.Violation):
        focus = report.value(result, SH.focusNode)
        path = report.value(result, SH.resultPath)
        message = report.value(result, SH.resultMessage) or "constraint violated"
        value = report.value(result, SH.value)
        where = f"<{focus}>"
        if isinstance(path, URIRef):
            where += " " + data.namespace_manager.normalizeUri(path)
        extra = f" (value {value!r})" if value is not None and str(value) != str(focus) else ""
        lines.add(f"{where}: {message}{extra}")
    return sorted(lines)


def validate(graph: Graph | Dataset) -> None:
    """Check ``graph`` against the SHACL shapes; return quietly if it conforms.

    Args:
        graph: a graph, or a dataset (its named graphs are validated as one union).

    Raises:
        ValidationError: the graph does not conform; the message counts the violations
            and lists the first 20.
        OntologyError: the shapes cannot be read.
    """
    found = violations(graph)
    if found:
        listed = "\n  ".join(found[:MAX_LISTED])
        more = f"\n  ... and {len(found) - MAX_LISTED} more" if len(found) > MAX_LISTED else ""
        raise ValidationError(f"graph does not conform to the SHACL shapes: {len(found)} violation(s)\n  {listed}{more}")
