"""Errors of the store stage, under :class:`graph.errors.GraphError`.

::

    GraphError
    └── StoreError              the store cannot do what was asked; nothing was changed
        ├── StoreLockedError    another process holds the store directory's lock
        ├── StoreNotFoundError  no store at the given directory
        ├── EndpointError       the SPARQL endpoint cannot be reached or refuses the request
        ├── LoadError           an input file cannot be read as RDF
        └── QueryError          a malformed SPARQL query, or an update where a query was expected
            ├── UnknownQueryError   no named query by that name (names the known ones)
            └── ParameterError      a missing, unknown or ill-typed query parameter

The CLI prints any of them on one line and exits with status 2.

>>> err = UnknownQueryError("atacks", ["attacks", "claims"])
>>> str(err)
"unknown named query 'atacks'; known: attacks, claims"
>>> isinstance(err, QueryError) and isinstance(err, GraphError)
True
"""
from __future__ import annotations

from graph.errors import GraphError

__all__ = [
    "StoreError",
    "StoreLockedError",
    "StoreNotFoundError",
    "EndpointError",
    "LoadError",
    "QueryError",
    "UnknownQueryError",
    "ParameterError",
]


class StoreError(GraphError):
    """The store cannot do what was asked; nothing was changed."""


class StoreLockedError(StoreError):
    """Another process holds the lock of the store directory."""


class StoreNotFoundError(StoreError):
    """No store at the given directory."""


class EndpointError(StoreError):
    """The SPARQL endpoint cannot be reached or refuses the request."""


class LoadError(StoreError):
    """An input file cannot be read as RDF."""


class QueryError(StoreError):
    """A malformed SPARQL query, or an update where a query was expected."""


class UnknownQueryError(QueryError):
    """No named query by that name.

    Args:
        name: the name asked for.
        known: the names of the library's queries.
    """

    def __init__(self, name: str, known):
        self.name = name
        self.known = sorted(known)
        super().__init__(f"unknown named query {name!r}; known: {', '.join(self.known)}")


class ParameterError(QueryError):
    """A missing, unknown or ill-typed query parameter."""
