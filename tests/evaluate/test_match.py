"""The pairing rules of score.py, each on a gold article built by hand."""
from __future__ import annotations

from graph.evaluate.gold import GoldActor, GoldAffiliation, GoldArticle, GoldEvent, GoldPlace, GoldRelation
from graph.evaluate.match import NameIndex, match_article, match_merges, norm, slot_match
from graph.evaluate.predictions import PredActor, PredAffiliation, PredEvent, PredRelation
from graph.evaluate.scores import Counts

ACTORS = (GoldActor("R", "Northern Front", ("rebels",)), GoldActor("A", "Karsan army", ("army",)),
          GoldActor("V", "Valdoria"), GoldActor("P", "Radio Karsa", required=False))
PLACES = (GoldPlace("K", "Karsa", ("the town of Karsa",)),)


def article(*events: GoldEvent, **kw) -> GoldArticle:
    return GoldArticle(None, "a1", actors=kw.pop("actors", ACTORS), places=PLACES, events=events, **kw)


def ev(i: str, typ: str = "attack", **kw) -> PredEvent:
    return PredEvent("a1", i, typ, **kw)


def actor(i: str, name: str, *aliases: str, affiliations=()) -> PredActor:
    return PredActor("a1", i, name, (name, *aliases), affiliations)


def test_match_norm_folds_case_accents_punctuation_and_leading_the():
    assert norm("The Kata'ib Ḥezbollah") == "kataib hezbollah"
    assert norm("U.S.-led  coalition") == norm("u s led coalition")
    assert norm("Other the") == "other the"


def test_match_actor_naming_only_optional_gold_is_neither_right_nor_wrong():
    m = match_article(article(), [], [actor("x", "Radio Karsa"), actor("y", "rebels"), actor("z", "Karsa")])
    assert m.counts["actor"] == Counts(1, 2, 1, 3)
    assert [a.id for a in m.spurious_actors] == ["z"]
    assert [a.id for a in m.missed_actors] == ["A", "V"]


def test_match_pairs_best_score_first():
    gold = article(GoldEvent("E1", agents=("R",), type="attack", date="2024-03-04"))
    m = match_article(gold, [ev("p1", agents=("rebels",)), ev("p2", agents=("rebels",), date="2024-03-04")], [])
    assert m.pairs == {"E1": 1} and [pe.id for pe in m.spurious_events] == ["p1"]


def test_match_tie_goes_to_required_gold_event():
    gold = article(GoldEvent("E1", "attack", agents=("R",), required=False), GoldEvent("E2", "attack", agents=("R",)))
    m = match_article(gold, [ev("p1", agents=("rebels",))], [])
    assert m.pairs == {"E2": 0} and m.counts["event"] == Counts(1, 1, 1, 1)


def test_match_event_paired_to_optional_gold_is_not_counted():
    gold = article(GoldEvent("E1", "statement", agents=("P",), required=False))
    m = match_article(gold, [ev("p1", "statement", agents=("Radio Karsa",))], [])
    assert m.pairs == {"E1": 0} and m.counts["event"] == Counts(0, 0, 0, 0)


def test_match_needs_same_type_and_an_anchor():
    gold = article(GoldEvent("E1", "attack", agents=("R",), places=("K",)))
    assert match_article(gold, [ev("p1", "threat", agents=("rebels",))], []).pairs == {}
    assert match_article(gold, [ev("p1", places=("Karsa",))], []).pairs == {}  # the gold has an agent


def test_match_place_or_date_anchors_when_gold_has_no_actor():
    gold = article(GoldEvent("E1", "attack", places=("K",)))
    assert match_article(gold, [ev("p1", places=("the town of Karsa",))], []).pairs == {"E1": 0}


def test_match_agents_not_required_ignores_missing_and_extra_agents():
    ge = GoldEvent("E1", "attack", targets=("V",), agents_required=False)
    index = NameIndex(article(ge))
    assert slot_match(index, ge, ev("p", agents=("rebels",)), "agents") == (False, False, False, False)
    assert slot_match(index, ge, None, "agents").gold_present is False


def test_match_agents_right_when_half_the_predicted_are_gold():
    ge = GoldEvent("E1", "attack", agents=("R",))
    index = NameIndex(article(ge))
    assert slot_match(index, ge, ev("p", agents=("rebels", "Valdoria")), "agents") == (True, True, True, True)
    assert slot_match(index, ge, ev("p", agents=("rebels", "x", "y")), "agents") == (True, False, True, True)


def test_match_killed_within_range_and_date_alternatives():
    ge = GoldEvent("E1", "attack", date="2024-03-05", date_alternatives=("2024-03-06",), killed=(4, 6))
    index = NameIndex(article(ge))
    assert slot_match(index, ge, ev("p", killed=5), "killed").pred_right
    assert not slot_match(index, ge, ev("p", killed=7), "killed").pred_right
    assert slot_match(index, ge, ev("p", date="2024-03-06"), "date").pred_right
    assert slot_match(index, ge, ev("p", date="2024-03-07"), "date") == (True, False, True, False)


def test_match_weapons_match_when_one_contains_the_other():
    ge = GoldEvent("E1", "attack", weapons=("artillery shells",))
    index = NameIndex(article(ge))
    assert slot_match(index, ge, ev("p", weapons=("Shells",)), "weapons").pred_right
    assert slot_match(index, ge, ev("p", weapons=("heavy artillery shells fire",)), "weapons").pred_right
    assert not slot_match(index, ge, ev("p", weapons=("drone",)), "weapons").pred_right


def test_match_unpaired_required_gold_event_counts_its_slots_as_missed():
    gold = article(GoldEvent("E1", "attack", agents=("R",), date="2024-03-04", killed=(2, 2)),
                   GoldEvent("E2", "attack", agents=("A",), required=False))
    assert match_article(gold, [], []).counts["argument"] == Counts(0, 0, 0, 3)


def test_match_relations_through_event_pairings_with_optional_links():
    gold = article(GoldEvent("E1", "attack", agents=("R",)), GoldEvent("E2", "attack", agents=("A",)),
                   relations=(GoldRelation("E2", "retaliation_for", "E1"), GoldRelation("E1", "precedes", "E2", True)))
    events = [ev("p1", agents=("rebels",), relations=(PredRelation("precedes", "p2"),)),
              ev("p2", agents=("army",), relations=(PredRelation("retaliation_for", "p1"),
                                                     PredRelation("causes", "p9")))]
    m = match_article(gold, events, [])
    assert m.counts["relation"] == Counts(1, 2, 1, 1)
    assert m.spurious_relations == (("p2", "causes", "p9"),)


def test_match_affiliations_through_actor_names():
    gold = article(affiliations=(GoldAffiliation("A", "backed_by", "V"), GoldAffiliation("R", "opposes", "A", None, True)))
    actors = [actor("x", "army", affiliations=(PredAffiliation("Backed_By", "Valdoria"),)),
              actor("y", "rebels", affiliations=(PredAffiliation("opposes", "the army"),
                                                 PredAffiliation("member_of", "Valdoria")))]
    m = match_article(gold, [], actors)
    assert m.counts["affiliation"] == Counts(1, 2, 1, 1)
    assert m.spurious_affiliations == (("rebels", "member_of", "Valdoria"),)


def test_match_type_errors_count_tp_fp_fn_per_type():
    gold = article(GoldEvent("E1", "attack", agents=("R",)), GoldEvent("E2", "threat", agents=("V",)))
    m = match_article(gold, [ev("p1", agents=("rebels",)), ev("p2", "protest")], [])
    assert {t: tuple(r) for t, r in m.type_errors().items()} == {
        "attack": (1, 0, 0), "protest": (0, 1, 0), "threat": (0, 0, 1)}


def test_match_merges_count_a_pair_with_an_unpaired_event_as_wrong():
    g1 = GoldArticle(None, "a1", actors=ACTORS, events=(GoldEvent("E1", "attack", agents=("R",)),))
    g2 = GoldArticle(None, "a2", actors=ACTORS, events=(GoldEvent("E9", "attack", agents=("R",)),))
    m1 = match_article(g1, [PredEvent("a1", "p1", "attack", agents=("rebels",), occurrence="x")], [])
    m2 = match_article(g2, [PredEvent("a2", "q1", "attack", agents=("rebels",), occurrence="x"),
                            PredEvent("a2", "q2", "threat", occurrence="x")], [])
    merge = match_merges([(("a1", "E1"), ("a2", "E9"))], [m1, m2])
    assert merge.counts == Counts(1, 2, 1, 1)
    assert merge.wrong == (("a1#E1", "a2: q2 (pairs no gold event)"),)
    assert match_merges((), [m1, m2]) is None


def test_match_merges_recall_only_over_gold_pairs_both_found():
    g1 = GoldArticle(None, "a1", actors=ACTORS, events=(GoldEvent("E1", "attack", agents=("R",)),))
    g2 = GoldArticle(None, "a2", actors=ACTORS, events=(GoldEvent("E9", "attack", agents=("R",)),))
    m1 = match_article(g1, [PredEvent("a1", "p1", "attack", agents=("rebels",))], [])
    m2 = match_article(g2, [], [])
    assert match_merges([(("a1", "E1"), ("a2", "E9"))], [m1, m2]).counts == Counts(0, 0, 0, 0)
