"""The persistent store: Oxigraph on disk, Oxigraph in memory, or any SPARQL 1.1 endpoint, behind rdflib.

One named graph per article (``<article IRI>/graph``, see :mod:`graph.rdf.iris`); the default
graph a query sees is the union of every graph, so a query needs no ``GRAPH`` clause.
Replacing an article's graph drops its old triples and nothing else.

* embedded (default): ``pyoxigraph.Store(DIR)`` through the ``oxrdflib`` rdflib store;
  the directory is locked by the process that opens it.
* memory: ``pyoxigraph.Store()``, for tests and for analysing files without a store.
* endpoint: rdflib's ``SPARQLUpdateStore`` against a query URL and an update URL. The
  server must answer queries over the union of its named graphs (``oxigraph serve
  --union-default-graph``; Fuseki ``tdb2:unionDefaultGraph``; GraphDB and Virtuoso do so
  by default).

Parameters are bound as RDF terms, the same way on every backend: the query is first checked
as written, then a ``VALUES`` row of the terms, each written by the N-Triples term writer
(so any text, quotes and braces included, stays one literal), opens its top ``WHERE`` group.
The SPARQL protocol has no other way to bind; embedded, Oxigraph's own ``substitutions``
would do, but it filters after evaluating the whole query (10x slower on a one-actor
timeline) and binds only selected variables.

>>> from rdflib import Graph, Literal, URIRef
>>> g = Graph(identifier=URIRef("http://example.org/a/graph"))
>>> _ = g.add((URIRef("http://example.org/a"), URIRef("http://example.org/p"), Literal("x")))
>>> with open_store() as store:
...     store.replace_graphs([g])
...     rows = store.select("SELECT ?o WHERE { ?s ?p ?o }")
1
>>> rows.rows
[(rdflib.term.Literal('x'),)]
"""
from __future__ import annotations

import functools
import logging
import os
import re
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox
from rdflib import BNode, Dataset, Graph, Literal, URIRef, Variable
from rdflib.term import Node

from graph.rdf.mapping import bind_prefixes
from graph.store.errors import EndpointError, ParameterError, QueryError, StoreError, StoreLockedError, StoreNotFoundError

__all__ = ["ConflictStore", "QueryResult", "open_store", "to_ox", "from_ox", "values_block", "inject_values",
           "update_endpoint_for"]

log = logging.getLogger(__name__)

_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"

#: triples per SPARQL Update request when writing to an endpoint
UPDATE_BATCH = 20_000
#: seconds to wait for an endpoint to answer the first probe
PROBE_TIMEOUT = 10


def to_ox(term: Node):
    """An rdflib term as a pyoxigraph term.

    >>> to_ox(Literal("3", datatype=URIRef("http://www.w3.org/2001/XMLSchema#integer")))
    <Literal value=3 datatype=<NamedNode value=http://www.w3.org/2001/XMLSchema#integer>>
    """
    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, BNode):
        return ox.BlankNode(str(term))
    if isinstance(term, Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)) if term.datatype else None)
    raise ParameterError(f"{term!r}: not an RDF term (IRI, blank node or literal)")


def from_ox(term) -> Node | None:
    """A pyoxigraph term as an rdflib term (None stays None).

    >>> from_ox(ox.NamedNode("http://example.org/x"))
    rdflib.term.URIRef('http://example.org/x')
    """
    if term is None:
        return None
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return Literal(term.value, lang=term.language)
        datatype = term.datatype.value
        return Literal(term.value) if datatype == _XSD_STRING else Literal(term.value, datatype=URIRef(datatype))
    raise StoreError(f"unexpected term from the store: {term!r}")


@dataclass
class QueryResult:
    """The answer to a query: a table (``SELECT``), a boolean (``ASK``) or a graph (``CONSTRUCT``).

    ``vars`` and ``rows`` hold the table (unbound cells are None); ``boolean`` the answer of
    an ``ASK``; ``graph`` the triples of a ``CONSTRUCT`` or ``DESCRIBE``.

    >>> QueryResult("SELECT", ["x"], [(Literal(1),)]).records()
    [{'x': 1}]
    """

    kind: str
    vars: list[str] = field(default_factory=list)
    rows: list[tuple] = field(default_factory=list)
    boolean: bool | None = None
    graph: Graph | None = None

    def records(self) -> list[dict]:
        """The rows as dicts of plain Python values (IRIs as strings, literals as their value)."""
        return [{v: _plain(cell) for v, cell in zip(self.vars, row)} for row in self.rows]

    def column(self, name: str) -> list:
        """The plain values of one column."""
        i = self.vars.index(name)
        return [_plain(row[i]) for row in self.rows]


def _plain(term):
    if term is None:
        return None
    if isinstance(term, Literal):
        value = term.toPython()
        return value if isinstance(value, (int, float, bool, str)) else str(term)
    return str(term)


# -- binding for endpoints ---------------------------------------------------

_TOKENS = re.compile(r"""
    (?P<comment>\#[^\n]*)
  | (?P<string>'''(?:[^\\]|\\.)*?'''|\"\"\"(?:[^\\]|\\.)*?\"\"\"|'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*")
  | (?P<iri><[^<>"{}|^`\\\s]*>)
  | (?P<brace>\{)
  | (?P<word>[A-Za-z_][A-Za-z_0-9]*)
  | (?P<other>.)
""", re.VERBOSE | re.DOTALL)


def values_block(bindings: Mapping[str, Node | list[Node]]) -> str:
    """One ``VALUES`` block binding each variable to its term, every term escaped as N-Triples.

    A variable given a list of terms takes each in turn: the block has one row per combination
    (an empty list: no row, so the query has no answer). One block, not one per variable, so
    that every engine joins it with the patterns after it row by row (rdflib evaluates a second
    block's join with everything unbound).

    >>> values_block({"actor": Literal('a "b" } DROP ALL')})
    'VALUES (?actor) { ("a \\\\"b\\\\" } DROP ALL") }'
    >>> values_block({"n": Literal(1), "m": [Literal("x"), Literal("y")]})
    'VALUES (?n ?m) { ("1"^^<http://www.w3.org/2001/XMLSchema#integer> "x") ("1"^^<http://www.w3.org/2001/XMLSchema#integer> "y") }'
    """
    import itertools

    names = " ".join(f"?{name}" for name in bindings)
    columns = [[_nt(t) for t in (terms if isinstance(terms, list) else [terms])] for terms in bindings.values()]
    rows = " ".join(f"({' '.join(row)})" for row in itertools.product(*columns))
    return f"VALUES ({names}) {{ {rows} }}"


def _nt(term: Node) -> str:
    if isinstance(term, BNode):
        raise ParameterError(f"{term!r}: a blank node cannot be a query parameter")
    return str(to_ox(term))


def inject_values(query: str, bindings: Mapping[str, Node | list[Node]]) -> str:
    """Put ``VALUES`` of ``bindings`` (see :func:`values_block`) first in the query's top ``WHERE`` group.

    Comments, strings and IRIs are skipped when looking for the group; for ``CONSTRUCT``
    the template is skipped too.

    Args:
        query: a SPARQL query.
        bindings: variable name -> term, or a list of terms.

    Returns:
        The query with the rows inserted, or unchanged when there are no bindings.

    Raises:
        QueryError: the query has no ``WHERE`` group.

    >>> inject_values('SELECT ?x WHERE { ?x <p> "{" }', {"y": URIRef("http://e/y")})
    'SELECT ?x WHERE { VALUES (?y) { (<http://e/y>) } ?x <p> "{" }'
    """
    if not bindings:
        return query
    construct = seen_where = False
    for m in _TOKENS.finditer(query):
        kind = m.lastgroup
        if kind == "word":
            word = m.group().upper()
            construct = construct or word == "CONSTRUCT"
            seen_where = seen_where or word == "WHERE"
        elif kind == "brace" and (seen_where or not construct):
            at = m.end()
            return f"{query[:at]} {values_block(bindings)}{query[at:]}"
    raise QueryError("the query has no WHERE group to bind parameters in")


def update_endpoint_for(query_url: str) -> str:
    """The update URL that goes with a query URL (``.../query`` -> ``.../update``, else the same URL).

    >>> update_endpoint_for("http://127.0.0.1:7878/query")
    'http://127.0.0.1:7878/update'
    >>> update_endpoint_for("http://localhost:3030/ds/sparql")
    'http://localhost:3030/ds/sparql'
    """
    if query_url.rstrip("/").endswith("/query"):
        return query_url.rstrip("/")[: -len("query")] + "update"
    return query_url


# -- the store ---------------------------------------------------------------


class ConflictStore:
    """A dataset with one named graph per article, queried as the union of its graphs.

    Use :func:`open_store` to get one; close it (or use ``with``) to release the directory.
    ``dataset`` is an rdflib ``Dataset`` over the same data, for notebook use.
    """

    def __init__(self, dataset: Dataset, location: str, *, oxigraph: ox.Store | None = None,
                 update_url: str | None = None):
        self.dataset = dataset
        self.location = location
        self.oxigraph = oxigraph
        self.update_url = update_url

    @property
    def kind(self) -> str:
        """``"embedded"``, ``"memory"`` or ``"endpoint"``."""
        if self.oxigraph is None:
            return "endpoint"
        return "memory" if self.location == ":memory:" else "embedded"

    def __enter__(self) -> ConflictStore:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"<ConflictStore {self.kind} {self.location}>"

    def close(self) -> None:
        """Flush and release the store (the directory lock, for an embedded store)."""
        if self.oxigraph is not None:
            if self.kind == "embedded":
                try:
                    self.oxigraph.flush()
                except OSError as err:  # pragma: no cover - disk failure
                    log.warning("%s: flush failed: %s", self.location, err)
            self.dataset = None
            self.oxigraph = None

    # -- reading ------------------------------------------------------------

    def query(self, sparql: str, bindings: Mapping[str, Node | list[Node]] | None = None) -> QueryResult:
        """Run a SPARQL query over the union of the graphs.

        Args:
            sparql: a ``SELECT``, ``ASK``, ``CONSTRUCT`` or ``DESCRIBE`` query.
            bindings: variable name -> RDF term (or a list of terms: one row each), bound
                before evaluation (see the module docstring).

        Returns:
            The :class:`QueryResult`.

        Raises:
            QueryError: a malformed query, or an update.
            ParameterError: a blank node as a parameter.
            EndpointError: the endpoint cannot be reached or fails.
        """
        if bindings or self.oxigraph is None:
            check_syntax(sparql)  # as written, so that errors point into the user's text
        sparql = inject_values(sparql, bindings or {})
        if self.oxigraph is not None:
            return self._query_oxigraph(sparql)
        return self._query_endpoint(sparql)

    def select(self, sparql: str, bindings: Mapping[str, Node | list[Node]] | None = None) -> QueryResult:
        """Like :meth:`query`, for a ``SELECT``."""
        result = self.query(sparql, bindings)
        if result.kind != "SELECT":
            raise QueryError(f"expected a SELECT query, got {result.kind}")
        return result

    def _query_oxigraph(self, sparql: str) -> QueryResult:
        try:
            return _from_ox_result(self.oxigraph.query(sparql, use_default_graph_as_union=True))
        except SyntaxError as err:
            raise QueryError(_syntax_message(sparql, err)) from None
        except RuntimeError as err:
            raise QueryError(f"query failed: {err}") from None
        except OSError as err:
            raise StoreError(f"{self.location}: cannot read the store: {err}") from None

    def _query_endpoint(self, sparql: str) -> QueryResult:
        try:
            result = self.dataset.query(sparql)
            if result.type == "SELECT":
                variables = [str(v) for v in result.vars]
                return QueryResult("SELECT", variables, [tuple(row) for row in result])
            if result.type == "ASK":
                return QueryResult("ASK", boolean=bool(result.askAnswer))
            g = bind_prefixes(Graph())
            for triple in result:
                g.add(triple)
            return QueryResult(result.type, graph=g)
        except urllib.error.HTTPError as err:
            raise _http_error(self.location, err) from None
        except (urllib.error.URLError, OSError) as err:
            raise EndpointError(f"{self.location}: cannot reach the SPARQL endpoint ({_reason(err)})") from None

    def graph_names(self) -> list[str]:
        """The names of the non-empty named graphs, sorted."""
        result = self.select("SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }")
        return sorted(str(row[0]) for row in result.rows)

    def count(self) -> int:
        """How many quads the store holds (for an endpoint, whose default graph is the union: in named graphs)."""
        if self.oxigraph is not None:
            return len(self.oxigraph)
        q = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"
        return int(self.select(q).rows[0][0])

    # -- writing ------------------------------------------------------------

    def replace_graphs(self, graphs: Iterable[Graph]) -> int:
        """Write each graph as the named graph of its identifier, dropping what that graph held.

        Args:
            graphs: rdflib graphs whose identifiers are graph names (``<article>/graph``).

        Returns:
            How many triples were written.

        Raises:
            EndpointError: the endpoint cannot be reached or refuses the update.
        """
        quads = ((to_ox(s), to_ox(p), to_ox(o), g.identifier) for g in graphs for s, p, o in g)
        return self.replace_quads(ox.Quad(s, p, o, ox.NamedNode(str(name))) for s, p, o, name in quads)

    def replace_quads(self, quads: Iterable[ox.Quad], *, clear: bool = True) -> int:
        """Write pyoxigraph quads; each named graph they mention is emptied first when ``clear``.

        For an endpoint, quads of one graph must come together (as every serialiser of a
        dataset writes them): each graph is dropped and written in one request.

        Returns:
            How many quads were written.
        """
        if self.oxigraph is not None:
            return self._replace_oxigraph(quads, clear)
        return self._replace_endpoint(quads, clear)

    def _replace_oxigraph(self, quads: Iterable[ox.Quad], clear: bool) -> int:
        store, cleared, batch, n = self.oxigraph, set(), [], 0

        def flush():
            nonlocal n
            store.extend(batch)
            n += len(batch)
            batch.clear()

        try:
            for quad in quads:
                name = quad.graph_name
                if clear and name not in cleared:
                    cleared.add(name)
                    if not isinstance(name, ox.DefaultGraph) and store.contains_named_graph(name):
                        flush()
                        store.remove_graph(name)
                batch.append(quad)
                if len(batch) >= 100_000:
                    flush()
            flush()
        except OSError as err:
            raise StoreError(f"{self.location}: cannot write the store: {err}") from None
        return n

    def _replace_endpoint(self, quads: Iterable[ox.Quad], clear: bool) -> int:
        parts, size, n, current = [], 0, 0, None

        def send():
            nonlocal parts, size
            if parts:
                self.update(" ;\n".join(parts))
            parts, size = [], 0

        lines: list[str] = []

        def close_graph():
            nonlocal size
            if current is None:
                return
            body = "\n".join(lines)
            if isinstance(current, ox.DefaultGraph):
                parts.append(f"INSERT DATA {{\n{body}\n}}")
            elif not clear:
                parts.append(f"INSERT DATA {{ GRAPH {current} {{\n{body}\n}} }}")
            else:
                parts.append(f"DROP SILENT GRAPH {current} ;\nINSERT DATA {{ GRAPH {current} {{\n{body}\n}} }}")
            size += len(lines)
            lines.clear()

        for quad in quads:
            if quad.graph_name != current:
                close_graph()
                if size >= UPDATE_BATCH:
                    send()
                current = quad.graph_name
            lines.append(f"{quad.subject} {quad.predicate} {quad.object} .")
            n += 1
        close_graph()
        send()
        return n

    def optimize(self) -> bool:
        """Compact an embedded store after a bulk load (Oxigraph's ``optimize``); False for other stores.

        A bulk load leaves the indexes in many overlapping pieces: reads look in each of them
        and the directory holds duplicates until compaction. Compacting once makes lookups two to
        four times faster and the directory about half as big (10,000 articles: 6.7 -> 3.8 GB,
        112 s on 2 busy cores).

        Raises:
            StoreError: the store cannot be written.
        """
        if self.kind != "embedded":
            return False
        try:
            self.oxigraph.optimize()
        except OSError as err:
            raise StoreError(f"{self.location}: cannot compact the store: {err}") from None
        return True

    def remove_graphs(self, names: Iterable[str]) -> None:
        """Drop the named graphs ``names`` (missing ones are ignored)."""
        names = list(names)
        if self.oxigraph is not None:
            for name in names:
                node = ox.NamedNode(name)
                if self.oxigraph.contains_named_graph(node):
                    self.oxigraph.remove_graph(node)
        elif names:
            self.update(" ;\n".join(f"DROP SILENT GRAPH {ox.NamedNode(name)}" for name in names))

    def update(self, sparql: str) -> None:
        """Run a SPARQL update (embedded: one transaction; endpoint: one request).

        Raises:
            QueryError: a malformed update.
            EndpointError: the endpoint cannot be reached or refuses it.
        """
        if self.oxigraph is not None:
            try:
                self.oxigraph.update(sparql)
            except SyntaxError as err:
                raise QueryError(f"malformed SPARQL update: {err}") from None
            except OSError as err:
                raise StoreError(f"{self.location}: cannot write the store: {err}") from None
            return
        data = urllib.parse.urlencode({"update": sparql}).encode("utf-8")
        request = urllib.request.Request(self.update_url, data=data, method="POST",
                                         headers={"Content-Type": "application/x-www-form-urlencoded"})
        try:
            with urllib.request.urlopen(request, timeout=600) as response:
                response.read()
        except urllib.error.HTTPError as err:
            raise _http_error(self.update_url, err) from None
        except (urllib.error.URLError, OSError) as err:
            raise EndpointError(f"{self.update_url}: cannot reach the SPARQL endpoint ({_reason(err)})") from None


def _from_ox_result(answer) -> QueryResult:
    if isinstance(answer, ox.QuerySolutions):
        variables = [v.value for v in answer.variables]
        columns = range(len(variables))
        seen: dict = {None: None}  # a term repeats down a column (labels, dates, articles): convert it once

        def term(t):
            out = seen.get(t, seen)
            if out is seen:
                out = seen[t] = from_ox(t)
            return out

        rows = [tuple(term(solution[i]) for i in columns) for solution in answer]
        return QueryResult("SELECT", variables, rows)
    if isinstance(answer, ox.QueryBoolean):
        return QueryResult("ASK", boolean=bool(answer))
    g = bind_prefixes(Graph())
    for t in answer:
        g.add((from_ox(t.subject), from_ox(t.predicate), from_ox(t.object)))
    return QueryResult("CONSTRUCT", graph=g)


def _syntax_message(sparql: str, err: SyntaxError) -> str:
    try:
        ox.Store().update(sparql)
    except (SyntaxError, OSError, RuntimeError):
        return f"malformed SPARQL query: {err}".replace("\n", " ")
    return "this is a SPARQL update, not a query; queries only read the store"


@functools.lru_cache(maxsize=256)
def check_syntax(sparql: str) -> None:
    """Raise :class:`QueryError` unless ``sparql`` parses as a SPARQL query (checked locally).

    A text that passed is remembered (the named queries are checked once, not at every run:
    the check costs as much as a small query).

    >>> check_syntax("SELECT * WHERE { ?s ?p ?o }")
    >>> check_syntax("SELECT ?x WHERE { ?x }")
    Traceback (most recent call last):
    ...
    graph.store.errors.QueryError: malformed SPARQL query: error at 1:23: expected one of BIND, [_]
    """
    try:
        ox.Store().query(sparql)
    except SyntaxError as err:
        raise QueryError(_syntax_message(sparql, err)) from None
    except (RuntimeError, OSError):
        pass  # parsed; evaluation on the empty store may fail (SERVICE...), which is not ours to judge


def _reason(err: Exception) -> str:
    reason = getattr(err, "reason", None) or err
    return str(getattr(reason, "strerror", None) or reason)


def _http_error(url: str, err: urllib.error.HTTPError) -> StoreError:
    try:
        body = err.read().decode("utf-8", "replace").strip()
    except OSError:
        body = ""
    first = body.splitlines()[0][:300] if body else err.reason
    if err.code == 400:
        return QueryError(f"{url}: the endpoint rejected the request: {first}")
    return EndpointError(f"{url}: HTTP {err.code}: {first}")


def _probe(url: str) -> None:
    query = urllib.parse.urlencode({"query": "ASK {}"})
    request = urllib.request.Request(f"{url}?{query}", headers={"Accept": "application/sparql-results+json"})
    try:
        with urllib.request.urlopen(request, timeout=PROBE_TIMEOUT) as response:
            response.read()
    except urllib.error.HTTPError as err:
        raise EndpointError(f"{url}: not a SPARQL query endpoint (HTTP {err.code} to ASK {{}})") from None
    except (urllib.error.URLError, OSError) as err:
        raise EndpointError(f"{url}: cannot reach the SPARQL endpoint ({_reason(err)})") from None


def open_store(path: str | os.PathLike | None = None, *, endpoint: str | None = None,
               update_endpoint: str | None = None, create: bool = True) -> ConflictStore:
    """Open the store: a directory (embedded Oxigraph), an endpoint URL, or neither (in memory).

    Args:
        path: the store directory; created when missing and ``create`` is true.
        endpoint: a SPARQL 1.1 query URL, instead of ``path``.
        update_endpoint: its update URL (default: :func:`update_endpoint_for`).
        create: whether a missing directory may be created (false for commands that only read).

    Returns:
        An open :class:`ConflictStore`.

    Raises:
        StoreLockedError: another process has the directory open.
        StoreNotFoundError: no store at ``path`` and ``create`` is false.
        EndpointError: the endpoint does not answer ``ASK {}``.
        StoreError: both ``path`` and ``endpoint``, or a directory that is not a store.
    """
    if path is not None and endpoint is not None:
        raise StoreError("give a store directory or an endpoint, not both")
    if endpoint is not None:
        from rdflib.plugins.stores.sparqlstore import SPARQLUpdateStore

        if not re.match(r"^https?://", endpoint):
            raise EndpointError(f"{endpoint}: an endpoint is an http:// or https:// URL")
        update_url = update_endpoint or update_endpoint_for(endpoint)
        _probe(endpoint)
        sparql = SPARQLUpdateStore(query_endpoint=endpoint, update_endpoint=update_url, returnFormat="json",
                                   method="POST")
        return ConflictStore(bind_prefixes(Dataset(store=sparql, default_union=True)), endpoint, update_url=update_url)
    from oxrdflib import OxigraphStore

    if path is None:
        inner, location = ox.Store(), ":memory:"
    else:
        folder = Path(path)
        location = str(folder)
        if folder.exists() and not folder.is_dir():
            raise StoreError(f"{folder}: not a directory")
        is_store = (folder / "CURRENT").is_file()
        if not is_store:
            if not create:
                raise StoreNotFoundError(f"{folder}: no store here (create one with: python -m graph load ... "
                                         f"--store {folder})")
            if folder.is_dir() and any(folder.iterdir()):
                raise StoreError(f"{folder}: the directory is not empty and holds no store")
        try:
            inner = ox.Store(str(folder))
        except OSError as err:
            if "lock" in str(err).lower():
                raise StoreLockedError(f"{folder}: the store is locked by another process; close it and retry") \
                    from None
            raise StoreError(f"{folder}: cannot open the store: {err}") from None
    dataset = Dataset(store=OxigraphStore(store=inner), default_union=True)
    return ConflictStore(dataset, location, oxigraph=inner)
