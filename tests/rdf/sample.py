"""A hand-built extraction of a short invented article, shared by the rdf tests."""
from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, timezone

from graph.records import (
    Actor,
    Affiliation,
    Article,
    Claim,
    Event,
    EventRelation,
    Extraction,
    Mention,
    Place,
    RunInfo,
    Sentence,
)
from graph.vocab.actor_types import ActorType, AffiliationType
from graph.vocab.event_types import EventSubtype, EventType, RelationType

TEXT = (
    "Rebels shelled the town of Xville on Monday, killing three soldiers. "
    "The Xland Army said it would respond. "
    'Colonel Jane Roe, the army spokeswoman, said: "We will retaliate."'
)
ARTICLE_ID = "xville-shelling"


def sentences(text: str = TEXT, article_id: str = ARTICLE_ID) -> tuple[Sentence, ...]:
    """Split ``text`` after '. ' (good enough for the sample)."""
    out, start = [], 0
    for i, piece in enumerate(text.split(". ")):
        end = start + len(piece) + (1 if start + len(piece) < len(text) else 0)
        out.append(Sentence(article_id, i, start, end, text[start:end]))
        start = end + 1
    return tuple(out)


def mention(needle: str, text: str = TEXT, article_id: str = ARTICLE_ID, nth: int = 0) -> Mention:
    """The ``nth`` occurrence of ``needle`` in ``text`` as a Mention with its sentence index."""
    start = -1
    for _ in range(nth + 1):
        start = text.index(needle, start + 1)
    end = start + len(needle)
    index = next(s.index for s in sentences(text, article_id) if s.start <= start and end <= s.end)
    return Mention(article_id, start, end, needle, index)


def sample() -> Extraction:
    """The sample extraction: one attack, a statement, a threat, two affiliations, a claim."""
    article = Article(ARTICLE_ID, TEXT, published=date(2024, 3, 5), outlet="Xland Times",
                      url="https://example.org/news/xville?id=1&lang=en", title="Rebels shell Xville")
    actors = (
        Actor("rebels", "Rebels", ActorType.ARMED_GROUP, mentions=(mention("Rebels"),)),
        Actor("army", "Xland Army", ActorType.MILITARY, country="XLD", aliases=("the army",),
              mentions=(mention("The Xland Army"), mention("army")), wikidata="Q42"),
        Actor("roe", "Jane Roe", ActorType.PERSON, country="XLD", aliases=("Colonel Jane Roe", "Roe"),
              mentions=(mention("Colonel Jane Roe"),)),
        Actor("soldiers", "soldiers", ActorType.MILITARY, mentions=(mention("soldiers"),)),
    )
    places = (Place("xville", "Xville", country="XLD", lat=10.5, lon=-20.25, geonames_id=123,
                    mentions=(mention("Xville"),)),)
    events = (
        Event("e1", EventType.ATTACK, mention("shelled"), subtype=EventSubtype.SHELLING, cameo="194",
              agents=("rebels",), targets=("soldiers",), places=("xville",), date=date(2024, 3, 4),
              date_mention=mention("Monday"), killed=3, weapons=("mortar",),
              mentions=(mention("shelled"), mention("killing"))),
        Event("e2", EventType.STATEMENT, mention("said"), agents=("army",), cameo="010"),
        Event("e3", EventType.THREAT, mention("said", nth=1), subtype=EventSubtype.VOW_OF_RETALIATION,
              agents=("roe",), targets=("rebels",), date=date(2024, 3, 5)),
    )
    affiliations = (
        Affiliation("roe", AffiliationType.ROLE_IN, "army", role="spokeswoman",
                    evidence=mention("the army spokeswoman")),
        Affiliation("rebels", AffiliationType.OPPOSES, "army"),
    )
    relations = (
        EventRelation("e2", RelationType.ABOUT, "e1"),
        EventRelation("e3", RelationType.ABOUT, "e1", evidence=mention("We will retaliate.")),
    )
    claims = (Claim("roe", mention("We will retaliate."), statement="e3", about="e1"),)
    run = RunInfo("0.1.0", "en_core_web_sm", "3.8.0", started=datetime(2024, 3, 5, 12, 0, tzinfo=timezone.utc))
    return Extraction(article, sentences(), actors, places, events, affiliations, relations, claims, run)


HOSTILE = [
    'Al "the Hammer" O\'Brien',
    "<script>alert(1)</script>",
    "</script><!--",
    "back\\slash \\u0041 \\n",
    "line one\nline two\r\nthree\ttab",
    "bidi \u202eevil\u202c and \u2066isolate\u2069",
    "hash # slash / query ? amp & percent %20",
    "{\"@id\": \"x\", \"@context\": 1}",
    "emoji \U0001F4A3 and CJK 武装组织 and Arabic كتائب حزب الله",
    "   leading and trailing   ",
    "zero\u200bwidth",
]


def hostile(name: str) -> Extraction:
    """The sample with ``name`` as the rebels' name, alias, id, the article id and title."""
    x = sample()
    rebels = replace(x.actors[0], id=name, name=name, aliases=(name, name + "!"))
    events = tuple(
        replace(e, agents=tuple(name if a == "rebels" else a for a in e.agents),
                targets=tuple(name if a == "rebels" else a for a in e.targets),
                weapons=e.weapons + (name,))
        for e in x.events
    )
    affiliations = tuple(replace(a, source=name if a.source == "rebels" else a.source) for a in x.affiliations)
    article = replace(x.article, title=name, outlet=name, url=name)
    return replace(x, article=article, actors=(rebels,) + x.actors[1:], events=events, affiliations=affiliations)
