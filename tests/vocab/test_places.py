"""Tests of graph.vocab.places: offline place resolution."""
from __future__ import annotations


import pytest

from graph.vocab import places as pl
from graph.vocab.places import PLACE_KINDS, place_candidates, resolve_place


@pytest.mark.parametrize(
    ("surface", "hint", "name", "country", "kind"),
    [
        ("Erbil", None, "Erbil", "IRQ", "city"),
        ("Arbil", None, "Erbil", "IRQ", "city"),
        ("Mosul", None, "Mosul", "IRQ", "city"),
        ("Tehran", None, "Tehran", "IRN", "city"),
        ("Teheran", None, "Tehran", "IRN", "city"),
        ("Kiev", None, "Kyiv", "UKR", "city"),
        ("Geneva", None, "Geneva", "CHE", "city"),
        ("Paris", None, "Paris", "FRA", "city"),
        ("Paris", "USA", "Paris", "USA", "city"),
        ("Washington", None, "Washington", "USA", "city"),
        ("Washington, D.C.", None, "Washington", "USA", "city"),
        ("New York", None, "New York City", "USA", "city"),
        ("Texas", None, "Texas", "USA", "admin1"),
        ("Georgia", None, "Georgia", "GEO", "country"),
        ("Georgia", "USA", "Georgia", "USA", "admin1"),
        ("Iraq", None, "Iraq", "IRQ", "country"),
        ("Iraq's", None, "Iraq", "IRQ", "country"),
        ("the United States", None, "United States", "USA", "country"),
        ("US", None, "United States", "USA", "country"),
        ("Kuwait", None, "Kuwait", "KWT", "country"),
        ("Republic of Mali", None, "Mali", "MLI", "country"),
        ("North Korea", None, "North Korea", "PRK", "country"),
        ("the Gulf", None, "Persian Gulf", None, "water"),
        ("Arabian Gulf", None, "Persian Gulf", None, "water"),
        ("Strait of Hormuz", None, "Strait of Hormuz", None, "water"),
        ("Gaza", None, "Gaza Strip", "PSE", "region"),
        ("West Bank", None, "West Bank", "PSE", "region"),
        ("Golan Heights", None, "Golan Heights", "SYR", "region"),
        ("Kurdistan Region", None, "Kurdistan Region", "IRQ", "region"),
        ("Donbass", None, "Donbas", "UKR", "region"),
        ("Crimea", None, "Crimea", "UKR", "region"),
        ("Sahel", None, "Sahel", None, "region"),
        ("Kashmir", None, "Kashmir", None, "region"),
        ("Mindanao", None, "Mindanao", "PHL", "region"),
        ("Jolo", None, "Jolo", "PHL", "city"),
        ("Sulu", None, "Sulu", "PHL", "admin1"),
        ("Darfur", None, "Darfur", "SDN", "region"),
        ("Idlib", None, "Idlib", "SYR", "admin1"),
        ("Deir al-Zour", None, "Deir ez-Zor", "SYR", "admin1"),
        ("Nineveh", None, "Nineveh", "IRQ", "admin1"),
        ("Ain al-Asad", None, "Ain al-Asad Air Base", "IRQ", "facility"),
    ],
)
def test_resolve_place(surface, hint, name, country, kind):
    """Cities, countries, US states, regions, waters and facilities resolve offline."""
    p = resolve_place(surface, hint)
    assert (p.name, p.country, p.kind) == (name, country, kind)
    assert p.kind in PLACE_KINDS
    assert p.lat is not None and p.lon is not None


@pytest.mark.parametrize(
    ("surface", "country", "part_of"),
    [
        ("eastern Syria", "SYR", "Syria"),
        ("northern Iraq", "IRQ", "Iraq"),
        ("south Lebanon", "LBN", "Lebanon"),
        ("northern Mali", "MLI", "Mali"),
        ("North-East Syria", "SYR", "Syria"),
        ("southeastern Turkey", "TUR", "Turkey"),
        ("the north of Mali", "MLI", "Mali"),
        ("central Gulf", None, "Persian Gulf"),
        ("western Baghdad", "IRQ", "Baghdad"),
    ],
)
def test_resolve_place_direction_modifiers_keep_surface(surface, country, part_of):
    """A direction word before a place resolves to that place, keeping the surface as name."""
    p = resolve_place(surface)
    assert p.country == country
    assert p.part_of == part_of or p.name == part_of


def test_resolve_place_direction_keeps_surface_text():
    """The surface (without "the") is the name of a directional place."""
    p = resolve_place("eastern Syria")
    assert (p.name, p.kind, p.geonames_id) == ("eastern Syria", "region", None)


@pytest.mark.parametrize(
    "surface",
    ["Of", "Most", "Reading", "Nice", "Split", "Mobile", "reading", "paris", "eastern", "the",
     "", "John Kirby", "Iranian", "Soviet Union", "Zorgland", "officials"],
)
def test_resolve_place_rejects_non_places(surface):
    """Common words, lower-case input, demonyms, persons and unknowns do not resolve."""
    assert resolve_place(surface) is None


def test_small_town_needs_a_matching_hint():
    """Towns under 15,000 people (Rawah, Iraq: 13,000) resolve only when the hint names their country."""
    assert resolve_place("Rawah") is None
    assert resolve_place("Rawah", "SYR") is None
    assert resolve_place("Rawah", "IRQ").country == "IRQ"


def test_place_candidates_orders_hint_first():
    """With a hint, candidates in that country come first; without one, the big city."""
    assert place_candidates("Paris")[0].country == "FRA"
    assert place_candidates("Paris", "USA")[0].country == "USA"

