"""Store stage: a persistent RDF dataset (Oxigraph on disk, or any SPARQL 1.1 endpoint) and the analyst queries.

``backend.py`` opens the store behind rdflib and replaces article graphs; ``load.py`` loads
``extract`` output into it; ``materialise.py`` derives, in each article graph, what the queries
need (effective dates and months) and ``digest.py`` its network digest (what NetworkX reads);
``resolution.py`` keeps the cross-article resolution graph; ``queries.py`` runs the library of
named questions in ``queries/*.rq`` with typed parameters; ``results.py`` prints answers as a
table, CSV or JSON.

>>> with open_store() as store:
...     run_query(store, "attacks").rows
[]
"""
from graph.store.backend import ConflictStore, QueryResult, open_store
from graph.store.errors import (
    EndpointError,
    LoadError,
    ParameterError,
    QueryError,
    StoreError,
    StoreLockedError,
    StoreNotFoundError,
    UnknownQueryError,
)
from graph.store.load import LoadSummary, load_dataset, load_files
from graph.store.queries import NamedQuery, get_named, named_queries, run_query
from graph.store.queries import resolve as resolve_query
from graph.store.resolution import StoreResolution, resolve_store
from graph.store.results import OUTPUT_FORMATS, format_result

__all__ = [
    "ConflictStore", "QueryResult", "open_store", "LoadSummary", "load_files", "load_dataset",
    "NamedQuery", "named_queries", "get_named", "resolve_query", "run_query", "OUTPUT_FORMATS", "format_result",
    "StoreResolution", "resolve_store",
    "StoreError", "StoreLockedError", "StoreNotFoundError", "EndpointError", "LoadError", "QueryError",
    "UnknownQueryError", "ParameterError",
]
