"""Links between events, and who claims what.

Rule classes, each with an example:

- **discourse cues** (``lexicons/relation_cues.tsv``): "A *in retaliation for* B",
  "A *in response to* B" give ``retaliation_for``; the source is the event the cue phrase
  hangs on (through a copula to its subject: "The strikes *were* in retaliation for ..."),
  the target the first event mentioned in the cue's object.
- **series**: "a series of A, *starting with* B", "attacks *including* B" give B ``part_of`` A,
  A being the nearest event of the same type before the cue.
- **order**: "A *follows* B", "B *preceded* A", "A, *after* B", "B, a few hours *before* A" give
  ``precedes``; verbs coordinated with a retaliation share its link ("destroyed a rig and raided
  another *in retaliation for* X").
- **series**: an incident takes the participants of its series where it names none, and an
  event in retaliation for a series answers each incident.
- **about**: a statement, accusation, threat or demand is about the events reported inside
  what is said (its clausal complement or its quote); an investigation "*into* B", a speech
  verb "*of*/*about*/*over* B" is about B.
- **one occurrence per remark**: a remark naming several events is about the main attack if it
  is among them, else the first named.
- **reactions**: a statement, accusation, threat, demand or investigation reported after the
  article's main attack (the one reported most often) that names no event is about that attack,
  the attackers' own justifications included.
- **claims**: each quote (text between quotation marks) in a speech event's sentence is a
  claim of its speaker, tied to the speech event and to the event it is about.
"""
from __future__ import annotations

import re
from functools import lru_cache

from spacy.tokens import Doc, Span

from graph.extract.docindex import sentence_of, sentences, text_of
from graph.extract.events import SPEECH_TYPES, EventDraft, mention_index
from graph.vocab.actor_types import ActorType
from graph.vocab.event_types import EventType, RelationType
from graph.vocab.lexicon import relation_cues

__all__ = ["find_relations", "find_quotes", "infer_from_series"]

SERIES_CUES = frozenset({("starting", "with"), ("beginning", "with"), ("including",)})
ABOUT_PREPS = frozenset({"into", "of", "about", "over", "on", "regarding", "concerning"})
_QUOTE = re.compile(r"[\"“”]([^\"“”]{3,}?)[\"“”]")


@lru_cache(maxsize=1)
def _cues_by_first_word() -> dict[str, tuple[tuple[tuple[str, ...], RelationType], ...]]:
    """The discourse cues by their first word, longest first as in :func:`relation_cues`.

    >>> _cues_by_first_word()["in"][0][1].value
    'retaliation_for'
    """
    out: dict[str, list] = {}
    for words, relation in relation_cues():
        out.setdefault(words[0], []).append((words, relation))
    return {w: tuple(c) for w, c in out.items()}


def _first_event_in(doc: Doc, start: int, end: int, at: dict[int, EventDraft], exclude: EventDraft):
    for i in range(start, end):
        d = at.get(i)
        if d is not None and d is not exclude:
            return d
    return None


def _source_of(tok, at: dict[int, EventDraft]):
    """The event a cue phrase hangs on: its head, through a copula to the subject, or an ancestor."""
    for _ in range(8):
        if tok.i in at:
            return at[tok.i]
        if tok.lemma_ == "be" or tok.pos_ == "AUX" or tok.lemma_ in ("authorize", "intend", "order", "carry"):
            for child in tok.children:
                if child.dep_ in ("nsubj", "nsubjpass") and child.i in at:
                    return at[child.i]
        if tok.head is tok:
            return None
        tok = tok.head
    return None


def find_relations(doc: Doc, drafts: list[EventDraft]) -> list[tuple[EventDraft, RelationType, EventDraft, Span]]:
    """(source, relation, target, evidence sentence) for every link the text states."""
    at = mention_index(drafts)
    out: list[tuple[EventDraft, RelationType, EventDraft, Span]] = []
    cues = _cues_by_first_word()
    for sent in sentences(doc):
        lowers = [t.lower_ for t in sent]
        for k in range(len(sent)):
            for words, relation in cues.get(lowers[k], ()):
                if tuple(lowers[k:k + len(words)]) != words:
                    continue
                cue_first, cue_last = sent[k], sent[k + len(words) - 1]
                if relation is RelationType.PART_OF and words in SERIES_CUES:
                    part = _first_event_in(doc, cue_last.i + 1, sent.end, at, None)
                    whole = None
                    for i in range(cue_first.i - 1, sent.start - 1, -1):
                        d = at.get(i)
                        if d is not None and d is not part and part is not None and d.type is part.type:
                            whole = d
                            break
                    if part and whole:
                        out.append((part, relation, whole, sent))
                    continue
                target = _first_event_in(doc, cue_last.i + 1, sent.end, at, None)
                if target is None:
                    continue
                if relation is RelationType.ABOUT:
                    source = at.get(cue_first.i) or _source_of(cue_first, at)
                else:
                    source = _source_of(cue_first.head if cue_first.head is not cue_first else cue_first, at)
                if source is None:  # a headline: "X strikes Y in retaliation for Z"
                    source = _first_event_in(doc, sent.start, cue_first.i, at, target)
                if source is not None and source is not target:
                    out.append((source, relation, target, sent))
                break
    out += _shared_by_coordination(doc, out, at)
    out += _precedence(doc, drafts, at)
    out += _one_about(_about_links(doc, drafts, at), drafts)
    out += _about_main_event(drafts, out, doc)
    seen, unique = set(), []
    for s, r, t, ev in out:
        if (id(s), r, id(t)) not in seen and s is not t:
            seen.add((id(s), r, id(t)))
            unique.append((s, r, t, ev))
    return unique


BEFORE_WORDS = frozenset({"before", "prior"})
AFTER_WORDS = frozenset({"after", "following"})
ORDER_WORDS = BEFORE_WORDS | AFTER_WORDS


def _shared_by_coordination(doc: Doc, found, at: dict[int, EventDraft]):
    """"destroyed a rig and raided another in retaliation for X": both verbs answer X."""
    out = []
    for source, relation, target, sent in found:
        if relation is not RelationType.RETALIATION_FOR:
            continue
        for start, _ in source.mentions:
            for other in doc[start].conjuncts:
                partner = at.get(other.i)
                if partner is not None and partner is not source and partner is not target \
                        and partner.type is source.type:
                    out.append((partner, relation, target, sent))
    return out


def _precedence(doc: Doc, drafts: list[EventDraft], at: dict[int, EventDraft]):
    """Order stated by the text: "A follows B", "B preceded A", "A, after B", "B, a few hours before A".

    The event in the "before"/"after" phrase is found in its object or clause; the other is
    the event the phrase hangs on. Only occurrences are ordered, not remarks about them.
    """
    out = []
    at = {i: d for i, d in at.items() if d.type not in SPEECH_TYPES}  # the order of occurrences, not of remarks
    for token in doc:
        word = token.lower_
        if token.lemma_ in ("follow", "precede") and token.pos_ == "VERB":
            subj = next((c for c in token.children if c.dep_ == "nsubj"), None)
            obj = next((c for c in token.children if c.dep_ == "dobj"), None)
            a = _first_event_in(doc, subj.left_edge.i, subj.right_edge.i + 1, at, None) if subj is not None else None
            b = _first_event_in(doc, obj.left_edge.i, obj.right_edge.i + 1, at, None) if obj is not None else None
            if a is not None and b is not None and a is not b:
                first, second = (b, a) if token.lemma_ == "follow" else (a, b)
                out.append((first, RelationType.PRECEDES, second, sentence_of(doc, token.i)))
        elif word in ORDER_WORDS and token.dep_ in ("prep", "mark", "advmod"):
            inner = _first_event_in(doc, token.i + 1, token.right_edge.i + 1 if token.dep_ == "prep"
                                    else token.head.right_edge.i + 1, at, None)
            anchor = token.head if token.dep_ == "prep" else token.head.head
            outer = _source_of(anchor, at) if anchor is not None else None
            if inner is not None and outer is not None and inner is not outer:
                first, second = (outer, inner) if word in BEFORE_WORDS else (inner, outer)
                out.append((first, RelationType.PRECEDES, second, sentence_of(doc, token.i)))
    return out


def _one_about(links, drafts: list[EventDraft]) -> list:
    """One remark is about one occurrence: the article's main attack if it is among those named,
    else the first named (a quote that mentions several events is about the one it reacts to)."""
    main = main_event(drafts)
    chosen: dict[int, tuple] = {}
    for link in links:
        source, _, target, _ = link
        if id(source) not in chosen or (target is main and chosen[id(source)][2] is not main):
            chosen[id(source)] = link
    return list(chosen.values())


def _about_links(doc: Doc, drafts: list[EventDraft], at: dict[int, EventDraft]):
    for d in drafts:
        if d.type not in SPEECH_TYPES and d.type is not EventType.INVESTIGATION:
            continue
        for start, end in d.mentions:
            head = doc[end - 1] if d.pos == "NOUN" else doc[start]
            sent = sentence_of(doc, head.i)
            # "investigation into B", "said of B", "warned about B"
            for child in head.children:
                if child.dep_ == "prep" and child.lower_ in ABOUT_PREPS:
                    target = _first_event_in(doc, child.i + 1, child.right_edge.i + 1, at, d)
                    if target is not None and target.type not in SPEECH_TYPES:
                        yield d, RelationType.ABOUT, target, sent
            if d.type in SPEECH_TYPES and d.pos == "VERB":
                # the events reported in what is said: its complement clause or the sentence's quote
                for child in head.children:
                    if child.dep_ in ("ccomp", "xcomp", "dobj") or (child.dep_ == "advcl" and child.lemma_ == "add"):
                        for i in range(child.left_edge.i, child.right_edge.i + 1):
                            target = at.get(i)
                            if target is not None and target is not d and target.type not in SPEECH_TYPES:
                                yield d, RelationType.ABOUT, target, sent
                                break


def main_event(drafts: list[EventDraft]) -> EventDraft | None:
    """The article's main attack: the one reported most often (the earliest on a tie)."""
    attacks = [d for d in drafts if d.type is EventType.ATTACK]
    return max(attacks, key=lambda d: (len(d.mentions), -d.start), default=None)


def _about_main_event(drafts: list[EventDraft], found, doc: Doc):
    """Reactions name no event in their clause ("Khamenei vowed retaliation"): they are about the main one."""
    main = main_event(drafts)
    if main is None:
        return
    linked = {id(s) for s, r, _, _ in found if r is RelationType.ABOUT}
    for d in drafts:
        if d.type in SPEECH_TYPES | {EventType.INVESTIGATION} and id(d) not in linked and d.start > main.start:
            yield d, RelationType.ABOUT, main, sentence_of(doc, d.start)


def infer_from_series(links) -> list:
    """What a series implies for its incidents (in place for participants; returns the new links).

    An incident of a series has the series' agents and targets where it names none ("a series of
    rocket attacks against US targets, starting with the assault on Erbil"), and an event in
    retaliation for a series answers each of its incidents.
    """
    out = []
    parts = [(s, t) for s, r, t, _ in links if r is RelationType.PART_OF]
    for part, whole in parts:
        if not part.agents:
            part.agents = list(whole.agents)
        if whole.targets and not any(t.key in {w.key for w in whole.targets} for t in part.targets):
            part.targets = list(whole.targets) + [t for t in part.targets if t.type is not ActorType.CIVILIANS]
        for source, relation, target, sent in links:
            if relation is RelationType.RETALIATION_FOR and target is whole and source is not part:
                out.append((source, relation, part, sent))
    return out


def find_quotes(sent: Span) -> list[tuple[int, int, str]]:
    """Quoted passages of a sentence: (start_char, end_char, text) in document offsets.

    >>> import spacy
    >>> doc = spacy.blank("en")('He said: "We will respond." Then he left.')
    >>> find_quotes(doc[:])
    [(10, 26, 'We will respond.')]
    """
    out = []
    for m in _QUOTE.finditer(text_of(sent)):
        out.append((sent.start_char + m.start(1), sent.start_char + m.end(1), m.group(1)))
    return out
