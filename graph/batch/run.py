"""The batch engine: read, key, skip what is done, extract in chunks on the workers, assemble.

:func:`run_batch` is what ``python -m graph extract`` calls. The input streams: articles are
read one at a time, each keyed (:mod:`graph.batch.keys`); an article already in
``OUTDIR/shards`` is skipped, the others are grouped in chunks that the executor
(:mod:`graph.batch.executors`) hands to workers, a few chunks per worker in flight. Each
chunk becomes a shard (:mod:`graph.batch.shards`); when every chunk is done the outputs are
assembled from the shards (:mod:`graph.batch.finalise`). Memory holds a few chunks and one
key per article, whatever the size of the batch.

A single input (one file, or stdin holding one article) runs in this process with its shard in
a temporary folder, and writes the same four files as before this engine existed; when it
fails nothing is written (not even ``OUTDIR``).
"""
from __future__ import annotations

import itertools
import logging
import shutil
import sys
import tempfile
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timezone
from pathlib import Path

from graph.batch.executors import DaskCluster, InProcess, ProcessPool, default_jobs
from graph.batch.finalise import Assembled, finalise, select
from graph.batch.keys import article_key, run_fingerprint
from graph.batch.shards import ShardFolder, run_token
from graph.batch.worker import WorkerConfig
from graph.errors import InputError, InputTooLargeError, OutputError, UnsupportedLanguageError
from graph.records import Article, RunInfo

__all__ = ["BatchSummary", "run_batch", "is_batch", "SHARDS", "CHUNK_ARTICLES", "CHUNK_CHARS",
           "MIN_ARTICLES_PER_WORKER"]

log = logging.getLogger(__name__)

#: the shards' folder inside OUTDIR
SHARDS = "shards"
#: most articles in a chunk (one shard); fewer when a small batch is spread over the workers
CHUNK_ARTICLES = 32
#: most characters of text in a chunk
CHUNK_CHARS = 400_000
#: a local pool gets no more workers than this many articles each (start-up costs a model load)
MIN_ARTICLES_PER_WORKER = 8


@dataclass
class BatchSummary:
    """What an ``extract`` run did: counts, the files written, where it ran."""

    articles: int = 0
    reused: int = 0
    failed: list[dict] = field(default_factory=list)
    actors: int = 0
    events: int = 0
    affiliations: int = 0
    relations: int = 0
    triples: int = 0
    occurrences: int = 0  # occurrences that several articles of the batch report (cross-article resolution)
    files: dict[str, str] = field(default_factory=dict)
    errors: list[Exception] = field(default_factory=list, repr=False)  # the InputErrors behind ``failed``
    executor: str = ""
    seconds: float = 0.0
    assembled: Assembled | None = field(default=None, repr=False)
    shards: Path | None = None
    batch: bool = True

    @property
    def rate(self) -> float:
        """Articles extracted per second in this run (reused ones not counted)."""
        return (self.articles - self.reused) / self.seconds if self.seconds else 0.0

    def lines(self) -> list[str]:
        """A human summary, one fact a line."""
        reused = f" ({self.reused} already done in earlier runs)" if self.reused else ""
        out = [f"articles: {self.articles} extracted{reused}, {len(self.failed)} failed",
               f"actors: {self.actors}  events: {self.events}  affiliations: {self.affiliations}  "
               f"event relations: {self.relations}  triples: {self.triples}"]
        if "resolution" in self.files:
            out.append(f"occurrences reported by several articles: {self.occurrences}")
        if self.executor and self.batch:
            out.append(f"time: {self.seconds:.1f} s ({self.rate:.2f} articles/s, {self.executor})")
        out += [f"{kind}: {path}" for kind, path in self.files.items()]
        return out


def is_batch(inputs: Sequence[str], stdin_feed: bool = False) -> bool:
    """Whether ``inputs`` make a batch (several inputs, a folder, a feed) rather than one article.

    >>> is_batch(["a.txt"]), is_batch(["a.txt", "b.txt"]), is_batch(["feed.jsonl"]), is_batch(["-"], True)
    (False, True, True, True)
    """
    if len(inputs) != 1:
        return True
    only = inputs[0]
    if only == "-":
        return stdin_feed
    return Path(only).is_dir() or only.lower().endswith(".jsonl")


def _readable(inputs, *, published, stdin, max_bytes, max_chars, languages, summary: BatchSummary
              ) -> Iterator[Article | dict]:
    """The articles of ``inputs``; an input that cannot be read becomes a failure dict (and is logged in ``summary``)."""
    from graph.cli import one_line
    from graph.ingest import DEFAULT_MAX_BYTES, DEFAULT_MAX_CHARS, check_language, check_length, iter_articles

    for item in iter_articles(inputs, published=published, stdin=stdin, max_bytes=max_bytes or DEFAULT_MAX_BYTES):
        if not isinstance(item, InputError):
            try:
                item = check_length(check_language(item, languages), max_chars or DEFAULT_MAX_CHARS)
            except UnsupportedLanguageError as err:
                err.problem += f"; --allow-language {item.language} processes it anyway"
                item = err
            except InputTooLargeError as err:
                err.problem += "; --max-chars N raises the limit"
                item = err
        elif isinstance(item, InputTooLargeError):
            item.problem += "; --max-bytes N raises the limit"
        if isinstance(item, InputError):
            item.args = (f"{item.source}: {item.problem}",)  # the hints added above
            summary.errors.append(item)
            failure = {"source": item.source, "problem": item.problem, "error": type(item).__name__}
            summary.failed.append(failure)
            yield failure
            continue
        if item.language not in (None, "en"):
            log.warning("%s: language is %r; processed with the English model, results will be poor",
                        one_line(item.source or item.id), item.language)
        yield item


def _chunk_size(count: int | None, jobs: int) -> int:
    if count is None:
        return CHUNK_ARTICLES
    return max(1, min(CHUNK_ARTICLES, -(-count // (jobs * 4))))


def _executor(batch: bool, count: int | None, jobs: int | None, workers: int | None, scheduler: str | None):
    if scheduler or workers:
        return DaskCluster(scheduler=scheduler, workers=workers)
    if not batch:
        return InProcess()
    jobs = jobs or default_jobs()
    if count is not None:
        jobs = min(jobs, max(1, count // MIN_ARTICLES_PER_WORKER))
    return ProcessPool(jobs) if jobs > 1 else InProcess()


def run_batch(inputs: Sequence[str], outdir: str | Path, *, fmt: str = "turtle", published: date | None = None,
              model: str | None = None, html: bool = True, validate: bool = False, progress: bool = True,
              stdin=None, max_bytes: int | None = None, languages: Sequence[str] = ("en",),
              max_chars: int | None = None, jobs: int | None = None, workers: int | None = None,
              scheduler: str | None = None, fresh: bool = False, resolve: bool = True,
              max_nodes: int = 1500, store=None, graph_store: str | None = None) -> BatchSummary:
    """Extract every readable article of ``inputs`` into ``outdir``, resuming what an earlier run left.

    Args:
        inputs: files, folders, ``.jsonl`` feeds, ``-`` for stdin (one article, or a JSON
            Lines feed when its first line is a JSON object with an ``id``).
        outdir: the output folder; a batch keeps its shards in ``outdir/shards``.
        fmt: the graph file's format (a key of :data:`graph.rdf.FORMATS`).
        published: the date of plain files and stdin that give none.
        model: the spaCy model (see :func:`graph.nlp.choose_model`).
        html: write ``graph.html``.
        validate: check every article graph against the SHACL shapes (a failing article is
            listed as failed).
        progress: a progress bar on stderr (for a batch), with rate and ETA.
        stdin: the stream read for ``-`` (default ``sys.stdin.buffer``).
        max_bytes, max_chars, languages: limits on what is read (see ``extract --help``).
        jobs: local worker processes (default: the CPUs available; fewer for a small batch).
        workers: run on a Dask ``LocalCluster`` of this many workers.
        scheduler: run on the Dask cluster at this address.
        fresh: discard the shards of earlier runs first.
        resolve: for a batch, resolve events and actors across its articles once the files are
            written (:func:`graph.resolve.output.resolve_output`: ``occurrence`` and ``entity`` in
            the JSON Lines, ``OUTDIR/resolution.<ext>``), and update the store's resolution graph
            for the articles loaded.
        max_nodes: the most nodes ``graph.html`` draws.
        store: an open :class:`graph.store.ConflictStore` the article graphs are loaded into
            (see :mod:`graph.batch.publish`), or None.
        graph_store: a Graph Store Protocol URL the article graphs are PUT to, or None.

    Returns:
        The :class:`BatchSummary`; ``failed`` lists what could not be read or extracted.

    Raises:
        ModelError: the model is missing (raised only once there is an article to extract).
        FolderInUseError: another run is writing ``outdir``.
        OutputError: an output cannot be written.
    """
    from graph import __version__
    from graph.ingest import DEFAULT_MAX_BYTES, count_articles, peek_stdin
    from graph.nlp import model_meta

    started = time.perf_counter()
    outdir = Path(outdir)
    summary = BatchSummary()
    stdin_feed = False
    if "-" in inputs:
        stdin_feed, stdin = peek_stdin(stdin, max_bytes or DEFAULT_MAX_BYTES)
    batch = summary.batch = is_batch(inputs, stdin_feed)
    count = count_articles(inputs) if batch else 1
    readable = _readable(inputs, published=published, stdin=stdin, max_bytes=max_bytes, max_chars=max_chars,
                         languages=languages, summary=summary)
    head: list[Article | dict] = []  # the model is looked at only once there is an article to extract
    for item in readable:
        head.append(item)
        if isinstance(item, Article):
            break
    if not batch and not any(isinstance(a, Article) for a in head):
        return summary  # one input that failed: nothing written
    if batch:
        _make_dir(outdir)
        folder = ShardFolder(outdir / SHARDS).open()
        if fresh:
            folder.clear()
        summary.shards = folder.path
    else:
        folder = ShardFolder(Path(tempfile.mkdtemp(prefix="conflict-graph-")) / SHARDS).open()
    sequence: list[str | dict] = []
    executor = None
    try:
        if any(isinstance(a, Article) for a in head):
            name, version = model_meta(model)
            executor = _executor(batch, count, jobs, workers, scheduler)
            summary.executor = executor.description
            run = RunInfo(__version__, name, version, datetime.now(timezone.utc).replace(microsecond=0))
            config = WorkerConfig(str(folder.path.resolve()), model, run, validate)
            _extract(executor, config, folder, itertools.chain(head, readable), sequence, summary,
                     count=count, show=progress and batch)
            executor.close()  # the workers' memory is given back before the outputs are assembled
            executor = None
        else:
            sequence.extend(head)  # nothing but failures
        if not batch:
            articles, failures = select(folder, sequence)
            if not articles:  # the one article failed: nothing is written
                summary.failed = failures
                return summary
            _make_dir(outdir)
        title = next((a.title or a.id for a in head if isinstance(a, Article)), None) if not batch else None
        assembled = finalise(folder, outdir, sequence, fmt=fmt, html=html, title=title, validated=validate,
                             max_nodes=max_nodes, failures_file=batch)
        summary.assembled = assembled
        summary.articles = len(assembled.articles)
        summary.failed = assembled.failures
        for kind in ("actors", "events", "affiliations", "relations", "triples"):
            setattr(summary, kind, assembled.counts.get(kind, 0))
        summary.files = assembled.files
        if batch and resolve and assembled.articles:
            from graph.rdf import FORMATS
            from graph.resolve.output import resolve_output

            summary.occurrences = len(resolve_output(outdir, fmt).merged)
            summary.files["resolution"] = str(outdir / f"resolution{FORMATS[fmt]}")
        if assembled.articles and (store is not None or graph_store):
            from graph.batch.publish import publish

            loaded = publish(folder, assembled.articles, store=store, graph_store=graph_store,
                             resolve=resolve, progress=progress and batch)
            summary.files["store"] = f"{loaded.store} ({loaded.graphs} graphs, {loaded.triples} triples)"
        summary.seconds = time.perf_counter() - started
        return summary
    finally:
        if executor is not None:
            executor.close()
        folder.close()
        if not batch:
            shutil.rmtree(folder.path.parent, ignore_errors=True)


def _extract(executor, config: WorkerConfig, folder: ShardFolder, items: Iterator[Article | dict],
             sequence: list, summary: BatchSummary, *, count: int | None, show: bool) -> None:
    """Key every article, skip those done, send the rest to the workers in chunks; fill ``sequence``."""
    from tqdm import tqdm

    fingerprint = run_fingerprint(config.run.model, config.run.model_version)
    done: set[str] = set()
    for shard in folder.shards():
        done.update(e.key for e in shard.articles if e.validated or not config.validate)
        done.update(f.key for f in shard.failures)
    bar = tqdm(total=count, desc="extracting", unit="article", file=sys.stderr, smoothing=0.05,
               disable=not show, dynamic_ncols=True)
    skipped = {"done before": 0, "unreadable": 0}

    def chunks() -> Iterator[tuple[str, list]]:
        token, number, chunk, chars = run_token(), 0, [], 0
        size = _chunk_size(count, executor.jobs)
        for item in items:
            if isinstance(item, dict):
                sequence.append(item)
                _skip(bar, skipped, "unreadable")
                continue
            key = article_key(item, fingerprint)
            sequence.append(key)
            if key in done:
                summary.reused += 1
                _skip(bar, skipped, "done before")
                continue
            done.add(key)
            chunk.append((key, item))
            chars += len(item.text)
            if len(chunk) >= size or chars >= CHUNK_CHARS:
                yield f"{token}-{number:06d}", chunk
                number, chunk, chars = number + 1, [], 0
        if chunk:
            yield f"{token}-{number:06d}", chunk

    try:
        for shard in executor.run(config, chunks()):
            bar.update(len(shard.articles) + len(shard.failures))
    finally:
        bar.close()


def _skip(bar, skipped: dict, why: str) -> None:
    """Take an article that needs no work off the bar's total, so that rate and ETA count only real work."""
    skipped[why] += 1
    if bar.total is not None:
        bar.total -= 1
    bar.set_postfix({k: v for k, v in skipped.items() if v}, refresh=False)


def _make_dir(outdir: Path) -> None:
    try:
        outdir.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        raise OutputError(f"{outdir}: cannot create the output folder ({err.strerror or err})") from None
