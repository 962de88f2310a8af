"""The views: an actor's neighbourhood, retaliation chains, a timeline."""
from __future__ import annotations

import networkx as nx
import pytest

from graph.errors import GraphError
from graph.viz.views import DATE_GAP_MIN, VIEWS, find_actors, select_view
from tests.viz.graphs import EX, tower22


def iris(selection) -> set[str]:
    return {str(n) for n in selection.graph}


def test_views_actor_neighbourhood_reaches_two_links_either_way():
    """Iran -> backed Kataib Hezbollah -> its two attacks; nothing further."""
    sel = select_view(tower22(), "actor", actor="iran")
    assert iris(sel) == {EX + "actor/iran", EX + "actor/kh", EX + "event/e1", EX + "event/e3"}
    assert sel.pinned == (EX + "actor/iran",)
    assert "Neighbourhood of Iran" in sel.description and "3 other nodes left out" in sel.description


def test_views_actor_lookup_ignores_case_and_spaces_and_takes_iris():
    g = tower22()
    assert find_actors(g, "  kataib   HEZBOLLAH ") == [EX + "actor/kh"]
    assert find_actors(g, EX + "actor/us") == [EX + "actor/us"]


@pytest.mark.parametrize("name,expected", [
    ("Kataib Hezbolla", "close names: 'Kataib Hezbollah'"),
    ("military", "close names: 'US military'"),
    ("Zzyzx", "the graph has 3 actors, such as"),
])
def test_views_unknown_actor_error_is_one_line_with_close_names(name, expected):
    with pytest.raises(GraphError) as err:
        select_view(tower22(), "actor", actor=name)
    message = str(err.value)
    assert "\n" not in message and repr(name) in message and expected in message


def test_views_actor_view_needs_a_name_and_an_actor():
    with pytest.raises(GraphError, match="--actor"):
        select_view(tower22(), "actor")
    with pytest.raises(GraphError, match="no actors"):
        select_view(nx.MultiDiGraph(), "actor", actor="x")


def test_views_unknown_view_lists_the_views():
    with pytest.raises(GraphError) as err:
        select_view(tower22(), "map")
    assert all(v in str(err.value) for v in VIEWS)


def test_views_retaliation_keeps_linked_events_with_agents_and_targets():
    """The airstrikes retaliate for the drone strike: both events, their agents and targets."""
    sel = select_view(tower22(), "retaliation")
    assert iris(sel) == {EX + "event/e1", EX + "event/e3", EX + "actor/kh", EX + "actor/us"}
    assert "2 events joined by 1 retaliation-for or part-of link" in sel.description


def test_views_retaliation_without_links_is_empty_and_says_so():
    g = tower22()
    g.remove_edge(EX + "event/e3", EX + "event/e1")
    sel = select_view(g, "retaliation")
    assert len(sel.graph) == 0 and "no event" in sel.description


def test_views_timeline_orders_events_by_date_agents_above_targets_below():
    sel = select_view(tower22(), "timeline")
    pos = sel.positions
    e1, e2, e3 = (pos[EX + f"event/{e}"] for e in ("e1", "e2", "e3"))
    assert e1[0] < e2[0] < e3[0] and e1[1] == e2[1] == e3[1] == 0
    assert e2[0] - e1[0] >= DATE_GAP_MIN  # one day apart, still apart on screen
    assert pos[EX + "actor/kh"][1] < 0 and pos[EX + "actor/us"][1] < 0  # both are agents
    assert EX + "place/t22" not in pos and EX + "actor/iran" not in pos
    assert [label for _, _, label in sel.ticks] == ["2024-01-28", "2024-01-29", "2024-02-02"]
    assert "2 place or unlinked nodes" in sel.description


def test_views_timeline_puts_target_only_actors_below_and_leaves_out_undated_events():
    g = tower22()
    g.add_node(EX + "actor/civ", kind="actor", type="civilians", label="civilians")
    g.add_edge(EX + "event/e3", EX + "actor/civ", relation="target")
    g.nodes[EX + "event/e2"]["date"] = None
    sel = select_view(g, "timeline")
    assert sel.positions[EX + "actor/civ"][1] > 0
    assert EX + "event/e2" not in sel.positions and "1 undated event" in sel.description


def test_views_timeline_stacks_same_day_events_and_separates_actor_labels():
    g = nx.MultiDiGraph()
    for i in range(3):
        g.add_node(f"e{i}", kind="event", type="attack", date="2024-05-01")
        g.add_node(f"a{i}", kind="actor", type="state", label=f"State {i}")
        g.add_edge(f"a{i}", f"e{i}", relation="agent")
    pos = select_view(g, "timeline").positions
    assert sorted(pos[f"e{i}"][1] for i in range(3)) == [-60.0, 0.0, 60.0]
    assert len({pos[f"a{i}"] for i in range(3)}) == 3  # one lane each, not on top of each other
