"""Loaders for the lexicon data files in ``graph/vocab/lexicons/``.

Lexicons are data, one entry a line, ``#`` comments; this module only reads them
(once per process) into typed records.

>>> t = trigger_index()[("VERB", ("shell",))]
>>> (t.type.value, t.subtype.value, t.cameo)
('attack', 'Shelling', '194')
>>> group_nouns()["militia"].value
'armed_group'
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from graph.vocab.actor_types import ActorType
from graph.vocab.event_types import EventSubtype, EventType, RelationType

__all__ = ["LEXICON_DIR", "Trigger", "read_rows", "word_list", "triggers", "trigger_index", "group_nouns",
           "relation_cues", "modality_cues", "disaster_cues", "retaliation_words", "place_nouns", "event_nouns",
           "crime_cues", "sports_cues", "criticism_objects", "labour_cues", "site_nouns",
           "aid_goods"]

LEXICON_DIR = Path(__file__).with_name("lexicons")


def read_rows(name: str) -> list[list[str]]:
    """Rows of a tab-separated lexicon file, comments and blank lines skipped.

    >>> read_rows("group_nouns.tsv")[0]
    ['militia', 'armed_group']
    """
    rows = []
    for line in (LEXICON_DIR / name).read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.lstrip().startswith("#"):
            rows.append([cell.strip() for cell in line.split("\t")])
    return rows


@dataclass(frozen=True, slots=True)
class Trigger:
    """One entry of the event trigger lexicon."""

    lemmas: tuple[str, ...]
    pos: str
    type: EventType
    subtype: EventSubtype | None
    cameo: str


@lru_cache(maxsize=None)
def word_list(name: str) -> frozenset[str]:
    """A lexicon of one word a line, lower-cased.

    >>> "revenge" in word_list("retaliation_words.txt")
    True
    """
    return frozenset(row[0].lower() for row in read_rows(name))


@lru_cache(maxsize=1)
def triggers() -> tuple[Trigger, ...]:
    """Every trigger of ``event_triggers.tsv``."""
    out = []
    for lemma, pos, etype, subtype, cameo in read_rows("event_triggers.tsv"):
        out.append(Trigger(tuple(lemma.split()), pos, EventType(etype),
                           None if subtype == "-" else EventSubtype(subtype), cameo))
    return tuple(out)


@lru_cache(maxsize=1)
def trigger_index() -> dict[tuple[str, tuple[str, ...]], Trigger]:
    """Triggers keyed by (pos, lemmas)."""
    return {(t.pos, t.lemmas): t for t in triggers()}


@lru_cache(maxsize=1)
def group_nouns() -> dict[str, ActorType]:
    """Generic group nouns (lemma -> actor type)."""
    return {lemma: ActorType(kind) for lemma, kind in read_rows("group_nouns.tsv")}


@lru_cache(maxsize=1)
def relation_cues() -> tuple[tuple[tuple[str, ...], RelationType], ...]:
    """Discourse cues, longest first: ((words...), relation)."""
    cues = [(tuple(cue.split()), RelationType(rel)) for cue, rel in read_rows("relation_cues.tsv")]
    return tuple(sorted(cues, key=lambda c: -len(c[0])))


def modality_cues() -> frozenset[str]:
    """Lower-case words that mark a mention as modal, conditional or future."""
    return word_list("modality_cues.txt")


def disaster_cues() -> frozenset[str]:
    """Words of disasters and accidents (lower case, lemmas and forms)."""
    return word_list("disaster_cues.txt")


def retaliation_words() -> frozenset[str]:
    """Lemmas that make a promise a threat."""
    return word_list("retaliation_words.txt")


def place_nouns() -> frozenset[str]:
    """Common nouns that name a place when a name or nationality modifies them."""
    return word_list("place_nouns.txt")


def event_nouns() -> frozenset[str]:
    """Nouns naming an occurrence, which end no organisation's name."""
    return word_list("event_nouns.txt")

def crime_cues() -> frozenset[str]:
    """Words of ordinary crime (lower case, lemmas and forms)."""
    return word_list("crime_cues.txt")


def sports_cues() -> frozenset[str]:
    """Words of sport reports (lower case)."""
    return word_list("sports_cues.txt")


def criticism_objects() -> frozenset[str]:
    """Lemmas of things that are attacked only in words (bills, plans, remarks)."""
    return word_list("criticism_objects.txt")


def labour_cues() -> frozenset[str]:
    """Words of labour disputes (lower case, lemmas and forms)."""
    return word_list("labour_cues.txt")


def site_nouns() -> frozenset[str]:
    """Lemmas of installations and places that are held, taken and owned."""
    return word_list("site_nouns.txt")


def illness_words() -> frozenset[str]:
    """Modifiers that make an attack noun an illness ("a heart attack", "a panic attack").

    >>> "heart" in illness_words()
    True
    """
    return word_list("illness_words.txt")


def aid_goods() -> frozenset[str]:
    """Lemmas of things given as aid (weapons aside)."""
    return word_list("aid_goods.txt")
