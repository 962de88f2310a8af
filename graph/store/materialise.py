"""Terms the store derives when articles are loaded, in each article's own graph.

The named queries need a few facts that are not written by ``extract`` but follow from it;
deriving them once at load time turns a filter over every event into an index lookup.
They live in the article's graph, so replacing or removing an article replaces or removes
them too. The ontology documents each term (``ontology/conflict.ttl``, section "Derived at
load time by the store"):

* ``cg:effectiveDate``: an event's own ``sem:hasTimeStamp``, else its article's
  ``schema:datePublished`` (what the queries call "an event's date");
* ``cg:effectiveMonth``: the month of that date (``xsd:gYearMonth``), or ``"undated"``, on
  every event, so that ``events`` looks a date range up month by month (the ``months(...)``
  binding of :mod:`graph.store.queries`);
* ``cg:attackMonth``: the same month on each attack that is not negated, so that ``attacks``
  and ``casualties`` look up only the attacks of each month;
* ``cg:networkDigest``: the graph's actors, events, places and links in one literal, so that
  a corpus is read into NetworkX one row per article (:mod:`graph.store.digest`).

>>> from graph.store.backend import open_store
>>> with open_store() as store:
...     store.update('INSERT DATA { GRAPH <http://e/g> { <http://e/a> a <http://semanticweb.cs.vu.nl/2009/11/sem/Event> ; '
...                  '<http://semanticweb.cs.vu.nl/2009/11/sem/hasTimeStamp> "2024-03-05"^^<http://www.w3.org/2001/XMLSchema#date> } }')
...     materialise(store, ["http://e/g"])
...     [str(t) for t in store.select("SELECT ?m WHERE { ?e <%s> ?m }" % EFFECTIVE_MONTH).rows[0]]
['2024-03']
"""
from __future__ import annotations

from collections.abc import Iterable

import pyoxigraph as ox

from graph.store.digest import DIGEST, graph_facts, write_digests
from graph.vocab.namespaces import CG

__all__ = ["EFFECTIVE_DATE", "EFFECTIVE_MONTH", "ATTACK_MONTH", "UNDATED", "DERIVED", "derived_count", "materialise_sparql",
           "materialise"]

EFFECTIVE_DATE = str(CG.effectiveDate)
EFFECTIVE_MONTH = str(CG.effectiveMonth)
ATTACK_MONTH = str(CG.attackMonth)
#: the ``cg:effectiveMonth`` of an event without an ``xsd:date``
UNDATED = "undated"
#: every predicate this module derives
DERIVED = (EFFECTIVE_DATE, EFFECTIVE_MONTH, ATTACK_MONTH, DIGEST)

#: graphs per update request when materialising many graphs
CHUNK = 200

_UPDATE = """
PREFIX cg: <https://w3id.org/conflict-graph/ontology#>
PREFIX sem: <http://semanticweb.cs.vu.nl/2009/11/sem/>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX schema: <https://schema.org/>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
INSERT { GRAPH ?g { ?e cg:effectiveDate ?date ; cg:effectiveMonth ?month ; cg:attackMonth ?attack_month } }
WHERE {
  %s %s
  GRAPH ?g {
    ?e a sem:Event .
    OPTIONAL { ?e sem:hasTimeStamp ?d }
    OPTIONAL { ?e prov:wasDerivedFrom/schema:datePublished ?published }
    BIND (COALESCE(?d, ?published) AS ?date)
    BIND (IF(BOUND(?date) && DATATYPE(?date) = xsd:date, STRDT(SUBSTR(STR(?date), 1, 7), xsd:gYearMonth), "%s") AS ?month)
    OPTIONAL { ?e a cg:Attack FILTER NOT EXISTS { ?e cg:negated true } BIND (true AS ?attack) }
    BIND (IF(BOUND(?attack), ?month, ?none) AS ?attack_month)
  } %s
}
"""


def materialise_sparql(graphs: Iterable[str] | None = None, *, lateral: bool = False) -> str:
    """The SPARQL update that derives this module's terms in ``graphs`` (None: every graph).

    Any SPARQL 1.1 engine runs it (rdflib too, for the comparisons in ``bench/``). With
    ``lateral`` the graphs drive the evaluation (Oxigraph's ``LATERAL``, SEP-0006): each graph
    is read on its own, where a plain ``VALUES`` is joined after reading every graph.

    >>> "VALUES ?g { <http://e/g> }" in materialise_sparql(["http://e/g"])
    True
    """
    if graphs is None:
        return _UPDATE % ("", "", UNDATED, "")
    values = "VALUES ?g { " + " ".join(str(ox.NamedNode(g)) for g in graphs) + " }"
    return _UPDATE % (values, "LATERAL {" if lateral else "", UNDATED, "}" if lateral else "")


def derived_count(store) -> int:
    """How many derived triples ``store`` holds (in named graphs)."""
    values = " ".join(f"<{p}>" for p in DERIVED)
    q = f"SELECT (COUNT(*) AS ?n) WHERE {{ VALUES ?p {{ {values} }} GRAPH ?g {{ ?s ?p ?o }} }}"
    return int(store.select(q).rows[0][0])


def materialise(store, graphs: Iterable[str] | None = None, *, facts: dict | None = None, chunk: int = CHUNK) -> None:
    """Derive this module's terms in ``graphs`` of ``store`` (None: every named graph), ``chunk`` graphs an update.

    Run it on graphs just written (their derived terms must not be there yet: :func:`load_files
    <graph.store.load.load_files>` and :func:`load_dataset <graph.store.load.load_dataset>`
    replace whole graphs first). Not counted in a load's triples.

    Args:
        store: an open store.
        graphs: the graphs to derive terms in.
        facts: their network triples (:func:`graph.store.digest.network_facts`) when the caller
            has them at hand; else they are read from the store.

    Raises:
        StoreError, EndpointError: the store cannot be written.
    """
    if graphs is None:
        store.update(materialise_sparql())
        graphs = store.graph_names() if store.oxigraph is None else \
            sorted(g.value for g in store.oxigraph.named_graphs() if isinstance(g, ox.NamedNode))
    else:
        graphs = list(graphs)
        lateral = store.oxigraph is not None
        for i in range(0, len(graphs), chunk):
            store.update(materialise_sparql(graphs[i:i + chunk], lateral=lateral))
    if facts is None:
        facts = graph_facts(store, graphs)
    write_digests(store, {g: facts.get(g, []) for g in graphs})
