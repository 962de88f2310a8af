"""Typed records passed between pipeline stages.

Every record is a frozen dataclass. spaCy objects never leave ``nlp/`` and ``extract/``:
later stages (``rdf``, ``store``, ``analysis``, ``viz``) see these records, which carry
character offsets into :attr:`Article.text` as provenance.

>>> a = Article(id="a1", text="Rebels shelled the town.")
>>> m = Mention(article_id="a1", start=7, end=14, text="shelled", sentence=0)
>>> a.text[m.start:m.end] == m.text
True
"""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import TYPE_CHECKING

from graph.vocab.actor_types import ActorType, AffiliationType
from graph.vocab.event_types import EventSubtype, EventType, RelationType

if TYPE_CHECKING:
    from rdflib import Graph

__all__ = [
    "Article",
    "Sentence",
    "Mention",
    "Actor",
    "Place",
    "Affiliation",
    "Event",
    "EventRelation",
    "Claim",
    "RunInfo",
    "Extraction",
    "Resolution",
]


@dataclass(frozen=True, slots=True)
class Article:
    """One news article, reduced to plain text, with what is known of where it came from.

    ``id`` is the caller's id (a feed's ``id`` or a file's stem); it names the article in
    ``events.jsonl`` and ``actors.jsonl`` and seeds its IRIs.

    >>> Article(id="x", text="Hello.", outlet="Reuters").outlet
    'Reuters'
    """

    id: str
    text: str
    published: date | None = None
    outlet: str | None = None
    url: str | None = None
    title: str | None = None
    source: str | None = None  # file path, "stdin" or "FEED.jsonl:LINE"
    language: str | None = None  # ISO 639-1 code when detected


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence of an article, by character offsets into ``Article.text``.

    >>> Sentence("a1", 0, 0, 6, "Hello.").length
    6
    """

    article_id: str
    index: int
    start: int
    end: int
    text: str

    @property
    def length(self) -> int:
        return self.end - self.start


@dataclass(frozen=True, slots=True)
class Mention:
    """A span of article text, by character offsets; ``sentence`` is the sentence index.

    >>> Mention("a1", 4, 9, "rebel", 0).length
    5
    """

    article_id: str
    start: int
    end: int
    text: str
    sentence: int

    @property
    def length(self) -> int:
        return self.end - self.start


@dataclass(frozen=True, slots=True)
class Actor:
    """An actor of one article: canonical name, type, home country, and every mention.

    ``id`` is stable within the article (a slug of the canonical name) and is what
    events and affiliations refer to.

    >>> Actor("iran", "Iran", ActorType.STATE, country="IRN").type.value
    'state'
    """

    id: str
    name: str
    type: ActorType
    country: str | None = None  # ISO 3166-1 alpha-3
    aliases: tuple[str, ...] = ()
    mentions: tuple[Mention, ...] = ()
    wikidata: str | None = None  # e.g. "Q794", when the gazetteer knows it


@dataclass(frozen=True, slots=True)
class Place:
    """A place named in an article, resolved against the offline gazetteer where possible.

    >>> Place("erbil", "Erbil", country="IRQ", lat=36.19, lon=44.01).country
    'IRQ'
    """

    id: str
    name: str
    country: str | None = None  # ISO 3166-1 alpha-3
    lat: float | None = None
    lon: float | None = None
    geonames_id: int | None = None
    mentions: tuple[Mention, ...] = ()


@dataclass(frozen=True, slots=True)
class Affiliation:
    """An actor-to-actor fact stated in the article (``role`` only for ``role_in``).

    >>> Affiliation("kirby", AffiliationType.ROLE_IN, "pentagon", role="press secretary").role
    'press secretary'
    """

    source: str  # Actor.id
    type: AffiliationType
    target: str  # Actor.id
    role: str | None = None
    evidence: Mention | None = None


@dataclass(frozen=True, slots=True)
class Event:
    """One real-world occurrence reported by the article, with its arguments.

    ``trigger`` is the mention the event was first read from; ``mentions`` holds every
    mention of the same occurrence (in-article coreference), the trigger first.
    ``agents``/``targets`` hold ``Actor.id`` values, ``places`` hold ``Place.id`` values.

    >>> e = Event("e1", EventType.ATTACK, Mention("a1", 7, 14, "shelled", 0))
    >>> e.type.value, e.killed
    ('attack', None)
    """

    id: str
    type: EventType
    trigger: Mention
    subtype: EventSubtype | None = None
    cameo: str | None = None
    agents: tuple[str, ...] = ()
    targets: tuple[str, ...] = ()
    places: tuple[str, ...] = ()
    date: date | None = None
    date_mention: Mention | None = None
    killed: int | None = None
    injured: int | None = None
    weapons: tuple[str, ...] = ()
    mentions: tuple[Mention, ...] = ()
    negated: bool = False
    confidence: float = 1.0


@dataclass(frozen=True, slots=True)
class EventRelation:
    """An event-to-event link (``source`` answers, is part of, or is about ``target``).

    >>> EventRelation("e2", RelationType.RETALIATION_FOR, "e1").type.value
    'retaliation_for'
    """

    source: str  # Event.id
    type: RelationType
    target: str  # Event.id
    evidence: Mention | None = None


@dataclass(frozen=True, slots=True)
class Claim:
    """Who says what: a speaker's quoted or reported words, tied to the event they concern.

    ``statement`` is the id of the speech event (statement, accusation, threat...);
    ``about`` the id of the event the words concern, when known.

    >>> Claim("kirby", Mention("a1", 0, 5, "Hello", 0)).about is None
    True
    """

    speaker: str  # Actor.id
    quote: Mention
    statement: str | None = None  # Event.id
    about: str | None = None  # Event.id


@dataclass(frozen=True, slots=True)
class RunInfo:
    """The extraction run that produced a graph: software, model, time.

    >>> RunInfo("0.1.0", "en_core_web_sm", "3.8.0").software
    'conflict-graph'
    """

    version: str
    model: str
    model_version: str
    started: datetime | None = None
    software: str = "conflict-graph"


@dataclass(frozen=True, slots=True)
class Extraction:
    """Everything extracted from one article: the unit written to RDF and JSON Lines.

    >>> x = Extraction(Article("a1", "Text."))
    >>> x.actor("nobody") is None
    True
    """

    article: Article
    sentences: tuple[Sentence, ...] = ()
    actors: tuple[Actor, ...] = ()
    places: tuple[Place, ...] = ()
    events: tuple[Event, ...] = ()
    affiliations: tuple[Affiliation, ...] = ()
    relations: tuple[EventRelation, ...] = ()
    claims: tuple[Claim, ...] = ()
    run: RunInfo | None = None
    warnings: tuple[str, ...] = field(default=())

    def actor(self, actor_id: str) -> Actor | None:
        """The actor with ``actor_id``, or None."""
        return next((a for a in self.actors if a.id == actor_id), None)

    def place(self, place_id: str) -> Place | None:
        """The place with ``place_id``, or None."""
        return next((p for p in self.places if p.id == place_id), None)

    def event(self, event_id: str) -> Event | None:
        """The event with ``event_id``, or None."""
        return next((e for e in self.events if e.id == event_id), None)


@dataclass(frozen=True, slots=True)
class Resolution:
    """What a cross-article pass over a batch gives back (see ``graph.batch.finalise.Resolver``).

    ``occurrences`` maps ``(article id, event id)`` (the ``article`` and ``id`` of an
    ``events.jsonl`` row) to the occurrence the event is one report of: any string, the same
    for events of different articles that are one real-world occurrence; it is written as the
    row's ``occurrence``. ``graph`` is extra RDF (the resolution named graph, named by its
    ``identifier``), added to the graph output and the store; None for none.

    >>> Resolution({("a1", "e1"): "occ-1"}).occurrences[("a1", "e1")]
    'occ-1'
    """

    occurrences: Mapping[tuple[str, str], str] = field(default_factory=dict)
    graph: Graph | None = None
