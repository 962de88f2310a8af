"""Two hand-built extractions shared by the store, analysis and CLI tests.

Article "raid" (2024-03-05): Rebels shelled Xville (3 killed, 2024-03-04); the Xland Army struck
the Rebels in answer (5 killed, 2024-03-05); Rebels struck back (2024-03-06), a chain of two
retaliations. Rebels are backed by Yland. Jane Roe is spokeswoman of the Xland Army and
claims "We will answer." about the shelling.

Article "april" (2024-04-10): the Xland Army shelled Zville (Yland; 7 killed); the Rebels
(backed by Yland again) said nothing.
"""
from __future__ import annotations

from datetime import date

from graph.records import (
    Actor, Affiliation, Article, Claim, Event, EventRelation, Extraction, Mention, Place, Sentence,
)
from graph.vocab.actor_types import ActorType, AffiliationType
from graph.vocab.event_types import EventSubtype, EventType, RelationType

RAID = ("Rebels shelled Xville on Monday, killing three. "
        "The Xland Army struck the Rebels in retaliation, killing five. "
        "Rebels, backed by Yland, struck back on Wednesday. "
        'Jane Roe, the Xland Army spokeswoman, said: "We will answer."')
APRIL = "The Xland Army shelled Zville, killing seven. The Rebels are backed by Yland."


def _sentences(aid: str, text: str) -> tuple[Sentence, ...]:
    out, start = [], 0
    for i, piece in enumerate(text.split(". ")):
        end = min(len(text), start + len(piece) + 1)
        out.append(Sentence(aid, i, start, end, text[start:end]))
        start = end + 1
    return tuple(out)


def _m(aid: str, text: str, needle: str, nth: int = 0) -> Mention:
    start = -1
    for _ in range(nth + 1):
        start = text.index(needle, start + 1)
    end = start + len(needle)
    sentence = next(s.index for s in _sentences(aid, text) if s.start <= start and end <= s.end)
    return Mention(aid, start, end, needle, sentence)


def raid() -> Extraction:
    m = lambda needle, nth=0: _m("raid", RAID, needle, nth)  # noqa: E731
    return Extraction(
        Article("raid", RAID, published=date(2024, 3, 5), outlet="Xland Times", title="Rebels shell Xville",
                url="https://example.org/raid"),
        sentences=_sentences("raid", RAID),
        actors=(Actor("rebels", "Rebels", ActorType.ARMED_GROUP, mentions=(m("Rebels"), m("Rebels", 1))),
                Actor("army", "Xland Army", ActorType.MILITARY, country="XLD", aliases=("the army",),
                      mentions=(m("The Xland Army"),)),
                Actor("yland", "Yland", ActorType.STATE, country="YLD", mentions=(m("Yland"),)),
                Actor("roe", "Jane Roe", ActorType.PERSON, aliases=("Roe",), mentions=(m("Jane Roe"),))),
        places=(Place("xville", "Xville", country="XLD", lat=10.5, lon=20.25, mentions=(m("Xville"),)),),
        events=(Event("e1", EventType.ATTACK, m("shelled"), subtype=EventSubtype.SHELLING, agents=("rebels",),
                      targets=("army",), places=("xville",), date=date(2024, 3, 4), killed=3),
                Event("e2", EventType.ATTACK, m("struck"), agents=("army",), targets=("rebels",),
                      date=date(2024, 3, 5), killed=5),
                Event("e3", EventType.ATTACK, m("struck", 1), agents=("rebels",), targets=("army",),
                      date=date(2024, 3, 6)),
                Event("e4", EventType.STATEMENT, m("said"), agents=("roe",), date=date(2024, 3, 5))),
        affiliations=(Affiliation("rebels", AffiliationType.BACKED_BY, "yland", evidence=m("backed by Yland")),
                      Affiliation("roe", AffiliationType.ROLE_IN, "army", role="spokeswoman",
                                  evidence=m("the Xland Army spokeswoman"))),
        relations=(EventRelation("e2", RelationType.RETALIATION_FOR, "e1", evidence=m("in retaliation")),
                   EventRelation("e3", RelationType.RETALIATION_FOR, "e2", evidence=m("struck back")),
                   EventRelation("e4", RelationType.ABOUT, "e1")),
        claims=(Claim("roe", m("We will answer."), statement="e4", about="e1"),),
    )


def april() -> Extraction:
    m = lambda needle: _m("april", APRIL, needle)  # noqa: E731
    return Extraction(
        Article("april", APRIL, published=date(2024, 4, 10)),
        sentences=_sentences("april", APRIL),
        actors=(Actor("army", "Xland Army", ActorType.MILITARY, country="XLD", mentions=(m("The Xland Army"),)),
                Actor("rebels", "Rebels", ActorType.ARMED_GROUP, mentions=(m("The Rebels"),)),
                Actor("yland", "Yland", ActorType.STATE, mentions=(m("Yland"),))),
        places=(Place("zville", "Zville", country="YLD", mentions=(m("Zville"),)),),
        events=(Event("e1", EventType.ATTACK, m("shelled"), agents=("army",), places=("zville",), killed=7),),
        affiliations=(Affiliation("rebels", AffiliationType.BACKED_BY, "yland"),),
    )


def corpus() -> list[Extraction]:
    """Both articles."""
    return [raid(), april()]
