"""Tests of graph.resolve.occurrences on the reports of tests/resolve/reports.py."""
from __future__ import annotations

from dataclasses import replace
from datetime import date

from graph.resolve import resolve
from graph.resolve.entities import resolve_actors
from graph.resolve.occurrences import resolve_events
from graph.resolve.records import PlaceRef
from graph.resolve.rules import Rules
from graph.vocab.actor_types import ActorType as T
from graph.vocab.event_types import EventType as E
from graph.vocab.event_types import RelationType as R
from tests.resolve import reports
from tests.resolve.reports import actor, event, KH, US


def groups(resolution) -> set[frozenset[str]]:
    """The merged occurrences as sets of report keys."""
    return {frozenset(s.key for s in o.sources) for o in resolution.merged}


def test_occurrences_one_strike_three_outlets_is_one_occurrence_with_a_figure_range():
    r = resolve(*reports.strike_reports())
    assert groups(r) == {frozenset({"wire#e1", "local#e2", "weekly#e1"})}
    o = r.merged[0]
    assert (o.killed.low, o.killed.high) == (17, 22)
    assert dict(o.killed.values) == {"wire#e1": 17, "local#e2": 22, "weekly#e1": 18}
    assert (o.earliest, o.latest, o.reported) == (date(2021, 2, 25), date(2021, 2, 26), date(2021, 2, 26))
    assert len(o.links) == 2
    reasons = {reason for link in o.links for reason in link.reasons}
    assert "shared agent United States" in reasons
    assert any("lies in eastern Syria" in reason for reason in reasons)
    assert "both Airstrike" in reasons
    assert any(reason.startswith("undated in weekly") for reason in reasons)


def test_occurrences_same_actors_two_days_later_stay_apart():
    r = resolve(*reports.again_two_days_later())
    assert groups(r) == set()
    assert len(r.occurrences) == 2


def test_occurrences_operation_and_incident_never_merge_but_each_finds_its_own():
    r = resolve(*reports.operation_and_incidents())
    assert groups(r) == {frozenset({"long#e1", "short#e1"}), frozenset({"long#e2", "shelling#e1"})}
    for o in r.merged:
        assert not {s.key for s in o.sources} >= {"long#e1", "long#e2"}


def test_occurrences_a_speaker_reported_twice_merges_a_state_speaker_does_not():
    r = resolve(*reports.statement_by_one_speaker())
    assert groups(r) == {frozenset({"a#e1", "b#e1"})}
    assert "shared agent John Kirby" in r.merged[0].links[0].reasons


def test_occurrences_chains_cannot_glue_days_one_and_three():
    """Day 1 ~ day 2 and day 2 ~ day 3 are each within a day; days 1 and 3 are not: no chain."""
    events = [event(a, "e1", E.ATTACK, date=d, published=d, agents=("us",), targets=("kh",),
                    places=(PlaceRef("Abu Kamal", "SYR"),))
              for a, d in (("d1", date(2021, 3, 1)), ("d2", date(2021, 3, 2)), ("d3", date(2021, 3, 3)))]
    actors = [actor(a, spec, wikidata="Q30" if spec is US else None) for a in ("d1", "d2", "d3") for spec in (US, KH)]
    r = resolve(events, actors)
    merged = groups(r)
    assert len(merged) == 1 and len(next(iter(merged))) == 2
    assert frozenset({"d1#e1", "d3#e1"}) not in merged


def test_occurrences_a_tie_in_one_article_merges_neither():
    """Two equally good reports in one article for one report elsewhere: ambiguous, no merge."""
    d = date(2021, 3, 1)
    events = [event("a", "e1", E.ATTACK, date=d, published=d, agents=("us",), targets=("kh",)),
              event("a", "e2", E.ATTACK, date=d, published=d, agents=("us",), targets=("kh",)),
              event("b", "e1", E.ATTACK, date=d, published=d, agents=("us",), targets=("kh",))]
    actors = [actor(a, spec, wikidata="Q30" if spec is US else None) for a in ("a", "b") for spec in (US, KH)]
    assert groups(resolve(events, actors)) == set()


def test_occurrences_conflicts_keep_reports_apart():
    d = date(2021, 3, 1)
    base = dict(date=d, published=d, agents=("us",), targets=("kh",), places=(PlaceRef("Abu Kamal", "SYR"),))
    actors = [actor(a, spec, wikidata="Q30" if spec is US else None) for a in ("a", "b") for spec in (US, KH)]
    same = resolve([event("a", "e1", E.ATTACK, **base), event("b", "e1", E.ATTACK, **base)], actors)
    assert len(same.merged) == 1
    elsewhere = {**base, "places": (PlaceRef("Erbil", "IRQ"),)}
    assert not resolve([event("a", "e1", E.ATTACK, **base), event("b", "e1", E.ATTACK, **elsewhere)], actors).merged
    other_type = resolve([event("a", "e1", E.ATTACK, **base), event("b", "e1", E.PROTEST, **base)], actors)
    assert not other_type.merged
    iran = actor("b", ("iran", "Iran", T.STATE, "IRN"), wikidata="Q794")
    swapped = {**base, "agents": ("iran",), "targets": ("us",)}
    assert not resolve([event("a", "e1", E.ATTACK, **base), event("b", "e1", E.ATTACK, **swapped)],
                       actors + [iran]).merged


def test_occurrences_undated_reports_need_strong_evidence():
    """An undated report with only a shared state merges with nothing; with place and target it does."""
    d = date(2021, 3, 1)
    dated = event("a", "e1", E.ATTACK, date=d, published=d, agents=("us",), targets=("kh",),
                  places=(PlaceRef("Abu Kamal", "SYR"),))
    weak = event("b", "e1", E.ATTACK, published=date(2021, 3, 3), agents=("us",))
    strong = event("c", "e1", E.ATTACK, published=date(2021, 3, 3), agents=("us",), targets=("kh",),
                   places=(PlaceRef("Abu Kamal", "SYR"),))
    late = event("d", "e1", E.ATTACK, published=date(2021, 3, 20), agents=("us",), targets=("kh",),
                 places=(PlaceRef("Abu Kamal", "SYR"),))
    actors = [actor(a, spec, wikidata="Q30" if spec is US else None) for a in "abcd" for spec in (US, KH)]
    assert groups(resolve([dated, weak, strong, late], actors)) == {frozenset({"a#e1", "c#e1"})}


def test_occurrences_rules_threshold_decides():
    events, actors = reports.strike_reports()
    table = resolve_actors(actors)
    assert any(o.merged for o in resolve_events(events, table))
    assert not any(o.merged for o in resolve_events(events, table, Rules(threshold=50, undated_threshold=50)))


def test_occurrences_about_the_same_occurrence_is_evidence():
    """Two statements by one speaker on consecutive days merge only when both are about one occurrence."""
    d1, d2 = date(2021, 2, 26), date(2021, 2, 27)
    strike = dict(date=d1, published=d1, agents=("us",), targets=("kh",), places=(PlaceRef("Abu Kamal", "SYR"),))
    events = [event("a", "s", E.ATTACK, **strike), event("b", "s", E.ATTACK, **strike),
              event("a", "e1", E.STATEMENT, date=d1, published=d1, agents=("kirby",)),
              event("b", "e1", E.STATEMENT, date=d2, published=d2, agents=("kirby",))]
    actors = [actor(a, spec, wikidata="Q30" if spec is US else None) for a in "ab" for spec in (US, KH)]
    actors += [actor(a, ("kirby", "John Kirby", T.PERSON, None)) for a in "ab"]
    assert groups(resolve(events, actors)) == {frozenset({"a#s", "b#s"})}
    linked = [e if e.type is E.ATTACK else replace(e, relations=((R.ABOUT, "s"),)) for e in events]
    assert groups(resolve(linked, actors)) == {frozenset({"a#s", "b#s"}), frozenset({"a#e1", "b#e1"})}
