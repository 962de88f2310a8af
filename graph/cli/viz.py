"""``viz``: a graph file, an ``extract`` output folder or an Oxigraph store in, an offline
interactive HTML page (and optionally a PNG or SVG picture) out.

Inputs, any number, read as one graph:

* a graph file: ``.ttl``, ``.nt``, ``.nq``, ``.trig``, ``.jsonld`` (as ``extract`` writes);
* an ``extract`` output folder: its ``graph.*`` file (the first of ``graph.ttl``,
  ``graph.nq``, ``graph.trig``, ``graph.jsonld``, ``graph.nt`` present);
* an Oxigraph store folder (``--store DIR``): opened read-only with
  ``pyoxigraph.Store.read_only`` and dumped as N-Quads into an rdflib dataset. The store
  stage has no loader yet; when it gets one, :func:`read_store` should call it.

>>> sorted(GRAPH_SUFFIXES)
['.jsonld', '.nq', '.nt', '.trig', '.ttl']
"""
from __future__ import annotations

import logging
import os
from dataclasses import dataclass, field
from pathlib import Path

from graph.errors import GraphError

__all__ = ["add_parser", "run", "viz", "read_graphs", "read_store", "VizSummary", "GRAPH_SUFFIXES"]

log = logging.getLogger(__name__)

GRAPH_SUFFIXES = {".ttl": "turtle", ".nq": "nquads", ".trig": "trig", ".jsonld": "json-ld", ".nt": "nt"}
"""Graph file suffix -> rdflib format, in the order an output folder is searched."""

HTML_MAX_NODES = 1500
PICTURE_MAX_NODES = 300


@dataclass
class VizSummary:
    """What a ``viz`` run drew and wrote."""

    nodes: int = 0
    edges: int = 0
    drawn_nodes: int = 0
    drawn_edges: int = 0
    view: str = "whole"
    description: str | None = None
    note: str | None = None
    files: dict[str, str] = field(default_factory=dict)

    def lines(self) -> list[str]:
        out = [f"graph: {self.nodes} nodes, {self.edges} edges; drawn ({self.view} view): "
               f"{self.drawn_nodes} nodes, {self.drawn_edges} edges"]
        out += [line for line in (self.description, self.note) if line]
        out += [f"{kind}: {path}" for kind, path in self.files.items()]
        return out


def _max_nodes(text: str) -> int:
    import argparse

    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}")
    if value < 0:
        raise argparse.ArgumentTypeError(f"must be 0 (no limit) or more, not {value}")
    return value


def add_parser(sub, name: str, epilog: str) -> None:
    from graph.viz.views import VIEWS

    p = sub.add_parser(
        name, help="draw a graph as an offline interactive HTML page (and PNG/SVG)",
        description="Read graph files (.ttl .nt .nq .trig .jsonld), extract output folders (their graph.* "
                    "file) or Oxigraph store folders, and write one self-contained HTML page that opens "
                    "offline in any browser. Views: whole graph, one actor's neighbourhood (2 links), "
                    "retaliation chains, or a timeline of dated events.",
        epilog=epilog)
    p.add_argument("inputs", nargs="+", metavar="INPUT", help="graph file, extract OUTDIR, or store folder")
    p.add_argument("-o", "--output", default="graph.html", metavar="FILE.html",
                   help="the page to write (default: graph.html; a folder gets graph.html inside)")
    p.add_argument("--view", default="whole", choices=VIEWS,
                   help="what to draw (default: whole); 'actor' needs --actor")
    p.add_argument("--actor", metavar="NAME", help="the actor for --view actor (its label, any case)")
    p.add_argument("--max-nodes", type=_max_nodes, metavar="N",
                   help=f"draw at most N nodes, the most important (default: {HTML_MAX_NODES} in the page, "
                        f"{PICTURE_MAX_NODES} in a picture; 0: no limit)")
    p.add_argument("--png", nargs="?", const="", metavar="FILE.png",
                   help="also write a static PNG (default: beside the page, same name)")
    p.add_argument("--svg", nargs="?", const="", metavar="FILE.svg",
                   help="also write a static SVG (default: beside the page, same name)")
    p.add_argument("--title", metavar="TEXT", help="page title (default: from the input name and view)")
    p.add_argument("-q", "--quiet", action="store_true", help="print nothing on success")
    p.add_argument("--debug", action="store_true", help="show tracebacks")


def run(args) -> int:
    if args.actor and args.view == "whole":
        args.view = "actor"
    summary = viz(args.inputs, args.output, view=args.view, actor=args.actor, max_nodes=args.max_nodes,
                  png=args.png, svg=args.svg, title=args.title)
    if not args.quiet:
        print("\n".join(summary.lines()))
    return 0


def _store_nquads(path: Path) -> bytes:
    import pyoxigraph

    try:
        store = pyoxigraph.Store.read_only(str(path))
        return store.dump(format=pyoxigraph.RdfFormat.N_QUADS)
    except (OSError, ValueError, RuntimeError) as exc:
        names = ", ".join(f"graph{s}" for s in GRAPH_SUFFIXES)
        log.debug("opening %s as an Oxigraph store: %s", path, exc)
        raise GraphError(f"{path}: neither an extract output folder (no {names}) nor a readable "
                         f"Oxigraph store") from exc


def read_store(path: str | os.PathLike):
    """An Oxigraph store folder as an rdflib dataset, opened read-only.

    Args:
        path: the store folder.

    Returns:
        An ``rdflib.Dataset`` with every quad of the store.

    Raises:
        GraphError: the folder is not an Oxigraph store or cannot be read.
    """
    from rdflib import Dataset

    ds = Dataset()
    ds.parse(data=_store_nquads(Path(path)), format="nquads")
    return ds


def _graph_file(folder: Path) -> Path | None:
    found = [folder / f"graph{suffix}" for suffix in GRAPH_SUFFIXES if (folder / f"graph{suffix}").is_file()]
    if len(found) > 1:
        log.info("%s holds %s; reading %s", folder, ", ".join(p.name for p in found), found[0].name)
    return found[0] if found else None


def read_graphs(inputs) -> "Dataset":
    """Read every input (graph file, extract output folder, Oxigraph store) into one dataset.

    Args:
        inputs: paths, as strings or ``Path``.

    Returns:
        An ``rdflib.Dataset`` holding all their triples and quads.

    Raises:
        GraphError: a missing path, an unknown file type, a file that does not parse, or a
            folder that is neither an output folder nor a store.
    """
    from rdflib import Dataset

    ds = Dataset()
    for item in inputs:
        path = Path(item)
        if not path.exists():
            raise GraphError(f"{path}: no such file or folder")
        if path.is_dir():
            graph_file = _graph_file(path)
            if graph_file is None:
                ds.parse(data=_store_nquads(path), format="nquads")
                continue
            path = graph_file
        fmt = GRAPH_SUFFIXES.get(path.suffix.lower())
        if fmt is None:
            raise GraphError(f"{path}: unknown graph file type {path.suffix or '(none)'!r}; "
                             f"use one of {', '.join(GRAPH_SUFFIXES)}, an extract output folder or a store")
        try:
            ds.parse(path, format=fmt)
        except Exception as exc:  # rdflib raises many unrelated types for bad input
            first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
            raise GraphError(f"{path}: not valid {fmt}: {first}") from exc
    return ds


def _title(inputs, view: str, actor: str | None) -> str:
    names = []
    for item in inputs:
        path = Path(item).resolve()
        names.append(path.parent.name if path.is_file() and path.stem == "graph" else path.stem or path.name)
    base = "Conflict graph: " + ", ".join(names[:3]) + (f" and {len(names) - 3} more" if len(names) > 3 else "")
    suffix = {"whole": "", "actor": f" \u2014 around {actor}", "retaliation": " \u2014 retaliation chains",
              "timeline": " \u2014 timeline"}[view]
    return base + suffix


def viz(inputs, output: str | os.PathLike = "graph.html", *, view: str = "whole", actor: str | None = None,
        max_nodes: int | None = None, png: str | None = None, svg: str | None = None,
        title: str | None = None) -> VizSummary:
    """Read ``inputs`` and write the page (and the pictures asked for).

    Args:
        inputs: graph files, extract output folders or Oxigraph store folders.
        output: the HTML file; an existing folder gets ``graph.html`` inside.
        view: ``whole``, ``actor``, ``retaliation`` or ``timeline``.
        actor: the actor's name for the ``actor`` view.
        max_nodes: the most nodes drawn; None for the defaults, 0 for no limit.
        png: a PNG path, ``""`` for beside the page, None for no PNG.
        svg: likewise for SVG.
        title: the page title; by default from the inputs and the view.

    Returns:
        A :class:`VizSummary`.

    Raises:
        GraphError: unreadable input, an unknown actor (the message lists close names).
        OutputError: a file cannot be written.
    """
    from graph.analysis.convert import rdf_to_networkx
    from graph.viz import write_html
    from graph.viz.png import write_picture
    from graph.viz.view import build_view
    from graph.viz.views import select_view

    g = rdf_to_networkx(read_graphs(inputs))
    selection = select_view(g, view, actor=actor)  # fails early on an unknown actor
    out = Path(output)
    if out.is_dir():
        out = out / "graph.html"
    shown_actor = actor
    if selection.pinned and selection.pinned[0] in g:
        shown_actor = g.nodes[selection.pinned[0]].get("label") or actor  # as the graph spells it
    title = title or _title(inputs, view, shown_actor)
    html_max = HTML_MAX_NODES if max_nodes is None else (max_nodes or None)
    drawn = build_view(selection.graph, max_nodes=html_max, pinned=selection.pinned)
    summary = VizSummary(nodes=g.number_of_nodes(), edges=g.number_of_edges(), drawn_nodes=len(drawn.nodes),
                         drawn_edges=len(drawn.edges), view=view, description=selection.description,
                         note=drawn.pruning_note)
    write_html(g, out, title=title, max_nodes=html_max, view=view, actor=actor)
    summary.files["html"] = str(out)
    picture_max = PICTURE_MAX_NODES if max_nodes is None else (max_nodes or None)
    for fmt, target in (("png", png), ("svg", svg)):
        if target is None:
            continue
        path = Path(target) if target else out.with_suffix(f".{fmt}")
        write_picture(g, path, fmt=fmt, title=title, max_nodes=picture_max, view=view, actor=actor)
        summary.files[fmt] = str(path)
    return summary
