"""Derived NetworkX views of the contract multigraph (:mod:`graph.analysis.convert`).

Actors are per article in the RDF; across articles the views merge them by name
(:func:`actor_key`: case and spacing folded), so "Iran" in two articles is one node.

* :func:`conflict_network` actor -> actor ``DiGraph`` of attacks, weighted by attacks, killed, injured;
* :func:`event_graph` event -> event ``DiGraph`` of retaliation, part-of, about, causes, precedes links;
* :func:`actor_event_graph` bipartite ``Graph`` of actors (``bipartite=0``) and events (``bipartite=1``);
* :func:`backing_network` actor -> actor ``DiGraph`` of backed-by, allied-with and member-of links.

>>> g = nx.MultiDiGraph()
>>> g.add_node("a1", kind="actor", label="Rebels", type="armed_group", country=None, articles=["x"])
>>> g.add_node("a2", kind="actor", label="Army", type="military", country="XLD", articles=["x"])
>>> g.add_node("e1", kind="event", label="attack", type="attack", date="2024-03-04", killed=3, injured=None)
>>> g.add_edge("a1", "e1", key="agent", relation="agent"); g.add_edge("e1", "a2", key="target", relation="target")
'agent'
'target'
>>> d = conflict_network(g)
>>> d.edges["rebels", "army"]["attacks"], d.edges["rebels", "army"]["killed"]
(1, 3)
"""
from __future__ import annotations

from collections import Counter, defaultdict

import networkx as nx

__all__ = ["actor_key", "actors_of", "conflict_network", "event_graph", "actor_event_graph", "actor_event_pairs",
           "backing_network",
           "EVENT_LINKS", "BACKING_LINKS"]

#: event-to-event relations kept in :func:`event_graph`
EVENT_LINKS = ("retaliation_for", "part_of", "about", "causes", "precedes")
#: actor-to-actor relations kept in :func:`backing_network`
BACKING_LINKS = ("backed_by", "allied_with", "member_of")


def actor_key(label: str) -> str:
    """The key that merges actors across articles: the name, case and spacing folded.

    >>> actor_key("  Kataib   Hezbollah ") == actor_key("kataib hezbollah")
    True
    """
    return " ".join(str(label).split()).casefold()


def actors_of(nxg: nx.MultiDiGraph) -> dict[str, dict]:
    """Merged actors: key -> ``label`` (most frequent spelling), ``type``, ``country``, ``articles``, ``nodes``."""
    spellings: dict[str, Counter] = defaultdict(Counter)
    types: dict[str, Counter] = defaultdict(Counter)
    countries: dict[str, Counter] = defaultdict(Counter)
    articles: dict[str, set] = defaultdict(set)
    nodes: dict[str, list] = defaultdict(list)
    for n, d in nxg.nodes(data=True):
        if d.get("kind") != "actor":
            continue
        key = actor_key(d.get("label") or n)
        spellings[key][d.get("label") or n] += 1
        if d.get("type"):
            types[key][d["type"]] += 1
        if d.get("country"):
            countries[key][d["country"]] += 1
        articles[key].update(d.get("articles") or ())
        nodes[key].append(n)
    out = {}
    for key in spellings:
        out[key] = {
            "label": spellings[key].most_common(1)[0][0],
            "type": types[key].most_common(1)[0][0] if types[key] else None,
            "country": countries[key].most_common(1)[0][0] if countries[key] else None,
            "articles": len(articles[key]),
            "nodes": nodes[key],
        }
    return out


def _keys(merged: dict[str, dict]) -> dict[str, str]:
    """Actor node -> its merged key, from :func:`actors_of`."""
    return {n: key for key, m in merged.items() for n in m["nodes"]}


def _add_actor_nodes(out: nx.Graph, merged: dict[str, dict], keys) -> None:
    for key in keys:
        m = merged[key]
        out.add_node(key, label=m["label"], type=m["type"], country=m["country"], articles=m["articles"])


def _sides(nxg: nx.MultiDiGraph, event: str) -> tuple[list[str], list[str]]:
    agents = sorted({u for u, _, r in nxg.in_edges(event, data="relation") if r == "agent"})
    targets = sorted({v for _, v, r in nxg.out_edges(event, data="relation") if r == "target"})
    return agents, targets


def conflict_network(nxg: nx.MultiDiGraph, types: tuple[str, ...] = ("attack",), *,
                     merged: dict[str, dict] | None = None) -> nx.DiGraph:
    """Who attacks whom: an edge agent -> target per pair, summed over attacks.

    Args:
        nxg: the contract multigraph.
        types: event types counted (default: attacks only).
        merged: :func:`actors_of` ``nxg``, when already at hand.

    Returns:
        A ``DiGraph`` on merged actors; edges carry ``attacks``, ``killed``, ``injured``,
        ``weight`` (= attacks), ``first`` and ``last`` dates and ``events`` (event ids).
    """
    merged = actors_of(nxg) if merged is None else merged
    keys = _keys(merged)
    out = nx.DiGraph()
    for e, d in nxg.nodes(data=True):
        if d.get("kind") != "event" or d.get("type") not in types:
            continue
        agents, targets = _sides(nxg, e)
        for a in {keys[x] for x in agents if x in keys}:
            for t in {keys[x] for x in targets if x in keys}:
                if a == t:
                    continue
                if not out.has_edge(a, t):
                    _add_actor_nodes(out, merged, (a, t))
                    out.add_edge(a, t, attacks=0, killed=0, injured=0, weight=0, first=None, last=None, events=[])
                edge = out.edges[a, t]
                edge["attacks"] += 1
                edge["weight"] += 1
                edge["killed"] += d.get("killed") or 0
                edge["injured"] += d.get("injured") or 0
                edge["events"].append(e)
                date = d.get("date")
                if date:
                    edge["first"] = min(edge["first"] or date, date)
                    edge["last"] = max(edge["last"] or date, date)
    return out


def event_graph(nxg: nx.MultiDiGraph, relations: tuple[str, ...] = EVENT_LINKS, *,
                linked_only: bool = False) -> nx.DiGraph:
    """Events linked by ``relations`` (edge attribute ``relation``); every event is a node (``linked_only``: only linked ones).

    >>> g = nx.MultiDiGraph()
    >>> g.add_node("e1", kind="event", label="a", type="attack", date=None, killed=None)
    >>> g.add_node("e2", kind="event", label="b", type="attack", date=None, killed=None)
    >>> g.add_edge("e2", "e1", key="retaliation_for", relation="retaliation_for")
    'retaliation_for'
    >>> list(event_graph(g).edges(data="relation"))
    [('e2', 'e1', 'retaliation_for')]
    """
    nodes = nxg.nodes
    linked = [(u, v, r) for u, v, r in nxg.edges(data="relation")
              if r in relations and nodes[u].get("kind") == "event" and nodes[v].get("kind") == "event"]
    wanted = {n for u, v, _ in linked for n in (u, v)} if linked_only else None
    out = nx.DiGraph()
    for n, d in nxg.nodes(data=True):
        if d.get("kind") == "event" and (wanted is None or n in wanted):
            out.add_node(n, label=d.get("label"), type=d.get("type"), date=d.get("date"), killed=d.get("killed"),
                         articles=d.get("articles") or [])
    out.add_edges_from((u, v, {"relation": r}) for u, v, r in linked)
    return out


def actor_event_pairs(nxg: nx.MultiDiGraph, *, merged: dict[str, dict] | None = None) -> dict[frozenset, str]:
    """The edges of :func:`actor_event_graph` without building it: {merged actor key, event} -> role."""
    keys = _keys(actors_of(nxg) if merged is None else merged)
    out = {}
    for u, v, r in nxg.edges(data="relation"):
        if r == "agent" and u in keys:
            out[frozenset((keys[u], v))] = "agent"
        elif r == "target" and v in keys:
            out[frozenset((u, keys[v]))] = "target"
    return out


def actor_event_graph(nxg: nx.MultiDiGraph, *, merged: dict[str, dict] | None = None) -> nx.Graph:
    """The bipartite graph of merged actors (``bipartite=0``) and events (``bipartite=1``); edges carry ``role``."""
    merged = actors_of(nxg) if merged is None else merged
    keys = _keys(merged)
    out = nx.Graph()
    _add_actor_nodes(out, merged, merged)
    for key in merged:
        out.nodes[key]["bipartite"] = 0
    for n, d in nxg.nodes(data=True):
        if d.get("kind") == "event":
            out.add_node(n, bipartite=1, label=d.get("label"), type=d.get("type"), date=d.get("date"))
    for u, v, r in nxg.edges(data="relation"):
        if r == "agent" and u in keys:
            out.add_edge(keys[u], v, role="agent")
        elif r == "target" and v in keys:
            out.add_edge(u, keys[v], role="target")
    return out


def backing_network(nxg: nx.MultiDiGraph, relations: tuple[str, ...] = BACKING_LINKS, *,
                    merged: dict[str, dict] | None = None) -> nx.DiGraph:
    """Merged actors linked by backing, alliance and membership; edges carry ``relation`` and ``articles`` (count)."""
    merged = actors_of(nxg) if merged is None else merged
    keys = _keys(merged)
    out = nx.DiGraph()
    seen: dict[tuple, set] = defaultdict(set)
    for u, v, r in nxg.edges(data="relation"):
        if r in relations and u in keys and v in keys and keys[u] != keys[v]:
            a, b = keys[u], keys[v]
            _add_actor_nodes(out, merged, (a, b))
            seen[a, b, r].update(nxg.nodes[u].get("articles") or [u])
    for (a, b, r), arts in seen.items():
        out.add_edge(a, b, relation=r, articles=len(arts))
    return out
