"""The work of one chunk of articles, in whichever process runs it: parse, extract, map, write a shard.

:func:`process_chunk` is what every executor runs (in the client process, in a local process
pool, on a Dask worker). The spaCy model is loaded once per process (:func:`graph.nlp.pipeline`
caches it) and the chunk is parsed as one ``nlp.pipe`` stream. For each article the worker
formats its triples as N-Quads (:func:`graph.rdf.nquads`, no rdflib graph is built unless
``validate``), its ``events.jsonl`` / ``actors.jsonl`` rows, and its nodes and edges for the
HTML view, then writes the chunk's shard (:func:`graph.batch.shards.write_shard`). An article
whose extraction raises is listed as failed and the others go on.
"""
from __future__ import annotations

import json
import logging
from dataclasses import dataclass

from graph.batch.shards import ArticleEntry, FailureEntry, Shard, write_shard
from graph.records import Article, RunInfo

__all__ = ["WorkerConfig", "process_chunk", "article_pieces", "run_record", "Pieces"]

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class WorkerConfig:
    """What every chunk of a run shares: where shards go, the model, the run, the options.

    ``shards`` must be the same path on every machine that runs chunks (a shared file
    system for a real cluster).
    """

    shards: str
    model: str | None
    run: RunInfo
    validate: bool = False


def run_record(run: RunInfo) -> dict:
    """The run as the manifest records it.

    >>> run_record(RunInfo("0.1.0", "en_core_web_sm", "3.8.0"))["model"]
    'en_core_web_sm'
    """
    return {"software": run.software, "version": run.version, "model": run.model,
            "model_version": run.model_version, "started": run.started.isoformat() if run.started else None}


class Pieces:
    """The data files of a shard being built, and each article's byte range in them.

    >>> p = Pieces()
    >>> p.add({"nq": b"abc"}), p.add({"nq": b"de"}), p.files()["nq"]
    ({'nq': (0, 3)}, {'nq': (3, 2)}, b'abcde')
    """

    def __init__(self):
        self.chunks: dict[str, list[bytes]] = {"nq": [], "events": [], "actors": [], "viz": []}
        self.sizes = dict.fromkeys(self.chunks, 0)

    def add(self, pieces: dict[str, bytes]) -> dict[str, tuple[int, int]]:
        spans = {}
        for part, data in pieces.items():
            spans[part] = (self.sizes[part], len(data))
            self.chunks[part].append(data)
            self.sizes[part] += len(data)
        return spans

    def files(self) -> dict[str, bytes]:
        return {part: b"".join(chunks) for part, chunks in self.chunks.items()}


def _viz_line(x) -> bytes:
    """One article's nodes (with their importance) and edges for graph.html, as a JSON line."""
    from graph.analysis.from_records import extraction_to_networkx
    from graph.viz.view import importance

    g = extraction_to_networkx(x)
    nodes = []
    for node, attrs in g.nodes(data=True):
        casualties = (attrs.get("killed") or 0) + (attrs.get("injured") or 0)
        nodes.append([node, attrs, importance(attrs["kind"], g.degree(node), casualties)])
    edges = [[u, v, key, attrs] for u, v, key, attrs in g.edges(keys=True, data=True)]
    return (json.dumps({"nodes": nodes, "edges": edges}, ensure_ascii=False) + "\n").encode("utf-8")


def article_pieces(x, validate: bool = False) -> tuple[dict[str, bytes], dict[str, int], str]:
    """What one extraction puts in a shard: the bytes of each part, its counts, its graph IRI.

    The N-Quads hold first the triples about the article's own nodes, then those about the
    nodes every article shares (the run, software, model, outlet), so that a union of many
    articles can write each shared triple once.

    Args:
        x: the :class:`~graph.records.Extraction`.
        validate: check its graph against the SHACL shapes first.

    Returns:
        ``(pieces, counts, graph IRI, own)``; ``pieces`` maps each part of
        :data:`graph.batch.shards.PARTS` to its bytes; the first ``own`` bytes of the N-Quads are
        the article's own triples.

    Raises:
        ValidationError: ``validate`` and the graph does not conform.

    >>> from graph.records import Article, Extraction
    >>> pieces, counts, graph, own = article_pieces(Extraction(Article("a1", "One.")))
    >>> sorted(pieces), counts["triples"] > 0, graph.endswith("/graph")
    (['actors', 'events', 'nq', 'viz'], True, True)
    """
    from graph.export.jsonl import actor_rows, dumps_line, event_rows
    from graph.rdf.mapping import extraction_triples
    from graph.rdf.nquads import nquads

    name, triples = extraction_triples(x)
    if validate:
        from graph.rdf import extraction_to_graph, validate

        validate(extraction_to_graph(x))
    own = str(name)[:-len("graph")]  # the article's IRI and a slash: what the article alone describes
    mine = [t for t in triples if t[0].startswith(own)]
    shared = [t for t in triples if not t[0].startswith(own)]  # run, software, model, outlet: every article repeats them
    head = nquads(mine, name).encode("utf-8")
    pieces = {
        "nq": head + nquads(shared, name).encode("utf-8"),
        "events": "".join(dumps_line(row) + "\n" for row in event_rows(x)).encode("utf-8"),
        "actors": "".join(dumps_line(row) + "\n" for row in actor_rows(x)).encode("utf-8"),
        "viz": _viz_line(x),
    }
    counts = {"actors": len(x.actors), "events": len(x.events), "affiliations": len(x.affiliations),
              "relations": len(x.relations), "triples": len(triples)}
    return pieces, counts, str(name), len(head)


def _failure(key: str, article: Article, exc: Exception) -> FailureEntry:
    from graph.errors import ValidationError

    source = article.source or article.id
    log.debug("%s: extraction failed", source, exc_info=True)
    if isinstance(exc, ValidationError):
        first = str(exc).splitlines()
        return FailureEntry(key, source, f"the graph does not conform to the SHACL shapes ({first[0]})",
                            "ValidationError")
    return FailureEntry(key, source, f"extraction failed ({type(exc).__name__}: {exc})", "ExtractionError")


def process_chunk(config: WorkerConfig, name: str, items: list[tuple[str, Article]]) -> Shard:
    """Extract a chunk of articles and write its shard ``name`` into ``config.shards``.

    Args:
        config: the run's settings.
        name: the shard's name (the same name for the same chunk, so a re-run task rewrites it).
        items: ``(key, article)`` pairs.

    Returns:
        The shard written (entries and failures, no data).

    Raises:
        ModelError: the model cannot be loaded here.
        OutputError: the shard cannot be written.
    """
    from pathlib import Path

    from graph.errors import ModelError
    from graph.extract.pipeline import extract_doc
    from graph.nlp import parse, parse_stream, pipeline

    nlp = pipeline(config.model)
    parts, entries, failures = Pieces(), [], []

    def handle(doc, key: str, article: Article) -> None:
        try:
            pieces, counts, graph, own = article_pieces(extract_doc(doc, article, config.run), config.validate)
        except (ModelError, MemoryError):
            raise
        except Exception as exc:  # one article's bug must not lose the chunk: report it, go on
            failures.append(_failure(key, article, exc))
            return
        entries.append(ArticleEntry(key, article.id, article.source, graph, parts.add(pieces), counts,
                                    config.validate, own))

    try:
        for doc, (key, article) in parse_stream(nlp, ((a.text, (k, a)) for k, a in items), batch_size=16):
            handle(doc, key, article)
    except (ModelError, MemoryError):
        raise
    except Exception:  # the parser failed on the batch: parse one at a time, so only the bad article fails
        log.debug("chunk %s: batch parse failed; parsing its articles one by one", name, exc_info=True)
        parts, entries, failures = Pieces(), [], []
        for key, article in items:
            try:
                doc = parse(article, nlp)
            except Exception as exc:
                failures.append(FailureEntry(key, article.source or article.id,
                                             f"parsing failed ({type(exc).__name__}: {exc})", "ExtractionError"))
                continue
            handle(doc, key, article)
    return write_shard(Path(config.shards), name, parts.files(), entries, failures, run_record(config.run))
