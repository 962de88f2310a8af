"""Assemble a batch's output files from its shards, streaming, in input order, atomically.

:func:`finalise` reads each article's byte ranges back from the shards (never the whole batch
in memory) and writes, each through a temporary file and a rename:

- the graph file: N-Quads are the shards' lines; N-Triples the same lines without the graph
  name (the run, model, software and outlet triples that every article repeats written once);
  Turtle, TriG and JSON-LD are written by Oxigraph per group of articles, each group a complete
  document with its own prefixes (concatenated Turtle and TriG documents are one valid
  document; JSON-LD groups are joined into one array). No blank nodes are written, so no label
  can collide between groups;
- ``events.jsonl``, ``actors.jsonl`` and ``failed.jsonl``;
- ``graph.html`` from a bounded summary: the viewer shows at most ``max_nodes`` nodes, so only
  the articles holding the ``max_nodes`` most important nodes are kept while streaming, and the
  page counts what the others held.

Cross-article resolution runs after this, over the files written (:func:`graph.batch.run_batch`
calls :func:`graph.resolve.output.resolve_output`).
"""
from __future__ import annotations

import heapq
import json
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from graph.batch.shards import ArticleEntry, FailureEntry, ShardFolder
from graph.errors import OutputError
from graph.export.jsonl import dumps_line
from graph.fileio import atomic_open

__all__ = ["Selected", "Assembled", "select", "finalise", "write_graph_file", "GROUP_BYTES"]

#: N-Quads bytes per Oxigraph document when writing Turtle, TriG or JSON-LD
GROUP_BYTES = 8 << 20



@dataclass(frozen=True, slots=True)
class Selected:
    """One article of the output: the shard holding it and its entry there."""

    shard: str
    entry: ArticleEntry


@dataclass
class Assembled:
    """What :func:`finalise` wrote: files, counts, and the articles in output order."""

    articles: list[Selected] = field(default_factory=list)
    failures: list[dict] = field(default_factory=list)
    counts: Counter = field(default_factory=Counter)
    files: dict[str, str] = field(default_factory=dict)


def select(folder: ShardFolder, sequence: Sequence[str | dict], *, validated: bool = False
           ) -> tuple[list[Selected], list[dict]]:
    """The output's articles and failures, in input order, from the complete shards.

    Args:
        folder: the shards.
        sequence: the run's input in order: an article key, or a failure dict (an input that
            could not be read).
        validated: only entries whose graph was SHACL-validated count.

    Returns:
        ``(articles, failures)``; an article in several shards is taken once, from the oldest.

    Raises:
        OutputError: an article of the input is in no shard (a worker lost it).
    """
    done: dict[str, Selected] = {}
    failed: dict[str, FailureEntry] = {}
    for shard in folder.shards():
        for entry in shard.articles:
            if entry.key not in done and (entry.validated or not validated):
                done[entry.key] = Selected(shard.name, entry)
        for failure in shard.failures:
            failed.setdefault(failure.key, failure)
    articles, failures = [], []
    for item in sequence:
        if isinstance(item, dict):
            failures.append(item)
        elif item in done:
            articles.append(done[item])
        elif item in failed:
            f = failed[item]
            failures.append({"source": f.source, "problem": f.problem, "error": f.error})
        else:
            raise OutputError(f"{folder.path}: article {item} is in no shard; run the same command again")
    return articles, failures


def _slices(folder: ShardFolder, articles: Sequence[Selected]) -> Iterator[tuple[bytes, bytes, int | None]]:
    """(N-Quads bytes, graph IRI bytes, own bytes) per article."""
    for s in articles:
        yield folder.read(s.shard, "nq", s.entry.spans["nq"]), s.entry.graph.encode(), s.entry.own


def _prefixes() -> dict[str, str]:
    from graph.vocab.namespaces import PREFIXES

    return {prefix: str(ns) for prefix, ns in PREFIXES.items()}


def write_graph_file(folder: ShardFolder, articles: Sequence[Selected], path: Path, fmt: str) -> None:
    """Write the graph file of ``articles`` in ``fmt``, streaming, atomically.

    Args:
        folder: the shards.
        articles: the articles, in output order.
        path: the file.
        fmt: a key of :data:`graph.rdf.FORMATS`.

    Raises:
        OutputError: the file cannot be written.
    """
    import pyoxigraph as ox

    with atomic_open(path, "wb") as out:
        if fmt == "nquads":
            for data, _, _ in _slices(folder, articles):
                out.write(data)
            return
        if fmt == "nt":
            for data in _union_lines(_slices(folder, articles)):
                out.write(data)
            return
        oxformat = {"turtle": ox.RdfFormat.TURTLE, "trig": ox.RdfFormat.TRIG, "json-ld": ox.RdfFormat.JSON_LD}[fmt]
        if fmt == "turtle":  # the union: N-Triples lines (shared triples once), then Oxigraph's Turtle per group
            for group in _groups(_union_lines(_slices(folder, articles))):
                ox.serialize(ox.parse(group, format=ox.RdfFormat.N_TRIPLES), out, format=oxformat,
                             prefixes=_prefixes())
                out.write(b"\n")
            return
        if fmt == "trig":
            for group in _groups(data for data, _, _ in _slices(folder, articles)):
                ox.serialize(ox.parse(group, format=ox.RdfFormat.N_QUADS), out, format=oxformat,
                             prefixes=_prefixes())
                out.write(b"\n")
            return
        out.write(b"[")  # JSON-LD: each group's array of named graphs, joined into one array
        first = True
        for group in _groups(data for data, _, _ in _slices(folder, articles)):
            data = ox.serialize(ox.parse(group, format=ox.RdfFormat.N_QUADS), format=oxformat).strip()
            data = data[1:-1].strip()
            if data:
                out.write(data if first else b",\n" + data)
                first = False
        out.write(b"]\n")


def _union_lines(slices: Iterator[tuple[bytes, bytes, int | None]]) -> Iterator[bytes]:
    """N-Triples of the union: each article's lines without their graph name, shared triples once."""
    seen: set[bytes] = set()
    for data, graph, own in slices:
        suffix, plain = b" <" + graph + b"> .\n", b" .\n"
        head, tail = (data[:own], data[own:]) if own is not None else (b"", data)
        yield head.replace(suffix, plain)
        for line in tail.replace(suffix, plain).splitlines(keepends=True):
            if line not in seen:  # the run, software, model and outlet triples every article repeats
                seen.add(line)
                yield line


def _groups(pieces: Iterator[bytes]) -> Iterator[bytes]:
    """The pieces joined into documents of about :data:`GROUP_BYTES`."""
    group, size = [], 0
    for data in pieces:
        group.append(data)
        size += len(data)
        if size >= GROUP_BYTES:
            yield b"".join(group)
            group, size = [], 0
    if group:
        yield b"".join(group)


def _write_rows(folder: ShardFolder, articles: Sequence[Selected], part: str, path: Path) -> None:
    with atomic_open(path, "wb") as out:
        for s in articles:
            out.write(folder.read(s.shard, part, s.entry.spans[part]))


class _Ranked:
    """A node in the bounded choice for the HTML: higher importance first, then the smaller IRI (as the viewer)."""

    __slots__ = ("importance", "iri", "article", "kind")

    def __init__(self, importance: float, iri: str, article: int, kind: str):
        self.importance, self.iri, self.article, self.kind = importance, iri, article, kind

    def __lt__(self, other: _Ranked) -> bool:  # the heap's smallest is the first to drop
        if self.importance != other.importance:
            return self.importance < other.importance
        return self.iri > other.iri


def write_summary_html(folder: ShardFolder, articles: Sequence[Selected], path: Path, *, title: str,
                       max_nodes: int = 1500) -> None:
    """Write ``graph.html`` from the articles' view lines, holding only what the page can show.

    While streaming, the ``max_nodes`` most important nodes (the viewer's own measure) are kept
    in a heap, with the articles they come from; an article none of whose nodes is left is
    dropped. The page is drawn from the kept articles, and counts the nodes and edges of the
    dropped ones in its note. Articles share no node (each actor is its article's), so the nodes
    drawn are those the viewer would choose from the whole batch.
    """
    import networkx as nx

    from graph.viz import write_html
    from graph.viz.view import LeftOut

    heap: list[_Ranked] = []
    kept: dict[int, dict] = {}
    refs: Counter = Counter()
    dropped: Counter = Counter()
    dropped_edges, dropped_max = 0, None

    def drop(index: int) -> None:
        nonlocal dropped_edges, dropped_max
        row = kept.pop(index)
        dropped.update(attrs.get("kind", "other") for _, attrs, _ in row["nodes"])
        dropped_edges += len(row["edges"])
        top = max((imp for _, _, imp in row["nodes"]), default=None)
        if top is not None:
            dropped_max = top if dropped_max is None else max(dropped_max, top)

    for index, s in enumerate(articles):
        row = json.loads(folder.read(s.shard, "viz", s.entry.spans["viz"]))
        kept[index] = row
        for iri, attrs, imp in row["nodes"]:
            ranked = _Ranked(imp, iri, index, attrs.get("kind", "other"))
            if len(heap) < max_nodes:
                heapq.heappush(heap, ranked)
                refs[index] += 1
            elif heap[0] < ranked:
                out = heapq.heapreplace(heap, ranked)
                refs[index] += 1
                refs[out.article] -= 1
                if refs[out.article] == 0 and out.article != index:
                    drop(out.article)
        if refs[index] == 0:
            drop(index)
    g = nx.MultiDiGraph()
    for row in kept.values():
        for iri, attrs, _ in row["nodes"]:
            g.add_node(iri, **attrs)
        for u, v, key, attrs in row["edges"]:
            g.add_edge(u, v, key=key, **attrs)
    left_out = LeftOut(dict(dropped), dropped_edges, dropped_max) if dropped else None
    write_html(g, path, title=title, max_nodes=max_nodes, left_out=left_out)


def finalise(folder: ShardFolder, outdir: Path, sequence: Sequence[str | dict], *, fmt: str = "turtle",
             html: bool = True, title: str | None = None, validated: bool = False,
             max_nodes: int = 1500, failures_file: bool = True) -> Assembled:
    """Write the output files of a batch into ``outdir`` from its shards.

    Args:
        folder: the shards (open).
        outdir: the output folder (it must exist).
        sequence: the run's input in order: article keys and failure dicts (see :func:`select`).
        fmt: the graph file's format (a key of :data:`graph.rdf.FORMATS`).
        html: write ``graph.html``.
        title: the page's title (default: ``"N articles"``).
        validated: only SHACL-validated entries count (``--validate``).
        max_nodes: the most nodes ``graph.html`` draws.
        failures_file: write ``failed.jsonl`` (a batch always does, even empty).

    Returns:
        The :class:`Assembled` outputs. When no article was extracted only ``failed.jsonl`` is
        written (if ``failures_file``).

    Raises:
        OutputError: a file cannot be written or a shard is missing.
    """
    from graph.rdf import FORMATS

    articles, failures = select(folder, sequence, validated=validated)
    done = Assembled(articles, failures)
    for s in articles:
        done.counts.update(s.entry.counts)
    if articles:
        graph_path = outdir / f"graph{FORMATS[fmt]}"
        write_graph_file(folder, articles, graph_path, fmt)
        done.files["graph"] = str(graph_path)
        _write_rows(folder, articles, "events", outdir / "events.jsonl")
        _write_rows(folder, articles, "actors", outdir / "actors.jsonl")
        done.files["events"] = str(outdir / "events.jsonl")
        done.files["actors"] = str(outdir / "actors.jsonl")
        if html:
            write_summary_html(folder, articles, outdir / "graph.html", title=title or f"{len(articles)} articles",
                               max_nodes=max_nodes)
            done.files["html"] = str(outdir / "graph.html")
    if failures_file:
        with atomic_open(outdir / "failed.jsonl", "w") as out:
            for failure in failures:
                out.write(dumps_line(failure) + "\n")
        done.files["failures"] = str(outdir / "failed.jsonl")
    return done
