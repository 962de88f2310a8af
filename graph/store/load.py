"""Load RDF files (``extract`` output folders or files) into the store, one named graph per article.

Files that keep graph names (N-Quads, TriG, JSON-LD as ``extract`` writes them) load as they
are. Triples without a graph (Turtle, N-Triples: the union ``extract`` writes by default) are
given back to their article: a subject minted under ``<BASE>article/<x>`` belongs to the graph
``<BASE>article/<x>/graph``; a shared node (run, software, model, outlet) goes with every
article whose triples reach it; anything else stays in the default graph.

Embedded, N-Quads go to Oxigraph's bulk loader in pieces of about :data:`PIECE` bytes (cut at
line ends), :data:`WORKERS` pieces at a time: the loader parses and indexes in Rust without the
GIL, so pieces load in parallel. A malformed file changes nothing:

* into an empty store nothing waits for a check: each piece is loaded (the loader skipping IRI
  checks), then parsed strictly in Python (which also collects what the network digests need);
  the first error cancels the rest and empties the store again before it is raised;
* into a store that holds graphs already, every file is parsed first (so that an error stops
  the load before the graphs the files replace are emptied), then loaded without a second check.

Other formats, and an endpoint, take the second way (files without graph names are parsed in
Python to give their triples an article). After loading, :mod:`graph.store.materialise`
derives what the named queries need in each graph written. Last, cross-article resolution updates
the resolution graph for the articles loaded (:func:`graph.store.resolution.resolve_store`,
incremental), unless ``resolve=False``.

>>> q = lambda s, o: ox.Quad(ox.NamedNode(s), ox.NamedNode("http://e/p"), ox.NamedNode(o))
>>> art = BASE + "article/a1"
>>> [str(x.graph_name) for x in assign_graphs([q(art + "/event/e1", BASE + "run/r"), q(BASE + "run/r", "http://e/o")])]
['<https://w3id.org/conflict-graph/id/article/a1/graph>', '<https://w3id.org/conflict-graph/id/article/a1/graph>']
"""
from __future__ import annotations

import logging
import os
import re
import sys
import time
from collections import defaultdict, deque
from collections.abc import Iterable
from concurrent.futures import FIRST_EXCEPTION, ThreadPoolExecutor, wait
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox

from graph.rdf.iris import BASE
from graph.store.backend import ConflictStore
from graph.store.digest import PREDICATES, network_facts, quad_strings
from graph.store.errors import LoadError, StoreError
from graph.store.materialise import materialise
from graph.store.resolution import StoreResolution, resolve_store

__all__ = ["FORMATS", "LoadSummary", "input_files", "assign_graphs", "load_files", "load_dataset"]

log = logging.getLogger(__name__)

#: file suffix -> pyoxigraph format, in order of preference within an ``extract`` folder
FORMATS = {
    ".nq": ox.RdfFormat.N_QUADS,
    ".trig": ox.RdfFormat.TRIG,
    ".jsonld": ox.RdfFormat.JSON_LD,
    ".ttl": ox.RdfFormat.TURTLE,
    ".nt": ox.RdfFormat.N_TRIPLES,
}

_ARTICLE = BASE + "article/"

#: bytes of N-Quads per bulk load: a file is cut into pieces of about this size, at line ends
PIECE = 192 << 20
#: pieces bulk-loaded at once (each holds its bytes and Oxigraph's sort buffers)
WORKERS = max(1, min(4, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1))

@dataclass
class LoadSummary:
    """What a load did: files read, article graphs written, triples, time."""

    files: list[str] = field(default_factory=list)
    graphs: int = 0
    triples: int = 0
    seconds: float = 0.0
    store: str = ""
    resolution: StoreResolution | None = None

    @property
    def rate(self) -> float:
        """Triples per second."""
        return self.triples / self.seconds if self.seconds else 0.0

    def lines(self) -> list[str]:
        """A human summary, one fact a line."""
        return [f"files: {len(self.files)}",
                f"graphs: {self.graphs} replaced  triples: {self.triples}",
                f"time: {self.seconds:.2f} s ({self.rate:,.0f} triples/s)",
                f"store: {self.store}", *(self.resolution.lines() if self.resolution else ())]


def input_files(inputs: Iterable[str | Path]) -> list[Path]:
    """The RDF files named by ``inputs``: files as given; for a folder its ``graph.*`` file, else its RDF files.

    Raises:
        LoadError: a missing input, an unknown suffix, or a folder without RDF files.

    >>> input_files(["nowhere.nq"])
    Traceback (most recent call last):
    ...
    graph.store.errors.LoadError: nowhere.nq: no such file or folder
    """
    out: list[Path] = []
    for item in inputs:
        path = Path(item)
        if path.is_dir():
            graph_files = [path / f"graph{suffix}" for suffix in FORMATS if (path / f"graph{suffix}").is_file()]
            found = graph_files[:1] or sorted(p for p in path.iterdir() if p.suffix in FORMATS and p.is_file())
            if not found:
                raise LoadError(f"{path}: no RDF file here (expected graph.nq, graph.ttl... or *{', *'.join(FORMATS)})")
            out += found
        elif path.is_file():
            if path.suffix not in FORMATS:
                raise LoadError(f"{path}: unknown RDF file suffix {path.suffix!r}; known: {', '.join(FORMATS)}")
            out.append(path)
        else:
            raise LoadError(f"{path}: no such file or folder")
    return out


def _article_graph(node) -> str | None:
    if isinstance(node, ox.NamedNode) and node.value.startswith(_ARTICLE):
        return f"{_ARTICLE}{node.value[len(_ARTICLE):].split('/', 1)[0]}/graph"
    return None


def assign_graphs(quads: Iterable[ox.Quad]) -> list[ox.Quad]:
    """Give each default-graph triple the graph of its article (quads with a graph are kept).

    Args:
        quads: parsed quads; those in the default graph are re-assigned.

    Returns:
        The quads, each default-graph triple once per article graph that owns it (see the
        module docstring), or left in the default graph when no article owns it.
    """
    named: list[ox.Quad] = []
    by_subject: dict = defaultdict(list)
    for quad in quads:
        if isinstance(quad.graph_name, ox.DefaultGraph):
            by_subject[quad.subject].append(quad)
        else:
            named.append(quad)
    owners: dict = {}
    queue: deque = deque()
    for subject in by_subject:
        graph = _article_graph(subject)
        if graph is not None:
            owners[subject] = {graph}
            queue.append(subject)
    while queue:
        subject = queue.popleft()
        for quad in by_subject[subject]:
            obj = quad.object
            if obj in by_subject and _article_graph(obj) is None:
                known = owners.setdefault(obj, set())
                if not owners[subject] <= known:
                    known |= owners[subject]
                    queue.append(obj)
    out = named
    for subject, subject_quads in by_subject.items():
        graphs = sorted(owners.get(subject, ()))
        for quad in subject_quads:
            if not graphs:
                out.append(quad)
            for graph in graphs:
                out.append(ox.Quad(quad.subject, quad.predicate, quad.object, ox.NamedNode(graph)))
    out.sort(key=lambda q: str(q.graph_name))
    return out


@dataclass
class _Scan:
    path: Path
    format: ox.RdfFormat
    graphs: set = field(default_factory=set)
    has_default: bool = False
    quads: int = 0
    facts: dict = field(default_factory=dict)


def _scan(path: Path) -> _Scan:
    scan = _Scan(path, FORMATS[path.suffix])
    graphs, facts = scan.graphs, []
    try:
        for quad in ox.parse(path=str(path), format=scan.format):
            name = quad.graph_name
            if isinstance(name, ox.DefaultGraph):
                if not scan.has_default:
                    scan.has_default = True
                    graphs.add(None)
                continue
            graphs.add(name)
            scan.quads += 1
            predicate = quad.predicate.value
            if predicate in PREDICATES:
                facts.append((quad.subject.value, predicate, quad.object.value, name.value))
    except SyntaxError as err:
        raise LoadError(f"{path}: not valid {scan.format.name}: {err}".replace("\n", " ")) from None
    except OSError as err:
        raise LoadError(f"{path}: cannot read ({err.strerror or err})") from None
    graphs.discard(None)
    scan.facts = network_facts(facts)
    return scan


def _split(scan: _Scan) -> list[ox.Quad]:
    quads = assign_graphs(ox.parse(path=str(scan.path), format=scan.format))
    scan.graphs |= {q.graph_name for q in quads if not isinstance(q.graph_name, ox.DefaultGraph)}
    scan.facts = network_facts(quad_strings(quads))
    return quads


@dataclass(frozen=True)
class _Piece:
    """Bytes ``start`` to ``end`` of an N-Quads file (whole lines), or (``end`` None) a whole file."""

    path: Path
    format: ox.RdfFormat
    start: int = 0
    end: int | None = None

    @property
    def size(self) -> int:
        return (self.end if self.end is not None else self.path.stat().st_size) - self.start


def _pieces(path: Path, fmt: ox.RdfFormat, piece: int | None = None) -> list[_Piece]:
    """``path`` as pieces of about ``piece`` bytes, each ending at a line end (N-Quads; other formats whole).

    >>> import tempfile
    >>> f = Path(tempfile.mkdtemp()) / "x.nq"
    >>> _ = f.write_bytes(b"<a> <b> <c> .\\n" * 10)
    >>> [(p.start, p.end) for p in _pieces(f, ox.RdfFormat.N_QUADS, piece=60)]
    [(0, 70), (70, 140)]
    """
    if fmt != ox.RdfFormat.N_QUADS:
        return [_Piece(path, fmt)]
    piece = piece or PIECE
    size = path.stat().st_size
    out, start = [], 0
    with path.open("rb") as f:
        while start < size:
            f.seek(min(start + piece, size))
            f.readline()
            end = min(f.tell(), size)
            out.append(_Piece(path, fmt, start, end))
            start = end
    return out or [_Piece(path, fmt, 0, 0)]


def _statements(data: bytes) -> int:
    """N-Quads statements in ``data``: its lines, less blank lines and comment lines.

    >>> _statements(b"<a> <b> <c> .\\n\\n# note\\n<a> <b> <d> .")
    2
    """
    lines = data.count(b"\n") + (1 if data and not data.endswith(b"\n") else 0)
    return lines - data.count(b"\n\n") - data.count(b"\n#") - (1 if data.startswith((b"#", b"\n")) else 0)


def _lines_before(path: Path, offset: int) -> int:
    count, left = 0, offset
    with path.open("rb") as f:
        while left > 0:
            chunk = f.read(min(left, 1 << 24))
            if not chunk:
                break
            count += chunk.count(b"\n")
            left -= len(chunk)
    return count


_LINE = re.compile(r"\bline (\d+)")


def _bulk_load(store: ConflictStore, piece: _Piece, *, check: bool) -> tuple[int, dict]:
    """Bulk-load one piece; returns its statements (0 for a whole file: its scan counted them) and, when
    ``check``, its network triples by graph.

    The loader itself is lenient (it skips IRI and language-tag checks: a quarter of its time);
    with ``check`` the piece's bytes are then parsed again in Python, strictly (about 2 us a quad),
    which both checks them and collects their network triples (:mod:`graph.store.digest`).

    Raises:
        LoadError: the piece cannot be read or is not valid (the message gives the line in the file).
        StoreError: the store cannot be written.
    """
    try:
        if piece.end is None:
            store.oxigraph.bulk_load(path=str(piece.path), format=piece.format, lenient=True)
            return 0, {}
        with piece.path.open("rb") as f:
            f.seek(piece.start)
            data = f.read(piece.end - piece.start)
    except SyntaxError as err:
        raise LoadError(f"{piece.path}: not valid {piece.format.name}: {err}".replace("\n", " ")) from None
    except OSError as err:
        raise LoadError(f"{piece.path}: cannot read ({err.strerror or err})") from None
    try:
        store.oxigraph.bulk_load(input=data, format=piece.format, lenient=True)
        found = network_facts(quad_strings(ox.parse(input=data, format=piece.format))) if check else {}
    except SyntaxError as err:
        before = _lines_before(piece.path, piece.start) if piece.start else 0
        message = _LINE.sub(lambda m: f"line {int(m.group(1)) + before}", str(err))
        raise LoadError(f"{piece.path}: not valid {piece.format.name}: {message}".replace("\n", " ")) from None
    except OSError as err:
        raise StoreError(f"{store.location}: loading {piece.path} failed: {err}") from None
    return _statements(data), found


def _bulk_load_all(store: ConflictStore, pieces: list[_Piece], *, progress: bool, workers: int,
                   facts: dict | None = None) -> int:
    """Bulk-load ``pieces``, ``workers`` at a time; the first error cancels the rest and is raised.

    Returns the statements loaded. With ``facts`` each piece is checked (:func:`_bulk_load`) and its
    network triples are added to ``facts``; without, the pieces were checked before.
    """
    from tqdm import tqdm

    total = 0
    with tqdm(total=sum(p.size for p in pieces), desc="loading", unit="B", unit_scale=True,
              disable=not progress, file=sys.stderr) as bar, ThreadPoolExecutor(max_workers=workers) as pool:
        futures = {pool.submit(_bulk_load, store, p, check=facts is not None): p for p in pieces}
        pending = set(futures)
        while pending:
            done, pending = wait(pending, return_when=FIRST_EXCEPTION)
            for future in done:
                error = future.exception()
                if error is not None:
                    for other in pending:
                        other.cancel()
                    wait(pending)
                    raise error
                statements, found = future.result()
                total += statements
                for g, rows in found.items():
                    facts.setdefault(g, []).extend(rows)
                bar.update(futures[future].size)
    return total


def _is_empty(store: ConflictStore) -> bool:
    return next(iter(store.oxigraph.quads_for_pattern(None, None, None, None)), None) is None


def _load_into_empty(store: ConflictStore, files: list[Path], *, progress: bool,
                     workers: int) -> tuple[int, list[str], dict]:
    """Load N-Quads ``files`` into an empty embedded store in one pass; returns (statements, graph names, facts).

    Each piece is checked as it loads; on any error the store is emptied again (it was empty).
    Default-graph triples the files hold are then given to their articles (:func:`assign_graphs`).
    """
    pieces = [p for path in files for p in _pieces(path, FORMATS[path.suffix])]
    facts: dict = {}
    try:
        triples = _bulk_load_all(store, pieces, progress=progress, workers=workers, facts=facts)
        facts.pop("", None)
        default = list(store.oxigraph.quads_for_pattern(None, None, None, ox.DefaultGraph()))
        if default:
            store.oxigraph.clear_graph(ox.DefaultGraph())
            assigned = assign_graphs(default)
            _insert(store, assigned)
            for g, rows in network_facts(quad_strings(assigned)).items():
                facts.setdefault(g, []).extend(rows)
    except BaseException:
        store.oxigraph.clear()
        raise
    names = sorted(g.value for g in store.oxigraph.named_graphs() if isinstance(g, ox.NamedNode))
    return triples, names, facts


def load_files(store: ConflictStore, inputs: Iterable[str | Path], *, progress: bool = False,
               workers: int | None = None, resolve: bool = True) -> LoadSummary:
    """Load RDF files into ``store``, replacing the article graphs they hold.

    Args:
        store: an open store.
        inputs: ``extract`` output folders, folders of RDF files, or RDF files.
        progress: show a progress bar on stderr.
        workers: pieces bulk-loaded at once (embedded; default :data:`WORKERS`).
        resolve: update the resolution graph for the articles loaded (not counted in the load's
            time and triples; its own are in ``summary.resolution``).

    Returns:
        A :class:`LoadSummary`.

    Raises:
        LoadError: a missing or malformed input; nothing was changed.
        StoreError: the store cannot be written.
    """
    from tqdm import tqdm

    started = time.perf_counter()
    files = input_files(inputs)
    workers = workers or WORKERS
    if store.oxigraph is not None and files and all(p.suffix == ".nq" for p in files) and _is_empty(store):
        triples, names, facts = _load_into_empty(store, files, progress=progress, workers=workers)
        return _finish(store, files, names, triples, started, facts, resolve=resolve, progress=progress)
    scans = [_scan(p) for p in tqdm(files, desc="checking", unit="file", disable=not progress, file=sys.stderr)]
    split = {s.path: _split(s) for s in scans if s.has_default}
    names = sorted(n.value for n in set().union(*(s.graphs for s in scans))) if scans else []
    store.remove_graphs(names)
    rest = [s for s in scans if s.path not in split]
    triples = sum(_insert(store, quads) for quads in split.values())
    split.clear()
    if store.oxigraph is not None:
        pieces = [p for s in rest for p in _pieces(s.path, s.format)]
        _bulk_load_all(store, pieces, progress=progress, workers=workers)  # checked by the scan
        triples += sum(s.quads for s in rest)
    else:
        for scan in tqdm(rest, desc="loading", unit="file", disable=not progress, file=sys.stderr):
            triples += _insert(store, ox.parse(path=str(scan.path), format=scan.format))
    facts: dict = {}
    for scan in scans:
        for g, rows in scan.facts.items():
            facts.setdefault(g, []).extend(rows)
    return _finish(store, files, names, triples, started, facts, resolve=resolve, progress=progress)


def _finish(store: ConflictStore, files: list[Path], names: list[str], triples: int, started: float,
            facts: dict, *, resolve: bool = True, progress: bool = False) -> LoadSummary:
    """Derive the queries' terms in the graphs written (``facts``: their network triples), resolve, flush, sum up."""
    materialise(store, names, facts=facts)
    seconds = time.perf_counter() - started
    resolution = resolve_store(store, names, progress=progress) if resolve else None
    if store.kind == "embedded":
        store.oxigraph.flush()
    return LoadSummary([str(p) for p in files], len(names), triples, seconds, store.location, resolution)


def _insert(store: ConflictStore, quads: Iterable[ox.Quad]) -> int:
    if store.oxigraph is not None:
        quads = list(quads)
        try:
            store.oxigraph.bulk_extend(quads)
        except OSError as err:
            raise StoreError(f"{store.location}: cannot write the store: {err}") from None
        return len(quads)
    return store.replace_quads(quads, clear=False)


def load_dataset(store: ConflictStore, dataset, *, resolve: bool = True) -> LoadSummary:
    """Write an rdflib dataset's named graphs (``to_dataset`` output) into ``store``, replacing them.

    With ``resolve``, the resolution graph is updated for the articles written (as :func:`load_files`).

    >>> from graph.records import Article, Extraction
    >>> from graph.rdf import to_dataset
    >>> from graph.store.backend import open_store
    >>> with open_store() as store:
    ...     load_dataset(store, to_dataset([Extraction(Article("a1", "One."))])).graphs
    1
    """
    started = time.perf_counter()
    graphs = [g for g in dataset.graphs() if len(g) and not _is_default(g)]
    triples = store.replace_graphs(graphs)
    facts = network_facts((str(s), str(p), str(o), str(g.identifier)) for g in graphs for s, p, o in g)
    materialise(store, [str(g.identifier) for g in graphs], facts=facts)
    seconds = time.perf_counter() - started
    resolution = resolve_store(store, [str(g.identifier) for g in graphs]) if resolve else None
    if store.kind == "embedded":
        store.oxigraph.flush()
    return LoadSummary([], len(graphs), triples, seconds, store.location, resolution)


def _is_default(g) -> bool:
    from rdflib.graph import DATASET_DEFAULT_GRAPH_ID

    return g.identifier == DATASET_DEFAULT_GRAPH_ID
