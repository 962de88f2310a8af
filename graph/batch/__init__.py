"""Batch stage: many articles at speed, resumable, on local processes or a Dask cluster.

``run.py`` is the engine (:func:`run_batch`): it streams the input, keys each article by its
content (``keys.py``), skips those an earlier run finished, and hands chunks to an executor
(``executors.py``: this process, a local process pool, or Dask distributed). Each chunk is
extracted by ``worker.py`` into a shard of ``OUTDIR/shards`` (``shards.py``: N-Quads, JSON
Lines rows, a manifest written last, every file atomic). ``finalise.py`` assembles the output
files from the shards, streaming; cross-article resolution then runs over those files
(:mod:`graph.resolve.output`). ``publish.py`` loads the shards into a store: the
embedded Oxigraph, a SPARQL 1.1 Update endpoint, or a Graph Store Protocol endpoint.

>>> import io, tempfile
>>> summary = run_batch(["-"], tempfile.mkdtemp(), stdin=io.BytesIO(b""), progress=False)
>>> summary.articles, summary.failed[0]["problem"]
(0, 'the input is empty')
"""
from graph.batch.run import BatchSummary, is_batch, run_batch

__all__ = ["run_batch", "BatchSummary", "is_batch"]
