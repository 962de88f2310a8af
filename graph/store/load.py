"""Load RDF files (``extract`` output folders or files) into the store, one named graph per article.

Files that keep graph names (N-Quads, TriG, JSON-LD as ``extract`` writes them) load as they
are. Triples without a graph (Turtle, N-Triples: the union ``extract`` writes by default) are
given back to their article: a subject minted under ``<BASE>article/<x>`` belongs to the graph
``<BASE>article/<x>/graph``; a shared node (run, software, model, outlet) goes with every
article whose triples reach it; anything else stays in the default graph.

Loading is two passes: every file is parsed first, so that a malformed file stops the load
before anything changes; then the graphs the files name are emptied and the files loaded
(embedded: Oxigraph's bulk loader).

>>> q = lambda s, o: ox.Quad(ox.NamedNode(s), ox.NamedNode("http://e/p"), ox.NamedNode(o))
>>> art = BASE + "article/a1"
>>> [str(x.graph_name) for x in assign_graphs([q(art + "/event/e1", BASE + "run/r"), q(BASE + "run/r", "http://e/o")])]
['<https://w3id.org/conflict-graph/id/article/a1/graph>', '<https://w3id.org/conflict-graph/id/article/a1/graph>']
"""
from __future__ import annotations

import logging
import sys
import time
from collections import defaultdict, deque
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox

from graph.rdf.iris import BASE
from graph.store.backend import ConflictStore
from graph.store.errors import LoadError, StoreError
from graph.store.materialise import materialise

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

@dataclass
class LoadSummary:
    """What a load did: files read, article graphs written, triples, time."""

    files: list[str] = field(default_factory=list)
    graphs: int = 0
    triples: int = 0
    seconds: float = 0.0
    store: str = ""

    @property
    def rate(self) -> float:
        """Triples per second."""
        return self.triples / self.seconds if self.seconds else 0.0

    def lines(self) -> list[str]:
        """A human summary, one fact a line."""
        return [f"files: {len(self.files)}",
                f"graphs: {self.graphs} replaced  triples: {self.triples}",
                f"time: {self.seconds:.2f} s ({self.rate:,.0f} triples/s)",
                f"store: {self.store}"]


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


def _scan(path: Path) -> _Scan:
    scan = _Scan(path, FORMATS[path.suffix])
    graphs = scan.graphs
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
    except SyntaxError as err:
        raise LoadError(f"{path}: not valid {scan.format.name}: {err}".replace("\n", " ")) from None
    except OSError as err:
        raise LoadError(f"{path}: cannot read ({err.strerror or err})") from None
    graphs.discard(None)
    return scan


def _split(scan: _Scan) -> list[ox.Quad]:
    quads = assign_graphs(ox.parse(path=str(scan.path), format=scan.format))
    scan.graphs |= {q.graph_name for q in quads if not isinstance(q.graph_name, ox.DefaultGraph)}
    return quads


def load_files(store: ConflictStore, inputs: Iterable[str | Path], *, progress: bool = False) -> LoadSummary:
    """Load RDF files into ``store``, replacing the article graphs they hold.

    Args:
        store: an open store.
        inputs: ``extract`` output folders, folders of RDF files, or RDF files.
        progress: show a progress bar on stderr.

    Returns:
        A :class:`LoadSummary`.

    Raises:
        LoadError: a missing or malformed input; nothing was changed.
        StoreError: the store cannot be written.
    """
    from tqdm import tqdm

    started = time.perf_counter()
    files = input_files(inputs)
    scans = [_scan(p) for p in tqdm(files, desc="checking", unit="file", disable=not progress, file=sys.stderr)]
    split = {s.path: _split(s) for s in scans if s.has_default}
    names = set().union(*(s.graphs for s in scans)) if scans else set()
    store.remove_graphs(sorted(n.value for n in names))
    triples = 0
    for scan in tqdm(scans, desc="loading", unit="file", disable=not progress, file=sys.stderr):
        if scan.path in split:
            triples += _insert(store, split.pop(scan.path))
        elif store.oxigraph is not None:
            try:
                store.oxigraph.bulk_load(path=str(scan.path), format=scan.format, lenient=True)  # checked in pass 1
            except (OSError, SyntaxError) as err:
                raise StoreError(f"{store.location}: loading {scan.path} failed: {err}") from None
            triples += scan.quads
        else:
            triples += _insert(store, ox.parse(path=str(scan.path), format=scan.format))
    materialise(store, sorted(n.value for n in names))
    if store.kind == "embedded":
        store.oxigraph.flush()
    return LoadSummary([str(p) for p in files], len(names), triples, time.perf_counter() - started, store.location)


def _insert(store: ConflictStore, quads: Iterable[ox.Quad]) -> int:
    if store.oxigraph is not None:
        quads = list(quads)
        try:
            store.oxigraph.bulk_extend(quads)
        except OSError as err:
            raise StoreError(f"{store.location}: cannot write the store: {err}") from None
        return len(quads)
    return store.replace_quads(quads, clear=False)


def load_dataset(store: ConflictStore, dataset) -> LoadSummary:
    """Write an rdflib dataset's named graphs (``to_dataset`` output) into ``store``, replacing them.

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
    materialise(store, [str(g.identifier) for g in graphs])
    if store.kind == "embedded":
        store.oxigraph.flush()
    return LoadSummary([], len(graphs), triples, time.perf_counter() - started, store.location)


def _is_default(g) -> bool:
    from rdflib.graph import DATASET_DEFAULT_GRAPH_ID

    return g.identifier == DATASET_DEFAULT_GRAPH_ID
