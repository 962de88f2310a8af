"""Tests of graph.resolve.entities and graph.resolve.names: one entity per real-world actor."""
from __future__ import annotations

from graph.resolve.entities import resolve_actors
from graph.resolve.names import person_name
from graph.resolve.records import ActorRef, Entity
from graph.vocab.actor_types import ActorType as T


def ref(article, actor_id, name, kind, country=None, aliases=(), wikidata=None):
    return ActorRef(article, actor_id, name, kind, country, tuple(aliases), wikidata)


def test_entities_aliases_demonyms_metonyms_and_wikidata_are_one_state():
    t = resolve_actors([ref("a", "us", "United States", T.STATE, "USA", wikidata="Q30"),
                        ref("b", "us", "Washington", T.STATE, "USA"),
                        ref("c", "us", "American", T.STATE, "USA"),
                        ref("d", "us", "U.S.", T.STATE, "USA")])
    assert {t.key_of(f"{a}#us") for a in "abcd"} == {"wd:Q30"}
    e = t.entity("wd:Q30")
    assert (e.name, e.wikidata, e.articles) == ("United States", "Q30", 4)
    assert {link.via for link in e.links} == {"wikidata", "gazetteer"}


def test_entities_a_state_and_its_military_stay_two():
    t = resolve_actors([ref("a", "us", "United States", T.STATE, "USA"),
                        ref("a", "mil", "US military", T.MILITARY, "USA"),
                        ref("b", "mil", "U.S. forces", T.MILITARY, "USA")])
    assert t.key_of("a#us") != t.key_of("a#mil")
    assert t.key_of("a#mil") == t.key_of("b#mil")


def test_entities_titles_and_surnames_join_the_full_name_when_unambiguous():
    t = resolve_actors([ref("a", "k", "Pentagon press secretary John Kirby", T.PERSON),
                        ref("b", "k", "Kirby", T.PERSON),
                        ref("c", "k", "Adm. John Kirby", T.PERSON)])
    assert t.key_of("a#k") == t.key_of("b#k") == t.key_of("c#k") == "person:john kirby"
    assert t.entity("person:john kirby").name == "John Kirby"
    assert {link.actor.article: link.via for link in t.entity("person:john kirby").links}["b"] == "surname"


def test_entities_an_ambiguous_surname_stays_in_its_article():
    t = resolve_actors([ref("a", "gb", "George Bush", T.PERSON), ref("b", "gwb", "George W. Bush", T.PERSON),
                        ref("c", "jb", "Jeb Bush", T.PERSON), ref("d", "b", "Bush", T.PERSON)])
    assert t.key_of("d#b") == "local:d#b"
    assert t.key_of("a#gb") != t.key_of("c#jb")


def test_entities_fuller_name_and_surname_alone():
    t = resolve_actors([ref("a", "k", "Ali Khamenei", T.PERSON), ref("b", "k", "Ayatollah Ali Hosseini Khamenei", T.PERSON),
                        ref("c", "k", "Khamenei", T.PERSON), ref("d", "r", "Reagan", T.PERSON),
                        ref("e", "r", "Reagan", T.PERSON)])
    assert len({t.key_of(f"{a}#k") for a in "abc"}) == 1
    assert t.key_of("d#r") == t.key_of("e#r") == "person:reagan"


def test_entities_person_and_organisation_of_one_name_stay_two():
    t = resolve_actors([ref("a", "x", "Morgan Ortagus", T.PERSON), ref("b", "x", "Morgan Ortagus", T.ORGANIZATION)])
    assert t.key_of("a#x") != t.key_of("b#x")


def test_entities_generic_groups_are_local():
    t = resolve_actors([ref("a", "c", "civilians", T.CIVILIANS), ref("b", "c", "civilians", T.CIVILIANS),
                        ref("a", "n", "Navy", T.MILITARY), ref("b", "n", "Navy", T.MILITARY),
                        ref("a", "m", "gunmen", T.ARMED_GROUP)])
    keys = [t.key_of(k) for k in ("a#c", "b#c", "a#n", "b#n", "a#m")]
    assert all(k.startswith("local:") for k in keys) and len(set(keys)) == 5
    assert t.of("a#c").is_local


def test_entities_alias_and_acronym_across_articles_but_not_across_countries():
    t = resolve_actors([ref("a", "f", "Tigris Liberation Front", T.ARMED_GROUP, "IRQ", aliases=("Tigris Front",)),
                        ref("b", "f", "TLF", T.ARMED_GROUP, "IRQ"),
                        ref("c", "f", "Tigris Front", T.ARMED_GROUP, "IRQ"),
                        ref("d", "f", "TLF", T.ARMED_GROUP, "TUR")])
    assert t.key_of("a#f") == t.key_of("b#f") == t.key_of("c#f")
    assert t.key_of("d#f") != t.key_of("a#f")


def test_entities_known_entities_anchor_surnames_and_keep_their_name():
    known = [Entity("person:john kirby", "John Kirby", T.PERSON, "USA", names=("John Kirby", "Kirby"))]
    t = resolve_actors([ref("z", "k", "Kirby", T.PERSON)], known)
    assert t.key_of("z#k") == "person:john kirby"
    assert (t.entity("person:john kirby").name, t.entity("person:john kirby").country) == ("John Kirby", "USA")


def test_entities_hostile_names_resolve_without_error():
    t = resolve_actors([ref("a", "x", '<script>"Kirby"</script>', T.PERSON), ref("b", "y", "'; DROP ALL --", T.ARMED_GROUP),
                        ref("c", "z", "", T.ORGANIZATION), ref("d", "w", "\u202eIran", T.STATE)])
    assert len(t.keys) == 4


def test_names_person_name_parts():
    assert person_name("Abu Mahdi al-Muhandis").surname == person_name("Muhandis").surname
    assert person_name("Osama bin Laden").key == "osama laden"
    assert person_name("Lt. Gen. Sergei Rudskoi").key == "sergei rudskoi"
