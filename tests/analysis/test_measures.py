"""Tests of graph.analysis.measures on small hand-built graphs."""
from __future__ import annotations

import networkx as nx

from graph.analysis.measures import (
    backing_blocs, centrality, communities, escalation, retaliation_chains, retaliation_cycles,
)


def _conflict() -> nx.DiGraph:
    d = nx.DiGraph()
    for u, v, n in [("a", "b", 3), ("b", "a", 1), ("c", "d", 2), ("d", "c", 2), ("a", "c", 1)]:
        d.add_edge(u, v, attacks=n, killed=n, injured=0, weight=n)
    for n in d:
        d.nodes[n]["label"] = n.upper()
    return d


def test_measures_centrality_ranks_by_pagerank_with_betweenness():
    rows = centrality(_conflict())
    assert {r["actor"] for r in rows} == {"A", "B", "C", "D"}
    a = next(r for r in rows if r["actor"] == "A")
    assert (a["attacks_made"], a["attacks_received"], a["degree"]) == (4, 1, 3)
    assert a["betweenness"] > 0
    assert rows == sorted(rows, key=lambda r: -r["pagerank"])
    assert abs(sum(r["pagerank"] for r in rows) - 1) < 0.01


def test_measures_louvain_splits_two_feuds():
    parts = communities(_conflict())
    assert sorted(sorted(p["actors"]) for p in parts) == [["A", "B"], ["C", "D"]]


def test_measures_retaliation_chains_longest_first_and_cycles():
    e = nx.DiGraph()
    for u, v in [("e4", "e3"), ("e3", "e2"), ("e2", "e1"), ("x2", "x1"), ("e9", "e8")]:
        e.add_edge(u, v, relation="retaliation_for")
    e.add_edge("p", "e1", relation="part_of")
    nx.set_node_attributes(e, {"e1": 5, "e2": 1}, "killed")
    chains = retaliation_chains(e)
    assert chains[0]["ids"] == ["e4", "e3", "e2", "e1"] and chains[0]["length"] == 3 and chains[0]["killed"] == 6
    assert [c["length"] for c in chains] == [3, 1, 1]
    e.add_edge("e1", "e4", relation="retaliation_for")
    assert retaliation_cycles(e) == [["e1", "e4", "e3", "e2"]]


def test_measures_backing_blocs_name_patrons():
    b = nx.DiGraph()
    b.add_edge("kh", "iran", relation="backed_by")
    b.add_edge("kss", "iran", relation="backed_by")
    b.add_edge("sdf", "usa", relation="backed_by")
    blocs = backing_blocs(b)
    assert [(x["size"], x["patrons"]) for x in blocs] == [(3, ["iran"]), (2, ["usa"])]


def test_measures_escalation_counts_per_month_with_change():
    g = nx.MultiDiGraph()
    for i, (date, killed) in enumerate([("2024-01-03", 1), ("2024-01-20", 2), ("2024-03-01", None), (None, 9)]):
        g.add_node(f"e{i}", kind="event", type="attack", date=date, killed=killed, injured=None)
    g.add_node("s", kind="event", type="statement", date="2024-01-05", killed=None)
    rows = escalation(g)
    assert [(r["month"], r["attacks"], r["killed"], r["change"]) for r in rows] == [
        ("2024-01", 2, 3, 2), ("2024-03", 1, 0, -1)]
