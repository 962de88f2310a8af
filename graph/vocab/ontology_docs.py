"""Generate ``graph/vocab/namespaces.py`` and ``ontology/README.md`` from the ontology.

``ontology/conflict.ttl`` is the single source of the ``cg:`` vocabulary. This module reads
it and writes the closed namespace ``CG`` (every declared term, nothing else) and the
human-readable docs. Run it after editing the Turtle::

    python -m graph.vocab.ontology_docs          # rewrite both files
    python -m graph.vocab.ontology_docs --check  # exit 1 if either is out of date

Exit codes: 0 up to date (or written), 1 out of date (``--check``), 2 ontology unreadable.

>>> g = Graph().parse(data='''@prefix cg: <https://w3id.org/conflict-graph/ontology#> .
... @prefix owl: <http://www.w3.org/2002/07/owl#> .
... cg:Attack a owl:Class .''', format="turtle")
>>> cg_terms(g)
['Attack']
"""
from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, OWL, RDF, RDFS, SH, SKOS

from graph.errors import OntologyError

__all__ = [
    "CG_IRI",
    "ontology_dir",
    "load_ontology",
    "cg_terms",
    "render_namespaces",
    "render_docs",
    "main",
]

CG_IRI = "https://w3id.org/conflict-graph/ontology#"
ENV_VAR = "CONFLICT_GRAPH_ONTOLOGY"

_PACKAGE_ROOT = Path(__file__).resolve().parents[2]
NAMESPACES_PY = Path(__file__).resolve().parent / "namespaces.py"

_PREFIXES = {
    "cg": CG_IRI,
    "cameo": "https://w3id.org/conflict-graph/cameo/",
    "plover": "https://w3id.org/conflict-graph/plover/",
    "cgsh": "https://w3id.org/conflict-graph/shapes#",
    "sem": "http://semanticweb.cs.vu.nl/2009/11/sem/",
    "prov": "http://www.w3.org/ns/prov#",
    "oa": "http://www.w3.org/ns/oa#",
    "org": "http://www.w3.org/ns/org#",
    "foaf": "http://xmlns.com/foaf/0.1/",
    "schema": "https://schema.org/",
    "nif": "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#",
    "geo": "http://www.w3.org/2003/01/geo/wgs84_pos#",
    "wd": "http://www.wikidata.org/entity/",
    "wdt": "http://www.wikidata.org/prop/direct/",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "dcterms": "http://purl.org/dc/terms/",
    "owl": "http://www.w3.org/2002/07/owl#",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
}

_KINDS = [
    (OWL.Class, "Classes"),
    (OWL.ObjectProperty, "Object properties"),
    (OWL.DatatypeProperty, "Datatype properties"),
    (OWL.AnnotationProperty, "Annotation properties"),
]


def ontology_dir() -> Path:
    """The folder holding ``conflict.ttl``, ``cameo.ttl`` and ``shapes.ttl``.

    ``$CONFLICT_GRAPH_ONTOLOGY`` overrides the default, the ``ontology/`` folder beside the
    ``graph`` package.

    Returns:
        The folder path (not checked for existence).

    >>> ontology_dir().name
    'ontology'
    """
    override = os.environ.get(ENV_VAR)
    return Path(override) if override else _PACKAGE_ROOT / "ontology"


def load_ontology(name: str = "conflict.ttl") -> Graph:
    """Parse one Turtle file of the ontology folder.

    Args:
        name: the file name in :func:`ontology_dir`.

    Returns:
        The parsed graph.

    Raises:
        OntologyError: the file is missing or is not valid Turtle.

    >>> len(load_ontology("cameo.ttl")) > 100
    True
    """
    path = ontology_dir() / name
    try:
        return Graph().parse(path, format="turtle")
    except FileNotFoundError as err:
        raise OntologyError(f"{path}: ontology file not found (set ${ENV_VAR} to the ontology folder)") from err
    except Exception as err:  # rdflib raises several parser errors
        raise OntologyError(f"{path}: cannot parse Turtle: {err}") from err


def cg_terms(ontology: Graph) -> list[str]:
    """The local names of every ``cg:`` term the ontology declares (has an ``rdf:type``), sorted.

    Args:
        ontology: the parsed ``conflict.ttl``.

    Returns:
        Sorted local names, e.g. ``["Attack", "about", ...]``.
    """
    names = {
        str(s)[len(CG_IRI):]
        for s in ontology.subjects(RDF.type, None)
        if isinstance(s, URIRef) and str(s).startswith(CG_IRI) and len(str(s)) > len(CG_IRI)
    }
    return sorted(names)


def _label(g: Graph, term: URIRef) -> str:
    label = g.value(term, RDFS.label) or g.value(term, SKOS.prefLabel)
    return str(label) if label is not None else ""


def _comment(g: Graph, term: URIRef) -> str:
    comment = g.value(term, RDFS.comment)
    return " ".join(str(comment).split()) if comment is not None else ""


def _qname(term) -> str:
    if isinstance(term, Literal):
        return f'"{term}"'
    text = str(term)
    for prefix, ns in sorted(_PREFIXES.items(), key=lambda kv: -len(kv[1])):
        if text.startswith(ns):
            return f"{prefix}:{text[len(ns):]}"
    return f"<{text}>"


def _kind(g: Graph, term: URIRef) -> str:
    types = set(g.objects(term, RDF.type))
    for kind, _ in _KINDS:
        if kind in types:
            return _qname(kind)
    return ", ".join(sorted(_qname(t) for t in types))


def render_namespaces(ontology: Graph) -> str:
    """The source of ``graph/vocab/namespaces.py`` for ``ontology``.

    Args:
        ontology: the parsed ``conflict.ttl``.

    Returns:
        Python source text.
    """
    lines = []
    for name in cg_terms(ontology):
        term = URIRef(CG_IRI + name)
        note = _label(ontology, term)
        kind = _kind(ontology, term)
        lines.append(f"    {name}: URIRef  # {kind}: {note}".rstrip())
    return _NAMESPACES_TEMPLATE.replace("@@CG_TERMS@@", "\n".join(lines))


def _table(rows: list[list[str]], header: list[str]) -> list[str]:
    def esc(cell: str) -> str:
        return cell.replace("|", "\\|").replace("\n", " ")

    out = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    out += ["| " + " | ".join(esc(c) for c in row) + " |" for row in rows]
    return out


def render_docs(ontology: Graph, cameo: Graph, shapes: Graph) -> str:
    """The Markdown of ``ontology/README.md``: every term, its alignments, codes and shapes.

    Args:
        ontology: the parsed ``conflict.ttl``.
        cameo: the parsed ``cameo.ttl``.
        shapes: the parsed ``shapes.ttl``.

    Returns:
        Markdown text.
    """
    out = [
        "# Conflict-graph ontology",
        "",
        "<!-- Generated by `python -m graph.vocab.ontology_docs` from conflict.ttl, cameo.ttl and "
        "shapes.ttl; do not edit by hand. -->",
        "",
        str(ontology.value(URIRef("https://w3id.org/conflict-graph/ontology"), DCTERMS.description) or ""),
        "",
        "Files: `conflict.ttl` (OWL ontology, namespace `cg:`), `cameo.ttl` (CAMEO and PLOVER codes "
        "as SKOS concept schemes), `shapes.ttl` (SHACL shapes of a valid output graph).",
        "",
        "## Prefixes",
        "",
        *_table([[f"`{p}:`", f"`{ns}`"] for p, ns in _PREFIXES.items()], ["prefix", "namespace"]),
    ]
    align_preds = [RDFS.subClassOf, RDFS.subPropertyOf, OWL.equivalentClass, SKOS.closeMatch]
    for kind, title in _KINDS:
        rows = []
        for name in cg_terms(ontology):
            term = URIRef(CG_IRI + name)
            if (term, RDF.type, kind) not in ontology:
                continue
            aligned = []
            for pred in align_preds:
                objs = sorted(_qname(o) for o in ontology.objects(term, pred))
                if objs:
                    aligned.append(f"{_qname(pred)} " + ", ".join(objs))
            extra = []
            for pred in (RDFS.domain, RDFS.range):
                obj = ontology.value(term, pred)
                if obj is not None:
                    extra.append(f"{_qname(pred)} {_qname(obj)}")
            codes = sorted(str(c) for c in ontology.objects(term, URIRef(CG_IRI + "cameoCode")))
            if codes:
                extra.append("CAMEO " + ", ".join(codes))
            rows.append([
                f"`cg:{name}`", _label(ontology, term), "; ".join(aligned + extra), _comment(ontology, term),
            ])
        out += ["", f"## {title}", "", *_table(rows, ["term", "label", "alignment", "comment"])]
    individuals = [
        n for n in cg_terms(ontology)
        if not any((URIRef(CG_IRI + n), RDF.type, k) in ontology for k, _ in _KINDS)
    ]
    rows = [[f"`cg:{n}`", _kind(ontology, URIRef(CG_IRI + n)), _label(ontology, URIRef(CG_IRI + n)),
             _comment(ontology, URIRef(CG_IRI + n))] for n in individuals]
    out += ["", "## Individuals", "", *_table(rows, ["term", "type", "label", "comment"])]

    rows = []
    for concept in sorted(cameo.subjects(RDF.type, SKOS.Concept), key=str):
        broader = cameo.value(concept, SKOS.broader)
        rows.append([
            f"`{_qname(concept)}`", str(cameo.value(concept, SKOS.notation)), _label(cameo, concept),
            _qname(broader) if broader is not None else "",
            ", ".join(sorted(_qname(o) for o in cameo.objects(concept, SKOS.closeMatch))),
        ])
    out += ["", "## CAMEO and PLOVER concepts", "",
            *_table(rows, ["concept", "notation", "label", "broader", "close match"])]

    rows = []
    for shape in sorted(shapes.subjects(RDF.type, SH.NodeShape), key=str):
        targets = sorted(_qname(t) for t in shapes.objects(shape, SH.targetClass))
        rows.append([f"`{_qname(shape)}`", ", ".join(targets), _comment(shapes, shape)])
    out += ["", "## SHACL shapes", "", *_table(rows, ["shape", "targets", "comment"]), ""]
    return "\n".join(out)


def _outputs() -> dict[Path, str]:
    ontology = load_ontology("conflict.ttl")
    return {
        NAMESPACES_PY: render_namespaces(ontology),
        ontology_dir() / "README.md": render_docs(ontology, load_ontology("cameo.ttl"), load_ontology("shapes.ttl")),
    }


def main(argv: list[str] | None = None) -> int:
    """Write (or with ``--check`` compare) the generated namespace module and docs.

    Args:
        argv: command-line arguments, without the program name.

    Returns:
        0 written or up to date, 1 out of date under ``--check``, 2 ontology unreadable.
    """
    parser = argparse.ArgumentParser(
        prog="python -m graph.vocab.ontology_docs",
        description=__doc__.split("\n", 1)[0],
        epilog="exit codes: 0 ok, 1 out of date (--check), 2 ontology unreadable",
    )
    parser.add_argument("--check", action="store_true", help="do not write; exit 1 if a file is out of date")
    args = parser.parse_args(argv)
    try:
        outputs = _outputs()
    except OntologyError as err:
        print(err, file=sys.stderr)
        return 2
    stale = [p for p, text in outputs.items() if not p.exists() or p.read_text(encoding="utf-8") != text]
    if args.check:
        for path in stale:
            print(f"{path}: out of date; run python -m graph.vocab.ontology_docs", file=sys.stderr)
        return 1 if stale else 0
    for path in stale:
        path.write_text(outputs[path], encoding="utf-8")
        print(f"wrote {path}", file=sys.stderr)
    return 0


_NAMESPACES_TEMPLATE = '''"""RDF namespaces used by the conflict graph, in one place.

GENERATED by ``python -m graph.vocab.ontology_docs`` from ``ontology/conflict.ttl``; do not
edit by hand. ``CG`` is closed: it lists every term the ontology declares, so a misspelt
term fails at once. ``SEM``, ``OA`` and ``GEO`` are closed over the terms used here.

>>> CG.Attack
rdflib.term.URIRef('https://w3id.org/conflict-graph/ontology#Attack')
>>> CG.Atack
Traceback (most recent call last):
...
AttributeError: term 'Atack' not in namespace 'https://w3id.org/conflict-graph/ontology#'
"""
from __future__ import annotations

from rdflib import Namespace, URIRef
from rdflib.namespace import (
    DCTERMS,
    FOAF,
    ORG,
    OWL,
    PROV,
    RDF,
    RDFS,
    SDO,
    SH,
    SKOS,
    VANN,
    XSD,
    DefinedNamespace,
)

__all__ = [
    "CG", "SEM", "OA", "GEO", "NIF", "SCHEMA", "PROV", "ORG", "SKOS", "FOAF", "DCTERMS", "OWL", "RDF",
    "RDFS", "XSD", "SH", "VANN", "ID", "CAMEO", "PLOVER", "CGSH", "WD", "WDT", "GEONAMES", "PREFIXES",
]

SCHEMA = SDO
ID = Namespace("https://w3id.org/conflict-graph/id/")
CAMEO = Namespace("https://w3id.org/conflict-graph/cameo/")
PLOVER = Namespace("https://w3id.org/conflict-graph/plover/")
CGSH = Namespace("https://w3id.org/conflict-graph/shapes#")
NIF = Namespace("http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#")
WD = Namespace("http://www.wikidata.org/entity/")
WDT = Namespace("http://www.wikidata.org/prop/direct/")
GEONAMES = Namespace("https://sws.geonames.org/")


class CG(DefinedNamespace):
    """The conflict-graph ontology (``ontology/conflict.ttl``)."""

    _fail = True
    _NS = Namespace("https://w3id.org/conflict-graph/ontology#")

@@CG_TERMS@@


class SEM(DefinedNamespace):
    """Simple Event Model (the terms this project uses)."""

    _fail = True
    _NS = Namespace("http://semanticweb.cs.vu.nl/2009/11/sem/")

    Event: URIRef
    Actor: URIRef
    Place: URIRef
    Time: URIRef
    Role: URIRef
    RoleType: URIRef
    EventType: URIRef
    ActorType: URIRef
    hasActor: URIRef
    hasPlace: URIRef
    hasTime: URIRef
    hasTimeStamp: URIRef
    hasBeginTimeStamp: URIRef
    hasEndTimeStamp: URIRef
    hasEarliestBeginTimeStamp: URIRef
    hasLatestEndTimeStamp: URIRef
    actorType: URIRef
    roleType: URIRef
    eventType: URIRef
    subEventOf: URIRef
    hasSubEvent: URIRef


class OA(DefinedNamespace):
    """W3C Web Annotation vocabulary (the terms this project uses)."""

    _fail = True
    _NS = Namespace("http://www.w3.org/ns/oa#")

    Annotation: URIRef
    SpecificResource: URIRef
    TextPositionSelector: URIRef
    TextQuoteSelector: URIRef
    hasBody: URIRef
    hasTarget: URIRef
    hasSource: URIRef
    hasSelector: URIRef
    motivatedBy: URIRef
    identifying: URIRef
    classifying: URIRef
    tagging: URIRef
    start: URIRef
    end: URIRef
    exact: URIRef
    prefix: URIRef
    suffix: URIRef


class GEO(DefinedNamespace):
    """W3C WGS84 Basic Geo vocabulary (``http:``, unlike rdflib's ``WGS``)."""

    _fail = True
    _NS = Namespace("http://www.w3.org/2003/01/geo/wgs84_pos#")

    SpatialThing: URIRef
    Point: URIRef
    lat: URIRef
    long: URIRef
    alt: URIRef
    location: URIRef


PREFIXES = {
    "cg": CG._NS, "cameo": CAMEO, "plover": PLOVER, "sem": SEM._NS, "prov": PROV._NS, "oa": OA._NS,
    "org": ORG._NS, "foaf": FOAF._NS, "schema": SCHEMA._NS, "geo": GEO._NS, "skos": SKOS._NS,
    "dcterms": DCTERMS._NS, "owl": OWL._NS, "xsd": XSD._NS, "wd": WD, "id": ID,
}
'''

if __name__ == "__main__":
    sys.exit(main())
