"""What the drawing shows: clean node records, importance, and top-k pruning.

Reads a ``networkx.MultiDiGraph`` as produced by ``graph.analysis.convert`` and tolerates
any missing or odd attribute. Both the HTML page and the PNG are drawn from a
:class:`GraphView`.

>>> import networkx as nx
>>> g = nx.MultiDiGraph()
>>> g.add_node("ex:e1", kind="event", type="attack", label="strike", killed=3)
>>> g.add_node("ex:a1", kind="actor", type="state", label="Iran")
>>> g.add_edge("ex:e1", "ex:a1", relation="agent")
0
>>> v = build_view(g, max_nodes=1)
>>> [n.iri for n in v.nodes], v.omitted_nodes
(['ex:e1'], 1)
"""
from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any, Iterable, Mapping

import networkx as nx

from graph.viz.style import KIND_ORDER, KIND_SHAPES, TYPE_COLOURS

__all__ = ["ViewNode", "ViewEdge", "GraphView", "LeftOut", "build_view", "importance", "iso_day"]

_EVENT_TYPES = frozenset(TYPE_COLOURS["event"])
_ACTOR_TYPES = frozenset(TYPE_COLOURS["actor"])
_ROLE_RELATIONS = ("agent", "target", "place")
MAX_LINKS_IN_DETAILS = 60


@dataclass(frozen=True, slots=True)
class ViewNode:
    """One node to draw, with every attribute normalised to plain Python values.

    >>> ViewNode("ex:p", "place", "place", "Erbil").kind
    'place'
    """

    iri: str
    kind: str
    type: str
    label: str
    subtype: str | None = None
    country: str | None = None
    date: str | None = None
    killed: int | None = None
    injured: int | None = None
    weapons: tuple[str, ...] = ()
    cameo: str | None = None
    articles: tuple[str, ...] = ()
    evidence: tuple[dict, ...] = ()
    degree: int = 0
    importance: float = 0.0
    roles: dict = field(default_factory=dict)  # relation -> labels of linked nodes
    links: tuple[dict, ...] = ()  # {"relation", "direction", "label"}
    day: date | None = None  # ``date`` read as a calendar day, for filters and timelines
    position: tuple[float, float] | None = None  # fixed (x, y), screen y downwards

    @property
    def casualties(self) -> int:
        """Killed plus injured, missing counts as 0."""
        return (self.killed or 0) + (self.injured or 0)


@dataclass(frozen=True, slots=True)
class ViewEdge:
    """One edge to draw between two kept nodes.

    >>> ViewEdge("ex:e", "ex:a", "agent", "agent").relation
    'agent'
    """

    source: str
    target: str
    relation: str
    label: str


@dataclass(frozen=True, slots=True)
class GraphView:
    """The nodes and edges to draw, and what was left out to respect ``max_nodes``."""

    nodes: tuple[ViewNode, ...]
    edges: tuple[ViewEdge, ...]
    total_nodes: int
    total_edges: int
    omitted_by_kind: dict = field(default_factory=dict)
    omitted_max_importance: float | None = None

    @property
    def omitted_nodes(self) -> int:
        return self.total_nodes - len(self.nodes)

    @property
    def omitted_edges(self) -> int:
        return self.total_edges - len(self.edges)

    @property
    def pruning_note(self) -> str | None:
        """A sentence saying what was left out, or None when everything is shown.

        >>> GraphView((), (), 0, 0).pruning_note is None
        True
        """
        if not self.omitted_nodes:
            return None
        kinds = ", ".join(
            f"{n} {kind}{'s' if n != 1 else ''}"
            for kind in KIND_ORDER
            if (n := self.omitted_by_kind.get(kind, 0))
        )
        return (
            f"Showing the {len(self.nodes)} most important of {self.total_nodes} nodes "
            f"and {len(self.edges)} of {self.total_edges} edges. Left out: "
            f"{self.omitted_nodes} nodes ({kinds}) with importance at most "
            f"{self.omitted_max_importance:.1f} (degree, plus casualties for events), "
            f"and {self.omitted_edges} edges touching them."
        )


def _text(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, float) and math.isnan(value):
        return None
    text = str(value)
    return text if text.strip() else None


def _count(value: Any) -> int | None:
    if value is None or isinstance(value, bool):
        return None
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    if math.isnan(number) or math.isinf(number) or number < 0:
        return None
    return int(number)


def _texts(value: Any) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, (str, bytes)) or not isinstance(value, Iterable):
        value = [value]
    return tuple(t for v in value if (t := _text(v)) is not None)


def _evidence(value: Any) -> tuple[dict, ...]:
    if value is None:
        return ()
    if isinstance(value, (str, dict)) or not isinstance(value, Iterable):
        value = [value]
    out = []
    for item in value:
        if isinstance(item, dict):
            record = {k: _text(item.get(k)) for k in ("text", "article", "title", "url")}
        else:
            record = {"text": _text(item), "article": None, "title": None, "url": None}
        if any(record.values()):
            out.append(record)
    return tuple(out)


_DAY_RE = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


def iso_day(value: Any) -> date | None:
    """The calendar day a date attribute names, or None.

    Accepts dates, datetimes and ISO strings; a month or a year alone means its first day.

    Args:
        value: the ``date`` attribute of a node.

    Returns:
        A :class:`datetime.date`, or None when ``value`` is missing or not a date.

    >>> iso_day("2024-01-28T10:00:00"), iso_day("2024-02"), iso_day("soon")
    (datetime.date(2024, 1, 28), datetime.date(2024, 2, 1), None)
    """
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = _text(value)
    match = _DAY_RE.match(text.strip()) if text else None
    if not match:
        return None
    year, month, day = match.group(1), match.group(2) or "01", match.group(3) or "01"
    try:
        return date(int(year), int(month), int(day))
    except ValueError:
        return None


def _kind(attrs: dict) -> str:
    kind = _text(attrs.get("kind"))
    if kind in KIND_SHAPES and kind != "other":
        return kind
    type_ = _text(attrs.get("type"))
    if type_ in _EVENT_TYPES:
        return "event"
    if type_ in _ACTOR_TYPES:
        return "actor"
    if type_ == "place":
        return "place"
    return "other"


def importance(kind: str, degree: int, casualties: int) -> float:
    """How much a node matters when pruning and sizing: degree, plus casualties for events.

    Args:
        kind: the node kind.
        degree: number of edges touching the node, both directions.
        casualties: killed plus injured (used for events only).

    Returns:
        ``degree`` plus ``2 * log2(1 + casualties)`` for events.

    >>> importance("event", 1, 3), importance("actor", 1, 3)
    (5.0, 1.0)
    """
    bonus = 2 * math.log2(1 + casualties) if kind == "event" else 0.0
    return float(degree) + bonus


def _label(attrs: dict, iri: str) -> str:
    label = _text(attrs.get("label"))
    if label:
        return label
    tail = iri.rstrip("/#").rsplit("/", 1)[-1].rsplit("#", 1)[-1]
    return tail or iri


@dataclass(frozen=True, slots=True)
class LeftOut:
    """Nodes and edges left out before the graph reached :func:`build_view` (a batch too large to hold).

    ``by_kind`` counts the nodes per kind, ``edges`` the edges among or touching them,
    ``max_importance`` is the highest importance of those nodes.

    >>> LeftOut({"actor": 2}, 1, 3.0).nodes
    2
    """

    by_kind: dict = field(default_factory=dict)
    edges: int = 0
    max_importance: float | None = None

    @property
    def nodes(self) -> int:
        return sum(self.by_kind.values())


def build_view(g: nx.MultiDiGraph, max_nodes: int | None = 1500, *, pinned: Iterable[str] = (),
               positions: Mapping[str, tuple[float, float]] | None = None,
               left_out: LeftOut | None = None) -> GraphView:
    """Normalise ``g`` and keep at most ``max_nodes`` nodes, the most important first.

    Args:
        g: the conflict graph; any node or edge attribute may be missing.
        max_nodes: the most nodes to keep; None keeps them all.
        pinned: IRIs (``str`` of node ids) kept before any other node, such as the actor
            a neighbourhood is drawn around.
        positions: fixed ``(x, y)`` per IRI, for layouts such as the timeline.
        left_out: what was dropped before ``g`` was built; counted in the totals and the
            pruning note, so the page says what the whole graph held.

    Returns:
        A :class:`GraphView`; ties in importance are broken by IRI, so the choice is
        stable.

    Raises:
        ValueError: ``max_nodes`` is below 1.

    >>> import networkx as nx
    >>> build_view(nx.MultiDiGraph()).nodes
    ()
    """
    if max_nodes is not None and max_nodes < 1:
        raise ValueError(f"max_nodes must be at least 1 or None, not {max_nodes!r}")
    iris = {n: str(n) for n in g.nodes}
    labels = {n: _label(g.nodes[n], iris[n]) for n in g.nodes}
    kinds = {n: _kind(g.nodes[n]) for n in g.nodes}

    roles: dict[Any, dict[str, list[str]]] = {n: {} for n in g.nodes}
    links: dict[Any, list[dict]] = {n: [] for n in g.nodes}
    for u, v, attrs in g.edges(data=True):
        relation = _text(attrs.get("relation")) or _text(attrs.get("label")) or "related"
        for this, other, direction in ((u, v, "out"), (v, u, "in")):
            if len(links[this]) < MAX_LINKS_IN_DETAILS:
                links[this].append({"relation": relation, "direction": direction, "label": labels[other]})
            if relation in _ROLE_RELATIONS and kinds[this] == "event" and kinds[other] != "event":
                names = roles[this].setdefault(relation, [])
                if labels[other] not in names:
                    names.append(labels[other])

    nodes = []
    for n, attrs in g.nodes(data=True):
        kind = kinds[n]
        killed, injured = _count(attrs.get("killed")), _count(attrs.get("injured"))
        degree = g.degree(n)
        type_ = _text(attrs.get("type")) or ("place" if kind == "place" else "unknown")
        nodes.append(
            ViewNode(
                iri=iris[n],
                kind=kind,
                type=type_,
                label=labels[n],
                subtype=_text(attrs.get("subtype")),
                country=_text(attrs.get("country")),
                date=_text(attrs.get("date")),
                killed=killed,
                injured=injured,
                weapons=_texts(attrs.get("weapons")),
                cameo=_text(attrs.get("cameo")),
                articles=_texts(attrs.get("articles")),
                evidence=_evidence(attrs.get("evidence")),
                degree=degree,
                importance=importance(kind, degree, (killed or 0) + (injured or 0)),
                roles=roles[n],
                links=tuple(links[n]),
                day=iso_day(attrs.get("date")),
                position=positions.get(iris[n]) if positions else None,
            )
        )
    first = set(pinned)
    nodes.sort(key=lambda node: (node.iri not in first, -node.importance, node.iri))
    kept = nodes if max_nodes is None else nodes[:max_nodes]
    left = nodes[len(kept):]
    kept_iris = {node.iri for node in kept}

    edges = []
    total_edges = 0
    for u, v, attrs in g.edges(data=True):
        total_edges += 1
        if iris[u] in kept_iris and iris[v] in kept_iris:
            relation = _text(attrs.get("relation")) or "related"
            label = _text(attrs.get("label")) or relation
            edges.append(ViewEdge(iris[u], iris[v], relation, label))

    omitted = Counter(node.kind for node in left)
    most = max((node.importance for node in left), default=None)
    if left_out is not None and left_out.nodes:
        omitted.update(left_out.by_kind)
        total_edges += left_out.edges
        most = max((x for x in (most, left_out.max_importance) if x is not None), default=None)
    return GraphView(
        nodes=tuple(kept),
        edges=tuple(edges),
        total_nodes=len(nodes) + (left_out.nodes if left_out is not None else 0),
        total_edges=total_edges,
        omitted_by_kind=dict(omitted),
        omitted_max_importance=most,
    )
