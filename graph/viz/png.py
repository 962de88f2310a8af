"""A static picture of the graph (PNG or SVG): matplotlib and networkx drawing, no browser.

The picture shows the same view as the page (whole graph, an actor's neighbourhood,
retaliation chains or the timeline). In SVG, text is drawn as paths, so no name from an
article appears as markup.

>>> import networkx as nx, tempfile, pathlib
>>> g = nx.MultiDiGraph()
>>> g.add_edge("ex:e1", "ex:a1", relation="agent")
0
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> write_png(g, folder / "g.png").read_bytes()[:4]
b'\\x89PNG'
>>> b"<svg" in write_svg(g, folder / "g.svg").read_bytes()[:400]
True
"""
from __future__ import annotations

import io
import os
from pathlib import Path

import networkx as nx

from graph.fileio import atomic_write_bytes
from graph.viz.style import KIND_ORDER, node_style, relation_colour
from graph.viz.view import build_view
from graph.viz.views import select_view

__all__ = ["write_png", "write_svg", "write_picture", "PICTURE_FORMATS"]

PICTURE_FORMATS = ("png", "svg")

_MARKERS = {"dot": "o", "diamond": "D", "square": "s", "triangle": "^"}
LABELLED = 40  # label only this many most important nodes
LEGEND_MAX = 16  # legend entries (kind and type)


def write_png(g: nx.MultiDiGraph, path: str | os.PathLike, **options) -> Path:
    """Draw ``g`` to a PNG file; the options are those of :func:`write_picture`."""
    return write_picture(g, path, fmt="png", **options)


def write_svg(g: nx.MultiDiGraph, path: str | os.PathLike, **options) -> Path:
    """Draw ``g`` to an SVG file; the options are those of :func:`write_picture`."""
    return write_picture(g, path, fmt="svg", **options)


def write_picture(g: nx.MultiDiGraph, path: str | os.PathLike, *, fmt: str | None = None,
                  title: str = "Conflict graph", max_nodes: int | None = 300, dpi: int = 120,
                  view: str = "whole", actor: str | None = None) -> Path:
    """Draw ``g`` to a PNG or SVG file, nodes shaped by kind and coloured by type.

    Only the ``max_nodes`` most important nodes are drawn, and only the most important
    are labelled; the title says when nodes were left out. The layout is seeded (or fixed,
    for the timeline), so the same graph gives the same picture.

    Args:
        g: the conflict graph.
        path: the file to write; its folder must exist.
        fmt: ``png`` or ``svg``; by default from the file suffix.
        title: the picture title.
        max_nodes: the most nodes drawn; None draws all.
        dpi: resolution of the 12 x 9 inch figure (PNG).
        view: ``whole``, ``actor``, ``retaliation`` or ``timeline``.
        actor: the actor's name for the ``actor`` view.

    Returns:
        The path written.

    Raises:
        OutputError: the file cannot be written.
        GraphError: an unknown view, or no actor of that name.
        ValueError: ``max_nodes`` is below 1, or an unknown format.
    """
    from matplotlib import rc_context
    from matplotlib.figure import Figure
    from matplotlib.lines import Line2D

    fmt = (fmt or Path(path).suffix.lstrip(".") or "png").lower()
    if fmt not in PICTURE_FORMATS:
        raise ValueError(f"unknown picture format {fmt!r}; choose one of {', '.join(PICTURE_FORMATS)}")
    if max_nodes is not None and max_nodes < 1:
        raise ValueError(f"max_nodes must be at least 1 or None, not {max_nodes!r}")
    selection = select_view(g, view, actor=actor)
    view = build_view(selection.graph, max_nodes=max_nodes, pinned=selection.pinned,
                      positions=selection.positions)
    h = nx.MultiDiGraph()
    for node in view.nodes:
        h.add_node(node.iri)
    for edge in view.edges:
        h.add_edge(edge.source, edge.target, relation=edge.relation)
    if selection.positions is not None:  # screen y grows downwards, matplotlib's upwards
        pos = {n.iri: (n.position[0], -n.position[1]) for n in view.nodes if n.position is not None}
    else:
        pos = nx.spring_layout(h, seed=7, k=None, iterations=60) if len(h) else {}

    fig = Figure(figsize=(12, 9), dpi=dpi)
    ax = fig.add_subplot()
    ax.set_axis_off()
    ax.margins(0.08)
    caption = title if not view.omitted_nodes else (
        f"{title} ({len(view.nodes)} of {view.total_nodes} nodes shown)")
    if selection.description:
        caption += "\n" + selection.description
    # matplotlib reads $...$ as mathtext; article names must stay plain text
    ax.set_title(caption.replace("$", r"\$"), fontsize=10, wrap=True)
    if selection.ticks and len(h):
        xs = [x for x, _, _ in selection.ticks]
        ax.plot([xs[0] - 120, xs[-1] + 120], [0, 0], color="#b0b0b0", linewidth=1.5, zorder=0)
        for x, y, label in selection.ticks:
            ax.text(x, -y, label, ha="center", va="bottom", fontsize=7, color="#555555")
    if len(h):
        nx.draw_networkx_edges(
            h, pos, ax=ax, arrows=True, arrowsize=8, width=0.7, alpha=0.6, node_size=120,
            edge_color=[relation_colour(d["relation"]) for _, _, d in h.edges(data=True)])
        by_shape: dict[str, list] = {}
        for node in view.nodes:
            shape, colour = node_style(node.kind, node.type)
            by_shape.setdefault(shape, []).append((node, colour))
        for shape, items in by_shape.items():
            nx.draw_networkx_nodes(
                h, pos, ax=ax, nodelist=[n.iri for n, _ in items], node_shape=_MARKERS[shape],
                node_color=[c for _, c in items], edgecolors="#333333", linewidths=0.5,
                node_size=[min(600, 60 + 25 * (n.casualties if n.kind == "event" and n.casualties
                                               else n.degree)) for n, _ in items])
        labels = {n.iri: (n.label[:30] + ("\u2026" if len(n.label) > 30 else "")).replace("$", r"\$")
                  for n in view.nodes[:LABELLED]}
        nx.draw_networkx_labels(h, pos, labels=labels, ax=ax, font_size=7)
    rank = {k: i for i, k in enumerate(KIND_ORDER)}
    present = sorted({(n.kind, n.type) for n in view.nodes}, key=lambda kt: (rank.get(kt[0], 9), kt[1]))
    handles = []
    for kind, type_ in present[:LEGEND_MAX]:
        shape, colour = node_style(kind, type_)
        name = "place" if kind == type_ == "place" else f"{type_} ({kind})"
        handles.append(Line2D([], [], marker=_MARKERS[shape], linestyle="", color=colour,
                              markeredgecolor="#333333", label=name.replace("$", r"\$")))
    if handles:
        ax.legend(handles=handles, loc="lower left", fontsize=8, frameon=False)
    buffer = io.BytesIO()
    # no date in the metadata and a fixed id salt: the same graph gives the same bytes
    with rc_context({"svg.hashsalt": "conflict-graph", "svg.fonttype": "path"}):
        fig.savefig(buffer, format=fmt, metadata={"Date": None} if fmt == "svg" else None)
    return atomic_write_bytes(path, buffer.getvalue())
