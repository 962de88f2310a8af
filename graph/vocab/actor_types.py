"""Actor types and actor-to-actor affiliation types.

Each actor type names an ontology class (``cg:<class_name>``); each affiliation type an
object property (``cg:<property_name>``). ``tests/vocab`` checks both against the Turtle.

>>> ActorType("armed_group").class_name
'ArmedGroup'
>>> AffiliationType.BACKED_BY.property_name
'backedBy'
"""
from __future__ import annotations

from enum import Enum

__all__ = ["ActorType", "AffiliationType"]


class ActorType(str, Enum):
    """Coarse actor type; its value is the label used in ``actors.jsonl``."""

    STATE = "state"
    MILITARY = "military"
    GOVERNMENT = "government"
    ARMED_GROUP = "armed_group"
    PERSON = "person"
    ORGANIZATION = "organization"
    MEDIA = "media"
    CIVILIANS = "civilians"

    @property
    def class_name(self) -> str:
        return "".join(w.capitalize() for w in self.value.split("_"))


class AffiliationType(str, Enum):
    """Actor-to-actor facts; ``role_in`` carries a title."""

    BACKED_BY = "backed_by"
    MEMBER_OF = "member_of"
    ROLE_IN = "role_in"
    ALLIED_WITH = "allied_with"
    OPPOSES = "opposes"

    @property
    def property_name(self) -> str:
        head, *rest = self.value.split("_")
        return head + "".join(w.capitalize() for w in rest)
