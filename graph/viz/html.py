"""The graph as one self-contained, offline HTML page drawn with vis-network (via pyvis).

The page holds everything it needs: vis-network's script and stylesheet are read from
the installed pyvis package and inlined, the graph travels as escaped JSON in a
``<script type="application/json">`` element, and a Content-Security-Policy allows only
the page's own scripts (by hash) and no network access. Article text reaches the page
only through ``textContent`` and vis-network's plain-text tooltips.

>>> import networkx as nx
>>> g = nx.MultiDiGraph()
>>> g.add_node("ex:a", kind="actor", type="state", label="<b>Iran</b>")
>>> page = render_html(g)
>>> "<b>Iran" in page, page.count("</script>")
(False, 3)
"""
from __future__ import annotations

import html
import json
import os
import re
from collections import Counter
from functools import lru_cache
from importlib import resources
from pathlib import Path

import networkx as nx
import pyvis
from pyvis.network import Network

from graph.fileio import atomic_write_bytes
from graph.viz.safe import csp_hash, inline_code, script_json
from graph.viz.style import KIND_ORDER, node_style, relation_colour
from graph.viz.view import GraphView, ViewNode, build_view

__all__ = ["write_html", "render_html", "page_data"]

VIS_VERSION = "vis-9.1.2"
LABEL_MAX = 40
LARGE_GRAPH = 400  # above this many nodes: cheaper edges and a shorter layout


@lru_cache(maxsize=None)
def _vis_assets() -> tuple[str, str]:
    lib = Path(pyvis.__file__).parent / "lib" / VIS_VERSION
    return (
        (lib / "vis-network.min.js").read_text(encoding="utf-8"),
        (lib / "vis-network.css").read_text(encoding="utf-8"),
    )


@lru_cache(maxsize=None)
def _own_asset(name: str) -> str:
    return resources.files("graph.viz").joinpath("assets", name).read_text(encoding="utf-8")


def _short(label: str) -> str:
    return label if len(label) <= LABEL_MAX else label[: LABEL_MAX - 1] + "\u2026"


def _size(node: ViewNode) -> float:
    if node.kind == "event" and node.casualties:
        return round(min(60.0, 12 + 5 * node.casualties ** 0.5), 1)
    return round(min(50.0, 10 + 4 * node.degree ** 0.5), 1)


def _tooltip(node: ViewNode) -> str:
    """Plain text; vis-network 9 puts a string title into the popup with innerText."""
    lines = [node.label, " \u00b7 ".join(t for t in (node.kind, node.type, node.subtype) if t)]
    if node.date:
        lines.append(node.date)
    places = node.roles.get("place")
    if places:
        lines.append("at " + ", ".join(places))
    if node.killed is not None or node.injured is not None:
        lines.append(f"killed {node.killed if node.killed is not None else '?'}, "
                     f"injured {node.injured if node.injured is not None else '?'}")
    if node.evidence and node.evidence[0].get("text"):
        sentence = node.evidence[0]["text"]
        lines.append("\u201c" + (sentence if len(sentence) <= 200 else sentence[:199] + "\u2026") + "\u201d")
    return "\n".join(lines)


def _options(n_nodes: int, n_edges: int) -> dict:
    """vis-network options, starting from pyvis's ForceAtlas2 defaults."""
    net = Network(directed=True)
    net.force_atlas_2based(gravity=-60, central_gravity=0.01, spring_length=110,
                           spring_strength=0.08, damping=0.4, overlap=0.2)
    options = json.loads(net.options.to_json())
    large = n_nodes > LARGE_GRAPH
    options["configure"] = {"enabled": False}
    options["physics"]["stabilization"].update(
        {"enabled": True, "iterations": 250 if large else 600, "updateInterval": 25, "fit": True})
    options["physics"]["minVelocity"] = 0.75
    options["edges"] = {
        "arrows": {"to": {"enabled": True, "scaleFactor": 0.5}},
        "smooth": {"enabled": not large, "type": "continuous"},
        "font": {"size": 9, "align": "middle", "color": "#555555", "strokeWidth": 2},
        "width": 1,
        "selectionWidth": 2,
    }
    options["nodes"] = {"font": {"size": 12, "color": "#222222"}, "borderWidth": 1}
    options["interaction"] = {
        "hover": True, "tooltipDelay": 150, "navigationButtons": False,
        "hideEdgesOnDrag": large, "multiselect": False,
    }
    options["layout"] = {"randomSeed": 7, "improvedLayout": n_nodes <= 150}
    return options


def page_data(view: GraphView) -> dict:
    """The JSON the page script reads: vis nodes and edges, details, legend, options.

    Nodes and edges are built with pyvis's :class:`~pyvis.network.Network`; node ids are
    list positions, the IRI travels in ``details``.

    Args:
        view: what to draw, from :func:`graph.viz.view.build_view`.

    Returns:
        A JSON-serialisable dict with ``nodes``, ``edges``, ``details``, ``legend``,
        ``options``, ``total_nodes``, ``total_edges`` and ``note``.

    >>> import networkx as nx
    >>> page_data(build_view(nx.MultiDiGraph()))["nodes"]
    []
    """
    net = Network(directed=True)
    index: dict[str, int] = {}
    details = []
    type_counts: Counter = Counter()
    for i, node in enumerate(view.nodes):
        if node.iri in index:  # two node ids with the same string: keep the first
            continue
        index[node.iri] = i
        shape, colour = node_style(node.kind, node.type)
        key = f"{node.kind}:{node.type}"
        type_counts[key] += 1
        net.add_node(
            i, label=_short(node.label), shape=shape, size=_size(node), title=_tooltip(node),
            color={"background": colour, "border": "#333333",
                   "highlight": {"background": colour, "border": "#000000"},
                   "hover": {"background": colour, "border": "#000000"}},
            font={"color": "#222222"}, kt=key,
        )
        details.append({
            "id": i, "iri": node.iri, "label": node.label, "kind": node.kind, "type": node.type,
            "subtype": node.subtype, "country": node.country, "date": node.date,
            "killed": node.killed, "injured": node.injured, "weapons": list(node.weapons),
            "cameo": node.cameo, "articles": list(node.articles),
            "evidence": [dict(e) for e in node.evidence], "degree": node.degree,
            "roles": {k: list(v) for k, v in node.roles.items()}, "links": list(node.links),
        })
    # pyvis's add_edge scans its node list per edge; append its Edge options directly
    # with the same fields, after the same membership check done here by dict.
    relation_counts: Counter = Counter()
    for j, edge in enumerate(view.edges):
        if edge.source not in index or edge.target not in index:
            continue
        relation_counts[edge.relation] += 1
        colour = relation_colour(edge.relation)
        net.edges.append({
            "id": j, "from": index[edge.source], "to": index[edge.target], "arrows": "to",
            "label": _short(edge.label), "title": edge.label, "relation": edge.relation,
            "color": {"color": colour, "highlight": colour, "hover": colour},
            "font": {"color": "#555555"},
        })

    kind_rank = {k: r for r, k in enumerate(KIND_ORDER)}
    types = []
    for key, count in sorted(type_counts.items(),
                             key=lambda kv: (kind_rank.get(kv[0].split(":", 1)[0], 9), kv[0])):
        kind, type_ = key.split(":", 1)
        shape, colour = node_style(kind, type_)
        name = type_ if kind == type_ == "place" else f"{type_} ({kind})"
        types.append({"key": key, "name": name,
                      "shape": shape, "color": colour, "count": count})
    relations = [{"key": r, "name": r, "color": relation_colour(r), "count": c}
                 for r, c in sorted(relation_counts.items())]
    return {
        "nodes": net.nodes,
        "edges": net.edges,
        "details": details,
        "legend": {"types": types, "relations": relations},
        "options": _options(len(net.nodes), len(net.edges)),
        "total_nodes": view.total_nodes,
        "total_edges": view.total_edges,
        "note": view.pruning_note,
    }


def render_html(g: nx.MultiDiGraph, *, title: str = "Conflict graph", max_nodes: int | None = 1500) -> str:
    """The page for ``g`` as a string (see :func:`write_html`).

    Args:
        g: the conflict graph.
        title: the page title, shown as text.
        max_nodes: the most nodes drawn, the most important kept; None draws all.

    Returns:
        The HTML text.

    >>> import networkx as nx
    >>> "http://" in render_html(nx.MultiDiGraph()).split("<script")[0]
    False
    """
    view = build_view(g, max_nodes=max_nodes)
    data = page_data(view)
    vis_js, vis_css = _vis_assets()
    scripts = {"VIS_JS": inline_code(vis_js, "script"),
               "APP_JS": inline_code(_own_asset("viewer.js"), "script")}
    styles = {"VIS_CSS": inline_code(vis_css, "style"),
              "APP_CSS": inline_code(_own_asset("viewer.css"), "style")}
    csp = "; ".join([
        "default-src 'none'",
        "script-src " + " ".join(csp_hash(code) for code in scripts.values()),
        "style-src 'unsafe-inline'",
        "img-src data:",
        "base-uri 'none'",
        "form-action 'none'",
    ])
    note = view.pruning_note
    shown = f"{len(data['nodes'])} nodes, {len(data['edges'])} edges"
    fields = {
        **scripts,
        **styles,
        "CSP": html.escape(csp, quote=False).replace('"', "&quot;"),
        "TITLE": html.escape(title, quote=True),
        "SUMMARY": html.escape(shown),
        "NOTE": f'<p id="pruning-note" role="note">{html.escape(note)}</p>' if note else "",
        "DATA": script_json(data),
    }
    # one pass over the template: inserted text is never scanned for markers again
    return re.sub(r"\{\{([A-Z_]+)\}\}", lambda m: fields[m.group(1)], _own_asset("page.html"))


def write_html(g: nx.MultiDiGraph, path: str | os.PathLike, *, title: str = "Conflict graph",
               max_nodes: int | None = 1500) -> Path:
    """Write ``g`` as a self-contained interactive HTML page that makes no network request.

    Actors, events and places are drawn shaped by kind and coloured by type, with a
    legend that doubles as a type filter, a label search, neighbourhood highlighting on
    click, and a details panel with the evidence sentences. Above ``max_nodes`` only the
    most important nodes are drawn (degree, plus casualties for events) and the page says
    what was left out. The file is written atomically.

    Args:
        g: the conflict graph, as from ``graph.analysis.convert.rdf_to_networkx``.
        path: the file to write; its folder must exist.
        title: the page title, shown as text.
        max_nodes: the most nodes drawn; None draws all.

    Returns:
        The path written.

    Raises:
        OutputError: the file cannot be written.
        ValueError: ``max_nodes`` is below 1.

    >>> import networkx as nx, tempfile, pathlib
    >>> out = write_html(nx.MultiDiGraph(), pathlib.Path(tempfile.mkdtemp()) / "g.html")
    >>> out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    True
    """
    page = render_html(g, title=title, max_nodes=max_nodes)
    return atomic_write_bytes(path, page.encode("utf-8"))
