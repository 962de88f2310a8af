"""A static picture of the graph: matplotlib and networkx drawing, no browser.

>>> import networkx as nx, tempfile, pathlib
>>> g = nx.MultiDiGraph()
>>> g.add_edge("ex:e1", "ex:a1", relation="agent")
0
>>> write_png(g, pathlib.Path(tempfile.mkdtemp()) / "g.png").read_bytes()[:4]
b'\\x89PNG'
"""
from __future__ import annotations

import io
import os
from pathlib import Path

import networkx as nx

from graph.fileio import atomic_write_bytes
from graph.viz.style import KIND_ORDER, node_style, relation_colour
from graph.viz.view import build_view

__all__ = ["write_png"]

_MARKERS = {"dot": "o", "diamond": "D", "square": "s", "triangle": "^"}
LABELLED = 40  # label only this many most important nodes


def write_png(g: nx.MultiDiGraph, path: str | os.PathLike, *, title: str = "Conflict graph",
              max_nodes: int | None = 300, dpi: int = 120) -> Path:
    """Draw ``g`` to a PNG file, nodes shaped by kind and coloured by type.

    Only the ``max_nodes`` most important nodes are drawn, and only the most important
    are labelled; the title says when nodes were left out. The layout is seeded, so the
    same graph gives the same picture.

    Args:
        g: the conflict graph.
        path: the file to write; its folder must exist.
        title: the picture title.
        max_nodes: the most nodes drawn; None draws all.
        dpi: resolution of the 12 x 9 inch figure.

    Returns:
        The path written.

    Raises:
        OutputError: the file cannot be written.
        ValueError: ``max_nodes`` is below 1.
    """
    from matplotlib.figure import Figure
    from matplotlib.lines import Line2D

    view = build_view(g, max_nodes=max_nodes)
    h = nx.MultiDiGraph()
    for node in view.nodes:
        h.add_node(node.iri)
    for edge in view.edges:
        h.add_edge(edge.source, edge.target, relation=edge.relation)
    pos = nx.spring_layout(h, seed=7, k=None, iterations=60) if len(h) else {}

    fig = Figure(figsize=(12, 9), dpi=dpi)
    ax = fig.add_subplot()
    ax.set_axis_off()
    caption = title if not view.omitted_nodes else (
        f"{title} ({len(view.nodes)} of {view.total_nodes} nodes shown)")
    # matplotlib reads $...$ as mathtext; article names must stay plain text
    ax.set_title(caption.replace("$", r"\$"))
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
    kinds = [k for k in KIND_ORDER if any(n.kind == k for n in view.nodes)]
    handles = [Line2D([], [], marker=_MARKERS[node_style(k, None)[0]], linestyle="", color="#777777",
                      label=k) for k in kinds]
    if handles:
        ax.legend(handles=handles, loc="lower left", fontsize=8, frameon=False)
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png")
    return atomic_write_bytes(path, buffer.getvalue())
