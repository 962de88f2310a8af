"""Measures on the views of :mod:`graph.analysis.views`, each returning table rows (lists of dicts).

* :func:`centrality` degree, betweenness and PageRank of actors in the conflict network;
* :func:`retaliation_chains` the longest chains of events answering events, and :func:`retaliation_cycles`;
* :func:`communities` Louvain communities of the conflict network;
* :func:`backing_blocs` groups of actors joined by backing, alliance or membership;
* :func:`escalation` attacks, killed and injured per month, with the change from the month before.

>>> d = nx.DiGraph()
>>> d.add_edge("a", "b", attacks=2, killed=5, injured=0, weight=2)
>>> d.add_edge("c", "b", attacks=1, killed=0, injured=1, weight=1)
>>> [r["actor"] for r in centrality(d)][:1]
['b']
"""
from __future__ import annotations

from collections import defaultdict

import networkx as nx

__all__ = ["centrality", "retaliation_chains", "retaliation_cycles", "communities", "backing_blocs", "escalation"]


def _label(g: nx.Graph, n) -> str:
    return g.nodes[n].get("label") or str(n)


def centrality(conflict: nx.DiGraph, *, top: int | None = None) -> list[dict]:
    """Degree, betweenness and PageRank of each actor of a conflict network, by PageRank.

    ``attacks_made``/``attacks_received`` and ``killed_by``/``killed_in_attacks_on`` sum the
    edge attributes; ``betweenness`` counts shortest paths (unweighted) through the actor;
    ``pagerank`` follows attacks (weight: number of attacks), so the most attacked rank high.

    Args:
        conflict: the output of :func:`~graph.analysis.views.conflict_network`.
        top: keep the first ``top`` rows.

    Returns:
        One dict per actor.
    """
    if conflict.number_of_nodes() == 0:
        return []
    between = nx.betweenness_centrality(conflict)
    rank = nx.pagerank(conflict, weight="weight")
    rows = []
    for n in conflict:
        rows.append({
            "actor": _label(conflict, n),
            "type": conflict.nodes[n].get("type"),
            "degree": conflict.degree(n),
            "attacks_made": sum(d.get("attacks", 0) for _, _, d in conflict.out_edges(n, data=True)),
            "attacks_received": sum(d.get("attacks", 0) for _, _, d in conflict.in_edges(n, data=True)),
            "killed_by": sum(d.get("killed", 0) for _, _, d in conflict.out_edges(n, data=True)),
            "killed_in_attacks_on": sum(d.get("killed", 0) for _, _, d in conflict.in_edges(n, data=True)),
            "betweenness": round(between[n], 4),
            "pagerank": round(rank[n], 4),
        })
    rows.sort(key=lambda r: (-r["pagerank"], -r["degree"], r["actor"]))
    return rows[:top] if top else rows


def _retaliation(events: nx.DiGraph) -> nx.DiGraph:
    return nx.DiGraph((u, v) for u, v, r in events.edges(data="relation") if r == "retaliation_for")


def retaliation_chains(events: nx.DiGraph, *, top: int | None = None, min_length: int = 1) -> list[dict]:
    """Maximal chains of retaliation: the last answer first, back to the first blow.

    An edge ``u -> v`` of the event graph with ``relation="retaliation_for"`` says ``u``
    answers ``v``. A chain starts at an event nothing answers and follows answers back until
    an event that answers nothing; on a cycle each event is visited once.

    Args:
        events: the output of :func:`~graph.analysis.views.event_graph`.
        top: keep the ``top`` longest chains.
        min_length: the fewest links a chain may have.

    Returns:
        One dict per chain: ``length`` (links), ``events`` (labels, last answer first),
        ``dates``, ``killed`` (sum over the chain), ``ids``.

    >>> e = nx.DiGraph()
    >>> e.add_edge("e3", "e2", relation="retaliation_for"); e.add_edge("e2", "e1", relation="retaliation_for")
    >>> [r["ids"] for r in retaliation_chains(e)]
    [['e3', 'e2', 'e1']]
    """
    r = _retaliation(events)
    rows = []

    def walk(path: list):
        ends = [v for v in r.successors(path[-1]) if v not in path]
        if not ends:
            if len(path) - 1 >= min_length:
                rows.append(path)
            return
        for v in sorted(ends):
            walk(path + [v])

    starts = sorted(n for n in r if r.in_degree(n) == 0) or sorted(r)[:1]
    for n in starts:
        walk([n])
    out = []
    for path in rows:
        attrs = [events.nodes[n] if n in events else {} for n in path]
        out.append({"length": len(path) - 1, "events": [a.get("label") or n for a, n in zip(attrs, path)],
                    "dates": [a.get("date") for a in attrs], "killed": sum(a.get("killed") or 0 for a in attrs),
                    "ids": path})
    out.sort(key=lambda c: (-c["length"], -c["killed"], c["ids"]))
    return out[:top] if top else out


def retaliation_cycles(events: nx.DiGraph, *, limit: int = 100) -> list[list[str]]:
    """Cycles of retaliation (``a`` answers ``b`` answers ... ``a``), as event ids, at most ``limit``.

    >>> e = nx.DiGraph([("a", "b"), ("b", "a")]); nx.set_edge_attributes(e, "retaliation_for", "relation")
    >>> retaliation_cycles(e)
    [['a', 'b']]
    """
    out = []
    for cycle in nx.simple_cycles(_retaliation(events)):
        i = cycle.index(min(cycle))
        out.append(cycle[i:] + cycle[:i])
        if len(out) >= limit:
            break
    return sorted(out)


def communities(conflict: nx.DiGraph, *, seed: int = 0, min_size: int = 2) -> list[dict]:
    """Louvain communities of the conflict network (undirected, weighted by attacks), largest first.

    A community is a set of actors that fight each other more than they fight the rest.

    Returns:
        One dict per community: ``size``, ``actors`` (labels, by attacks made and received),
        ``attacks`` inside it.
    """
    if conflict.number_of_edges() == 0:
        return []
    undirected = nx.Graph()
    for u, v, w in conflict.edges(data="weight", default=1):
        previous = undirected.get_edge_data(u, v, {"weight": 0})["weight"]
        undirected.add_edge(u, v, weight=previous + w)
    parts = nx.community.louvain_communities(undirected, weight="weight", seed=seed)
    out = []
    for part in parts:
        if len(part) < min_size:
            continue
        strength = {n: undirected.degree(n, weight="weight") for n in part}
        inside = sum(d.get("attacks", 0) for u, v, d in conflict.edges(data=True) if u in part and v in part)
        out.append({"size": len(part), "attacks": inside,
                    "actors": [_label(conflict, n) for n in sorted(part, key=lambda n: (-strength[n], str(n)))]})
    out.sort(key=lambda c: (-c["size"], -c["attacks"], c["actors"]))
    return out


def backing_blocs(backing: nx.DiGraph, *, min_size: int = 2) -> list[dict]:
    """Blocs: weakly connected groups of actors joined by backing, alliance or membership, largest first.

    Returns:
        One dict per bloc: ``size``, ``actors`` (labels, most connected first), ``patrons``
        (actors that others are backed by or members of).

    >>> b = nx.DiGraph(); b.add_edge("kh", "iran", relation="backed_by")
    >>> backing_blocs(b)[0]["patrons"]
    ['iran']
    """
    out = []
    for part in nx.weakly_connected_components(backing):
        if len(part) < min_size:
            continue
        sub = backing.subgraph(part)
        patrons = sorted((n for n in part if sub.in_degree(n) > 0), key=lambda n: (-sub.in_degree(n), str(n)))
        out.append({"size": len(part),
                    "actors": [_label(backing, n) for n in sorted(part, key=lambda n: (-sub.degree(n), str(n)))],
                    "patrons": [_label(backing, n) for n in patrons]})
    out.sort(key=lambda b: (-b["size"], b["actors"]))
    return out


def escalation(nxg: nx.MultiDiGraph, *, types: tuple[str, ...] = ("attack",)) -> list[dict]:
    """Attacks, killed and injured per month (undated events left out), with the change in attacks.

    Args:
        nxg: the contract multigraph.
        types: event types counted.

    Returns:
        One dict per month in order: ``month`` (``YYYY-MM``), ``attacks``, ``killed``,
        ``injured``, ``actors`` (distinct agents), ``change`` (attacks minus the month before).

    >>> g = nx.MultiDiGraph()
    >>> g.add_node("e1", kind="event", type="attack", date="2024-03-04", killed=3, injured=None)
    >>> g.add_node("e2", kind="event", type="attack", date="2024-04-01", killed=None, injured=2)
    >>> [(r["month"], r["attacks"], r["change"]) for r in escalation(g)]
    [('2024-03', 1, 1), ('2024-04', 1, 0)]
    """
    months: dict[str, dict] = defaultdict(lambda: {"attacks": 0, "killed": 0, "injured": 0, "agents": set()})
    for n, d in nxg.nodes(data=True):
        if d.get("kind") != "event" or d.get("type") not in types or not d.get("date"):
            continue
        m = months[d["date"][:7]]
        m["attacks"] += 1
        m["killed"] += d.get("killed") or 0
        m["injured"] += d.get("injured") or 0
        m["agents"].update(nxg.nodes[u].get("label") for u, _, r in nxg.in_edges(n, data="relation") if r == "agent")
    rows, previous = [], 0
    for month in sorted(months):
        m = months[month]
        rows.append({"month": month, "attacks": m["attacks"], "killed": m["killed"], "injured": m["injured"],
                     "actors": len(m["agents"]), "change": m["attacks"] - previous})
        previous = m["attacks"]
    return rows
