"""Which part of the graph to draw: the whole graph, one actor's neighbourhood,
retaliation chains, or a timeline.

Each view takes the conflict graph (as from ``graph.analysis.convert.rdf_to_networkx``)
and returns a :class:`Selection`: a subgraph, a sentence saying what it shows, and for the
timeline fixed positions and axis ticks. Both the HTML page and the static picture are
drawn from a selection.

>>> import networkx as nx
>>> g = nx.MultiDiGraph()
>>> g.add_node("ex:a", kind="actor", type="state", label="Iran")
>>> g.add_node("ex:e", kind="event", type="attack", label="strike", date="2024-01-28")
>>> g.add_edge("ex:a", "ex:e", relation="agent")
0
>>> sorted(select_view(g, "actor", actor="iran").graph)
['ex:a', 'ex:e']
>>> select_view(g, "timeline").positions["ex:e"]
(0.0, 0.0)
"""
from __future__ import annotations

import difflib
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from typing import Any

import networkx as nx

from graph.errors import GraphError
from graph.viz.view import _kind, _label, _text, iso_day

__all__ = ["VIEWS", "Selection", "select_view", "find_actors", "actor_neighbourhood",
           "retaliation_chains", "timeline"]

VIEWS = ("whole", "actor", "retaliation", "timeline")
"""View names, as ``--view`` spells them."""

CHAIN_RELATIONS = ("retaliation_for", "part_of")
ROLE_RELATIONS = ("agent", "target")

# timeline geometry, in vis-network canvas pixels (y grows downwards)
DATE_GAP_MIN = 170.0  # distinct dates are at least this far apart
DAY_WIDTH = 12.0  # and otherwise this many pixels per day
EVENT_STEP = 60.0  # events of one day, stacked around the axis
ACTOR_GAP = 160.0  # first actor lane from the axis, beyond the tallest day
LANE_STEP = 80.0
LANE_SEPARATION = 230.0  # two actors in one lane are at least this far apart
TICK_LABELS_MAX = 40
TICK_LABEL_LIFT = 72.0  # date labels this far above the top event of their day (clears the largest event)


@dataclass(frozen=True, slots=True)
class Selection:
    """A view of the conflict graph, ready to draw.

    Attributes:
        graph: the nodes and edges to draw (an induced subgraph of the input).
        view: the view name, one of :data:`VIEWS`.
        description: one sentence saying what is shown and what was left out by the view.
        positions: fixed ``(x, y)`` per node (IRI string), screen y downwards; None lets
            the layout place nodes.
        ticks: ``(x, y, label)`` marks of a time axis along ``y = 0``; ``y`` is where the
            label goes, above the day's events.
        pinned: IRIs kept whatever the node limit (the chosen actor).
    """

    graph: nx.MultiDiGraph
    view: str
    description: str | None = None
    positions: dict[str, tuple[float, float]] | None = None
    ticks: tuple[tuple[float, float, str], ...] = ()
    pinned: tuple[str, ...] = field(default=())


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def _norm(text: str) -> str:
    return " ".join(text.split()).casefold()


def _actors(g: nx.MultiDiGraph) -> dict[Any, str]:
    return {n: _label(a, str(n)) for n, a in g.nodes(data=True) if _kind(a) == "actor"}


def find_actors(g: nx.MultiDiGraph, name: str) -> list:
    """The actor nodes whose label is ``name``, ignoring case and repeated spaces.

    An IRI is accepted too.

    Args:
        g: the conflict graph.
        name: the actor's name as shown in the graph.

    Returns:
        The matching node ids, at least one.

    Raises:
        GraphError: no actor has that name; the message lists the closest names.

    >>> import networkx as nx
    >>> g = nx.MultiDiGraph()
    >>> g.add_node("ex:k", kind="actor", label="John Kirby")
    >>> find_actors(g, "john  KIRBY")
    ['ex:k']
    >>> find_actors(g, "Kirbi")
    Traceback (most recent call last):
    ...
    graph.errors.GraphError: no actor named 'Kirbi'; close names: 'John Kirby'
    """
    actors = _actors(g)
    wanted = _norm(name)
    found = [n for n, label in actors.items() if _norm(label) == wanted or str(n) == name]
    if found:
        return sorted(found, key=str)
    if not actors:
        raise GraphError(f"no actor named {name!r}: the graph has no actors")
    by_norm: dict[str, str] = {}
    for label in sorted(actors.values()):
        by_norm.setdefault(_norm(label), label)
    def score(key: str) -> float:
        if wanted in key or key in wanted:
            return 1.0
        parts = [key, *key.split()]
        return max(difflib.SequenceMatcher(None, wanted, part).ratio() for part in parts)

    scored = sorted(((score(k), label) for k, label in by_norm.items()), key=lambda sl: (-sl[0], sl[1]))
    close = [label for s, label in scored if s >= 0.6]
    if close:
        shown = ", ".join(repr(c) for c in close[:5])
        raise GraphError(f"no actor named {name!r}; close names: {shown}")
    sample = ", ".join(repr(label) for label in list(by_norm.values())[:5])
    raise GraphError(f"no actor named {name!r}; the graph has {_plural(len(by_norm), 'actor')}, "
                     f"such as {sample}")


def actor_neighbourhood(g: nx.MultiDiGraph, name: str, radius: int = 2) -> Selection:
    """Every node within ``radius`` links of the actor named ``name``, in either direction.

    At radius 2 this is the actor, its events, places and affiliations, and the other
    actors and places of those events.

    Args:
        g: the conflict graph.
        name: the actor's label (case-insensitive) or IRI.
        radius: how many links away to go.

    Returns:
        A :class:`Selection` pinning the actor (so pruning never drops it).

    Raises:
        GraphError: no actor has that name.
    """
    centres = find_actors(g, name)
    seen = set(centres)
    frontier = list(centres)
    for _ in range(radius):
        nxt = []
        for n in frontier:
            for m in (*g.successors(n), *g.predecessors(n)):
                if m not in seen:
                    seen.add(m)
                    nxt.append(m)
        frontier = nxt
    sub = nx.MultiDiGraph(g.subgraph(seen))
    label = _label(g.nodes[centres[0]], str(centres[0]))
    description = (f"Neighbourhood of {label}: {_plural(len(sub) - len(centres), 'node')} within "
                   f"{_plural(radius, 'link')} of it, {_plural(len(g) - len(sub), 'other node')} left out.")
    return Selection(sub, "actor", description, pinned=tuple(str(c) for c in centres))


def _relation(attrs: dict) -> str | None:
    return _text(attrs.get("relation"))


def retaliation_chains(g: nx.MultiDiGraph) -> Selection:
    """Events linked by ``retaliation_for`` or ``part_of``, with their agents and targets.

    Args:
        g: the conflict graph.

    Returns:
        A :class:`Selection` of the induced subgraph; empty when no such link exists.
    """
    events = set()
    for u, v, attrs in g.edges(data=True):
        if _relation(attrs) in CHAIN_RELATIONS:
            events.update((u, v))
    actors = set()
    for u, v, attrs in g.edges(data=True):
        if _relation(attrs) in ROLE_RELATIONS and (u in events or v in events):
            actors.update(n for n in (u, v) if n not in events)
    sub = nx.MultiDiGraph(g.subgraph(events | actors))
    links = sum(1 for _, _, a in sub.edges(data=True) if _relation(a) in CHAIN_RELATIONS)
    if not links:
        description = "Retaliation chains: no event in this graph is linked by retaliation for or part of."
    else:
        description = (f"Retaliation chains: {_plural(len(events), 'event')} joined by "
                       f"{_plural(links, 'retaliation-for or part-of link')}, with their "
                       f"{len(actors)} agent{'' if len(actors) == 1 else 's'} and targets.")
    return Selection(sub, "retaliation", description)


def _lanes(items: list[tuple[Any, float]]) -> dict[Any, int]:
    """Greedy lanes so that items in one lane are LANE_SEPARATION apart; items sorted by x."""
    ends: list[float] = []
    lane_of = {}
    for key, x in sorted(items, key=lambda kv: (kv[1], str(kv[0]))):
        for lane, end in enumerate(ends):
            if x - end >= LANE_SEPARATION:
                ends[lane] = x
                lane_of[key] = lane
                break
        else:
            ends.append(x)
            lane_of[key] = len(ends) - 1
    return lane_of


def timeline(g: nx.MultiDiGraph) -> Selection:
    """Dated events along a time axis, their agents above and their other actors below.

    Events sit on ``y = 0`` at an x growing with their date (distinct dates at least
    :data:`DATE_GAP_MIN` apart), events of one day stacked around the axis. An actor sits
    above the axis when it is the agent of one of the events, below otherwise, at the mean
    x of its events, in lanes that keep labels apart. Undated events, places and actors of
    no dated event are left out, and the description says how many.

    Args:
        g: the conflict graph.

    Returns:
        A :class:`Selection` with fixed positions and one tick per drawn date (at most
        :data:`TICK_LABELS_MAX`, evenly chosen).
    """
    days: dict[Any, date] = {}
    undated = 0
    for n, attrs in g.nodes(data=True):
        if _kind(attrs) != "event":
            continue
        day = iso_day(attrs.get("date"))
        if day is None:
            undated += 1
        else:
            days[n] = day
    distinct = sorted(set(days.values()))
    x_of_day: dict[date, float] = {}
    x = 0.0
    for i, day in enumerate(distinct):
        if i:
            x += max(DATE_GAP_MIN, DAY_WIDTH * (day - distinct[i - 1]).days)
        x_of_day[day] = x

    positions: dict[str, tuple[float, float]] = {}
    by_day: dict[date, list] = defaultdict(list)
    for n, day in days.items():
        by_day[day].append(n)
    tallest = 0
    for day, column in by_day.items():
        column.sort(key=lambda n: (_label(g.nodes[n], str(n)), str(n)))
        tallest = max(tallest, len(column))
        for k, n in enumerate(column):
            positions[str(n)] = (x_of_day[day], (k - (len(column) - 1) / 2) * EVENT_STEP)

    xs: dict[Any, list[float]] = defaultdict(list)
    agent_of = set()
    for u, v, attrs in g.edges(data=True):
        for this, other in ((u, v), (v, u)):
            if other in days and this not in days and _kind(g.nodes[this]) == "actor":
                xs[this].append(x_of_day[days[other]])
                if _relation(attrs) == "agent":
                    agent_of.add(this)
    base = ACTOR_GAP + (tallest - 1) / 2 * EVENT_STEP
    for side, sign in ((agent_of, -1), (set(xs) - agent_of, 1)):
        items = [(n, sum(xs[n]) / len(xs[n])) for n in side]
        lanes = _lanes(items)
        for n, mean_x in items:
            positions[str(n)] = (round(mean_x, 1), sign * (base + lanes[n] * LANE_STEP))

    keep = set(days) | set(xs)
    sub = nx.MultiDiGraph(g.subgraph(keep))
    step = max(1, -(-len(distinct) // TICK_LABELS_MAX))
    ticks = tuple((x_of_day[d], -((len(by_day[d]) - 1) / 2 * EVENT_STEP + TICK_LABEL_LIFT), d.isoformat())
                  for d in distinct[::step])
    left = len(g) - len(sub)
    if distinct:
        span = (f"{distinct[0].isoformat()} to {distinct[-1].isoformat()}" if len(distinct) > 1
                else distinct[0].isoformat())
        parts = [p for n, p in ((undated, _plural(undated, "undated event")),
                                (left - undated, _plural(left - undated, "place or unlinked node"))) if n]
        description = (f"Timeline, {span}: {_plural(len(days), 'dated event')}, agents above the axis, "
                       f"targets and other actors below; left out: {' and '.join(parts) or 'nothing'}.")
    else:
        description = f"Timeline: no event has a date ({_plural(undated, 'undated event')})."
    return Selection(sub, "timeline", description, positions=positions, ticks=ticks)


def select_view(g: nx.MultiDiGraph, view: str = "whole", *, actor: str | None = None,
                radius: int = 2) -> Selection:
    """The part of ``g`` that ``view`` draws.

    Args:
        g: the conflict graph.
        view: one of :data:`VIEWS`.
        actor: the actor's name, required by the ``actor`` view.
        radius: links around the actor for the ``actor`` view.

    Returns:
        A :class:`Selection`.

    Raises:
        GraphError: an unknown view, a missing ``actor``, or no actor of that name.
    """
    if view not in VIEWS:
        raise GraphError(f"unknown view {view!r}; choose one of {', '.join(VIEWS)}")
    if view == "actor":
        if not actor:
            raise GraphError("the actor view needs an actor name (--actor NAME)")
        return actor_neighbourhood(g, actor, radius)
    if view == "retaliation":
        return retaliation_chains(g)
    if view == "timeline":
        return timeline(g)
    return Selection(g, "whole")
