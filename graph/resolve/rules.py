"""The weights and thresholds of event resolution, in one place.

Two events of different articles are compared only when they have the same coarse type and
compatible dates (:mod:`graph.resolve.occurrences`); the comparison adds the weights below for
each piece of evidence and subtracts them for evidence against. The defaults were set on the
project's own test articles (``tests/resolve``), never on the development corpus.

>>> Rules().threshold, Rules().undated_threshold
(4.0, 5.0)
>>> Rules(threshold=5.0).threshold
5.0
"""
from __future__ import annotations

from dataclasses import dataclass

from graph.vocab.actor_types import ActorType
from graph.vocab.event_types import EventType

__all__ = ["Rules", "SPEECH_TYPES"]

#: types whose occurrence is defined by who speaks: their speaker must be the same entity, not a state
SPEECH_TYPES = frozenset({EventType.STATEMENT, EventType.ACCUSATION, EventType.THREAT, EventType.DEMAND})


@dataclass(frozen=True, slots=True)
class Rules:
    """Weights (evidence for and against one occurrence) and thresholds.

    Dates:
        ``same_day``, ``next_day`` (dates ``date_tolerance`` days apart: night-time and time-zone
        readings; speech acts on different days get no weight for it); an event without a date
        happened between ``lookback`` days before its article's publication and the day after.
    Actors (per shared entity, by its type):
        ``person``, ``state``, ``other_actor``; an entity that is agent in one report and target
        in the other counts ``cross_role`` times its weight (both sides of a battle);
        ``same_side``: no shared entity but state, military or government actors of one country.
    Places, kinds, figures, links:
        ``place_same``, ``place_inside`` (also near); ``subtype_same``, ``subtype_differs``;
        ``figure_same`` (the same casualty figure), ``figures_far`` (one more than twice the other
        plus five); ``weapon``; ``about_same``, ``retaliation_same``, ``part_same`` (both linked to
        one occurrence by ``about``, ``retaliation_for``, ``part_of``).
    Thresholds:
        ``threshold`` for two dated events; ``undated_threshold`` for the evidence other than the
        date when either is undated.
    """

    same_day: float = 2.0
    next_day: float = 1.0
    date_tolerance: int = 1
    lookback: int = 7
    person: float = 3.0
    state: float = 1.5
    other_actor: float = 2.0
    cross_role: float = 0.5
    same_side: float = 1.0
    place_same: float = 2.0
    place_inside: float = 1.0
    subtype_same: float = 1.0
    subtype_differs: float = -1.0
    figure_same: float = 1.0
    figures_far: float = -2.0
    weapon: float = 1.0
    about_same: float = 2.0
    retaliation_same: float = 1.0
    part_same: float = 1.0
    threshold: float = 4.0
    undated_threshold: float = 5.0

    def actor_weight(self, actor_type: ActorType | None) -> float:
        """The weight of one shared entity of ``actor_type``.

        >>> Rules().actor_weight(ActorType.PERSON), Rules().actor_weight(ActorType.STATE)
        (3.0, 1.5)
        """
        if actor_type is ActorType.PERSON:
            return self.person
        if actor_type is ActorType.STATE:
            return self.state
        return self.other_actor
