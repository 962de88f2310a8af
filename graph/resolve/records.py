"""Typed records of the resolution stage: what it reads, and the :class:`Resolution` it returns.

Inputs are built from an :class:`~graph.records.Extraction`, from ``events.jsonl`` /
``actors.jsonl`` rows (:mod:`graph.resolve.rows`) or from the store (``graph.store.resolution``):

* :class:`ActorRef`: an actor as one article names it;
* :class:`PlaceRef`: a place an event names;
* :class:`EventRef`: an event as one article reports it (its arguments by article-local actor id).

Outputs, each citing the inputs it came from:

* :class:`Entity`: one real-world actor across articles, with the per-article actors it stands for
  (:class:`EntityLink`, each saying how it was linked);
* :class:`Occurrence`: one real-world occurrence with every source event, the
  :class:`MergeLink` decisions that joined them (score and evidence) and the :class:`FigureRange`
  of each casualty figure.

>>> a = ActorRef("a1", "iran", "Iran", ActorType.STATE, country="IRN")
>>> a.key
'a1#iran'
>>> FigureRange.of([("a1#e1", 17), ("a2#e1", 22)]).text
'17-22'
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

from graph.vocab.actor_types import ActorType
from graph.vocab.event_types import EventSubtype, EventType, RelationType

__all__ = ["ActorRef", "PlaceRef", "EventRef", "EntityLink", "Entity", "FigureRange", "MergeLink", "Occurrence"]


@dataclass(frozen=True, slots=True)
class ActorRef:
    """An actor of one article: ``id`` is its article-local id (``Actor.id``).

    ``iri`` is the per-article actor node when known (the store and ``extract`` know it).

    >>> ActorRef("a1", "kirby", "Kirby", ActorType.PERSON).key
    'a1#kirby'
    """

    article: str
    id: str
    name: str
    type: ActorType | None
    country: str | None = None
    aliases: tuple[str, ...] = ()
    wikidata: str | None = None
    iri: str | None = None

    @property
    def key(self) -> str:
        """``ARTICLE#ID``: unique within one resolution."""
        return f"{self.article}#{self.id}"


@dataclass(frozen=True, slots=True)
class PlaceRef:
    """A place an event names: its name as written, country, coordinates, per-article IRI.

    >>> PlaceRef("Erbil", "IRQ", 36.19, 44.01).country
    'IRQ'
    """

    name: str
    country: str | None = None
    lat: float | None = None
    lon: float | None = None
    iri: str | None = None


@dataclass(frozen=True, slots=True)
class EventRef:
    """An event as one article reports it.

    ``agents``/``targets`` are article-local actor ids (``ActorRef.id``); ``relations`` pairs of
    a relation type and the id of another event of the same article; ``evidence`` the sentence
    the event was read from; ``iri`` the per-article event node when known.

    >>> e = EventRef("a1", "e1", EventType.ATTACK, date=date(2024, 3, 4))
    >>> e.key, e.anchor
    ('a1#e1', datetime.date(2024, 3, 4))
    """

    article: str
    id: str
    type: EventType
    subtype: EventSubtype | None = None
    date: date | None = None
    published: date | None = None
    outlet: str | None = None
    agents: tuple[str, ...] = ()
    targets: tuple[str, ...] = ()
    places: tuple[PlaceRef, ...] = ()
    killed: int | None = None
    injured: int | None = None
    weapons: tuple[str, ...] = ()
    relations: tuple[tuple[RelationType, str], ...] = ()
    evidence: str | None = None
    iri: str | None = None

    @property
    def key(self) -> str:
        """``ARTICLE#ID``: unique within one resolution."""
        return f"{self.article}#{self.id}"

    @property
    def anchor(self) -> date | None:
        """The day the event is placed on: its own date, else its article's publication date."""
        return self.date or self.published

    def related(self, kind: RelationType) -> tuple[str, ...]:
        """The ids of the events of the same article this one has a ``kind`` link to."""
        return tuple(target for t, target in self.relations if t is kind)


@dataclass(frozen=True, slots=True)
class EntityLink:
    """A per-article actor linked to an entity, and how: ``via`` is one of

    ``wikidata`` (the same Wikidata id), ``gazetteer`` (a name, alias, demonym, capital or
    acronym of one gazetteer entry), ``name`` (the same name, type and country), ``alias``
    (its name is an alias of the entity elsewhere), ``acronym`` (its name is the entity's
    initials), ``full name`` (a fuller form of a person's name: "Ali Khamenei" for "Ali Hosseini
    Khamenei"), ``surname`` (a surname that one full name of the entity ends in), ``article``
    (generic or ambiguous: an entity of its own article only).

    >>> EntityLink(ActorRef("a1", "kirby", "Kirby", ActorType.PERSON), "surname").via
    'surname'
    """

    actor: ActorRef
    via: str


@dataclass(frozen=True, slots=True)
class Entity:
    """One real-world actor, whatever the articles call it.

    ``key`` is stable across runs (``wd:Q794``, ``gaz:military:united states armed forces``,
    ``person:john kirby``, ``name:armed_group:IRQ:...``, ``local:ARTICLE#ID``).

    >>> e = Entity("wd:Q794", "Iran", ActorType.STATE, "IRN", "Q794")
    >>> e.articles, e.is_local
    (0, False)
    """

    key: str
    name: str
    type: ActorType | None
    country: str | None = None
    wikidata: str | None = None
    names: tuple[str, ...] = ()
    links: tuple[EntityLink, ...] = ()

    @property
    def articles(self) -> int:
        """How many articles name the entity."""
        return len({link.actor.article for link in self.links})

    @property
    def is_local(self) -> bool:
        """Whether the entity stands for an actor of one article only (generic or ambiguous)."""
        return self.key.startswith("local:")


@dataclass(frozen=True, slots=True)
class FigureRange:
    """A casualty figure across the sources of an occurrence: lowest, highest, and each source's.

    >>> r = FigureRange.of([("a#e1", 22), ("b#e1", 17), ("c#e1", None)])
    >>> (r.low, r.high, r.values)
    (17, 22, (('a#e1', 22), ('b#e1', 17)))
    >>> FigureRange.of([("a#e1", None)]) is None
    True
    """

    low: int
    high: int
    values: tuple[tuple[str, int], ...]

    @classmethod
    def of(cls, values: Iterable[tuple[str, int | None]]) -> FigureRange | None:
        """The range of the given ``(source key, figure)`` pairs; None when no source gives one."""
        given = tuple((k, int(v)) for k, v in values if v is not None)
        if not given:
            return None
        numbers = [v for _, v in given]
        return cls(min(numbers), max(numbers), given)

    @property
    def text(self) -> str:
        """``"17"`` or ``"17-22"``."""
        return str(self.low) if self.low == self.high else f"{self.low}-{self.high}"


@dataclass(frozen=True, slots=True)
class MergeLink:
    """One merge decision: two source events (keys), the score, and the evidence in words.

    >>> MergeLink("a#e1", "b#e3", 6.0, ("same day 2020-01-03", "shared agent United States")).reasons[0]
    'same day 2020-01-03'
    """

    a: str
    b: str
    score: float
    reasons: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Occurrence:
    """One real-world occurrence and every article event reporting it.

    ``key`` is the key of its first report (earliest publication, then article and event id);
    ``sources`` the reports in that order; ``links`` the merges that joined them (one fewer
    than the sources); ``earliest``/``latest`` the range of the dates the sources give (None
    when none gives one); ``reported`` the first publication date; ``agents``/``targets`` entity
    keys; ``places`` place names.

    >>> e = EventRef("a1", "e1", EventType.ATTACK, killed=3)
    >>> o = Occurrence("a1#e1", EventType.ATTACK, None, (e,), killed=FigureRange.of([(e.key, 3)]))
    >>> o.merged, o.killed.text
    (False, '3')
    """

    key: str
    type: EventType
    subtype: EventSubtype | None
    sources: tuple[EventRef, ...]
    links: tuple[MergeLink, ...] = ()
    earliest: date | None = None
    latest: date | None = None
    reported: date | None = None
    agents: tuple[str, ...] = ()
    targets: tuple[str, ...] = ()
    places: tuple[str, ...] = ()
    killed: FigureRange | None = None
    injured: FigureRange | None = None
    label: str = field(default="")

    @property
    def merged(self) -> bool:
        """Whether several articles report it."""
        return len(self.sources) > 1

    @property
    def articles(self) -> tuple[str, ...]:
        """The articles reporting it, in source order."""
        return tuple(dict.fromkeys(s.article for s in self.sources))
