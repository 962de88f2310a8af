"""Tests of graph.resolve.inputs and resolve_rows: rows and extractions in, the same resolution out."""
from __future__ import annotations

from datetime import date

from graph.export.jsonl import actor_rows, event_rows
from graph.records import Actor, Article, Event, Extraction, Mention, Place, Sentence
from graph.resolve import resolve_extractions, resolve_rows
from graph.resolve.inputs import refs_from_rows
from graph.vocab.actor_types import ActorType as T
from graph.vocab.event_types import EventSubtype as S
from graph.vocab.event_types import EventType as E


def strike(aid: str, text: str, killed: int, published: date, outlet: str, us_name: str,
           when: date = date(2021, 2, 25)) -> Extraction:
    """One article: "<us_name> struck Kataib Hezbollah in Abu Kamal, killing N" (hand-built records)."""
    m = lambda word: Mention(aid, text.index(word), text.index(word) + len(word), word, 0)  # noqa: E731
    return Extraction(
        Article(aid, text, published=published, outlet=outlet),
        sentences=(Sentence(aid, 0, 0, len(text), text),),
        actors=(Actor("us", us_name, T.STATE, "USA", mentions=(m(us_name),)),
                Actor("kh", "Kataib Hezbollah", T.ARMED_GROUP, "IRQ", mentions=(m("Kataib Hezbollah"),))),
        places=(Place("ak", "Abu Kamal", "SYR", 34.45, 40.92, mentions=(m("Abu Kamal"),)),),
        events=(Event("e1", E.ATTACK, m("struck"), subtype=S.AIRSTRIKE, agents=("us",), targets=("kh",),
                      places=("ak",), date=when, killed=killed, mentions=(m("struck"),)),))


def corpus() -> list[Extraction]:
    return [strike("wire", "US jets struck Kataib Hezbollah in Abu Kamal, killing 17.", 17, date(2021, 2, 26),
                   "Wire", "US"),
            strike("local", "Washington struck Kataib Hezbollah in Abu Kamal, killing 22.", 22, date(2021, 2, 26),
                   "Local", "Washington")]


def test_resolve_rows_and_extractions_agree():
    xs = corpus()
    from_rows = resolve_rows([r for x in xs for r in event_rows(x)], [r for x in xs for r in actor_rows(x)])
    from_records = resolve_extractions(xs)
    assert from_rows.occurrence_of("wire", "e1") == from_rows.occurrence_of("local", "e1") is not None
    assert from_rows.occurrence_of("wire", "e1") == from_records.occurrence_of("wire", "e1")
    assert from_rows.entity_of("local", "us") == from_rows.entity_of("wire", "us") == from_records.entity_of("wire", "us")
    o = from_rows.merged[0]
    assert [s.outlet for s in o.sources] == ["Local", "Wire"]
    assert all(s.iri and "/event/e1" in s.iri for s in o.sources)
    assert o.sources[0].evidence == "Washington struck Kataib Hezbollah in Abu Kamal, killing 22."


def test_annotate_rows_adds_occurrence_and_entity():
    xs = corpus()
    events = [r for x in xs for r in event_rows(x)]
    actors = [r for x in xs for r in actor_rows(x)]
    r = resolve_rows(events, actors)
    annotated = list(r.annotate_events(events))
    assert len({row["occurrence"] for row in annotated}) == 1 and annotated[0]["occurrence"]
    assert {row["entity"] for row in r.annotate_actors(actors) if row["id"] == "us"} == {r.entity_of("wire", "us")}


def test_rows_from_other_tools_resolve_and_bad_rows_are_skipped(caplog):
    events, actors = refs_from_rows(
        [{"article": "a", "id": "e1", "type": "attack", "date": "2021-02-26T02:00+03:00",
          "agents": ["Rebels"], "killed": [3, 5]},
         {"article": "a", "id": "e2", "type": "atack"},
         {"article": "a", "id": "e3", "type": "attack", "date": "yesterday"}],
        [{"article": "a", "name": None}])
    assert [e.id for e in events] == ["e1"]
    assert events[0].date == date(2021, 2, 26) and events[0].killed == 3
    assert [a.name for a in actors] == ["Rebels"]
    assert "event row skipped" in caplog.text and "actor row without article or name" in caplog.text
