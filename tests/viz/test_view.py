"""Normalising, ranking and pruning the graph before drawing."""
from __future__ import annotations

import networkx as nx

from graph.viz.view import build_view, importance
from tests.viz.graphs import EX, star, tower22


def test_view_importance_counts_casualties_for_events_only():
    assert importance("event", 2, 0) == 2.0
    assert importance("event", 2, 7) == 2.0 + 2 * 3
    assert importance("actor", 2, 7) == 2.0


def test_view_prunes_lowest_importance_and_counts_what_is_left_out():
    view = build_view(star(30), max_nodes=5)
    assert len(view.nodes) == 5 and view.nodes[0].iri == EX + "actor/hub"
    assert view.omitted_nodes == 25 and view.omitted_by_kind == {"event": 25}
    assert min(n.importance for n in view.nodes) >= view.omitted_max_importance
    kept = {n.iri for n in view.nodes}
    assert all(e.source in kept and e.target in kept for e in view.edges)


def test_view_pruning_is_stable():
    """Ties in importance are broken by IRI, so two runs keep the same nodes."""
    first = [n.iri for n in build_view(star(40), max_nodes=7).nodes]
    assert first == [n.iri for n in build_view(star(40), max_nodes=7).nodes]


def test_view_collects_event_roles_in_either_direction():
    g = tower22()
    g.add_edge(EX + "actor/iran", EX + "event/e2", relation="target")  # actor -> event
    roles = {n.iri: n.roles for n in build_view(g).nodes}
    assert roles[EX + "event/e2"] == {"agent": ["US military"], "target": ["Iran"]}
    assert roles[EX + "actor/iran"] == {}


def test_view_infers_kind_from_type_when_missing():
    g = nx.MultiDiGraph()
    g.add_node("a", type="attack")
    g.add_node("b", type="person")
    g.add_node("c")
    kinds = {n.iri: n.kind for n in build_view(g).nodes}
    assert kinds == {"a": "event", "b": "actor", "c": "other"}


def test_view_left_out_before_building_counts_in_totals_and_note():
    """Nodes a batch dropped before building the graph are counted in the totals and the pruning note."""
    import networkx as nx

    from graph.viz.view import LeftOut, build_view

    g = nx.MultiDiGraph()
    g.add_node("http://x/a", kind="actor", label="A", type="state")
    g.add_node("http://x/e", kind="event", label="E", type="attack", killed=3)
    g.add_edge("http://x/a", "http://x/e", key="agent", relation="agent")
    view = build_view(g, max_nodes=1, left_out=LeftOut({"actor": 5, "event": 2}, edges=4, max_importance=2.5))
    assert (view.total_nodes, view.total_edges, len(view.nodes)) == (9, 5, 1)
    assert view.omitted_by_kind == {"actor": 6, "event": 2}
    assert "Showing the 1 most important of 9 nodes and 0 of 5 edges" in view.pruning_note
