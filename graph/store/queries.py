"""The library of analyst questions: one ``.rq`` file each in ``graph/store/queries/``.

A file opens with comment lines: the first says what the query answers, then one line per
parameter::

    # Who attacked whom: ...
    # param since: date = 0001-01-01 -- first day, inclusive
    # param actor: string -- the actor's name (no default: required)

Types are ``string``, ``date``, ``integer`` and ``iri`` (an absolute IRI or a prefixed name
such as ``cg:backedBy``). A line ``# bind NAME: months(SINCE, UNTIL) -- help`` derives ``?NAME``
from two date parameters: every month (``xsd:gYearMonth``) from SINCE's to UNTIL's, one
``VALUES`` row each, when both are given (else ``?NAME`` is unbound). Matched against the
``cg:effectiveMonth`` the store materialises on each event, it lets a date range drive an index
lookup instead of a filter over every event. A parameter ``NAME`` is the query variable ``?NAME``; it is bound
as an RDF term before evaluation (see :mod:`graph.store.backend`). An optional parameter that
is not given (or is given its default) is left *unbound*: its default documents what "not
given" means (``""``: any; ``0001-01-01``/``9999-12-31``: no limit), and the query handles it
with ``BOUND``. Write a query so that a bound parameter is a term of a triple pattern
(``?a rdfs:label ?actor``), not only an operand in a ``FILTER``: Oxigraph then starts from the
index for that term instead of scanning and filtering. Use parameters in the top group of the
``WHERE`` clause, not inside ``OPTIONAL`` or a sub-query, where a ``VALUES`` row does not reach.

>>> q = named_queries()["timeline"]
>>> [(p.name, p.type, p.required) for p in q.params]
[('actor', 'string', True)]
>>> bind_params(q, {"actor": "Kataib Hezbollah"})
{'actor': rdflib.term.Literal('Kataib Hezbollah')}
"""
from __future__ import annotations

import functools
import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from rdflib import Literal, URIRef
from rdflib.namespace import XSD
from rdflib.term import Node

from graph.store.backend import ConflictStore, QueryResult, inject_values
from graph.store.errors import ParameterError, QueryError, UnknownQueryError
from graph.vocab.namespaces import PREFIXES

__all__ = ["QUERY_DIR", "QueryParam", "DerivedBinding", "NamedQuery", "named_queries", "get_named", "parse_header",
           "bind_params", "months", "bound_text", "to_term", "guess_term", "resolve", "run_query"]

QUERY_DIR = Path(__file__).with_name("queries")
TYPES = ("string", "date", "integer", "iri")

_PARAM = re.compile(r"^#\s*param\s+(?P<name>[A-Za-z_][A-Za-z0-9_]*)\s*:\s*(?P<type>\w+)"
                    r"(?:\s*=\s*(?P<default>\"\"|\S+))?\s*(?:--\s*(?P<help>.*))?$")
_BIND = re.compile(r"^#\s*bind\s+(?P<name>[A-Za-z_][A-Za-z0-9_]*)\s*:\s*(?P<function>\w+)\s*"
                   r"\(\s*(?P<args>[A-Za-z_][A-Za-z0-9_]*(?:\s*,\s*[A-Za-z_][A-Za-z0-9_]*)*)\s*\)\s*(?:--\s*(?P<help>.*))?$")
_NAME = re.compile(r"^[a-z][a-z0-9-]*$")
#: the most months a ``months(...)`` binding lists (100 years); a longer range is left unbound
MAX_MONTHS = 1200
_PREFIXED = re.compile(r"^(?P<prefix>[A-Za-z][\w-]*):(?P<local>[^\s/<>\"]*)$")
_IRI = re.compile(r"^[a-z][a-z0-9+.-]*:[^\s<>\"{}|\\^`]+$", re.IGNORECASE)


@dataclass(frozen=True)
class QueryParam:
    """A parameter of a named query: ``?name``, its type, its default (None: required).

    >>> QueryParam("since", "date", "0001-01-01").required
    False
    """

    name: str
    type: str
    default: str | None = None
    help: str = ""

    @property
    def required(self) -> bool:
        return self.default is None


@dataclass(frozen=True)
class DerivedBinding:
    """A variable bound from parameters: ``?name`` = ``function(*args)`` (see the module docstring).

    >>> DerivedBinding("month", "months", ("since", "until")).args
    ('since', 'until')
    """

    name: str
    function: str
    args: tuple[str, ...]
    help: str = ""


@dataclass(frozen=True)
class NamedQuery:
    """A query of the library: its name (the file stem), what it answers, its parameters, its text."""

    name: str
    description: str
    params: tuple[QueryParam, ...]
    text: str
    path: str = ""
    derived: tuple[DerivedBinding, ...] = ()

    def param(self, name: str) -> QueryParam | None:
        return next((p for p in self.params if p.name == name), None)

    def usage(self) -> str:
        """``name --param a=A [--param b=B]``.

        >>> named_queries()["timeline"].usage()
        'timeline --param actor=STRING'
        """
        parts = [self.name]
        for p in self.params:
            option = f"--param {p.name}={p.type.upper()}"
            parts.append(option if p.required else f"[{option}]")
        return " ".join(parts)


def parse_header(text: str, name: str = "query", path: str = "") -> NamedQuery:
    """Read the description and parameters from a query's leading comment lines.

    Raises:
        QueryError: a malformed parameter or bind line, an unknown parameter type or function.

    >>> q = parse_header('# Counts.\\n# param n: integer = 3 -- how many\\nSELECT ?n WHERE {}')
    >>> q.description, q.params[0]
    ('Counts.', QueryParam(name='n', type='integer', default='3', help='how many'))
    """
    description, params, derived = [], [], []
    for line in text.splitlines():
        stripped = line.strip()
        if not stripped:
            continue
        if not stripped.startswith("#"):
            break
        if re.match(r"^#\s*param\b", stripped):
            m = _PARAM.match(stripped)
            if not m or m["type"] not in TYPES:
                raise QueryError(f"{path or name}: malformed parameter line {stripped!r} "
                                 f"(expected '# param NAME: {'|'.join(TYPES)} [= DEFAULT] -- help')")
            default = m["default"]
            default = "" if default == '""' else default
            params.append(QueryParam(m["name"], m["type"], default, (m["help"] or "").strip()))
        elif re.match(r"^#\s*bind\b", stripped):
            m = _BIND.match(stripped)
            args = tuple(a.strip() for a in m["args"].split(",")) if m else ()
            if not m or m["function"] not in _DERIVE:
                raise QueryError(f"{path or name}: malformed bind line {stripped!r} "
                                 f"(expected '# bind NAME: {'|'.join(_DERIVE)}(PARAM, PARAM) -- help')")
            unknown = [a for a in args if a not in {p.name for p in params}]
            if unknown or len(args) != 2:
                raise QueryError(f"{path or name}: {stripped!r}: {m['function']} takes two parameters declared "
                                 f"above it" + (f"; unknown: {', '.join(unknown)}" if unknown else ""))
            derived.append(DerivedBinding(m["name"], m["function"], args, (m["help"] or "").strip()))
        elif not params:
            description.append(stripped.lstrip("#").strip())
    return NamedQuery(name, " ".join(d for d in description if d), tuple(params), text, path, tuple(derived))


@functools.cache
def named_queries() -> dict[str, NamedQuery]:
    """Every named query of the library, by name.

    >>> "attacks" in named_queries()
    True
    """
    out = {}
    for path in sorted(QUERY_DIR.glob("*.rq")):
        out[path.stem] = parse_header(path.read_text(encoding="utf-8"), path.stem, str(path))
    return out


def get_named(name: str) -> NamedQuery:
    """The named query ``name``.

    Raises:
        UnknownQueryError: no such query (the message lists the known ones).
    """
    queries = named_queries()
    if name not in queries:
        raise UnknownQueryError(name, queries)
    return queries[name]


def to_term(value: str, type_: str, name: str = "value") -> Node:
    """Turn the text of a parameter into an RDF term of ``type_``.

    Raises:
        ParameterError: the text is not a value of that type.

    >>> to_term("2024-03-05", "date")
    rdflib.term.Literal('2024-03-05', datatype=rdflib.term.URIRef('http://www.w3.org/2001/XMLSchema#date'))
    >>> to_term("cg:backedBy", "iri")
    rdflib.term.URIRef('https://w3id.org/conflict-graph/ontology#backedBy')
    >>> to_term("", "iri")
    rdflib.term.Literal('')
    """
    if type_ == "string":
        return Literal(value)
    if type_ == "date":
        try:
            return Literal(date.fromisoformat(value).isoformat(), datatype=XSD.date)
        except ValueError:
            raise ParameterError(f"parameter {name}: {value!r} is not a date (YYYY-MM-DD)") from None
    if type_ == "integer":
        if not re.fullmatch(r"[+-]?[0-9]+", value.strip()):
            raise ParameterError(f"parameter {name}: {value!r} is not an integer")
        return Literal(int(value), datatype=XSD.integer)
    if type_ == "iri":
        if value == "":
            return Literal("")
        text = value[1:-1] if value.startswith("<") and value.endswith(">") else value
        m = _PREFIXED.match(text)
        if m and m["prefix"] in PREFIXES:
            return URIRef(str(PREFIXES[m["prefix"]]) + m["local"])
        if _IRI.match(text):
            return URIRef(text)
        raise ParameterError(f"parameter {name}: {value!r} is not an absolute IRI or a prefixed name "
                             f"({', '.join(sorted(PREFIXES))})")
    raise ParameterError(f"parameter {name}: unknown type {type_!r}; known: {', '.join(TYPES)}")


def guess_term(value: str) -> Node:
    """The term for a parameter of a query without declared parameters: ``<IRI>``, date, integer, or string.

    >>> guess_term("<http://example.org/x>"), guess_term("12"), guess_term("Iran")
    (rdflib.term.URIRef('http://example.org/x'), rdflib.term.Literal('12', datatype=rdflib.term.URIRef('http://www.w3.org/2001/XMLSchema#integer')), rdflib.term.Literal('Iran'))
    """
    if value.startswith("<") and value.endswith(">"):
        return to_term(value, "iri")
    if re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", value):
        return to_term(value, "date")
    if re.fullmatch(r"[+-]?[0-9]+", value):
        return to_term(value, "integer")
    return Literal(value)


def months(since: Node | None, until: Node | None) -> list[Node] | None:
    """Every month from ``since``'s to ``until``'s as ``xsd:gYearMonth`` terms; None when either is unbound.

    A range longer than :data:`MAX_MONTHS` is None too (left unbound: filtered, not looked up);
    ``since`` after ``until`` gives no month.

    >>> [str(m) for m in months(to_term("2023-11-20", "date"), to_term("2024-02-01", "date"))]
    ['2023-11', '2023-12', '2024-01', '2024-02']
    >>> months(to_term("2024-01-01", "date"), None) is None
    True
    """
    if since is None or until is None:
        return None
    first, last = date.fromisoformat(str(since)), date.fromisoformat(str(until))
    start, end = first.year * 12 + first.month - 1, last.year * 12 + last.month - 1
    if end - start + 1 > MAX_MONTHS:
        return None
    return [Literal(f"{m // 12:04d}-{m % 12 + 1:02d}", datatype=XSD.gYearMonth) for m in range(start, end + 1)]


#: functions a ``# bind`` line may use: parameter terms (None when unbound) -> terms, or None (unbound)
_DERIVE = {"months": months}


def bind_params(query: NamedQuery, values: Mapping[str, str]) -> dict[str, Node | list[Node]]:
    """Check ``values`` against the query's parameters and turn the given ones into terms.

    An optional parameter not given, or given its default, is left out (unbound in the query).
    A ``# bind`` variable is a list of terms (one ``VALUES`` row each), or left out when unbound.

    A query that declares no parameters takes any, typed by :func:`guess_term`.

    Raises:
        ParameterError: an unknown parameter, a missing required one, or an ill-typed value.

    >>> bind_params(named_queries()["timeline"], {})
    Traceback (most recent call last):
    ...
    graph.store.errors.ParameterError: timeline: missing parameter actor (the actor's name or alias, e.g. "Kataib Hezbollah"); give --param actor=STRING
    """
    if not query.params:
        return {name: guess_term(value) for name, value in values.items()}
    unknown = sorted(set(values) - {p.name for p in query.params})
    if unknown:
        raise ParameterError(f"{query.name}: unknown parameter {', '.join(unknown)}; "
                             f"known: {', '.join(p.name for p in query.params)}")
    out = {}
    for p in query.params:
        if p.name in values:
            out[p.name] = to_term(values[p.name], p.type, p.name)
        elif p.required:
            raise ParameterError(f"{query.name}: missing parameter {p.name} ({p.help}); "
                                 f"give --param {p.name}={p.type.upper()}")
    # an optional parameter given its default is the same as not given: unbound
    out = {name: term for name, term in out.items()
           if (p := query.param(name)).required or term != to_term(p.default, p.type if p.default else "string", name)}
    for d in query.derived:
        terms = _DERIVE[d.function](*(out.get(a) for a in d.args))
        if terms is not None:
            out[d.name] = terms
    return out


def resolve(query: str) -> NamedQuery:
    """A named query, a ``.rq`` file, or SPARQL text, as a :class:`NamedQuery`.

    Raises:
        UnknownQueryError: a bare word that names no query.
        QueryError: a ``.rq`` file that cannot be read.

    >>> resolve("SELECT * WHERE { ?s ?p ?o }").name
    'query'
    """
    text = query.strip()
    if _NAME.match(text):
        return get_named(text)
    if text.endswith(".rq") and "\n" not in text:
        path = Path(text)
        try:
            return parse_header(path.read_text(encoding="utf-8"), path.stem, str(path))
        except OSError as err:
            raise QueryError(f"{path}: cannot read the query file ({err.strerror or err})") from None
    return parse_header(query)


def bound_text(query: NamedQuery, values: Mapping[str, str]) -> str:
    """The query's text with ``values`` bound as :func:`run_query` binds them (for another SPARQL engine).

    >>> "VALUES (?actor)" in bound_text(named_queries()["timeline"], {"actor": "Iran"})
    True
    """
    return inject_values(query.text, bind_params(query, values))


def run_query(store: ConflictStore, query: str | NamedQuery, params: Mapping[str, str] | None = None) -> QueryResult:
    """Run a named query, a ``.rq`` file or SPARQL text with ``params`` on ``store``.

    Args:
        store: an open store.
        query: a name from :func:`named_queries`, a path ending in ``.rq``, SPARQL text, or a NamedQuery.
        params: parameter name -> text, typed by the query's declarations.

    Returns:
        The answer, without the parameter columns.

    Raises:
        UnknownQueryError, ParameterError, QueryError, EndpointError, StoreError.
    """
    named = query if isinstance(query, NamedQuery) else resolve(query)
    bindings = bind_params(named, params or {})
    result = store.query(named.text, bindings)
    if result.kind == "SELECT" and bindings:
        keep = [i for i, v in enumerate(result.vars) if v not in bindings]
        if len(keep) < len(result.vars):
            result.vars = [result.vars[i] for i in keep]
            result.rows = [tuple(row[i] for i in keep) for row in result.rows]
    return result
