"""Find weapon mentions in a sentence with a lexicon and a spaCy ``PhraseMatcher``.

The lexicon is ``graph/vocab/lexicons/weapons.tsv`` (``term``, ``class``, ``canonical``);
plurals (``bombs``, ``knives``, ``AK-47s``) and hyphen/space variants (``surface to air
missile``) are generated here. Overlapping matches keep the longest, so ``car bomb`` wins
over ``bomb``; rows of class ``none`` (``think tank``, ``passenger jet``) block a shorter
weapon inside them. A size modifier right before the weapon (``500-pound``, ``five-inch``,
``23 mm``, ``155mm``) is kept in :attr:`WeaponMention.term`.

With a trained pipeline (lemmas and POS tags), verbs that name the weapon
(``weapons_verbs.tsv``: ``shelled``, ``bombed``, ``shot``) are reported too, with
``implicit=True``; ``shot down`` is not a gun.

>>> import spacy
>>> doc = spacy.blank("en")("Warplanes dropped seven 500-pound bombs and a car bomb.")
>>> [(w.term, w.canonical, w.weapon_class) for w in find_weapons(doc)]
[('warplane', 'warplane', 'aircraft'), ('500-pound bomb', 'bomb', 'bomb'), ('car bomb', 'car bomb', 'bomb')]
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

__all__ = [
    "WeaponMention",
    "WeaponEntry",
    "find_weapons",
    "load_weapon_lexicon",
    "load_weapon_verbs",
    "term_variants",
    "plural",
]

_LEXICONS = Path(__file__).resolve().parent.parent / "vocab" / "lexicons"
WEAPONS_TSV = _LEXICONS / "weapons.tsv"
WEAPON_VERBS_TSV = _LEXICONS / "weapons_verbs.tsv"

#: Units of a size modifier kept with the weapon ("500-pound bomb", "23 mm machinegun").
SIZE_UNITS = frozenset(
    "pound pounds lb lbs kg kilogram kilograms kilo ton tons tonne tonnes inch inches "
    "mm millimetre millimeter millimetres millimeters cm calibre caliber".split()
)
_FUSED_SIZE = re.compile(r"^\d+(?:[.,]\d+)?(?:mm|lb|lbs|kg|cm|in)$", re.IGNORECASE)
_NUMBER_WORDS = frozenset(
    "one two three four five six seven eight nine ten eleven twelve fifteen twenty "
    "thirty forty fifty hundred thousand half".split()
)


@dataclass(frozen=True, slots=True)
class WeaponEntry:
    """One lexicon row.

    >>> WeaponEntry("car bomb", "bomb", "car bomb").canonical
    'car bomb'
    """

    term: str
    weapon_class: str
    canonical: str


@dataclass(frozen=True, slots=True)
class WeaponMention:
    """A weapon named in the text, by doc-level character offsets.

    ``term`` is the lexicon term in the singular, with any size modifier
    (``"500-pound bomb"``); ``canonical`` the name to report; ``weapon_class`` the family
    (``aircraft``, ``missile``, ``bomb``...); ``head_i`` the doc index of the head noun (or
    the verb, when ``implicit``); ``text`` the surface text.

    >>> WeaponMention("rocket", "rocket", "rocket", 0, 7, "rockets", 0).implicit
    False
    """

    term: str
    canonical: str
    weapon_class: str
    start_char: int
    end_char: int
    text: str
    head_i: int
    implicit: bool = False


def plural(word: str) -> str:
    """English plural of a single word, by rule (enough for weapon nouns).

    Args:
        word: a noun or acronym.

    Returns:
        The plural form.

    >>> [plural(w) for w in ["bomb", "knife", "IED", "AK-47", "artillery", "gas", "torpedo"]]
    ['bombs', 'knives', 'IEDs', 'AK-47s', 'artilleries', 'gases', 'torpedoes']
    """
    if not word:
        return word
    low = word.lower()
    if word.isupper() or word[-1].isdigit():
        return word + "s"
    if low.endswith("man"):
        return word[:-3] + "men"
    if low.endswith("fe"):
        return word[:-2] + "ves"
    if low.endswith("f") and not low.endswith("ff"):
        return word[:-1] + "ves"
    if low.endswith(("s", "x", "z", "ch", "sh")):
        return word + "es"
    if low.endswith("y") and len(low) > 1 and low[-2] not in "aeiou":
        return word[:-1] + "ies"
    if low.endswith("o") and low in {"torpedo", "tornado", "volcano"}:
        return word + "es"
    return word + "s"


def term_variants(term: str) -> list[str]:
    """Surface forms of a lexicon term: singular and plural, hyphen and space variants.

    Args:
        term: a lexicon term, e.g. ``"surface-to-air missile"``.

    Returns:
        Distinct lower-cased variants, the term itself first.

    >>> term_variants("air strike")
    ['air strike', 'air strikes', 'air-strike', 'air-strikes']
    >>> term_variants("surface-to-air missile")[:3]
    ['surface-to-air missile', 'surface-to-air missiles', 'surface to air missile']
    """
    base = " ".join(term.lower().split())
    if not base:
        return []
    words = base.split(" ")
    forms = [base, " ".join(words[:-1] + [plural(words[-1])])]
    out: list[str] = []
    for form in forms:
        out.append(form)
    for form in forms:
        if "-" in form:
            out.append(form.replace("-", " "))
        elif " " in form:
            out.append(form.replace(" ", "-"))
    seen: list[str] = []
    for form in out:
        if form not in seen:
            seen.append(form)
    return seen


def _read_tsv(path: Path) -> tuple[WeaponEntry, ...]:
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        parts = [p.strip() for p in line.split("\t")]
        if len(parts) != 3 or not all(parts):
            raise ValueError(f"{path.name}: bad row {line!r}; expected term<TAB>class<TAB>canonical")
        rows.append(WeaponEntry(*parts))
    return tuple(rows)


@lru_cache(maxsize=None)
def load_weapon_lexicon(path: Path = WEAPONS_TSV) -> tuple[WeaponEntry, ...]:
    """Read the weapons lexicon.

    Args:
        path: a TSV file with ``term``, ``class``, ``canonical`` columns; ``#`` starts a comment.

    Returns:
        The rows, in file order.

    Raises:
        ValueError: a row without exactly three non-empty columns.

    >>> any(e.term == "ballistic missile" for e in load_weapon_lexicon())
    True
    """
    return _read_tsv(path)


@lru_cache(maxsize=None)
def load_weapon_verbs(path: Path = WEAPON_VERBS_TSV) -> dict[str, WeaponEntry]:
    """Read the verbs that name a weapon, by lemma.

    >>> load_weapon_verbs()["shell"].canonical
    'shell'
    """
    return {e.term: e for e in _read_tsv(path)}


_MATCHERS: dict[int, tuple[object, PhraseMatcher, dict[str, WeaponEntry]]] = {}


def _matcher(doc: Doc) -> tuple[PhraseMatcher, dict[str, WeaponEntry]]:
    """A PhraseMatcher over the lexicon for ``doc``'s vocab, built once per vocab."""
    key = id(doc.vocab)
    cached = _MATCHERS.get(key)
    if cached is not None and cached[0] is doc.vocab:
        return cached[1], cached[2]
    import spacy

    tokenizer = spacy.blank("en", vocab=doc.vocab).tokenizer
    matcher = PhraseMatcher(doc.vocab, attr="LOWER")
    entries: dict[str, WeaponEntry] = {}
    for entry in load_weapon_lexicon():
        label = f"W{len(entries)}"
        entries[label] = entry
        matcher.add(label, [tokenizer(v) for v in term_variants(entry.term)])
    _MATCHERS[key] = (doc.vocab, matcher, entries)
    return matcher, entries


def _size_modifier_start(doc: Doc, start: int, floor: int) -> int:
    """Index where a size modifier before ``doc[start]`` begins, or ``start`` if none."""
    i = start - 1
    if i < floor:
        return start
    tok = doc[i]
    if _FUSED_SIZE.match(tok.text):
        return i
    if tok.lower_ not in SIZE_UNITS:
        return start
    j = i - 1
    if j >= floor and doc[j].text in {"-", "–"}:
        j -= 1
    if j >= floor and (doc[j].like_num or doc[j].lower_ in _NUMBER_WORDS):
        return j
    return start


def find_weapons(sent: Span | Doc) -> list[WeaponMention]:
    """Weapon mentions in a sentence (or a whole Doc), left to right.

    Args:
        sent: a sentence span (``doc.sents`` item) or a Doc; offsets are Doc-level.

    Returns:
        One :class:`WeaponMention` per non-overlapping match, longest match preferred.

    >>> import spacy
    >>> doc = spacy.blank("en")("A think tank said AK-47s and surface to air missiles were seized.")
    >>> [(w.text, w.term, w.canonical) for w in find_weapons(doc)]
    [('AK-47s', 'AK-47', 'rifle'), ('surface to air missiles', 'surface-to-air missile', 'surface-to-air missile')]
    """
    doc = sent.doc if isinstance(sent, Span) else sent
    lo, hi = (sent.start, sent.end) if isinstance(sent, Span) else (0, len(doc))
    matcher, entries = _matcher(doc)
    # on a Span, PhraseMatcher returns Doc-level token indices
    spans = [
        Span(doc, start, end, label=doc.vocab.strings[match_id])
        for match_id, start, end in matcher(doc[lo:hi])
    ]
    out: list[WeaponMention] = []
    covered: set[int] = set()
    for span in filter_spans(spans):
        entry = entries[span.label_]
        covered.update(range(span.start, span.end))
        if entry.weapon_class == "none":
            continue
        if len(span) == 1 and span[0].pos_ in {"VERB", "PRON", "AUX"}:
            continue  # "stick to the plan", "tank" as a verb
        first = _size_modifier_start(doc, span.start, lo)
        term = entry.term.lower() if not entry.term.isupper() else entry.term
        if first < span.start:
            mod = doc[first:span.start].text
            term = f"{mod} {term}"
        out.append(
            WeaponMention(
                term=term,
                canonical=entry.canonical,
                weapon_class=entry.weapon_class,
                start_char=doc[first].idx,
                end_char=span.end_char,
                text=doc[first:span.end].text,
                head_i=span.root.i,
            )
        )
    verbs = load_weapon_verbs()
    for tok in doc[lo:hi]:
        if tok.i in covered or tok.pos_ != "VERB" or tok.lemma_.lower() not in verbs:
            continue
        if tok.lemma_.lower() == "shoot" and any(c.dep_ == "prt" and c.lower_ == "down" for c in tok.children):
            continue  # "shot down a jet": a missile, not a gun
        entry = verbs[tok.lemma_.lower()]
        out.append(
            WeaponMention(entry.canonical, entry.canonical, entry.weapon_class, tok.idx,
                          tok.idx + len(tok.text), tok.text, tok.i, implicit=True)
        )
    out.sort(key=lambda w: w.start_char)
    return out
