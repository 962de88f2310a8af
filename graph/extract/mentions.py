"""Spans of a parsed article that name actors, found by gazetteer, NER and group-noun rules.

An :class:`ActorMention` is the spaCy-side view of one mention: token offsets (for the
dependency rules of ``events.py``) and the canonical actor it denotes. ``actors.py``
clusters mentions into :class:`~graph.records.Actor` records.

Rule classes (each general, none tied to one article):

- **gazetteer**: a phrase from ``graph/vocab/gazetteers`` ("Kataib Hezbollah", "the Pentagon",
  "Washington" as a metonym of the United States, "Iranian" as a demonym of Iran).
- **named entity**: spaCy's PERSON / ORG / NORP entities not in the gazetteer, typed by
  their head word ("... Ministry" is a government, "... Brigades" an armed group).
- **group noun**: a noun phrase headed by a generic group noun ("Iraqi militias",
  "two civilians"); kept as an actor only when it is an agent or target of an event.
- **locative**: a state named only as a place ("in Syria") is marked ``locative`` so that
  it does not become an actor unless it also acts.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache

from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span

from graph.extract.docindex import doc_text, entities
from graph.vocab import gazetteer
from graph.vocab.actor_types import ActorType
from graph.vocab.lexicon import disaster_cues, event_nouns, group_nouns, place_nouns, trigger_index
from graph.vocab.places import resolve_place

__all__ = ["ActorMention", "find_actor_mentions", "LOCATIVE_PREPS", "slug", "side"]

#: prepositions whose object is a place rather than an actor ("in Syria", "near the border").
LOCATIVE_PREPS = frozenset("in at near inside outside across into throughout from to toward towards "
                           "within around off over".split())

_ORG_HEADS: dict[str, ActorType] = {
    **{w: ActorType.GOVERNMENT for w in ("ministry", "department", "parliament", "committee", "council",
                                        "government", "agency", "office", "senate", "congress", "assembly",
                                        "administration", "cabinet", "house", "court", "commission",
                                        "presidency", "embassy", "majlis", "knesset", "duma")},
    **{w: ActorType.MILITARY for w in ("army", "navy", "force", "forces", "guard", "guards", "corps",
                                      "command", "division", "regiment", "battalion", "military", "police",
                                      "marines", "fleet")},
    **{w: ActorType.ARMED_GROUP for w in ("front", "brigades", "battalions", "movement", "militia",
                                         "liberation", "mujahideen", "jihad", "martyrs", "resistance",
                                         "rebels", "insurgency")},
    **{w: ActorType.MEDIA for w in ("news", "radio", "tv", "television", "times", "post", "press",
                                   "herald", "gazette", "journal", "broadcasting", "channel", "tribune",
                                   "telegraph", "guardian")},
}


@dataclass(slots=True)
class ActorMention:
    """One mention of an actor in a parsed article (token and character offsets)."""

    start: int  # token index
    end: int  # token index, exclusive
    start_char: int
    end_char: int
    text: str
    name: str  # canonical name
    type: ActorType
    country: str | None = None
    wikidata: str | None = None
    source: str = "ner"  # gazetteer | ner | group | pronoun
    locative: bool = False
    generic: bool = False
    key: str = ""  # cluster key, set by actors.py
    gender: str | None = None  # "m" / "f" when an honorific tells ("Mr", "Ms")

    @property
    def root(self) -> int:
        """Token index used for dependency rules: the span's last token."""
        return self.end - 1


def side(m: ActorMention) -> str:
    """The party an actor belongs to: a state, its military and its government are one side.

    "US forces carried out airstrikes" and "the United States bombed" can be one occurrence.

    >>> side(ActorMention(0, 1, 0, 2, "US", "United States", ActorType.STATE, "USA"))
    'state:USA'
    """
    if m.country and m.type in (ActorType.STATE, ActorType.MILITARY, ActorType.GOVERNMENT):
        return f"state:{m.country}"
    return m.key


@lru_cache(maxsize=1 << 16)
def slug(text: str) -> str:
    """A lower-case ASCII key for a name.

    >>> slug("Kata'ib  Hezbollah!")
    'kataib-hezbollah'
    """
    import unicodedata

    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    text = re.sub(r"[’'`´]", "", text)
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-") or "x"


_MATCHERS: dict[int, PhraseMatcher] = {}


def _gazetteer_matcher(doc: Doc) -> PhraseMatcher:
    """A PhraseMatcher over every gazetteer surface form (built once per vocab)."""
    key = id(doc.vocab)
    if key not in _MATCHERS:
        matcher = PhraseMatcher(doc.vocab, attr="LOWER")
        surfaces = sorted({s for s, _ in gazetteer.phrases() if s.strip()})
        tokenizer = doc.vocab
        from spacy.lang.en import English

        make = English(vocab=tokenizer).make_doc
        matcher.add("GAZ", [make(s) for s in surfaces])
        _MATCHERS[key] = matcher
    return _MATCHERS[key]


DIRECTION_WORDS = frozenset("east west north south northeast northwest southeast southwest".split())


def _is_locative(span: Span) -> bool:
    """A name used as a place: object of a locative preposition ("in Syria"), modifier of a place
    noun ("the Iraqi border", "the Rostam field"), or a reference point ("east of Qatar")."""
    head = span.root
    if head.dep_ == "pobj" and head.head.lower_ in LOCATIVE_PREPS:
        return True
    if head.dep_ == "pobj" and head.head.lower_ == "of" and head.head.head.lower_ in DIRECTION_WORDS:
        return True
    if head.dep_ in ("compound", "amod") and (head.head.lemma_.lower() in place_nouns()
                                              or head.head.lower_ in place_nouns()):
        return True
    return False


def _clean_person(text: str) -> str:
    text = text.split("\n")[0].strip()
    return re.sub(r"['’]s$", "", text).strip()


def _type_by_head(span: Span) -> ActorType:
    for token in reversed(span):
        kind = _ORG_HEADS.get(token.lower_)
        if kind:
            return kind
    return ActorType.ORGANIZATION


def _group_phrase(token) -> tuple[int, int]:
    """Token range of the noun phrase a group noun heads (modifiers included, determiners and numbers out)."""
    left = token.i
    for child in token.lefts:
        if child.dep_ in ("amod", "compound", "nmod", "npadvmod", "punct", "poss", "case") or child.pos_ == "PROPN":
            left = min(left, child.left_edge.i)
    doc = token.doc
    while left < token.i and (doc[left].dep_ in ("det", "nummod", "predet") or doc[left].is_punct
                              or doc[left].like_num):
        left += 1
    return left, token.i + 1


def _modifier_before_name(doc: Doc, span: Span, candidates) -> bool:
    """An entity that is a gazetteer name with a descriptive word before it ("Paramilitary Rapid
    Support Forces", "Sudanese Rapid Support Forces"): the word is a group noun, a demonym or
    the capitalised first word of the sentence."""
    nouns = group_nouns()
    for _, m in candidates:
        if m.source == "gazetteer" and m.end == span.end and span.start < m.start:
            extra = doc[span.start:m.start]
            return all(t.lemma_.lower() in nouns or t.lower_ in nouns or t.is_sent_start
                       or gazetteer.demonym_country(t.text) for t in extra)
    return False


def _group_kind(token, nouns: dict[str, ActorType]) -> ActorType | None:
    """The actor type of a group noun, a modifier first: "armed men" is an armed group, "men" nothing."""
    lemma = token.lemma_.lower()
    if token.pos_ == "PROPN" and lemma not in nouns:  # "Gunmen" capitalised after a dateline: no lemma
        lemma = next((w for w in _singulars(lemma) if w in nouns), lemma)
    if token.i > 0 and lemma in _modified_heads():
        child = token.doc[token.i - 1]
        if child.dep_ in ("amod", "compound") and child.head.i == token.i:
            kind = nouns.get(f"{child.lower_} {lemma}")
            if kind is not None:
                return kind
    return nouns.get(lemma)


def _singulars(word: str) -> tuple[str, ...]:
    """Singular candidates of an English plural ("gunmen" -> "gunman", "militias" -> "militia")."""
    out = []
    if word.endswith("men"):
        out.append(word[:-3] + "man")
    if word.endswith("ies"):
        out.append(word[:-3] + "y")
    if word.endswith("s"):
        out.append(word[:-1])
    return tuple(out)


@lru_cache(maxsize=1)
def _modified_heads() -> frozenset[str]:
    """Head lemmas of the "modifier lemma" keys of the group-noun lexicon ("man" of "armed man")."""
    return frozenset(k.split()[-1] for k in group_nouns() if " " in k)


def find_actor_mentions(doc: Doc) -> list[ActorMention]:
    """Every actor mention of a parsed document, non-overlapping, in text order.

    Candidates come from the gazetteer, the named entities and the group nouns; where
    they overlap the longer span wins, and on equal length the gazetteer, then a
    person, then another entity, then a group noun.
    """
    candidates: list[tuple[int, ActorMention]] = []  # (priority, mention); lower priority wins
    people = {e.text.split()[-1] for e in doc.ents if e.label_ == "PERSON" and len(e) > 1}

    place_ents = [e for e in entities(doc) if e.label_ in ("LOC", "FAC")]
    place_starts = [e.start for e in place_ents]
    for _, start, end in _gazetteer_matcher(doc)(doc):
        span = doc[start:end]
        entry = gazetteer.best(span.text)
        # a lower-case hit ("navy" in "the navy said") is a group noun, not a name
        if entry is None or not any(t.is_title or t.is_upper for t in span):
            continue
        if len(span) == 1 and span.text in people:
            continue  # a surname that is also a place or a metonym ("Austin", "Jordan")
        k = bisect_right(place_starts, start) - 1  # entities do not overlap: only this one can hold the hit
        inside_place = k >= 0 and end <= place_ents[k].end and len(place_ents[k]) > end - start  # "the Gulf of Aden"
        candidates.append((0, ActorMention(start, end, span.start_char, span.end_char, span.text, entry.name,
                                           entry.type, entry.country, entry.wikidata, source="gazetteer",
                                           locative=inside_place or _is_locative(span))))

    disasters = disaster_cues()
    for ent in _joined_people(doc):
        text = _clean_person(ent.text) if ent.label_ in ("PERSON", "ORG") else ent.text.split("\n")[0].strip()
        if not text or text.isdigit():
            continue
        if any(w in disasters for t in (ent[0], ent[-1]) for w in (t.lower_, t.lemma_.lower(), t.lower_.rstrip("s"))):
            continue  # a storm or a fire the tagger took for a name ("Hurricane Maria", "Wildfires")
        tokens = [t for t in ent if t.idx < ent.start_char + len(text)]
        span = doc[tokens[0].i:tokens[-1].i + 1]
        if span[0].lower_ == "the" and len(span) > 1:
            span = span[1:]
        if span[0].text.upper() in SHIP_PREFIXES and len(span) > 1:  # "USS Carney": a warship, a military asset
            candidates.append((2, ActorMention(span.start, span.end, span.start_char, span.end_char, span.text,
                                               span.text, ActorType.MILITARY, source="ner")))
            continue
        honorific = span[0].lower_ in HONORIFICS and len(span) > 1  # "Ms Wallström" tagged ORG
        if ent.label_ == "PERSON" or honorific or (ent.label_ == "ORG" and len(span) == 1 and span.text in people):
            span, gender = _strip_person_prefix(span)
            if span is None:
                continue
            if len(span) == 1 and span.text not in people and not honorific and resolve_place(span.text) is not None:
                continue  # a place the tagger took for a person ("Jolo", "Sulu")
            candidates.append((1, ActorMention(span.start, span.end, span.start_char, span.end_char, span.text,
                                               _clean_person(span.text), ActorType.PERSON, source="ner",
                                               gender=gender)))
        elif ent.label_ == "NORP":
            country = gazetteer.demonym_country(text)
            if country:  # religious or political adjectives ("Shiite", "Republican") are not actors
                candidates.append((2, ActorMention(span.start, span.end, span.start_char, span.end_char, span.text,
                                                   gazetteer.country_name(country), ActorType.STATE, country,
                                                   source="ner")))
        elif ent.label_ == "ORG":
            cut = next((k for k, t in enumerate(span) if t.text == "("), None)  # not "000(01PA": one token
            if cut is not None and span[0].text != "(":  # "Organisation of Islamic Cooperation (OIC"
                span = span[:cut]
                if not len(span):
                    continue
            while len(span) > 1 and _title_at(span[-1:]) is False and gazetteer.match_title([span[-1].text]) is not None:
                span = span[:-1]  # "Coast Guard Commandant": the title belongs to the person after it
            split = _state_then_person(span)
            if split is not None:  # "Ukraine Volodymyr Zelenskyy" tagged as one organisation
                state, person = split
                entry = gazetteer.best(state.text)
                candidates.append((0, ActorMention(state.start, state.end, state.start_char, state.end_char,
                                                   state.text, entry.name, entry.type, entry.country, entry.wikidata,
                                                   source="gazetteer")))
                candidates.append((1, ActorMention(person.start, person.end, person.start_char, person.end_char,
                                                   person.text, person.text, ActorType.PERSON, source="ner")))
                continue
            if _inside_title(span) or (len(span) == 1 and not gazetteer.lookup(span.text)
                                       and resolve_place(span.text) is not None):
                continue  # "Secretary of Defense", or a city the tagger took for an organisation
            last = span[-1].lower_
            if ("NOUN", (span[-1].lemma_.lower(),)) in trigger_index() or ("NOUN", (last,)) in trigger_index() \
                    or last in event_nouns():
                continue  # a capitalised event noun ("the U.S. Attack", "U.S. Action" in a headline style)
            if len(span) == 1 and span.text.isupper() and len(span.text) <= 4 and span.start > 0 \
                    and doc[span.start - 1].like_num:
                continue  # a time zone after a clock time ("1100 GMT")
            if _title_at(span):
                continue  # the first word of a title ("Defense Secretary Caspar Weinberger")
            if span[-1].lower_ in FACILITY_HEADS:
                continue  # a building is a place ("Jolo Cathedral", "Al-Shifa Hospital")
            body = gazetteer.generic_body(span.text)
            if body is not None:  # "Iraq's Foreign Ministry", "the Syrian army"
                candidates.append((2, _body_mention(span, body)))
            elif _modifier_before_name(doc, span, candidates):
                continue  # "Paramilitary Rapid Support Forces": the name the gazetteer knows
            else:
                candidates.append((2, ActorMention(span.start, span.end, span.start_char, span.end_char,
                                                   span.text, span.text, _type_by_head(span), source="ner")))
        # GPE not in the gazetteer is a place (a city, a province): arguments.py makes it a Place

    for token in doc:  # "a U.S.-flag ship", "a Liberian-registered tanker": the owner in one token
        prefix, _, suffix = token.text.rpartition("-")
        if prefix and suffix.lower() in OWNER_SUFFIXES:
            code = gazetteer.demonym_country(prefix)
            entry = gazetteer.best(prefix) if code is None else gazetteer.best(gazetteer.country_name(code))
            if entry is not None and entry.type is ActorType.STATE:
                candidates.append((0, ActorMention(token.i, token.i + 1, token.idx, token.idx + len(prefix), prefix,
                                                   entry.name, entry.type, entry.country, entry.wikidata,
                                                   source="gazetteer")))

    nouns = group_nouns()
    for token in doc:
        kind = _group_kind(token, nouns) if token.pos_ in ("NOUN", "PROPN") else None
        if kind is None:
            continue
        if token.lower_ == "force" and not any(c.dep_ in ("compound", "amod", "nmod", "poss") and
                                               (c.ent_type_ or c.pos_ == "PROPN") for c in token.children):
            continue  # "the full force of the law", "by force": not troops
        start, end = _group_phrase(token)
        span = doc[start:end]
        body = gazetteer.generic_body(span.text) if len(span) > 1 else None
        if body is not None:  # "the Iraqi government" is Iraq, "Syrian troops" the Syrian army
            candidates.append((2, _body_mention(span, body)))
            continue
        candidates.append((3, ActorMention(start, end, span.start_char, span.end_char, span.text, span.text, kind,
                                           source="group", generic=True)))

    # named mentions first (longest first), then group phrases around what is left
    candidates.sort(key=lambda c: (c[1].generic, -(c[1].end - c[1].start), c[0], c[1].start))
    taken = [False] * len(doc)
    found: list[ActorMention] = []
    for _, m in candidates:
        if any(taken[m.start:m.end]):
            if not m.generic:
                continue
            # a group phrase around a named actor ("Iranian-backed militias") keeps the part after it
            start = max(i for i in range(m.start, m.end) if taken[i]) + 1
            while start < m.end and (doc[start].is_punct or doc[start].lower_ in ("backed", "led", "-")):
                start += 1
            if start >= m.end or any(taken[start:m.end]):
                continue
            m.start, m.start_char = start, doc[start].idx
            m.text = m.name = doc_text(doc)[m.start_char:m.end_char]
        for i in range(m.start, m.end):
            taken[i] = True
        found.append(m)
    found.sort(key=lambda m: m.start)
    # stacked demonyms: "Bosnian Serb artillery", "Iraqi Kurdish fighters": the first says where
    for a, b in zip(found, found[1:]):
        if b.start == a.end and a.type is ActorType.STATE and b.type is ActorType.STATE and a.name != b.name \
                and doc[a.end - 1].ent_type_ == "NORP" and doc[b.start].ent_type_ == "NORP":
            a.locative = True
    return found


#: second parts of a one-token compound that make its first part an owner ("U.S.-flag", "Panama-registered")
OWNER_SUFFIXES = frozenset("flag flagged registered owned operated".split())

#: head words of named buildings and sites, which are places where events happen, not actors
FACILITY_HEADS = frozenset("cathedral church mosque temple synagogue shrine school university hospital clinic "
                           "airport airbase base market bazaar hotel stadium station bridge dam port harbour "
                           "harbor prison camp square mall factory plant refinery oilfield field".split())

#: prefixes of naval vessels' names ("USS Carney", "HMS Diamond")
SHIP_PREFIXES = frozenset("USS HMS HMCS HMAS INS RFS USNS ROKS JS FS TCG".split())

HONORIFICS = {"mr": "m", "mr.": "m", "mister": "m", "sir": "m", "lord": "m", "ms": "f", "ms.": "f",
              "mrs": "f", "mrs.": "f", "miss": "f", "madam": "f", "lady": "f", "dame": "f", "dr": None,
              "dr.": None, "prof": None, "prof.": None}


def _joined_people(doc: Doc) -> list[Span]:
    """Named entities, with adjacent PERSON entities joined ("Ali Akbar" + "Hashemi Rafsanjani"),
    also across a hyphenated part the tagger left out ("Sahle" + "-Work" + "Zewde"), and a PERSON
    entity widened over the proper nouns of its own name that the tagger left out ("Superintendent
    Graciano" + "Mijares", "Arnel" + "dela Vega")."""
    out: list[Span] = []
    for ent in _widened_people(doc):
        gap = doc[out[-1].end:ent.start] if out else None
        if out and ent.label_ == "PERSON" and out[-1].label_ == "PERSON" and len(gap) <= 3 \
                and all(t.text in ("-", "‐") or (t.is_title and t.pos_ == "PROPN") for t in gap) \
                and not any("\n" in t.whitespace_ for t in doc[out[-1].start:ent.start]):
            out[-1] = Span(doc, out[-1].start, ent.end, label="PERSON")
        else:
            out.append(ent)
    return out


def _widened_people(doc: Doc) -> list[Span]:
    """PERSON entities widened along the compound chain of their name (see :func:`_joined_people`)."""
    ents = list(doc.ents)
    out = []
    for k, ent in enumerate(ents):
        start, end = ent.start, ent.end
        if ent.label_ == "PERSON":
            limit = ents[k + 1].start if k + 1 < len(ents) else len(doc)
            # rightwards: the last word is a compound of a proper noun further right ("Graciano" -> "Mijares")
            while end < limit and doc[end - 1].dep_ == "compound" and doc[end - 1].head.i >= end \
                    and all(t.pos_ == "PROPN" and t.is_title and "\n" not in t.whitespace_ for t in doc[end - 1:doc[end - 1].head.i + 1]):
                end = doc[end - 1].head.i + 1
            floor = out[-1].end if out else 0
            # leftwards: a capitalised given name compounded onto the entity ("Arnel" + "dela Vega")
            while start - 1 >= floor and doc[start - 1].pos_ == "PROPN" and doc[start - 1].is_title \
                    and doc[start - 1].dep_ == "compound" and start <= doc[start - 1].head.i < end \
                    and gazetteer.match_title([doc[start - 1].text]) is None and not doc[start - 1].ent_type_:
                start -= 1
        out.append(ent if (start, end) == (ent.start, ent.end) else Span(doc, start, end, label=ent.label_))
    return out


def _strip_person_prefix(span: Span) -> tuple[Span | None, str | None]:
    """A person entity without the honorifics, titles and common nouns the tagger left in it.

    "Ms Wallström" -> "Wallström" (female), "Lt Gen Sergei Rudskoi" -> "Sergei Rudskoi",
    "Hostage Johan Gustafsson" -> "Johan Gustafsson".
    """
    gender = None
    words = [t.text for t in span]
    k = 0
    while k < len(span) - 1:
        word = words[k].lower()
        if word in HONORIFICS:
            gender = HONORIFICS[word] or gender
            k += 1
            continue
        title = gazetteer.match_title(words, k)
        if title is not None and title.end < len(words):
            k = title.end
            continue
        if span[k].ent_type_ == "GPE" or any(m.via in ("name", "acronym") and m.entry.type is ActorType.STATE
                                             for m in gazetteer.lookup(words[k])):
            k += 1  # "President of Ukraine Volodymyr Zelenskyy" tagged with the country inside
            continue
        if span[k].pos_ == "NOUN" or span[k].is_lower or span[k].lower_ in group_nouns() \
                or span[k].lemma_.lower() in group_nouns():
            k += 1  # "Hostage Johan Gustafsson": a common noun capitalised at the start of a sentence
            continue
        break
    rest = span[k:]
    return (rest if len(rest) else None), gender


def _state_then_person(span: Span) -> tuple[Span, Span] | None:
    """A state name followed by two or three capitalised words with no organisation head word."""
    if len(span) < 3 or not all(t.is_title for t in span):
        return None
    for k in (1, 2):
        head = span[:k]
        rest = span[k:]
        if 2 <= len(rest) <= 3 and any(m.entry.type is ActorType.STATE and m.via in ("name", "acronym")
                                       for m in gazetteer.lookup(head.text)) \
                and not gazetteer.lookup(rest.text) and _type_by_head(rest) is ActorType.ORGANIZATION:
            return head, rest
    return None


def _title_at(span: Span) -> bool:
    """An entity that begins a title longer than itself ("*Defense* Secretary")."""
    words = [t.text for t in span.doc[span.start:min(span.end + 4, len(span.doc))]]
    hit = gazetteer.match_title(words, 0)
    return hit is not None and hit.end > len(span)


def _inside_title(span: Span) -> bool:
    """An entity that ends a title phrase ("Secretary of *Defense*", "Minister of the *Interior*")."""
    doc = span.doc
    words = [t.text for t in doc[max(span.start - 4, 0):span.end]]
    for k in range(len(words) - len(span)):
        hit = gazetteer.match_title(words, k)
        if hit is not None and hit.end == len(words) and hit.start < len(words) - len(span):
            return True
    return False


def _body_mention(span: Span, body) -> ActorMention:
    """A mention of a body named through its country; a state keeps its name, others the surface."""
    name = body.name if body.type is ActorType.STATE else span.text
    return ActorMention(span.start, span.end, span.start_char, span.end_char, span.text, name, body.type,
                        body.country, body.wikidata, source="gazetteer" if body.type is ActorType.STATE else "ner")


