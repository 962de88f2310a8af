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
