"""Event types: the 13 coarse types of the corpus and their finer subclasses.

Each member names an ontology class in ``ontology/conflict.ttl`` (``cg:<class_name>``);
``tests/vocab/test_event_types.py`` checks that every one is declared there.

>>> EventType("attack").class_name
'Attack'
>>> EventSubtype.AIRSTRIKE.parent is EventType.ATTACK
True
"""
from __future__ import annotations

from enum import Enum

__all__ = ["EventType", "EventSubtype", "RelationType"]


class EventType(str, Enum):
    """Coarse event type; its value is the label used in ``events.jsonl``."""

    ATTACK = "attack"
    STATEMENT = "statement"
    ACCUSATION = "accusation"
    THREAT = "threat"
    DEMAND = "demand"
    CONSULT = "consult"
    AGREEMENT = "agreement"
    AID = "aid"
    INVESTIGATION = "investigation"
    MOBILIZATION = "mobilization"
    SANCTION = "sanction"
    PROTEST = "protest"
    ARREST = "arrest"

    @property
    def class_name(self) -> str:
        return _COARSE_CLASS[self]

    @property
    def cameo_root(self) -> str:
        """The default CAMEO code of the type (the first of its family)."""
        return _CAMEO_DEFAULT[self]


_COARSE_CLASS = {
    EventType.ATTACK: "Attack",
    EventType.STATEMENT: "Statement",
    EventType.ACCUSATION: "Accusation",
    EventType.THREAT: "Threat",
    EventType.DEMAND: "Demand",
    EventType.CONSULT: "Consultation",
    EventType.AGREEMENT: "Agreement",
    EventType.AID: "Aid",
    EventType.INVESTIGATION: "Investigation",
    EventType.MOBILIZATION: "Mobilization",
    EventType.SANCTION: "Sanction",
    EventType.PROTEST: "Protest",
    EventType.ARREST: "Arrest",
}

_CAMEO_DEFAULT = {
    EventType.ATTACK: "190",
    EventType.STATEMENT: "010",
    EventType.ACCUSATION: "112",
    EventType.THREAT: "130",
    EventType.DEMAND: "100",
    EventType.CONSULT: "040",
    EventType.AGREEMENT: "030",
    EventType.AID: "070",
    EventType.INVESTIGATION: "090",
    EventType.MOBILIZATION: "150",
    EventType.SANCTION: "160",
    EventType.PROTEST: "140",
    EventType.ARREST: "173",
}


class EventSubtype(str, Enum):
    """Finer event class; the value is the ontology class name."""

    # attack
    AIRSTRIKE = "Airstrike"
    DRONE_STRIKE = "DroneStrike"
    SHELLING = "Shelling"
    ROCKET_ATTACK = "RocketAttack"
    MISSILE_ATTACK = "MissileAttack"
    BOMBING = "Bombing"
    SUICIDE_BOMBING = "SuicideBombing"
    ARMED_CLASH = "ArmedClash"
    ASSASSINATION = "Assassination"
    RAID = "Raid"
    SHOOTING = "Shooting"
    SHOOT_DOWN = "ShootDown"
    MASS_KILLING = "MassKilling"
    # statement
    CLAIM_OF_RESPONSIBILITY = "ClaimOfResponsibility"
    ANNOUNCEMENT = "Announcement"
    # accusation
    CONDEMNATION = "Condemnation"
    DENIAL = "Denial"
    CRITICISM = "Criticism"
    # threat
    ULTIMATUM = "Ultimatum"
    VOW_OF_RETALIATION = "VowOfRetaliation"
    # demand
    APPEAL = "Appeal"
    # consult
    MEETING = "Meeting"
    PHONE_CALL = "PhoneCall"
    VISIT = "Visit"
    TALKS = "Talks"
    # agreement
    CEASEFIRE = "Ceasefire"
    RELEASE = "Release"
    # aid
    MILITARY_AID = "MilitaryAid"
    HUMANITARIAN_AID = "HumanitarianAid"
    # investigation
    INQUIRY = "Inquiry"
    # mobilization
    DEPLOYMENT = "Deployment"
    ALERT = "Alert"
    # sanction
    EXPULSION = "Expulsion"
    ECONOMIC_SANCTION = "EconomicSanction"
    # protest
    DEMONSTRATION = "Demonstration"
    RIOT = "Riot"
    # arrest
    DETENTION = "Detention"
    ABDUCTION = "Abduction"

    @property
    def parent(self) -> EventType:
        return _SUBTYPE_PARENT[self]


_SUBTYPE_PARENT = {
    **{s: EventType.ATTACK for s in (
        EventSubtype.AIRSTRIKE, EventSubtype.DRONE_STRIKE, EventSubtype.SHELLING, EventSubtype.ROCKET_ATTACK,
        EventSubtype.MISSILE_ATTACK, EventSubtype.BOMBING, EventSubtype.SUICIDE_BOMBING, EventSubtype.ARMED_CLASH,
        EventSubtype.ASSASSINATION, EventSubtype.RAID, EventSubtype.SHOOTING, EventSubtype.SHOOT_DOWN,
        EventSubtype.MASS_KILLING)},
    EventSubtype.CLAIM_OF_RESPONSIBILITY: EventType.STATEMENT,
    EventSubtype.ANNOUNCEMENT: EventType.STATEMENT,
    EventSubtype.CONDEMNATION: EventType.ACCUSATION,
    EventSubtype.DENIAL: EventType.ACCUSATION,
    EventSubtype.CRITICISM: EventType.ACCUSATION,
    EventSubtype.ULTIMATUM: EventType.THREAT,
    EventSubtype.VOW_OF_RETALIATION: EventType.THREAT,
    EventSubtype.APPEAL: EventType.DEMAND,
    EventSubtype.MEETING: EventType.CONSULT,
    EventSubtype.PHONE_CALL: EventType.CONSULT,
    EventSubtype.VISIT: EventType.CONSULT,
    EventSubtype.TALKS: EventType.CONSULT,
    EventSubtype.CEASEFIRE: EventType.AGREEMENT,
    EventSubtype.RELEASE: EventType.AGREEMENT,
    EventSubtype.MILITARY_AID: EventType.AID,
    EventSubtype.HUMANITARIAN_AID: EventType.AID,
    EventSubtype.INQUIRY: EventType.INVESTIGATION,
    EventSubtype.DEPLOYMENT: EventType.MOBILIZATION,
    EventSubtype.ALERT: EventType.MOBILIZATION,
    EventSubtype.EXPULSION: EventType.SANCTION,
    EventSubtype.ECONOMIC_SANCTION: EventType.SANCTION,
    EventSubtype.DEMONSTRATION: EventType.PROTEST,
    EventSubtype.RIOT: EventType.PROTEST,
    EventSubtype.DETENTION: EventType.ARREST,
    EventSubtype.ABDUCTION: EventType.ARREST,
}


class RelationType(str, Enum):
    """Event-to-event links; the value is the label in ``events.jsonl``.

    >>> RelationType.RETALIATION_FOR.property_name
    'retaliationFor'
    """

    RETALIATION_FOR = "retaliation_for"
    PART_OF = "part_of"
    ABOUT = "about"
    CAUSES = "causes"
    PRECEDES = "precedes"

    @property
    def property_name(self) -> str:
        head, *rest = self.value.split("_")
        return head + "".join(w.capitalize() for w in rest)
