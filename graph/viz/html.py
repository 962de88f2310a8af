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
from graph.viz.view import GraphView, LeftOut, ViewNode, build_view
from graph.viz.views import Selection, select_view

__all__ = ["write_html", "render_html", "page_data"]

VIS_VERSION = "vis-9.1.2"
LABEL_MAX = 40
LARGE_GRAPH = 400  # above this many nodes: cheaper edges and a shorter layout
HUGE_GRAPH = 1000  # above this many: shorter still, and a coarser force approximation


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


def _options(n_nodes: int, n_edges: int, fixed: bool = False) -> dict:
    """vis-network options, starting from pyvis's ForceAtlas2 defaults.

    ``fixed``: every node has a position (the timeline); physics is off.
    """
    net = Network(directed=True)
    net.force_atlas_2based(gravity=-60, central_gravity=0.01, spring_length=110,
                           spring_strength=0.08, damping=0.4, overlap=0.2)
    options = json.loads(net.options.to_json())
    large = n_nodes > LARGE_GRAPH
    options["configure"] = {"enabled": False}
    iterations = 600 if not large else (250 if n_nodes <= HUGE_GRAPH else 100)
    options["physics"]["stabilization"].update(
        {"enabled": True, "iterations": iterations, "updateInterval": 20, "fit": True})
    if n_nodes > HUGE_GRAPH:  # coarser Barnes-Hut approximation: faster, still untangles
        options["physics"]["forceAtlas2Based"]["theta"] = 0.9
    options["physics"]["minVelocity"] = 0.75
    options["edges"] = {
        "arrows": {"to": {"enabled": True, "scaleFactor": 0.5}},
        "smooth": {"enabled": not large, "type": "continuous"},
        "font": {"size": 10, "align": "middle", "color": "#555555", "strokeWidth": 3},
        "width": 1,
        "selectionWidth": 2,
    }
    options["nodes"] = {"font": {"size": 14, "color": "#222222", "strokeWidth": 3, "strokeColor": "#ffffff"},
                        "borderWidth": 1, "borderWidthSelected": 3}
    options["interaction"] = {
        "hover": True, "tooltipDelay": 150, "navigationButtons": False,
        "hideEdgesOnDrag": large, "multiselect": False,
    }
    options["layout"] = {"randomSeed": 7, "improvedLayout": n_nodes <= 150 and not fixed}
    if fixed:
        options["physics"]["enabled"] = False
        options["edges"]["smooth"] = {"enabled": True, "type": "curvedCW", "roundness": 0.12}
    return options


def page_data(view: GraphView, selection: Selection | None = None) -> dict:
    """The JSON the page script reads: vis nodes and edges, details, legend, options.

    Nodes and edges are built with pyvis's :class:`~pyvis.network.Network`; node ids are
    list positions, the IRI travels in ``details``.

    Args:
        view: what to draw, from :func:`graph.viz.view.build_view`.
        selection: the view it was built from (name, description, timeline ticks).

    Returns:
        A JSON-serialisable dict with ``nodes``, ``edges``, ``details``, ``legend``,
        ``options``, ``total_nodes``, ``total_edges``, ``note``, ``view``,
        ``description``, ``ticks``, ``dates`` (the first and last event day),
        ``undated`` (events without a day) and ``focus`` (the id of the view's actor).

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
        extra = {}
        if node.position is not None:
            extra = {"x": node.position[0], "y": node.position[1]}
        net.add_node(
            i, label=_short(node.label), shape=shape, size=_size(node), title=_tooltip(node),
            color={"background": colour, "border": "#333333",
                   "highlight": {"background": colour, "border": "#000000"},
                   "hover": {"background": colour, "border": "#000000"}},
            font={"color": "#222222"}, kt=key, **extra,
        )
        details.append({
            "id": i, "iri": node.iri, "label": node.label, "kind": node.kind, "type": node.type,
            "subtype": node.subtype, "country": node.country, "date": node.date,
            "killed": node.killed, "injured": node.injured, "weapons": list(node.weapons),
            "cameo": node.cameo, "articles": list(node.articles),
            "evidence": [dict(e) for e in node.evidence], "degree": node.degree,
            "roles": {k: list(v) for k, v in node.roles.items()}, "links": list(node.links),
            "day": node.day.isoformat() if node.day and node.kind == "event" else None,
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
    days = sorted(d["day"] for d in details if d["day"])
    fixed = bool(view.nodes) and all(node.position is not None for node in view.nodes)
    return {
        "nodes": net.nodes,
        "edges": net.edges,
        "details": details,
        "legend": {"types": types, "relations": relations},
        "options": _options(len(net.nodes), len(net.edges), fixed),
        "total_nodes": view.total_nodes,
        "total_edges": view.total_edges,
        "note": view.pruning_note,
        "view": selection.view if selection else "whole",
        "description": selection.description if selection else None,
        "ticks": [{"x": x, "y": y, "label": label} for x, y, label in selection.ticks] if selection else [],
        "dates": [days[0], days[-1]] if days else None,
        "undated": sum(1 for d in details if d["kind"] == "event" and not d["day"]),
        "focus": next((index[iri] for iri in selection.pinned if iri in index), None) if selection else None,
    }


def render_html(g: nx.MultiDiGraph, *, title: str = "Conflict graph", max_nodes: int | None = 1500,
                view: str = "whole", actor: str | None = None, left_out: LeftOut | None = None) -> str:
    """The page for ``g`` as a string (see :func:`write_html`).

    Args:
        g: the conflict graph.
        title: the page title, shown as text.
        max_nodes: the most nodes drawn, the most important kept; None draws all.
        view: ``whole``, ``actor``, ``retaliation`` or ``timeline`` (see :mod:`graph.viz.views`).
        actor: the actor's name for the ``actor`` view.
        left_out: nodes dropped before ``g`` was built (see :class:`graph.viz.view.LeftOut`).

    Returns:
        The HTML text.

    >>> import networkx as nx
    >>> "http://" in render_html(nx.MultiDiGraph()).split("<script")[0]
    False
    """
    if max_nodes is not None and max_nodes < 1:
        raise ValueError(f"max_nodes must be at least 1 or None, not {max_nodes!r}")
    selection = select_view(g, view, actor=actor)
    gview = build_view(selection.graph, max_nodes=max_nodes, pinned=selection.pinned,
                       positions=selection.positions, left_out=left_out)
    data = page_data(gview, selection)
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
    note = gview.pruning_note
    shown = f"{len(data['nodes'])} nodes, {len(data['edges'])} edges"
    about = selection.description
    fields = {
        **scripts,
        **styles,
        "CSP": html.escape(csp, quote=False).replace('"', "&quot;"),
        "TITLE": html.escape(title, quote=True),
        "SUMMARY": html.escape(shown),
        "NOTE": f'<p id="pruning-note" role="note">{html.escape(note)}</p>' if note else "",
        "VIEW": f'<p id="view-note">{html.escape(about)}</p>' if about else "",
        "DATA": script_json(data),
    }
    # one pass over the template: inserted text is never scanned for markers again
    return re.sub(r"\{\{([A-Z_]+)\}\}", lambda m: fields[m.group(1)], _own_asset("page.html"))


def write_html(g: nx.MultiDiGraph, path: str | os.PathLike, *, title: str = "Conflict graph",
               max_nodes: int | None = 1500, view: str = "whole", actor: str | None = None,
               left_out: LeftOut | None = None) -> Path:
    """Write ``g`` as a self-contained interactive HTML page that makes no network request.

    Actors, events and places are drawn shaped by kind and coloured by type, with a
    legend that doubles as a type filter, an event date-range filter, a label search,
    neighbourhood highlighting on click, and a details panel with the evidence sentences.
    Above ``max_nodes`` only the most important nodes are drawn (degree, plus casualties
    for events) and the page says what was left out. The file is written atomically.

    Args:
        g: the conflict graph, as from ``graph.analysis.convert.rdf_to_networkx``.
        path: the file to write; its folder must exist.
        title: the page title, shown as text.
        max_nodes: the most nodes drawn; None draws all.
        view: ``whole``, ``actor`` (needs ``actor``), ``retaliation`` or ``timeline``.
        actor: the actor's name (case-insensitive) for the ``actor`` view.
        left_out: nodes a caller dropped before building ``g`` (a batch too large to hold
            whole); the page's counts and note include them.

    Returns:
        The path written.

    Raises:
        OutputError: the file cannot be written.
        GraphError: an unknown view, or no actor of that name (the message lists close names).
        ValueError: ``max_nodes`` is below 1.

    >>> import networkx as nx, tempfile, pathlib
    >>> out = write_html(nx.MultiDiGraph(), pathlib.Path(tempfile.mkdtemp()) / "g.html")
    >>> out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    True
    """
    page = render_html(g, title=title, max_nodes=max_nodes, view=view, actor=actor, left_out=left_out)
    return atomic_write_bytes(path, page.encode("utf-8"))
