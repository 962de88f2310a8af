"""Event links and claims, on sentences written for the test."""
import pytest

from graph.vocab.event_types import EventType, RelationType

pytestmark = pytest.mark.slow


def test_relations_retaliation_cue_links_the_two_attacks(extract):
    x = extract("Israel struck Hezbollah targets in Lebanon on Sunday in retaliation for a rocket attack "
                "on Haifa by Hezbollah on Saturday.")
    attacks = [e for e in x.events if e.type is EventType.ATTACK]
    assert len(attacks) == 2
    rel = [r for r in x.relations if r.type is RelationType.RETALIATION_FOR]
    assert rel, x.relations
    source, target = x.event(rel[0].source), x.event(rel[0].target)
    assert "Israel" in {x.actor(a).name for a in source.agents}
    assert target.subtype is not None and target.subtype.value == "RocketAttack"


def test_relations_statement_is_about_the_attack_it_reports(extract):
    x = extract('"Our forces carried out airstrikes against ISIS camps in Anbar," '
                "Iraqi army spokesman Yahya Rasool said on Monday.")
    statement = next(e for e in x.events if e.type is EventType.STATEMENT)
    about = [r for r in x.relations if r.source == statement.id and r.type is RelationType.ABOUT]
    assert about and x.event(about[0].target).type is EventType.ATTACK


def test_relations_quote_becomes_a_claim_of_its_speaker(extract):
    x = extract('"We will not negotiate under fire," Ukrainian President Volodymyr Zelensky said.')
    (claim,) = x.claims
    assert x.actor(claim.speaker).name == "Volodymyr Zelensky"
    assert claim.quote.text == "We will not negotiate under fire,"


def test_relations_reaction_naming_no_event_is_about_the_main_attack(extract):
    x = extract("Russian missiles struck a power plant in Kharkiv on Tuesday. The missiles destroyed two "
                "turbines. Ukrainian President Volodymyr Zelensky condemned Russia.")
    accusation = next(e for e in x.events if e.type is EventType.ACCUSATION)
    about = [r for r in x.relations if r.source == accusation.id and r.type is RelationType.ABOUT]
    assert about and x.event(about[0].target).type is EventType.ATTACK


def test_relations_follows_orders_two_attacks(extract):
    x = extract("The Saudi airstrike on Hodeidah on Sunday follows a Houthi drone attack on Abha airport.")
    order = [r for r in x.relations if r.type is RelationType.PRECEDES]
    assert order, x.relations
    first, second = x.event(order[0].source), x.event(order[0].target)
    assert first.subtype.value == "DroneStrike" and "Saudi Arabia" in {x.actor(a).name for a in second.agents}


def test_relations_coordinated_verbs_share_the_retaliation(extract):
    x = extract("Indian jets bombed a camp in Balakot and Indian troops shelled posts in Kashmir in "
                "retaliation for the suicide bombing in Pulwama.")
    answered = {r.source for r in x.relations if r.type is RelationType.RETALIATION_FOR}
    assert len(answered) == 2


def test_relations_incident_of_a_series_takes_its_targets_and_its_retaliation(extract):
    x = extract("French jets bombed militant camps in Mali in retaliation for a series of attacks against "
                "French troops, starting with the ambush near Gao on Monday that killed two soldiers.")
    part = [r for r in x.relations if r.type is RelationType.PART_OF]
    assert part, x.relations
    incident = x.event(part[0].source)
    assert "FRA" in {x.actor(t).country for t in incident.targets}
    answered = {r.target for r in x.relations if r.type is RelationType.RETALIATION_FOR}
    assert incident.id in answered
