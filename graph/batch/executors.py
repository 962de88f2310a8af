"""Where chunks run: in this process, in a local process pool, or on a Dask cluster.

Every executor has ``run(config, chunks)``: it takes ``(name, items)`` chunks lazily from an
iterator, keeps at most a few chunks per worker in flight (so reading the input never runs
ahead of the workers and memory stays bounded), and yields each :class:`~graph.batch.shards.Shard`
as it completes, in completion order. Each worker process loads the model once.

- :class:`InProcess`: one process, no start-up cost (a single article, tiny batches).
- :class:`ProcessPool`: ``jobs`` worker processes (``spawn``: each imports the package and
  loads the model itself), the default for a batch.
- :class:`DaskCluster`: the workers of a Dask distributed cluster, an existing one
  (``scheduler`` address) or a ``LocalCluster`` of ``workers`` processes started for the run.
  Workers write shards to the output folder themselves: on a real cluster it must be on a file
  system every worker sees at the same path.
"""
from __future__ import annotations

import logging
import os
from collections.abc import Iterable, Iterator

from graph.batch.shards import Shard
from graph.batch.worker import WorkerConfig, process_chunk
from graph.errors import GraphError

__all__ = ["InProcess", "ProcessPool", "DaskCluster", "default_jobs", "WorkerLostError"]

log = logging.getLogger(__name__)

#: chunks in flight per worker: one running, one waiting, so no worker idles between chunks
IN_FLIGHT_PER_WORKER = 2
#: chunks a local worker process runs before it is replaced by a fresh one (spaCy's string store
#: grows with every new word it sees; a model load every ~2,000 articles keeps memory flat)
CHUNKS_PER_PROCESS = 64


class WorkerLostError(GraphError):
    """A worker process died (killed, out of memory); finished shards are kept for a re-run."""


def default_jobs() -> int:
    """The CPUs this process may use (``os.sched_getaffinity``), at least 1.

    >>> default_jobs() >= 1
    True
    """
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not Linux
        return max(1, os.cpu_count() or 1)


class InProcess:
    """Run every chunk here, one after another."""

    jobs = 1
    description = "in this process"

    def run(self, config: WorkerConfig, chunks: Iterable[tuple[str, list]]) -> Iterator[Shard]:
        for name, items in chunks:
            yield process_chunk(config, name, items)

    def close(self) -> None:
        pass


def _worker_init() -> None:
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")


class ProcessPool:
    """A pool of ``jobs`` local worker processes."""

    def __init__(self, jobs: int):
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        self.jobs = jobs
        self.description = f"{jobs} local processes"
        self.pool = ProcessPoolExecutor(max_workers=jobs, mp_context=multiprocessing.get_context("spawn"),
                                        initializer=_worker_init, max_tasks_per_child=CHUNKS_PER_PROCESS)

    def run(self, config: WorkerConfig, chunks: Iterable[tuple[str, list]]) -> Iterator[Shard]:
        from concurrent.futures import FIRST_COMPLETED, wait
        from concurrent.futures.process import BrokenProcessPool

        pending: set = set()
        try:
            for name, items in chunks:
                pending.add(self.pool.submit(process_chunk, config, name, items))
                while len(pending) >= self.jobs * IN_FLIGHT_PER_WORKER:
                    done, pending = wait(pending, return_when=FIRST_COMPLETED)
                    yield from (f.result() for f in done)
            while pending:
                done, pending = wait(pending, return_when=FIRST_COMPLETED)
                yield from (f.result() for f in done)
        except BrokenProcessPool as err:
            raise WorkerLostError(f"a worker process died ({err}); finished chunks are kept: run the same "
                                  "command again to go on") from None

    def close(self) -> None:
        self.pool.shutdown(wait=True, cancel_futures=True)


class DaskCluster:
    """The workers of a Dask distributed cluster: ``scheduler`` (an address) or a new ``LocalCluster``."""

    def __init__(self, *, scheduler: str | None = None, workers: int | None = None):
        try:
            from distributed import Client, LocalCluster
        except ImportError:  # pragma: no cover - installed with the package
            raise GraphError("Dask distributed is not installed: pip install 'distributed'") from None
        self.cluster = None
        try:
            if scheduler:
                self.client = Client(scheduler, timeout="30s")
            else:
                self.cluster = LocalCluster(n_workers=workers or default_jobs(), threads_per_worker=1,
                                            processes=True, dashboard_address=None,
                                            silence_logs=logging.ERROR)
                self.client = Client(self.cluster)
        except (OSError, TimeoutError) as err:
            raise GraphError(f"cannot reach the Dask scheduler {scheduler or '(local)'}: {err}") from None
        self.jobs = max(1, sum(w.get("nthreads", 1) for w in self.client.scheduler_info()["workers"].values()))
        where = scheduler or f"a local cluster of {workers or default_jobs()} workers"
        self.description = f"Dask ({where})"

    def run(self, config: WorkerConfig, chunks: Iterable[tuple[str, list]]) -> Iterator[Shard]:
        from distributed import wait

        pending: set = set()

        def collect(done) -> Iterator[Shard]:
            for future in done:
                if future.status == "error":
                    error = future.exception()
                    if isinstance(error, GraphError):
                        raise error
                    raise WorkerLostError(f"chunk {future.key} failed on the cluster ({type(error).__name__}: "
                                          f"{error}); finished chunks are kept: run the same command again")
                yield future.result()

        for name, items in chunks:
            # the key names the chunk: a task the cluster re-runs writes the same shard again
            pending.add(self.client.submit(process_chunk, config, name, items, key=f"extract-{name}",
                                           pure=False, retries=1))
            while len(pending) >= self.jobs * IN_FLIGHT_PER_WORKER:
                done, pending = _wait_first(wait, pending)
                yield from collect(done)
        while pending:
            done, pending = _wait_first(wait, pending)
            yield from collect(done)

    def close(self) -> None:
        self.client.close()
        if self.cluster is not None:
            self.cluster.close()


def _wait_first(wait, pending: set) -> tuple[set, set]:
    result = wait(list(pending), return_when="FIRST_COMPLETED")
    return set(result.done), set(result.not_done)
