"""Speech acts refined once events and their links are known.

Rule classes, each with an example:

- **one speaker, one event**: "Khamenei, Mousavi and Rafsanjani have all vowed retaliation" is
  three threats; a speech event with several named people as agents is split per person (a
  state or body named beside one person stays with that person).
- **blame by report**: a statement reporting an attack whose agents are not on the speaker's side
  and named in what it reports is an accusation of those agents ("Syria said American jets had
  killed civilians"); a belligerent reporting its own strike is not; an organisation on neither
  side sourcing a report after it ("Serb forces shelled Sarajevo, U.N. officials said") makes no
  event, unless it blames ("such barbaric acts by IS").
- **blame by word** (``lexicons/blame_cues.txt``): a statement whose reported clause holds a
  blame word accuses the actors of that clause ("said the Abu Sayyaf Group are the suspected
  *perpetrators*", "the crash was likely Iran's *doing*"), or, naming none of the other side,
  the agents of the attack it is about ("characterized the attack as a *violation* of Iraqi
  sovereignty").
- **attribution**: a claim of responsibility about an attack whose agent the article does not give
  makes the claimant its agent ("IS claimed responsibility for the bombing"); an accusation
  about such an attack makes the accused its suspected agent.
- **the other side**: an accusation or threat about an attack, with no target of its own, targets
  the attack's agents when they are not the speaker's side ("vowed retaliation" for a raid).
"""
from __future__ import annotations

import copy

from spacy.tokens import Doc

from graph.extract.actors import ActorIndex
from graph.extract.events import SPEECH_TYPES, EventDraft
from graph.extract.mentions import side
from graph.vocab.actor_types import ActorType
from graph.vocab.event_types import EventSubtype, EventType, RelationType
from graph.vocab.lexicon import word_list

__all__ = ["split_speakers", "refine_speech"]

#: speech verbs that name what they are about ("characterized the attack as an aggression")
NAMING_VERBS = frozenset("describe characterize characterise call label brand term denounce condemn".split())


def _blame_words() -> frozenset[str]:
    return word_list("blame_cues.txt")  # read once


def split_speakers(drafts: list[EventDraft]) -> list[EventDraft]:
    """One speech event per named person among its agents (bodies and states stay with each person)."""
    out: list[EventDraft] = []
    for d in drafts:
        people = [a for a in d.agents if a.type is ActorType.PERSON]
        if d.type not in SPEECH_TYPES or len({p.key for p in people}) < 2:
            out.append(d)
            continue
        others = [a for a in d.agents if a.type is not ActorType.PERSON]
        seen = set()
        for person in people:
            if person.key in seen:
                continue
            seen.add(person.key)
            part = copy.copy(d)
            part.agents = [person, *others]
            part.targets = list(d.targets)
            part.mentions = list(d.mentions)
            part.places = list(d.places)
            part.place_tokens = list(d.place_tokens)
            part.weapons = list(d.weapons)
            out.append(part)
    return out


def refine_speech(doc: Doc, drafts: list[EventDraft], links, index: ActorIndex) -> None:
    """Retype statements that blame, give accusations and threats their target, and drop third
    parties' reports (in place: ``drafts`` loses the dropped)."""
    about: dict[int, list[EventDraft]] = {}
    for source, relation, target, _ in links:
        if relation is RelationType.ABOUT:
            about.setdefault(id(source), []).append(target)
    blame = _blame_words()
    dropped: set[int] = set()
    for d in drafts:
        if d.type not in SPEECH_TYPES:
            continue
        speaker_sides = _speaker_sides(d, index)
        known = any(not s.startswith("person:") for s in speaker_sides)
        reported = [t for t in about.get(id(d), []) if t.type is EventType.ATTACK]
        # blame goes to named actors of a known other side: "our forces" in a spokesman's quote is
        # his own side, and a person or body whose side the article does not give is not blamed
        others = [a for t in reported for a in t.agents
                  if side(a) not in speaker_sides and not a.generic and _known_side(a)]
        named = {i for i in _clause_tokens(doc, d) if (m := index.actor_at(i)) is not None
                 and side(m) in {side(o) for o in others}}
        if d.type is EventType.STATEMENT and reported and _reported_in_clause(doc, d, reported) \
                and _third_party(d, reported) and _trailing(doc, d) and not _blame_word_in_clause(doc, d, blame):
            dropped.add(id(d))  # "..., U.N. officials said": a monitor sourcing a report is no event
            continue
        if d.type is EventType.STATEMENT and others and known and named and _reported_in_clause(doc, d, reported):
            d.type, d.subtype, d.cameo = EventType.ACCUSATION, None, EventType.ACCUSATION.cameo_root
        if d.type is EventType.STATEMENT:
            blamed = [m for m in _blamed_in_clause(doc, d, index, blame)
                      if side(m) not in speaker_sides and m.key not in d.agent_keys]
            names_attack = bool(reported) and doc[d.start].lemma_.lower() in NAMING_VERBS
            if not blamed and known and _blame_word_in_clause(doc, d, blame):
                blamed = [a for a in others if a.type is not ActorType.CIVILIANS]  # "called the attack a
                # violation of Iraqi sovereignty": the attackers it is about (whoever they are)
            if blamed or (names_attack and known and _blame_word_in_clause(doc, d, blame)):
                d.type, d.subtype, d.cameo = EventType.ACCUSATION, None, EventType.ACCUSATION.cameo_root
                d.targets = _merge(d.targets, blamed)
        # attribution: a claim of responsibility names the attack's agent; an accusation about an
        # attack whose agent the article does not give names its suspected agent
        for t in reported:
            if not t.agents and (d.subtype is EventSubtype.CLAIM_OF_RESPONSIBILITY):
                t.agents = [a for a in d.agents if a.type is not ActorType.PERSON] or list(d.agents)
        if d.type in (EventType.ACCUSATION, EventType.THREAT) and not d.targets:
            d.targets = _merge(d.targets, [a for a in others if a.type is not ActorType.CIVILIANS])
        d.targets = [t for t in d.targets if side(t) not in speaker_sides]
        if d.type is EventType.ACCUSATION:
            for t in reported:
                if not t.agents and d.targets:
                    t.agents = [m for m in d.targets if m.type is not ActorType.CIVILIANS]
    drafts[:] = [d for d in drafts if id(d) not in dropped]


def _trailing(doc: Doc, d: EventDraft) -> bool:
    """An attribution after what it reports ("Rebels shelled Taiz, the UN said"), not a statement
    made on an occasion ("Amnesty said on Monday that ...")."""
    verb = doc[d.start]
    return verb.pos_ == "VERB" and any(c.dep_ == "ccomp" and c.i < verb.i for c in verb.children)


def _third_party(d: EventDraft, reported: list[EventDraft]) -> bool:
    """Speakers that are organisations (monitors, the UN, agencies) on neither side of what they report."""
    sides = {side(a) for t in reported for a in (*t.agents, *t.targets)}
    return bool(d.agents) and all(a.type is ActorType.ORGANIZATION and side(a) not in sides for a in d.agents)


def _known_side(m) -> bool:
    """An actor whose side is plain: a state or a body with a home country, or a named armed group."""
    return m.type is ActorType.ARMED_GROUP or (m.country is not None and m.type in (
        ActorType.STATE, ActorType.MILITARY, ActorType.GOVERNMENT))


def _speaker_sides(d: EventDraft, index: ActorIndex) -> set[str]:
    """Sides of a speech event's speakers: their own, and those of the bodies they hold posts in.

    A person whose post the article does not give has the side ``person:<key>`` only (unknown).
    """
    sides = set()
    by_key = {m.key: m for m in index.mentions}
    for a in d.agents:
        if a.type is ActorType.PERSON:
            sides.add(f"person:{a.key}")
            for af in index.affiliations:
                if af.source == a.key and af.target in by_key:
                    sides.add(side(by_key[af.target]))
        else:
            sides.add(side(a))
    return sides


def _merge(current, extra):
    keys = {m.key for m in current}
    out = list(current)
    for m in extra:
        if m.key not in keys:
            keys.add(m.key)
            out.append(m)
    return out


def _clause_tokens(doc: Doc, d: EventDraft):
    """Tokens of what a speech verb reports: its clausal complements, and what a naming verb calls
    its object ("characterized the attack *as a violation*")."""
    if d.pos != "VERB":
        return []
    head = doc[d.start]
    out = []
    naming = head.lemma_.lower() in NAMING_VERBS
    for child in head.children:
        if child.dep_ in ("ccomp", "xcomp"):
            out.extend(range(child.left_edge.i, child.right_edge.i + 1))
        for prep in ([child] if child.dep_ == "prep" else list(child.children) if child.dep_ == "dobj" else []):
            if naming and prep.dep_ == "prep" and prep.lower_ == "as":
                out.extend(range(prep.i, prep.right_edge.i + 1))
    return out


def _reported_in_clause(doc: Doc, d: EventDraft, reported: list[EventDraft]) -> bool:
    tokens = set(_clause_tokens(doc, d))
    return any(start in tokens for t in reported for start, _ in t.mentions)


def _blame_word_in_clause(doc: Doc, d: EventDraft, blame: frozenset[str]) -> bool:
    return any(doc[i].lemma_.lower() in blame or doc[i].lower_ in blame for i in _clause_tokens(doc, d))


def _blamed_in_clause(doc: Doc, d: EventDraft, index: ActorIndex, blame: frozenset[str]):
    tokens = _clause_tokens(doc, d)
    if not _blame_word_in_clause(doc, d, blame):
        return []
    blamed = []
    for i in tokens:
        m = index.actor_at(i)
        if m is not None and not m.generic and m.type is not ActorType.CIVILIANS and m not in blamed:
            blamed.append(m)
    return blamed
