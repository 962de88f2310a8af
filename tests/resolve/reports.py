"""Short reports written for the resolution tests: the same occurrences told by different outlets.

Each function returns ``(events, actors)`` as resolution inputs, as the extractor would give them
for the article text in its docstring. Names, places and figures are this file's own.
"""
from __future__ import annotations

from datetime import date

from graph.resolve.records import ActorRef, EventRef, PlaceRef
from graph.vocab.actor_types import ActorType as T
from graph.vocab.event_types import EventSubtype as S
from graph.vocab.event_types import EventType as E
from graph.vocab.event_types import RelationType as R

US = ("us", "United States", T.STATE, "USA")
KH = ("kh", "Kataib Hezbollah", T.ARMED_GROUP, "IRQ")


def actor(article: str, spec: tuple, aliases=(), wikidata=None) -> ActorRef:
    actor_id, name, kind, country = spec
    return ActorRef(article, actor_id, name, kind, country, tuple(aliases), wikidata,
                    f"http://example.org/{article}/actor/{actor_id}")


def event(article: str, event_id: str, kind: E, **kw) -> EventRef:
    kw.setdefault("iri", f"http://example.org/{article}/event/{event_id}")
    return EventRef(article, event_id, kind, **kw)


def strike_reports():
    """One strike, three outlets, different words, dates and figures.

    wire (published 2021-02-26): "US jets struck Kataib Hezbollah positions in Abu Kamal late on
    Thursday, killing 17 fighters, the Pentagon said."
    local (2021-02-26): "American warplanes hit Iran-backed militias in eastern Syria overnight on
    Friday; 22 were killed, a monitor said."
    weekly (2021-03-01): "Last week's American air raid on the Hezbollah Brigades near the Iraqi
    border killed at least 18." (undated)
    """
    wire = date(2021, 2, 26)
    events = [
        event("wire", "e1", E.ATTACK, subtype=S.AIRSTRIKE, date=date(2021, 2, 25), published=wire, outlet="Wire",
              agents=("us",), targets=("kh",), places=(PlaceRef("Abu Kamal", "SYR"),), killed=17, weapons=("jet",)),
        event("local", "e2", E.ATTACK, subtype=S.AIRSTRIKE, date=date(2021, 2, 26), published=wire, outlet="Local",
              agents=("us",), targets=("militias",), places=(PlaceRef("eastern Syria", "SYR"),), killed=22),
        event("weekly", "e1", E.ATTACK, subtype=S.AIRSTRIKE, published=date(2021, 3, 1), outlet="Weekly",
              agents=("us",), targets=("kh",), places=(PlaceRef("Abu Kamal", "SYR"),), killed=18),
    ]
    actors = [actor("wire", US, wikidata="Q30"), actor("wire", KH),
              actor("local", ("us", "American", T.STATE, "USA")), actor("local", ("militias", "militias", T.ARMED_GROUP, None)),
              actor("weekly", ("us", "United States", T.STATE, "USA")),
              actor("weekly", ("kh", "Hezbollah Brigades", T.ARMED_GROUP, "IRQ"))]
    return events, actors


def again_two_days_later():
    """The same actors strike again two days later (a different occurrence), same place, same words.

    first (2021-02-26): "US jets struck Kataib Hezbollah in Abu Kamal on Thursday, killing 17."
    second (2021-02-28): "US jets struck Kataib Hezbollah in Abu Kamal on Saturday, killing 3."
    """
    events = [
        event("first", "e1", E.ATTACK, subtype=S.AIRSTRIKE, date=date(2021, 2, 25), published=date(2021, 2, 26),
              agents=("us",), targets=("kh",), places=(PlaceRef("Abu Kamal", "SYR"),), killed=17),
        event("second", "e1", E.ATTACK, subtype=S.AIRSTRIKE, date=date(2021, 2, 27), published=date(2021, 2, 28),
              agents=("us",), targets=("kh",), places=(PlaceRef("Abu Kamal", "SYR"),), killed=3),
    ]
    actors = [actor(a, US, wikidata="Q30") for a in ("first", "second")] + [actor(a, KH) for a in ("first", "second")]
    return events, actors


def operation_and_incidents():
    """An operation and its two incidents in one article; another reports the operation, a third an incident.

    long (1987-10-20): "The US raid on Monday on two Iranian platforms (e1): destroyers shelled the
    first (e2, part of e1), then special forces boarded the second (e3, part of e1)."
    short (1987-10-19): "US forces raided Iranian oil platforms in the Gulf on Monday (e1)."
    shelling (1987-10-19): "US destroyers shelled an Iranian oil platform on Monday (e1)."
    """
    mon = date(1987, 10, 19)
    gulf = (PlaceRef("Gulf"),)
    events = [
        event("long", "e1", E.ATTACK, subtype=S.RAID, date=mon, published=date(1987, 10, 20), agents=("us",),
              targets=("iran",), places=gulf),
        event("long", "e2", E.ATTACK, subtype=S.SHELLING, date=mon, published=date(1987, 10, 20), agents=("us",),
              targets=("iran",), places=gulf, weapons=("destroyer",), relations=((R.PART_OF, "e1"),)),
        event("long", "e3", E.ATTACK, subtype=S.RAID, date=mon, published=date(1987, 10, 20), agents=("us",),
              targets=("iran",), places=gulf, relations=((R.PART_OF, "e1"),)),
        event("short", "e1", E.ATTACK, subtype=S.RAID, date=mon, published=mon, agents=("us",), targets=("iran",),
              places=gulf),
        event("shelling", "e1", E.ATTACK, subtype=S.SHELLING, date=mon, published=mon, agents=("us",),
              targets=("iran",), places=gulf, weapons=("destroyer",)),
    ]
    iran = ("iran", "Iran", T.STATE, "IRN")
    actors = [actor(a, US, wikidata="Q30") for a in ("long", "short", "shelling")]
    actors += [actor(a, iran, wikidata="Q794") for a in ("long", "short", "shelling")]
    return events, actors


def statement_by_one_speaker():
    """One speaker's statement reported by two outlets, and another speaker the same day.

    a (2021-02-26): "Pentagon press secretary John Kirby said on Friday the strike was defensive."
    b (2021-02-26): "Kirby told reporters on Friday that the strike was proportionate."
    c (2021-02-26): "Jen Psaki said on Friday the strike sent a message."
    d (2021-02-26): "Washington said on Friday it had acted in self-defence." (a state speaker)
    e (2021-02-26): "The United States said on Friday it had acted in self-defence."
    """
    fri = date(2021, 2, 26)
    events = [event(a, "e1", E.STATEMENT, date=fri, published=fri, agents=(who,))
              for a, who in (("a", "kirby"), ("b", "kirby"), ("c", "psaki"), ("d", "us"), ("e", "us"))]
    actors = [actor("a", ("kirby", "John Kirby", T.PERSON, None), aliases=("Kirby",)),
              actor("b", ("kirby", "Kirby", T.PERSON, None)),
              actor("c", ("psaki", "Jen Psaki", T.PERSON, None)),
              actor("d", ("us", "Washington", T.STATE, "USA")),
              actor("e", US, wikidata="Q30")]
    return events, actors
