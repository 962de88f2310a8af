"""Attach places, dates, casualty figures and weapons to event mentions.

The finders (``dates.py``, ``casualties.py``, ``weapons.py``) read sentences; this module
decides which event each finding belongs to, by one rule class per argument:

- **by dependency**: a finding belongs to the event whose trigger is its nearest ancestor
  ("the assault on Erbil *that killed two*" -> the assault; "*Early Friday* the US bombed" ->
  the bombing).
- **by coordination**: a verb conjoined with an event's verb shares its date ("destroyed a rig
  *on Monday* and raided another").
- **by sentence**: otherwise a date goes to the main event of its sentence (not to an event
  noun that a verb of no event names: "on Tuesday *called* the raids an escalation"), weapons to the
  attacks of their sentence, and a casualty figure to the attack of its sentence, else to the
  attack last reported in the three sentences before ("... at least 17 fighters were killed").
- **datelines**: the date of a wire dateline ("MOSCOW, Oct 3 (Reuters) - ...") is the report's,
  never an event's.
- **relative to another date**: "had spoken *the night before*" is the day before the sentence's
  other date.
- **speech by convention**: a speech act the text does not date is dated to the publication.
- **places**: the most specific place the sentence gives for the event, an object of
  "in/at/near/on" under the trigger, else (for attacks, protests, arrests, deployments) the
  first such place in the sentence; direction words stay in the name ("eastern Syria").
"""
from __future__ import annotations

import re
from datetime import date, timedelta

from spacy.tokens import Doc, Span

from graph.extract.docindex import entities, sentences, text_of
from graph.extract.actors import ActorIndex
from graph.extract.casualties import find_casualties
from graph.extract.dates import find_dates
from graph.extract.events import LIGHT_VERBS, SPEECH_TYPES, EventDraft, mention_index
from graph.extract.mentions import FACILITY_HEADS, LOCATIVE_PREPS, slug
from graph.extract.weapons import find_weapons
from graph.records import Mention, Place
from graph.vocab import gazetteer
from graph.vocab.event_types import EventType
from graph.vocab.lexicon import place_nouns
from graph.vocab.places import resolve_place

__all__ = ["attach_arguments", "PlaceFinder", "date_undated_speech"]

_DAY_BEFORE = re.compile(r"\b(the (night|day|evening) before|the previous (day|night|evening)|a day earlier)\b", re.I)

DIRECTIONS = frozenset("eastern western northern southern central northeastern northwestern southeastern "
                       "southwestern east west north south upper lower".split())
LOCATED_TYPES = frozenset({EventType.ATTACK, EventType.PROTEST, EventType.ARREST, EventType.MOBILIZATION})
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC", "ORG"})  # ORG: named buildings the tagger calls organisations
PLACE_NOUNS = place_nouns()


def _owner(doc: Doc, token_i: int, triggers: dict[int, EventDraft], sent: Span) -> EventDraft | None:
    """The event whose trigger is the nearest ancestor of a token (the token itself included)."""
    tok = doc[token_i]
    for _ in range(12):
        if tok.i in triggers:
            return triggers[tok.i]
        if tok.head is tok or not (sent.start <= tok.head.i < sent.end):
            return None
        tok = tok.head
    return None


def _main_event(sent: Span, drafts: list[EventDraft]) -> EventDraft | None:
    """The event whose trigger is the root of the sentence or its direct dependent."""
    root = sent.root
    for d in drafts:
        tok = sent.doc[d.end - 1] if d.pos == "NOUN" else sent.doc[d.start]
        if _named_object(sent, d):
            continue
        if tok.i == root.i or tok.head.i == root.i:
            return d
    return None


def _named_object(sent: Span, d: EventDraft) -> bool:
    """An event noun that is the object of the sentence's verb when that verb is no event and no
    light verb: "Tehran *on Tuesday* called the raids an escalation" dates the calling, not the raids
    ("carried out airstrikes on Monday" dates the airstrikes)."""
    if d.pos != "NOUN":
        return False
    tok, root = sent.doc[d.end - 1], sent.root
    return tok.dep_ == "dobj" and tok.head.i == root.i and not (
        root.lemma_.lower() in LIGHT_VERBS or root.lower_ in LIGHT_VERBS)


class PlaceFinder:
    """Turns place-name tokens into :class:`~graph.records.Place` records, once per name."""

    def __init__(self, doc: Doc, article_id: str):
        self.doc = doc
        self.article_id = article_id
        self.places: dict[str, Place] = {}
        self._ent_at = {}
        for ent in entities(doc):
            if ent.label_ in PLACE_LABELS and (ent.label_ != "ORG" or ent[-1].lower_ in FACILITY_HEADS):
                for i in range(ent.start, ent.end):
                    self._ent_at[i] = ent

    def span_for(self, i: int) -> Span | None:
        """The place-name span around token ``i``: an entity, or a proper-noun phrase."""
        doc = self.doc
        ent = self._ent_at.get(i)
        if ent is None:
            tok = doc[i]
            if tok.lemma_.lower() in PLACE_NOUNS:  # "Kuwaiti waters", "the Iraqi border", "Gulf oil platforms"
                left = [c for c in tok.lefts if c.dep_ in ("amod", "compound", "nmod") and
                        (c.ent_type_ in ("NORP", "GPE", "LOC", "FAC") or c.pos_ == "PROPN")]
                if not left:
                    return None
                return doc[min(c.left_edge.i for c in left):i + 1]
            if tok.pos_ != "PROPN" or tok.ent_type_ in ("DATE", "TIME", "PERSON", "NORP") \
                    or resolve_place(tok.text) is None:
                return None
            left = min([c.left_edge.i for c in tok.lefts if c.dep_ == "compound"] + [i])
            ent = doc[left:i + 1]
        start, end = ent.start, ent.end
        if start > 0 and doc[start - 1].lower_ in DIRECTIONS:
            start -= 1
        while start < end and doc[start].lower_ == "the":
            start += 1
        if end < len(doc) and end - start <= 3 and doc[end].lemma_.lower() in PLACE_NOUNS \
                and not doc[end].is_title:  # "in Kuwaiti waters" even when the parser misses "waters"
            end += 1
        return doc[start:end] if start < end else None

    def place(self, span: Span, sentence: int) -> Place:
        name = span.text.split("\n")[0].strip()
        key = slug(name)
        mention = Mention(self.article_id, span.start_char, span.start_char + len(name), name, sentence)
        found = self.places.get(key)
        if found is None:
            entry = resolve_place(name)
            if entry is None and span[-1].lemma_.lower() in PLACE_NOUNS:
                code = gazetteer.demonym_country(span[0].text) or getattr(resolve_place(span[0].text), "country", None)
                entry = resolve_place(gazetteer.country_name(code)) if code else None
            if entry is None:  # "Erbil International Airport": resolve the proper-noun part that is known
                for token in span:
                    if token.pos_ == "PROPN":
                        entry = resolve_place(token.text)
                        if entry is not None:
                            break
            found = Place(key, name, getattr(entry, "country", None), getattr(entry, "lat", None),
                          getattr(entry, "lon", None), getattr(entry, "geonames_id", None), ())
        self.places[key] = Place(found.id, found.name, found.country, found.lat, found.lon, found.geonames_id,
                                 found.mentions + (mention,))
        return self.places[key]


#: prepositions of location; "to", "from", "into", "toward" give a direction (a deployment's place only)
LOCATION_PREPS = frozenset("in at near inside outside across throughout within around off over on "
                           "along beside outside".split())
DIRECTION_PREPS = frozenset("to into toward towards from".split())


def _locatives(sent: Span, index: ActorIndex, finder: PlaceFinder, moving: bool = False) -> list[int]:
    """Tokens of place names that are objects of prepositions of location (or direction, when ``moving``)."""
    preps = LOCATION_PREPS | (DIRECTION_PREPS if moving else frozenset())
    out = []
    for tok in sent:
        if tok.dep_ == "pobj" and tok.head.lower_ in preps:
            actor = index.actor_at(tok.i)
            if actor is not None and not actor.locative:
                continue
            if finder.span_for(tok.i) is not None:
                out.append(tok.i)
    return out


def attach_arguments(doc: Doc, drafts: list[EventDraft], index: ActorIndex, published: date | None,
                     finder: PlaceFinder) -> None:
    """Fill dates, places, casualties and weapons of ``drafts`` in place (see the module docstring)."""
    by_sentence: dict[int, list[EventDraft]] = {}
    for d in drafts:
        by_sentence.setdefault(d.sentence, []).append(d)
    triggers = mention_index(drafts)
    sents = sentences(doc)
    for s_index, sent in enumerate(sents):
        local = by_sentence.get(s_index, [])
        attacks_here = [d for d in local if d.type is EventType.ATTACK]

        # dates
        dateline = _dateline_end(sent)
        day_dates = [f for f in find_dates(sent, published) if f.precision == "day" and f.start_char >= dateline]
        for found in day_dates:
            owner = _owner(doc, found.head_i, triggers, sent) or _main_event(sent, local) \
                or (local[0] if len(local) == 1 and not _named_object(sent, local[0]) else None)
            if owner is not None and owner.date is None:
                owner.date = found.date
                owner.date_span = (found.start_char, found.end_char)
        before = _DAY_BEFORE.search(text_of(sent))
        if before and day_dates:  # "had spoken the night before" a dated remark
            anchor = day_dates[0].date
            for d in local:
                if d.date is None and d.start > sent.start + 0 and doc[d.start].idx < sent.start_char + before.end():
                    d.date = anchor - timedelta(days=1)
                    d.date_span = (sent.start_char + before.start(), sent.start_char + before.end())

        # a coordinated verb shares its conjunct's date: "destroyed a rig on Monday and raided another"
        for d in local:
            if d.date is None and d.pos == "VERB":
                for other in doc[d.start].conjuncts:
                    owner = triggers.get(other.i)
                    if owner is not None and owner is not d and owner.date:
                        d.date, d.date_span = owner.date, owner.date_span
                        break

        # casualties: only attacks have them
        for found in find_casualties(sent):
            owner = _owner(doc, found.head_i, triggers, sent)
            if owner is None or owner.type is not EventType.ATTACK:
                owner = attacks_here[0] if attacks_here else _recent_attack(drafts, s_index)
            if owner is None:
                continue
            value = found.low
            if found.kind == "killed" and owner.killed is None:
                owner.killed = value
            elif found.kind == "injured" and owner.injured is None:
                owner.injured = value

        # weapons
        for found in find_weapons(sent):
            owner = _owner(doc, found.head_i, triggers, sent)
            owners = [owner] if owner is not None and owner.type is EventType.ATTACK else attacks_here
            for d in owners:
                if found.term not in d.weapons:
                    d.weapons.append(found.term)

        # places
        locatives = _locatives(sent, index, finder)
        moving = _locatives(sent, index, finder, moving=True)
        for d in local:
            if d.type is EventType.MOBILIZATION:
                locatives_for = moving
            else:
                locatives_for = locatives
            tokens = [i for i in d.place_tokens if finder.span_for(i) is not None]
            tokens += [i for i in locatives_for if _owner(doc, i, triggers, sent) is d and i not in tokens]
            if not tokens and d.type in LOCATED_TYPES:
                tokens = [i for i in locatives_for if _owner(doc, i, triggers, sent) in (None, d)][:1]
            for i in tokens:
                span = finder.span_for(i)
                place = finder.place(span, s_index)
                if all(p.id != place.id for p in d.places):
                    d.places.append(place)


_DATELINE = re.compile(r"^[A-Z][A-Z .'-]+(,[^()\n]{0,40})?(\([^()\n]{1,40}\))?\s*[-\u2013\u2014]+\s")


def _dateline_end(sent: Span) -> int:
    """The character offset after a wire dateline that opens the sentence ("MOSCOW, Oct 3 (Reuters) -"):
    its date is the report's, not an event's. The sentence start when there is none."""
    m = _DATELINE.match(text_of(sent))
    return sent.start_char + m.end() if m else sent.start_char


def date_undated_speech(drafts: list[EventDraft], published: date | None) -> None:
    """A speech act the text does not date is dated to the publication (wire convention: an
    undated "said" or "says" is the day of the report). Call after coreference."""
    if published is None:
        return
    for d in drafts:
        if d.type in SPEECH_TYPES and d.date is None:
            d.date = published


def _recent_attack(drafts: list[EventDraft], sentence: int) -> EventDraft | None:
    best = None
    for d in drafts:
        if d.type is EventType.ATTACK and sentence - 3 <= d.sentence < sentence:
            best = d
    return best
