"""Load a batch's article graphs from its shards into a store: embedded, SPARQL Update, or Graph Store Protocol.

Each article is one named graph and replaces the graph of the same name; nothing else in the
store changes. The shards are read, never the assembled graph file (which may be Turtle, with
no graph names):

- **embedded Oxigraph** (``--store DIR``): the article graphs are dropped, then each shard
  file goes through Oxigraph's bulk loader (a shard of which only some articles belong to the
  run is loaded from those articles' byte ranges);
- **SPARQL 1.1 Update** (``--endpoint URL``): :meth:`graph.store.ConflictStore.replace_quads`,
  one ``DROP GRAPH`` + ``INSERT DATA`` per article, batched into requests;
- **Graph Store Protocol** (``--graph-store URL``): one HTTP ``PUT`` per article graph
  (:mod:`graph.store.gsp`).

Afterwards, as :func:`graph.store.load_files` does, the terms the named queries read are derived
in each article graph (:func:`graph.store.materialise.materialise`: effective dates and months,
network digests) and the store's resolution graph is updated for the articles loaded
(:func:`graph.store.resolution.resolve_store`, incremental); both are SPARQL, so with the Graph
Store Protocol alone (no update endpoint) name one with ``--endpoint`` to run the analyst queries.
"""
from __future__ import annotations

import logging
import sys
import time
from collections.abc import Sequence
from itertools import groupby

from graph.batch.finalise import Selected
from graph.batch.shards import PARTS, ShardFolder

__all__ = ["publish"]

log = logging.getLogger(__name__)


def publish(folder: ShardFolder, articles: Sequence[Selected], *, store=None, graph_store: str | None = None,
            resolve: bool = True, progress: bool = False):
    """Write the article graphs of ``articles`` into a store, derive the queries' terms, resolve.

    Args:
        folder: the shards.
        articles: the run's articles (``Assembled.articles``).
        store: an open :class:`graph.store.ConflictStore` (embedded or endpoint), or None.
        graph_store: a Graph Store Protocol URL; the graphs are PUT there (then ``store``,
            if given, only adds the effective dates).
        resolve: update the store's resolution graph for these articles.
        progress: a progress bar on stderr.

    Returns:
        A :class:`graph.store.LoadSummary`.

    Raises:
        StoreError, EndpointError: the store refuses the data.
    """
    import pyoxigraph as ox
    from tqdm import tqdm

    from graph.store import LoadSummary
    from graph.store.errors import StoreError
    from graph.store.gsp import put_graph
    from graph.store.materialise import materialise
    from graph.store.resolution import resolve_store

    started = time.perf_counter()
    names: list[str] = []
    triples = 0
    counts = {}
    for shard in folder.shards():
        counts[shard.name] = len(shard.articles)
    bar = tqdm(total=len(articles), desc="loading", unit="article", file=sys.stderr, disable=not progress)
    try:
        for shard_name, group in groupby(articles, key=lambda s: s.shard):
            group = list(group)
            graphs = [s.entry.graph for s in group]
            names += graphs
            triples += sum(s.entry.counts.get("triples", 0) for s in group)
            if graph_store:
                for s in group:
                    data = folder.read(shard_name, "nq", s.entry.spans["nq"])
                    put_graph(graph_store, s.entry.graph, _triples_only(data, s.entry.graph))
            elif store.oxigraph is not None:
                store.remove_graphs(graphs)
                try:
                    if len(group) == counts.get(shard_name):  # the whole file belongs to this run
                        store.oxigraph.bulk_load(path=str(folder.path / f"{shard_name}{PARTS['nq']}"),
                                                 format=ox.RdfFormat.N_QUADS, lenient=True)
                    else:
                        data = b"".join(folder.read(shard_name, "nq", s.entry.spans["nq"]) for s in group)
                        store.oxigraph.bulk_load(data, format=ox.RdfFormat.N_QUADS, lenient=True)
                except (OSError, SyntaxError) as err:
                    raise StoreError(f"{store.location}: loading shard {shard_name} failed: {err}") from None
            else:
                data = b"".join(folder.read(shard_name, "nq", s.entry.spans["nq"]) for s in group)
                store.replace_quads(ox.parse(data, format=ox.RdfFormat.N_QUADS))
            bar.update(len(group))
    finally:
        bar.close()
    if store is not None:
        materialise(store, names)
        if resolve:
            resolve_store(store, names, progress=progress)
        if store.kind == "embedded":
            store.oxigraph.flush()
    where = graph_store or (store.location if store is not None else "")
    return LoadSummary([str(folder.path)], len(names), triples, time.perf_counter() - started, where)


def _triples_only(nquads: bytes, graph: str) -> bytes:
    """N-Quads lines of one graph as N-Triples (the graph term dropped from each line end)."""
    return nquads.replace(f" <{graph}> .\n".encode(), b" .\n")
