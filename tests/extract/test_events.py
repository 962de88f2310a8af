"""Event triggers, agents and targets, modality and coreference, on sentences written for the test."""
from datetime import date

import pytest

from graph.vocab.event_types import EventType

from .conftest import names

pytestmark = pytest.mark.slow


def countries(x, ids):
    """Home countries of actor ids: the side that acted, whether named as a state or its army."""
    return {x.actor(i).country for i in ids}


def _of_type(x, kind):
    return [e for e in x.events if e.type is EventType(kind)]


def test_events_active_verb_links_agent_and_target(extract):
    x = extract("Syrian troops shelled Hezbollah positions near Idlib on Tuesday.")
    (attack,) = _of_type(x, "attack")
    assert countries(x, attack.agents) == {"SYR"}
    assert "Hezbollah" in names(x, attack.targets)
    assert attack.date == date(2024, 3, 5)


def test_events_passive_voice_swaps_roles(extract):
    x = extract("A convoy of Ukrainian soldiers was attacked by Russian forces on Monday.")
    (attack,) = _of_type(x, "attack")
    assert countries(x, attack.agents) == {"RUS"}
    assert countries(x, attack.targets) == {"UKR"}


def test_events_nominal_trigger_takes_modifier_as_agent(extract):
    x = extract("The Israeli airstrikes on Hamas targets in Gaza destroyed a building.")
    attack = _of_type(x, "attack")[0]
    assert "Israel" in names(x, attack.agents)
    assert "Hamas" in names(x, attack.targets)
    assert attack.subtype is not None and attack.subtype.value == "Airstrike"


def test_events_negated_and_future_mentions_are_not_events(extract):
    x = extract("Turkey did not attack the Kurdish militias. Turkey will strike the PKK next year.")
    assert _of_type(x, "attack") == []


def test_events_purpose_clause_is_not_an_event(extract):
    x = extract("NATO moved ships to the region to deter further attacks.")
    assert _of_type(x, "attack") == []


def test_events_speech_needs_a_named_speaker(extract):
    x = extract("Prime Minister Narendra Modi said on Sunday that India would not be intimidated.")
    (statement,) = _of_type(x, "statement")
    assert names(x, statement.agents) == {"Narendra Modi"}
    assert statement.date == date(2024, 3, 3)


def test_events_repeated_mentions_of_one_strike_merge(extract):
    x = extract("American warplanes bombed Houthi positions in Yemen on Thursday. "
                "The strikes destroyed several radar sites, a spokesman said. "
                "The American strikes were the largest this year.")
    attacks = _of_type(x, "attack")
    assert len(attacks) == 1
    assert len(attacks[0].mentions) >= 2


def test_events_different_targets_stay_apart(extract):
    x = extract("Rebels attacked an army base in Goma on Monday. "
                "On Wednesday the army bombed rebel camps in the hills.")
    assert len(_of_type(x, "attack")) == 2


def test_events_casualties_attach_to_the_attack(extract):
    x = extract("Al-Shabaab militants attacked a hotel in Mogadishu on Friday, killing 12 people and "
                "wounding 20 others.")
    attack = _of_type(x, "attack")[0]
    assert attack.killed == 12
    assert attack.injured == 20


def test_events_weak_verb_without_actor_is_a_casualty_not_an_event(extract):
    x = extract("Five villagers were killed in the fighting, local officials said.")
    assert all(e.trigger.text != "killed" for e in x.events)


def test_events_state_and_its_forces_are_one_side_when_merging(extract):
    x = extract("French forces carried out airstrikes on jihadist camps in northern Mali on Sunday. "
                "France bombed the camps near Kidal, the army said.")
    assert len(_of_type(x, "attack")) == 1


def test_events_coordinated_verb_shares_the_date(extract):
    x = extract("Israeli jets struck a depot in Rafah on Monday and Israeli troops raided a clinic nearby.")
    dates = {e.date for e in _of_type(x, "attack")}
    assert dates == {date(2024, 3, 4)}


def test_events_bare_mention_without_arguments_is_dropped(extract):
    x = extract("Analysts say attacks have become a daily reality.")
    assert _of_type(x, "attack") == []


def test_events_possessor_of_a_kidnapping_is_its_victim(extract):
    x = extract("Al-Shabaab claimed Omar Hassan's kidnapping in Mogadishu on Friday.")
    arrest = next(e for e in x.events if e.type is EventType.ARREST)
    assert names(x, arrest.targets) == {"Omar Hassan"}
    assert "Omar Hassan" not in names(x, arrest.agents)


def test_events_demand_addressee_is_the_subject_of_the_clause(extract):
    x = extract("The Iraqi parliament recommended that American troops leave Iraq on Sunday.")
    demand = next(e for e in x.events if e.type is EventType.DEMAND)
    assert countries(x, demand.targets) == {"USA"}


def test_events_every_place_record_belongs_to_an_event(extract):
    x = extract("Analysts in Geneva say attacks are rising. Rebels shelled Kadugli on Monday.")
    used = {p for e in x.events for p in e.places}
    assert {p.id for p in x.places} == used


def test_events_declining_or_refusing_is_not_doing(extract):
    x = extract("The Kremlin declined to comment on Monday. Iran refused to attack the convoy.")
    assert x.events == ()


def test_events_armed_noun_phrases_are_agents(extract):
    """Event-data style agents named by a noun alone, or armed by a modifier, do what they do."""
    x = extract("Unidentified armed men kidnapped two nurses near Gao on Friday. "
                "Bandits killed nine herders in Katsina on Sunday.")
    arrest = _of_type(x, "arrest")[0]
    assert x.actor(arrest.agents[0]).type.value == "armed_group"
    assert "armed men" in x.actor(arrest.agents[0]).name
    assert x.actor(arrest.targets[0]).type.value == "civilians"
    attack = _of_type(x, "attack")[0]
    assert "Bandits" in names(x, attack.agents)


def test_events_forces_of_a_group_or_alliance_stand_for_it(extract):
    x = extract("Houthi forces shelled Marib on Monday. NATO jets bombed a bridge near Novi Sad on Tuesday.")
    agents = [names(x, e.agents) for e in _of_type(x, "attack")]
    assert agents == [{"Houthi"}, {"NATO"}]  # the names the article uses


def test_events_trigger_lexemes_of_wire_usage(extract):
    """Verbs and nouns of wire and event-data usage, by class."""
    x = extract("Government jets pounded rebel positions near Idlib on Monday. "
                "Pirates hijacked a cargo ship off Eyl on Tuesday. "
                "The rival militias exchanged fire in Tripoli on Wednesday. "
                "Canada recalled its ambassador from Riyadh on Thursday.")
    kinds = [(e.type.value, e.trigger.text) for e in x.events]
    assert ("attack", "pounded") in kinds
    assert ("arrest", "hijacked") in kinds
    assert ("attack", "exchanged") in kinds
    assert ("sanction", "recalled") in kinds


def test_events_month_name_is_no_march(extract):
    x = extract("Rebels shelled Kadugli in March.")
    assert [e.type.value for e in x.events] == ["attack"]


def test_events_capturing_ground_is_an_attack_capturing_people_an_arrest(extract):
    x = extract("Rebels captured the town of Kamanyola on Monday. Rebels captured two soldiers near Goma on Tuesday.")
    assert [e.type.value for e in x.events] == ["attack", "arrest"]


def test_events_owner_of_an_attacked_site_is_the_target(extract):
    x = extract("Militants fired rockets at the Turkish base near Bashiqa on Friday.")
    attack = _of_type(x, "attack")[0]
    assert countries(x, attack.targets) == {"TUR"}


def test_events_with_object_is_the_other_party(extract):
    x = extract("Morocco severed ties with Iran on Tuesday. Troops clashed with Ansaru fighters near Birnin Gwari.")
    sanction = _of_type(x, "sanction")[0]
    assert countries(x, sanction.targets) == {"IRN"}
    clash = _of_type(x, "attack")[0]
    assert x.actor(clash.targets[0]).type.value == "armed_group"


def test_events_announced_act_is_the_event_not_a_statement(extract):
    x = extract("Armenia declared martial law and a general mobilization on Sunday.")
    assert [e.type.value for e in x.events] == ["mobilization"]
    assert countries(x, x.events[0].agents) == {"ARM"}


def test_events_munition_that_kills_is_an_attack_of_its_class(extract):
    x = extract("A car bomb killed seven people in Mogadishu on Saturday. Three mortar shells hit the market in Goma.")
    attacks = _of_type(x, "attack")
    assert [a.subtype.value for a in attacks] == ["Bombing", "Shelling"]


def test_events_device_that_detonates_and_its_victims(extract):
    x = extract("On 4 May 2022, an explosive device detonated near an army truck in Gao, wounding five soldiers.")
    (attack,) = _of_type(x, "attack")
    assert x.actor(attack.targets[0]).type.value == "military"


def test_events_casualty_participle_is_part_of_its_attack(extract):
    x = extract("Rebels attacked a police post in Kayes on Monday, killing six officers.")
    (attack,) = _of_type(x, "attack")
    assert "officers" in names(x, attack.targets)
    assert attack.killed == 6


def test_events_subject_that_came_under_fire_is_the_target(extract):
    x = extract("An Ethiopian army convoy came under attack near Gondar on Thursday.")
    (attack,) = _of_type(x, "attack")
    assert countries(x, attack.targets) == {"ETH"}
    assert attack.agents == ()


def test_events_fighting_between_two_sides(extract):
    x = extract("Fighting between the Malian army and JNIM killed 12 people near Mopti on Friday.")
    (attack,) = _of_type(x, "attack")
    assert countries(x, attack.agents) == {"MLI"}
    assert x.actor(attack.targets[0]).type.value == "armed_group"


def test_events_it_in_a_reported_clause_is_the_speaker(extract):
    x = extract("The Nigerian army said on Sunday that it had killed 30 ISWAP fighters near Baga.")
    attack = _of_type(x, "attack")[0]
    assert countries(x, attack.agents) == {"NGA"}


def test_events_protest_given_as_purpose_happened(extract):
    x = extract("Traders in Kano shut their shops on Monday to protest against the new tax.")
    assert [e.type.value for e in x.events] == ["protest"]


def test_events_weapons_or_goods_handed_to_a_recipient_are_aid(extract):
    x = extract("Germany delivered air defence systems to Ukraine on Friday. "
                "France provided Chad with ammunition. "
                "Russia sent troops to Mali.")
    aid = _of_type(x, "aid")
    assert [countries(x, a.targets) for a in aid] == [{"UKR"}, {"TCD"}]
    assert [e.type.value for e in x.events][-1] == "mobilization"


def test_events_placed_on_alert_by_its_agent(extract):
    x = extract("Taiwan placed its forces on high alert on Tuesday.")
    (alert,) = _of_type(x, "mobilization")
    assert countries(x, alert.agents) == {"TWN"}


def test_events_second_table_classes(extract):
    """Classes found on the second, unseen table: retaking ground, thrown grenades, a passive munition,
    raids as the manner of arrests, sums 'in aid', inquiries set up, barricades."""
    x = extract("Government troops retook the town of Tal Afar on Sunday. "
                "A man hurled a grenade at an army post in Sopore on Monday. "
                "Three policemen were killed by a car bomb in Quetta on Tuesday. "
                "Soldiers detained 12 men in dawn raids in Hebron on Wednesday. "
                "Norway pledged $20 million in aid to Somalia on Thursday. "
                "The African Union set up a commission of inquiry into the massacre. "
                "Students set up barricades in Dakar on Friday.")
    kinds = [(e.type.value, e.trigger.text) for e in x.events]
    assert ("attack", "retook") in kinds
    assert ("attack", "hurled") in kinds
    assert ("attack", "killed") in kinds
    assert ("arrest", "detained") in kinds and ("attack", "raids") not in kinds
    assert ("investigation", "inquiry") in kinds
    assert ("protest", "set") in kinds
    aid = _of_type(x, "aid")[0]
    assert countries(x, aid.agents) == {"NOR"} and countries(x, aid.targets) == {"SOM"}


def test_events_known_name_after_a_descriptive_word(extract):
    x = extract("Sudanese Rapid Support Forces shelled El Fasher on Monday.")
    (attack,) = _of_type(x, "attack")
    assert names(x, attack.agents) == {"Rapid Support Forces"}


def test_events_attack_named_after_a_time_preposition_or_by_calling_it_is_real(extract):
    x = extract("Hamas threatened retaliation after the Israeli Strikes on Gaza. "
                "Tehran on Tuesday called the U.S. Raids an escalation.")
    attacks = _of_type(x, "attack")
    assert len(attacks) == 2
    assert all(a.date is None for a in attacks)  # "on Tuesday" dates the calling, not the raids


def test_events_owner_written_in_one_token_with_flag(extract):
    x = extract("Iranian gunboats attacked a U.S.-flag tanker near Farsi Island on Friday.")
    (attack,) = _of_type(x, "attack")
    assert countries(x, attack.targets) == {"USA"}


def test_events_report_of_an_attack_blames_only_whom_it_names(extract):
    x = extract("American jets bombed an army base near Qaim on Monday. "
                "The Iraqi government said three soldiers died in the airstrike. "
                "Syria said American jets had killed civilians near Abu Kamal.")
    speech = [e.type.value for e in x.events if e.type.value in ("statement", "accusation")]
    assert speech == ["statement", "accusation"]


def test_events_speaking_out_against_is_an_accusation(extract):
    x = extract("Imran Khan spoke out against the drone strike in Waziristan on Monday.")
    assert [e.type.value for e in x.events] == ["accusation", "attack"]


def test_events_coreferent_mentions_keep_every_place(extract):
    """Places read from a later mention of one occurrence stay with it (they were dropped at merging)."""
    x = extract("Militants attacked a village in Borno state on Sunday. "
                "The militants' attack on Kawuri killed 20 villagers.")
    (attack,) = _of_type(x, "attack")
    assert "Kawuri" in {x.place(p).name for p in attack.places}


def test_events_owner_pronoun_of_a_target_is_not_the_attacker(extract):
    x = extract("Iraq said on Monday that American jets had struck its power stations near Basra.")
    (attack,) = _of_type(x, "attack")
    assert countries(x, attack.targets) == {"IRQ"}


def test_events_bare_mention_is_the_one_just_reported_else_the_lede(extract):
    """"The attack" right after a report is that occurrence; farther on, the article's first."""
    x = extract("Militants stormed a hotel in Mogadishu on Friday, killing 20 people. "
                "On Saturday, gunmen attacked a market in Baidoa. "
                "The attack lasted two hours. "
                "Aid agencies sent doctors to both towns. "
                "Hospitals in the capital were overwhelmed. "
                "On Sunday, Prime Minister Hamza Barre condemned the attack.")
    hotel, market = _of_type(x, "attack")
    assert len(market.mentions) == 2 and len(hotel.mentions) == 2
    assert "condemned" not in {m.text for m in market.mentions}


def test_events_third_table_classes(extract):
    """Classes found on the third, unseen table: a munition's planter, fights breaking out between two
    sides, a gerund as a noun, loans, animal attacks, communal clashes."""
    x = extract("A roadside bomb planted by the PKK killed three soldiers in Hakkari on Monday. "
                "Fighting broke out between the army and Ambazonian separatists in Bamenda on Tuesday. "
                "The IMF approved a $3 billion loan to Egypt on Wednesday. "
                "A crocodile attack killed a fisherman in Zambia on Thursday. "
                "Clashes erupted between Nuer and Dinka youths in Jonglei on Friday.")
    bomb, fight, clash = _of_type(x, "attack")
    assert names(x, bomb.agents) == {"PKK"} and bomb.subtype.value == "Bombing"
    assert fight.agents and fight.targets
    assert clash.subtype.value == "ArmedClash"
    (loan,) = _of_type(x, "aid")
    assert countries(x, loan.targets) == {"EGY"}


def test_events_announcing_ones_own_attack_is_a_threat(extract):
    x = extract("Hezbollah said on Monday that it would strike Israeli cities. "
                "Lebanon's foreign ministry said Israel would strike Lebanese cities.")
    assert [e.type.value for e in x.events] == ["threat", "statement"]


def test_events_definite_mention_with_only_a_place_joins_the_occurrence(extract):
    """"The strike took place in Rafah" after the report of a strike: that strike, now with a place."""
    x = extract("Israeli jets killed a Hamas commander in an airstrike on Tuesday. "
                "The strike took place in Rafah.")
    (attack,) = _of_type(x, "attack")
    assert "Rafah" in {x.place(p).name for p in attack.places}


def test_events_attack_noun_in_which_another_happened_is_one_occurrence(extract):
    x = extract("The killing of the Hezbollah commander in an airstrike near Tyre angered Lebanon.")
    (attack,) = _of_type(x, "attack")
    assert attack.subtype.value == "Airstrike" and "Tyre" in {x.place(p).name for p in attack.places}


def test_events_only_a_raised_alert_is_a_mobilization(extract):
    x = extract("The embassy advised citizens to leave in its January 3 security alert. "
                "Pakistan put its air force on high alert on Monday.")
    alerts = _of_type(x, "mobilization")
    assert [countries(x, a.agents) for a in alerts] == [{"PAK"}]


def test_events_precision_classes_of_single_sentences(extract):
    """A shell that slams into a market is an attack (not a criticism); warning against an act is
    no act; a crowd that marches and riots, and envoys who met for talks, are one event each."""
    x = extract("A mortar shell slammed into a market in Mogadishu on Monday, killing nine people.")
    assert [e.type.value for e in x.events] == ["attack"]
    x = extract("China warned Japan against deploying missiles on Yonaguni.")
    assert [e.type.value for e in x.events] == ["threat"]
    x = extract("Protesters burned tyres and blocked roads in Dhaka on Monday.")
    assert [e.type.value for e in x.events] == ["protest"]
    x = extract("Sudanese and Ethiopian envoys met in Juba for talks on Tuesday.")
    assert [e.type.value for e in x.events] == ["consult"]


def test_events_wire_dateline_neither_speaks_nor_dates(extract):
    """"MOSCOW, Oct 3 (Reuters) - Russia said ...": the speaker is Russia, the dateline's date is the
    report's; shot-down drones are their owner's loss."""
    x = extract("MOSCOW, Oct 3 (Reuters) - Russia said on Tuesday its air defences had shot down 31 "
                "Ukrainian drones over the Belgorod region.", published=date(2023, 10, 3))
    statement = _of_type(x, "statement")[0]
    assert countries(x, statement.agents) == {"RUS"} and statement.date == date(2023, 10, 3)
    attack = _of_type(x, "attack")[0]
    assert countries(x, attack.targets) == {"UKR"} and attack.date is None


def test_events_trigger_noun_modifying_another_noun_is_no_event(extract):
    x = extract("KABUL, March 2 - Gunmen killed four aid workers and an attack helicopter pilot in Jalalabad.")
    assert [e.type.value for e in x.events] == ["attack"]
    assert "Gunmen" in names(x, x.events[0].agents)
