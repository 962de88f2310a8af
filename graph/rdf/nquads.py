"""Stream RDF terms straight to N-Quads and N-Triples lines, without building a graph.

The batch engine formats each article's triples (:func:`graph.rdf.mapping.extraction_triples`)
with :func:`nquads` and appends them to a shard file: no rdflib ``Graph`` is indexed, and a
file of many articles is the concatenation of their lines. The output is canonical enough for
any N-Quads parser (rdflib, Oxigraph, Jena): IRIs in angle brackets, literals in double
quotes with ``"``, ``\\``, line breaks and the other control characters escaped, a datatype
unless it is ``xsd:string``, a language tag where there is one.

Blank nodes keep their rdflib label (``_:N...``, unique per process run). The mapping makes
none, so two files never share a label by accident; a caller who adds blank nodes to an
article must keep their labels unique across the batch.

>>> from rdflib import Literal, URIRef
>>> print(nquads([(URIRef("http://e/s"), URIRef("http://e/p"), Literal('say "hi"\\n'))], URIRef("http://e/g")), end="")
<http://e/s> <http://e/p> "say \\"hi\\"\\n" <http://e/g> .
"""
from __future__ import annotations

import re
from collections.abc import Iterable

from rdflib import BNode, Literal, URIRef
from rdflib.namespace import XSD

__all__ = ["term", "nquads", "ntriples"]

_XSD_STRING = XSD.string
_ESCAPE_NEEDED = re.compile(r'[\x00-\x1f"\\\x7f]')
_ESCAPES = {i: f"\\u{i:04X}" for i in [*range(0x20), 0x7F]}
_ESCAPES.update({ord("\\"): "\\\\", ord('"'): '\\"', ord("\n"): "\\n", ord("\r"): "\\r", ord("\t"): "\\t"})


def _quoted(text: str) -> str:
    if _ESCAPE_NEEDED.search(text) is None:
        return f'"{text}"'
    return f'"{text.translate(_ESCAPES)}"'


def term(node) -> str:
    """One RDF term in N-Triples syntax.

    Args:
        node: an rdflib ``URIRef``, ``Literal`` or ``BNode``.

    Returns:
        The term as N-Triples writes it.

    Raises:
        TypeError: anything else (a variable, a graph, None).

    >>> term(Literal(3))
    '"3"^^<http://www.w3.org/2001/XMLSchema#integer>'
    >>> term(Literal("Erbil", lang="en"))
    '"Erbil"@en'
    """
    if isinstance(node, URIRef):
        return f"<{node}>"
    if isinstance(node, Literal):
        text = _quoted(str(node))
        if node.language:
            return f"{text}@{node.language}"
        datatype = node.datatype
        if datatype is None or datatype == _XSD_STRING:
            return text
        return f"{text}^^<{datatype}>"
    if isinstance(node, BNode):
        return f"_:{node}"
    raise TypeError(f"{node!r}: not an RDF term (IRI, literal or blank node)")


def nquads(triples: Iterable[tuple], graph: URIRef) -> str:
    """The N-Quads lines of ``triples`` in the named graph ``graph``, each ending in a newline.

    Args:
        triples: ``(subject, predicate, object)`` rdflib terms.
        graph: the graph name.

    Returns:
        The lines, joined (``""`` for no triples).

    >>> nquads([], URIRef("http://e/g"))
    ''
    """
    tail = f" <{graph}> .\n"
    cache: dict = {}  # subjects and predicates repeat: format each once
    out = []
    for s, p, o in triples:
        ts = cache.get(s)
        if ts is None:
            ts = cache[s] = term(s)
        tp = cache.get(p)
        if tp is None:
            tp = cache[p] = term(p)
        out.append(f"{ts} {tp} {term(o)}{tail}")
    return "".join(out)


def ntriples(triples: Iterable[tuple]) -> str:
    """The N-Triples lines of ``triples``, each ending in a newline.

    >>> ntriples([(URIRef("http://e/s"), URIRef("http://e/p"), URIRef("http://e/o"))])
    '<http://e/s> <http://e/p> <http://e/o> .\\n'
    """
    return "".join(f"{term(s)} {term(p)} {term(o)} .\n" for s, p, o in triples)
