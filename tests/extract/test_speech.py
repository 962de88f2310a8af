"""Speech acts: one event per speaker, blame by report or by word, threats at the other side."""
import pytest

from graph.vocab.event_types import EventType

pytestmark = pytest.mark.slow


def _speakers(x, kind):
    return [{x.actor(a).name for a in e.agents} for e in x.events if e.type is EventType(kind)]


def test_speech_several_speakers_make_several_events(extract):
    x = extract("Ethiopian jets bombed a market in Togoga on Tuesday. "
                "Prime Minister Abiy Ahmed and President Sahle-Work Zewde vowed revenge on Wednesday.")
    speakers = _speakers(x, "threat")
    assert len(speakers) == 2
    assert {"Abiy Ahmed"} <= speakers[0] | speakers[1] and {"Sahle-Work Zewde"} <= speakers[0] | speakers[1]


def test_speech_third_party_reporting_an_attack_accuses_the_attackers(extract):
    x = extract("Amnesty International said on Monday that Boko Haram fighters had killed 30 villagers in Borno.")
    accusations = [e for e in x.events if e.type is EventType.ACCUSATION]
    assert accusations
    assert "Boko Haram" in {x.actor(t).name for t in accusations[0].targets}


def test_speech_blame_word_makes_an_accusation(extract):
    x = extract("The Kenyan police chief said al-Shabaab was responsible for the bombing in Garissa.")
    accusation = next(e for e in x.events if e.type is EventType.ACCUSATION)
    assert "al-Shabaab" in {x.actor(t).name for t in accusation.targets}


def test_speech_own_strike_reported_is_a_statement(extract):
    x = extract('"Our aircraft destroyed three Houthi drones," the US military said on Friday.')
    assert not [e for e in x.events if e.type is EventType.ACCUSATION]


def test_speech_launch_of_missiles_is_an_attack(extract):
    x = extract("North Korea launched two ballistic missiles toward Japan on Sunday.")
    attacks = [e for e in x.events if e.type is EventType.ATTACK]
    assert attacks and "North Korea" in {x.actor(a).name for a in attacks[0].agents}


def test_speech_claim_of_responsibility_names_the_attacker(extract):
    x = extract("A car bomb exploded at a market in Mogadishu on Saturday, killing 12 people. "
                "Al-Shabaab claimed responsibility for the attack.")
    attack = next(e for e in x.events if e.type is EventType.ATTACK)
    names = [x.actor(a).name.lower() for a in attack.agents]
    assert len(names) == 1 and "shabaab" in names[0]


def test_speech_spokesperson_for_a_leader_speaks_for_him(extract):
    x = extract("Twin blasts hit a church in Lahore on Sunday. Condemnations came from a spokesperson for "
                "President Arif Alvi.")
    speakers = {x.actor(a).name for e in x.events if e.type is EventType.STATEMENT for a in e.agents}
    assert "Arif Alvi" in speakers


def test_speech_according_to_a_named_source_is_their_statement(extract):
    x = extract("According to General Ahmed Bashir of the Sudanese army, rebels attacked the base on Monday.")
    statement = next(e for e in x.events if e.type is EventType.STATEMENT)
    assert {x.actor(a).name for a in statement.agents} == {"Ahmed Bashir"}


def test_speech_according_to_unnamed_reports_is_not_an_event(extract):
    x = extract("According to reports, the town fell on Monday.")
    assert not [e for e in x.events if e.type is EventType.STATEMENT]


def test_speech_titles_in_apposition_and_conjoined_spokespeople_each_speak(extract):
    """"from AU chairman Moussa Faki, Pope Francis and a spokesman for President Ramaphosa": three speakers."""
    x = extract("Statements of condemnation have come from African Union chairman Moussa Faki, Pope Francis, "
                "and a spokesman for President Cyril Ramaphosa.")
    speakers = [{x.actor(a).name for a in e.agents} for e in x.events]
    assert speakers == [{"Moussa Faki"}, {"Francis"}, {"Cyril Ramaphosa"}]


def test_speech_list_of_people_parsed_as_apposition_each_speak(extract):
    x = extract("President Salva Kiir, Vice President Riek Machar and now Bol Mel have all vowed revenge.")
    speakers = [{x.actor(a).name for a in e.agents} for e in x.events if e.type.value == "threat"]
    assert len(speakers) == 3


def test_speech_naming_an_attack_with_a_blame_word_accuses_its_attackers(extract):
    x = extract("Turkish jets bombed a village near Qamishli on Monday. "
                "Syria's foreign ministry characterized the attack as a flagrant violation of Syrian sovereignty.")
    (accusation,) = [e for e in x.events if e.type.value == "accusation"]
    assert {x.actor(t).country for t in accusation.targets} == {"TUR"}


def test_speech_a_third_party_sourcing_a_report_is_no_event(extract):
    """"..., the United Nations said" sources the report (a statement on an occasion stays an event)."""
    x = extract("Government forces shelled Taiz on Monday, killing 12 people, the United Nations said.")
    assert [e.type.value for e in x.events] == ["attack"]
