"""The SPARQL 1.1 Graph Store HTTP Protocol: replace one named graph with an HTTP ``PUT``.

``PUT <endpoint>?graph=<IRI>`` with an N-Triples body replaces the graph ``IRI`` on the
server (created if missing). Every SPARQL 1.1 server with the protocol takes it:

==========  ===============================================================
Oxigraph    ``http://HOST:7878/store``
Fuseki      ``http://HOST:3030/DATASET/data`` (or ``/DATASET``)
Virtuoso    ``http://HOST:8890/sparql-graph-crud`` (``SPARQL_UPDATE`` granted to the ``SPARQL`` user)
GraphDB     ``http://HOST:7200/repositories/REPO/rdf-graphs/service``
==========  ===============================================================

A graph goes in one request, so the server swaps it in one transaction: readers see the old
article or the new one, never half of it.

>>> graph_url("http://127.0.0.1:7878/store", "https://w3id.org/conflict-graph/id/article/a/graph")
'http://127.0.0.1:7878/store?graph=https%3A%2F%2Fw3id.org%2Fconflict-graph%2Fid%2Farticle%2Fa%2Fgraph'
"""
from __future__ import annotations

import urllib.error
import urllib.parse
import urllib.request

from graph.store.errors import EndpointError

__all__ = ["graph_url", "put_graph", "TIMEOUT"]

#: seconds to wait for the server to take one graph
TIMEOUT = 120


def graph_url(endpoint: str, graph: str) -> str:
    """The URL naming ``graph`` on a Graph Store Protocol endpoint (``?graph=``, percent-encoded)."""
    joiner = "&" if "?" in endpoint else "?"
    return f"{endpoint}{joiner}{urllib.parse.urlencode({'graph': graph})}"


def put_graph(endpoint: str, graph: str, ntriples: bytes, *, headers: dict | None = None) -> None:
    """Replace the named graph ``graph`` on the server with ``ntriples``.

    Args:
        endpoint: the Graph Store Protocol URL (see the module docstring).
        graph: the graph IRI.
        ntriples: the graph's triples, N-Triples, UTF-8.
        headers: extra request headers (e.g. ``Authorization``).

    Raises:
        EndpointError: the server cannot be reached or refuses the graph (its answer quoted).
    """
    if not endpoint.startswith(("http://", "https://")):
        raise EndpointError(f"{endpoint}: a Graph Store Protocol endpoint is an http:// or https:// URL")
    request = urllib.request.Request(graph_url(endpoint, graph), data=ntriples, method="PUT",
                                     headers={"Content-Type": "application/n-triples", **(headers or {})})
    try:
        with urllib.request.urlopen(request, timeout=TIMEOUT) as response:
            response.read()
    except urllib.error.HTTPError as err:
        body = err.read().decode("utf-8", "replace").strip().splitlines()
        raise EndpointError(f"{endpoint}: HTTP {err.code} to PUT graph <{graph}>: "
                            f"{body[0][:300] if body else err.reason}") from None
    except (urllib.error.URLError, OSError) as err:
        reason = getattr(err, "reason", None) or err
        raise EndpointError(f"{endpoint}: cannot reach the Graph Store endpoint ({reason})") from None
