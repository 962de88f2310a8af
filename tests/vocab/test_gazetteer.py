"""Tests of graph.vocab.gazetteer: actor lookup, demonyms, countries, titles."""
from __future__ import annotations

import csv
from pathlib import Path

import pytest

from graph.vocab import gazetteer as gz
from graph.vocab.actor_types import ActorType
from graph.vocab.gazetteer import (
    ACTOR_FILES,
    best,
    country_name,
    demonym_country,
    find_title,
    generic_body,
    lookup,
    match_title,
    phrases,
    split_titled_name,
    titles,
)

DATA = Path(gz.__file__).parent / "gazetteers"


@pytest.mark.parametrize(
    ("surface", "name", "type_", "via"),
    [
        ("Iran", "Iran", "state", "name"),
        ("Iran, Islamic Republic of", "Iran", "state", "alias"),
        ("Islamic Republic of Iran", "Iran", "state", "alias"),
        ("Iran's", "Iran", "state", "name"),
        ("the United States", "United States", "state", "name"),
        ("America", "United States", "state", "alias"),
        ("U.S.", "United States", "state", "acronym"),
        ("USA", "United States", "state", "acronym"),
        ("UK", "United Kingdom", "state", "acronym"),
        ("Great Britain", "United Kingdom", "state", "alias"),
        ("Syria", "Syria", "state", "name"),
        ("Russia", "Russia", "state", "name"),
        ("South Korea", "South Korea", "state", "name"),
        ("North Korea", "North Korea", "state", "name"),
        ("Taiwan", "Taiwan", "state", "name"),
        ("Vietnam", "Vietnam", "state", "name"),
        ("Bolivia", "Bolivia", "state", "name"),
        ("Laos", "Laos", "state", "name"),
        ("Burma", "Myanmar", "state", "alias"),
        ("Zaire", "Democratic Republic of the Congo", "state", "alias"),
        ("USSR", "Soviet Union", "state", "acronym"),
        ("Yugoslavia", "Yugoslavia", "state", "name"),
        ("East Germany", "East Germany", "state", "name"),
        ("West Germany", "West Germany", "state", "name"),
        ("Rhodesia", "Rhodesia", "state", "name"),
        ("the Pentagon", "Pentagon", "government", "name"),
        ("Pentagon’s", "Pentagon", "government", "name"),
        ("White House", "White House", "government", "name"),
        ("Kremlin", "Kremlin", "government", "name"),
        ("State Department", "United States Department of State", "government", "alias"),
        ("Majlis", "Iranian Parliament", "government", "alias"),
        ("KRG", "Kurdistan Regional Government", "government", "acronym"),
        ("Revolutionary Guards", "Islamic Revolutionary Guard Corps", "military", "alias"),
        ("IRGC", "Islamic Revolutionary Guard Corps", "military", "acronym"),
        ("CENTCOM", "United States Central Command", "military", "acronym"),
        ("IDF", "Israel Defense Forces", "military", "acronym"),
        ("ISIL", "Islamic State", "armed_group", "acronym"),
        ("Daesh", "Islamic State", "armed_group", "alias"),
        ("AQIM", "al-Qaeda in the Islamic Maghreb", "armed_group", "acronym"),
        ("al-Shabab", "al-Shabaab", "armed_group", "alias"),
        ("Hashd al-Shaabi", "Popular Mobilization Forces", "armed_group", "alias"),
        ("Ansar Allah", "Houthis", "armed_group", "alias"),
        ("Tamil Tigers", "Liberation Tigers of Tamil Eelam", "armed_group", "alias"),
        ("Provisional IRA", "Provisional Irish Republican Army", "armed_group", "alias"),
        ("Jabhat al-Nusra", "al-Nusra Front", "armed_group", "alias"),
        ("Wagner", "Wagner Group", "armed_group", "alias"),
        ("SOHR", "Syrian Observatory for Human Rights", "organization", "acronym"),
        ("Red Cross", "International Committee of the Red Cross", "organization", "alias"),
        ("US-led coalition", "Global Coalition to Defeat ISIS", "organization", "alias"),
        ("Radio Tehran", "Tehran Radio", "media", "alias"),
        ("IRNA", "Islamic Republic News Agency", "media", "acronym"),
        ("Kurdistan24", "Kurdistan 24", "media", "alias"),
        ("Xinhua", "Xinhua", "media", "name"),
    ],
)
def test_lookup_finds_entry(surface, name, type_, via):
    """Names, aliases, acronyms and possessives reach the expected entry first."""
    m = lookup(surface)[0]
    assert (m.entry.name, m.entry.type.value, m.via) == (name, type_, via)


@pytest.mark.parametrize(
    ("surface", "country", "via"),
    [
        ("Iranian", "IRN", "demonym"),
        ("Iraqi", "IRQ", "demonym"),
        ("Iraqis", "IRQ", "demonym"),
        ("American", "USA", "demonym"),
        ("British", "GBR", "demonym"),
        ("Israeli", "ISR", "demonym"),
        ("Palestinian", "PSE", "demonym"),
        ("Ukrainian", "UKR", "demonym"),
        ("Swedish", "SWE", "demonym"),
        ("Malian", "MLI", "demonym"),
        ("Filipino", "PHL", "demonym"),
        ("Philippine", "PHL", "demonym"),
        ("Soviet", "SUN", "demonym"),
        ("Washington", "USA", "capital"),
        ("Tehran", "IRN", "capital"),
        ("Teheran", "IRN", "capital"),
        ("Kyiv", "UKR", "capital"),
        ("Kiev", "UKR", "capital"),
        ("Beijing", "CHN", "capital"),
        ("Jerusalem", "ISR", "capital"),
        ("Bamako", "MLI", "capital"),
        ("Stockholm", "SWE", "capital"),
        ("Manila", "PHL", "capital"),
    ],
)
def test_lookup_reads_demonyms_and_capitals_as_states(surface, country, via):
    """Demonyms and capitals (metonyms) name the state."""
    m = lookup(surface)[0]
    assert (m.entry.type, m.entry.country, m.via) == (ActorType.STATE, country, via)


@pytest.mark.parametrize(
    ("surface", "expected"),
    [
        ("US", "United States"),
        ("us", None),
        ("Us", None),
        ("IS", "Islamic State"),
        ("is", None),
        ("Is", None),
        ("ISIS", "Islamic State"),
        ("Isis", "Islamic State"),
        ("Nato", "NATO"),
        ("WHO", "World Health Organization"),
        ("who", None),
        ("Amnesty", "Amnesty International"),
        ("amnesty", None),
        ("Dawn", "Dawn"),
        ("dawn", None),
        ("Congress", "United States Congress"),
        ("congress", None),
    ],
)
def test_lookup_acronym_and_marked_case(surface, expected):
    """Short acronyms and "=" forms match only in their own case; long acronyms also in title case."""
    got = lookup(surface)
    assert (got[0].entry.name if got else None) == expected


@pytest.mark.parametrize(
    "surface",
    ["Kata'ib Hezbollah", "Kata’ib Hezbollah", "Kataib Hezbollah", "Kataeb Hezbollah",
     "kataib hezbollah", "Kataib-Hezbollah", "KATAIB HEZBOLLAH", "the Kataib Hezbollah's"],
)
def test_lookup_ignores_apostrophe_hyphen_and_case_variants(surface):
    """Apostrophes, curly quotes, hyphens and case do not matter for names."""
    assert lookup(surface)[0].entry.name == "Kataib Hezbollah"


def test_lookup_returns_every_entry_of_an_ambiguous_alias():
    """"AFP" names the Philippine armed forces and the French agency: both come back."""
    assert {(m.entry.name, m.entry.type) for m in lookup("AFP")} == {
        ("Armed Forces of the Philippines", ActorType.MILITARY),
        ("Agence France-Presse", ActorType.MEDIA),
    }
    assert len(lookup("Islamic Jihad")) == 3


@pytest.mark.parametrize(
    ("surface", "prefer", "expected"),
    [
        ("AFP", [ActorType.MEDIA], "Agence France-Presse"),
        ("AFP", ["military"], "Armed Forces of the Philippines"),
        ("AFP", [ActorType.STATE], "Armed Forces of the Philippines"),
        ("RSF", [ActorType.ORGANIZATION], "Reporters Without Borders"),
        ("RSF", [], "Rapid Support Forces"),
        ("Zorgland", [], None),
    ],
)
def test_best_picks_by_preferred_type(surface, prefer, expected):
    """best() follows the preferred types and falls back to the first match."""
    got = best(surface, prefer)
    assert (got.name if got else None) == expected


@pytest.mark.parametrize("word", ["Reagan", "the", "", "Of", "officials", "Mosul"])
def test_lookup_knows_nothing_of_other_words(word):
    """Persons, function words and plain places are not actors."""
    assert lookup(word) == ()


@pytest.mark.parametrize(
    ("word", "code"),
    [("Iranian", "IRN"), ("Iranians", "IRN"), ("AMERICAN", "USA"), ("Kuwaiti", "KWT"),
     ("Afghan", "AFG"), ("Pakistani", "PAK"), ("Russian", "RUS"), ("Syrian", "SYR"),
     ("Chinese", "CHN"), ("Iran", None), ("Washington", None), ("Shia", None)],
)
def test_demonym_country(word, code):
    """Demonyms (singular, plural, any case) give alpha-3 codes; names and capitals do not."""
    assert demonym_country(word) == code


@pytest.mark.parametrize(
    ("code", "name"),
    [("IRN", "Iran"), ("USA", "United States"), ("GBR", "United Kingdom"), ("SYR", "Syria"),
     ("RUS", "Russia"), ("KOR", "South Korea"), ("PRK", "North Korea"), ("VNM", "Vietnam"),
     ("TZA", "Tanzania"), ("MDA", "Moldova"), ("SUN", "Soviet Union"), ("deu", "Germany")],
)
def test_country_name_is_the_common_short_name(code, name):
    """country_name() gives the short name news uses, current state first."""
    assert country_name(code) == name


def test_country_name_rejects_unknown_code():
    """An unknown code raises KeyError naming it."""
    with pytest.raises(KeyError, match="XYZ"):
        country_name("XYZ")


@pytest.mark.parametrize(
    ("surface", "name", "type_", "country"),
    [
        ("Iraq's Foreign Ministry", "Ministry of Foreign Affairs of Iraq", "government", "IRQ"),
        ("the Iraqi Foreign Ministry", "Ministry of Foreign Affairs of Iraq", "government", "IRQ"),
        ("Ministry of Foreign Affairs of Iraq", "Ministry of Foreign Affairs of Iraq", "government", "IRQ"),
        ("Swedish foreign ministry", "Ministry of Foreign Affairs of Sweden", "government", "SWE"),
        ("the Iraqi parliament", "Parliament of Iraq", "government", "IRQ"),
        ("French army", "Armed Forces of France", "military", "FRA"),
        ("the Iranian government", "Iran", "state", "IRN"),
        ("US officials", "United States", "state", "USA"),
    ],
)
def test_generic_body_composes_country_bodies(surface, name, type_, country):
    """Generic bodies named through a country become entries of that country."""
    e = generic_body(surface)
    assert (e.name, e.type.value, e.country) == (name, type_, country)


@pytest.mark.parametrize("surface", ["the rebel army", "Foreign Ministry", "Kirby's office"])
def test_generic_body_needs_a_country(surface):
    """Without a known country there is no generic body."""
    assert generic_body(surface) is None


@pytest.mark.parametrize(
    ("phrase", "before", "title", "kind", "after"),
    [
        ("Pentagon press secretary John Kirby", ("Pentagon",), "press secretary", "official", ("John", "Kirby")),
        ("US Defense Secretary Ash Carter", ("US",), "Defense Secretary", "minister", ("Ash", "Carter")),
        ("Secretary of State Mike Pompeo", (), "Secretary of State", "minister", ("Mike", "Pompeo")),
        ("Iraqi Prime Minister Adil Abdul-Mahdi", ("Iraqi",), "Prime Minister", "head_of_government", ("Adil", "Abdul-Mahdi")),
        ("Representative Michael McCaul", (), "Representative", "legislator", ("Michael", "McCaul")),
        ("Lt Gen Sergei Rudskoi", (), "Lt Gen", "military", ("Sergei", "Rudskoi")),
        ("Lt. Gen. Sergei Rudskoi", (), "Lt. Gen.", "military", ("Sergei", "Rudskoi")),
        ("Ayatollah Ali Khamenei", (), "Ayatollah", "religious", ("Ali", "Khamenei")),
        ("Deputy Foreign Minister Abbas Araghchi", (), "Deputy Foreign Minister", "minister", ("Abbas", "Araghchi")),
        ("Vice President Mike Pence", (), "Vice President", "head_of_state", ("Mike", "Pence")),
        ("UN Secretary-General Antonio Guterres", ("UN",), "Secretary-General", "official", ("Antonio", "Guterres")),
        ("Chief Superintendent Graciano Mijares", (), "Chief Superintendent", "police", ("Graciano", "Mijares")),
        ("Regional Governor Mujiv Hataman", (), "Regional Governor", "local", ("Mujiv", "Hataman")),
        ("House Foreign Affairs Committee Chairman Michael McCaul", ("House", "Foreign", "Affairs", "Committee"), "Chairman", "official", ("Michael", "McCaul")),
        ("Iran 's Supreme Leader Ali Khamenei", ("Iran",), "Supreme Leader", "head_of_state", ("Ali", "Khamenei")),
        ("Pentagon's spokesman John Kirby", ("Pentagon",), "spokesman", "official", ("John", "Kirby")),
    ],
)
def test_split_titled_name(phrase, before, title, kind, after):
    """A name phrase splits into body words, the longest leftmost title, and person words."""
    t = split_titled_name(phrase.split())
    assert (t.before, t.title.text, t.title.title.kind, t.after) == (before, title, kind, after)


def test_split_titled_name_without_title_keeps_all_words_as_person():
    """No title: everything is the person."""
    t = split_titled_name(["John", "Kirby"])
    assert (t.before, t.title, t.after) == ((), None, ("John", "Kirby"))


def test_match_title_is_anchored_and_longest():
    """match_title() only matches at ``start`` and prefers the longest title."""
    words = ["Chief", "of", "Staff", "Mark", "Milley"]
    assert match_title(words).text == "Chief of Staff"
    assert match_title(words, 3) is None
    assert find_title(["the", "Secretary", "of", "Defense"]).title.text == "Secretary of Defense"


def test_titles_have_known_kinds_and_types():
    """Every title has a kind of the documented set and a valid implied type."""
    kinds = {"head_of_state", "head_of_government", "minister", "legislator", "official",
             "diplomat", "military", "police", "judicial", "religious", "local", "rebel",
             "media", "honorific"}
    ts = titles()
    assert len(ts) > 150
    assert {t.kind for t in ts} <= kinds
    assert {t.text for t in ts} >= {"President", "Prime Minister", "Foreign Minister", "Senator",
                                    "Speaker", "MP", "Press Secretary", "Spokesman", "Ambassador",
                                    "Governor", "Commander", "General", "Ayatollah", "Emir"}


def test_phrases_cover_names_aliases_demonyms_capitals():
    """phrases() yields every surface form with its entry, for a PhraseMatcher."""
    pairs = {(form, e.name) for form, e in phrases()}
    assert {("Iran", "Iran"), ("Iranian", "Iran"), ("Tehran", "Iran"), ("ISIS", "Islamic State"),
            ("AFP", "Agence France-Presse"), ("AFP", "Armed Forces of the Philippines"),
            ("Amnesty", "Amnesty International")} <= pairs


@pytest.mark.parametrize("fname", ACTOR_FILES)
def test_data_file_rows_are_well_formed(fname):
    """Every row has the header's columns, a valid type, an alpha-3 or empty country, a Q id or nothing."""
    lines = [ln for ln in (DATA / fname).read_text(encoding="utf-8").splitlines()
             if ln.strip() and not ln.startswith("#")]
    rows = list(csv.reader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))
    header = rows[0]
    assert header[:5] == ["name", "type", "country", "wikidata", "aliases"]
    for row in rows[1:]:
        assert len(row) == len(header), row
        assert ActorType(row[1])
        assert row[2] == "" or (len(row[2]) == 3 and row[2].isupper()), row
        assert row[3] == "" or (row[3][0] == "Q" and row[3][1:].isdigit()), row


def test_armed_groups_file_has_at_least_80_groups():
    """The brief asks for 80 or more armed groups."""
    assert sum(e.type is ActorType.ARMED_GROUP for e in gz.entries()) >= 80


def test_states_cover_every_current_iso_country():
    """states.tsv holds every pycountry country (it is generated from it)."""
    import pycountry

    have = {e.country for e in gz.entries() if e.type is ActorType.STATE}
    assert {c.alpha_3 for c in pycountry.countries} <= have

