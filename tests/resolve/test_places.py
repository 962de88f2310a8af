"""Tests of graph.resolve.places: can two events' places be one place."""
from __future__ import annotations

import pytest

from graph.resolve.places import best_relation, relate
from graph.resolve.records import PlaceRef as P


@pytest.mark.parametrize("a, b, expected", [
    (P("Baghdad", "IRQ"), P("baghdad"), "same"),
    (P("Kirkuk", "IRQ"), P("Iraq", "IRQ"), "inside"),
    (P("Jolo", "PHL"), P("Sulu", "PHL"), "inside"),
    (P("Baghdad"), P("Baghdad airport"), "near"),
    (P("Erbil", "IRQ"), P("Kirkuk", "IRQ"), "unknown"),  # 80 km: neither near nor apart
    (P("Erbil", "IRQ"), P("Basra", "IRQ"), "apart"),
    (P("Erbil", "IRQ"), P("Damascus", "SYR"), "apart"),
    (P("the tanker Sea Isle City"), P("Kuwaiti waters"), "unknown"),
])
def test_places_relate(a, b, expected):
    assert relate(a, b) == expected
    assert relate(b, a) == expected


def test_places_best_relation_is_apart_only_when_all_are():
    assert best_relation((P("Basra", "IRQ"), P("Erbil", "IRQ")), (P("Erbil", "IRQ"),))[0] == "same"
    assert best_relation((P("Basra", "IRQ"),), (P("Erbil", "IRQ"),))[0] == "apart"
