"""Find casualty figures (killed, injured) in a parsed sentence.

A figure is read where a number (or a countable noun phrase) is tied to a casualty cue:

* the subject of a passive or intransitive cue: ``at least 17 fighters were killed``,
  ``17 people died``, ``at least 20 were killed``;
* the object of an active cue: ``killed 17 people``, ``injuring 200 others``;
* a number right before a cue word: ``17 dead``, ``left 3 dead and 12 injured``,
  ``90 civilians wounded``;
* a cue noun: ``the death toll rose to 22``, ``a toll of 27``, ``the bodies of 70``,
  ``the deaths are fourteen civilians, five soldiers and one guard``.

Coordinated phrases are added up (``three soldiers and two civilians were killed`` = 5;
``killing a contractor and a civilian`` = 2, a singular noun with ``a``/``an``/``one``
counting 1); a conjunct joined by ``as well as``/``along with`` raises only ``high``
(``injured eight other people, as well as an American soldier`` = 8 to 9).

Conventions:

* ``low``/``high``: equal unless a range (``between 10 and 15``, ``10 to 15``).
  ``more than N`` and ``over N`` give N+1; ``fewer than N`` gives N-1 (qualifier ``up to``);
  ``at least``, ``about`` (also ``around``, ``some``, ``nearly``, ``almost``...) and
  ``up to`` keep N. The open side is told by ``qualifier`` only.
* Negated statements are real figures: ``no one was killed`` and ``no deaths`` give
  killed 0; ``no injuries``, ``nobody was hurt`` give injured 0; ``no casualties``
  gives both. A cue negated with ``not`` is skipped.
* Skipped: vague amounts (``dozens``, ``hundreds``, ``several``, ``scores``), the word
  ``casualties`` with a number (it mixes killed and injured), hypothetical or future cues
  (``could kill thousands``, ``threatened to kill 10``, ``will kill``), numbers that are
  sizes, times, money or ages (``500-pound``, ``2 a.m.``, ``aged 17``), and
  proper names alone (``killed Qasem Soleimani``).

The pure helpers :func:`parse_number` and :func:`parse_quantity` need no model;
:func:`find_casualties` needs a dependency parse and lemmas.

>>> parse_quantity("at least 17")
(17, 17, 'at least')
>>> parse_quantity("between 10 and 15")
(10, 15, None)
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from graph.extract.docindex import text_of

__all__ = ["CasualtyMention", "find_casualties", "parse_number", "parse_quantity"]

_UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19,
}
_TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}
_SCALES = {"dozen": 12, "hundred": 100, "thousand": 1000, "million": 1_000_000}
#: Amounts too vague to give a figure.
VAGUE = frozenset(
    "dozens hundreds thousands millions scores several many some few numerous multiple "
    "countless".split()
)
#: Qualifier words, mapped to (reported qualifier, offset added to the number).
QUALIFIERS = {
    "at least": ("at least", 0), "no fewer than": ("at least", 0), "no less than": ("at least", 0),
    "a minimum of": ("at least", 0), "more than": ("more than", 1), "over": ("more than", 1),
    "upwards of": ("more than", 1), "in excess of": ("more than", 1),
    "about": ("about", 0), "around": ("about", 0), "some": ("about", 0),
    "approximately": ("about", 0), "roughly": ("about", 0), "nearly": ("about", 0),
    "almost": ("about", 0), "close to": ("about", 0), "an estimated": ("about", 0),
    "estimated": ("about", 0), "up to": ("up to", 0), "as many as": ("up to", 0),
    "at most": ("up to", 0), "fewer than": ("up to", -1), "less than": ("up to", -1),
    "under": ("up to", -1),
}
_NUMWORD = (
    r"(?:zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|"
    r"fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|"
    r"seventy|eighty|ninety|hundred|thousand|million|dozen|a|and)"
)
_NUM = (
    r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\s+(?:hundred|thousand|million))?"
    r"|(?!and\b)" + _NUMWORD + r"(?:[\s-]+" + _NUMWORD + r")*"
)
_QUAL = "|".join(sorted((re.escape(q) for q in QUALIFIERS), key=len, reverse=True))
_QUANTITY = re.compile(
    r"(?<![\w$£€-])(?:(?P<qual>" + _QUAL + r")\s+)?(?:(?P<between>between|from)\s+)?"
    r"(?P<a>" + _NUM + r")"
    r"(?:\s*(?P<sep>to|-|–|and|or)\s*(?P<b>" + _NUM + r"))?"
    r"(?![\w%])"
    r"(?!\s*-?\s*(?:pound|lb|kg|ton|tonne|inch|mm|cm|km|kilomet|mile|met|foot|feet|a\.m|p\.m|"
    r"am\b|pm\b|percent|per cent|dollars|dlrs|mln|billion|year-old|years? old|hours?\b|"
    r"days?\b|weeks?\b|months?\b|years?\b|minutes?\b|o'clock|th\b|st\b|nd\b|rd\b))",
    re.IGNORECASE,
)

KILL_VERBS = frozenset("kill die slay massacre murder execute assassinate behead perish".split())
INJURE_VERBS = frozenset("injure wound hurt maim".split())
KILL_WORDS = frozenset("dead killed died slain".split())
INJURE_WORDS = frozenset("wounded injured hurt maimed".split())
KILL_NOUNS = frozenset("death fatality toll body".split())
INJURE_NOUNS = frozenset("injury".split())
#: Verbs whose complement is not (yet) a real event: "threatened to kill 10".
HYPOTHETICAL_GOVERNORS = frozenset(
    "threaten plan vow aim try attempt intend want seek warn fear could would may might "
    "hope expect prepare order".split()
)
MODALS = frozenset("could would will may might can should shall must 'd 'll wo ca".split())
_ADDITIVE = ("as well as", "along with", "together with", "plus")


@dataclass(frozen=True, slots=True)
class CasualtyMention:
    """A casualty figure in the text, by doc-level character offsets.

    ``kind`` is ``"killed"`` or ``"injured"``; ``low``/``high`` bound the figure (equal
    unless a range or an ``as well as`` addition); ``qualifier`` is ``"at least"``,
    ``"more than"``, ``"about"``, ``"up to"`` or None; ``head_i`` is the doc index of the
    cue word (``killed``, ``dead``, ``toll``) that the figure belongs to.

    >>> CasualtyMention("killed", 17, 17, 0, 11, "17 fighters", 3, "at least").high
    17
    """

    kind: str
    low: int
    high: int
    start_char: int
    end_char: int
    text: str
    head_i: int
    qualifier: str | None = None


def parse_number(text: str) -> int | None:
    """The integer a number expression states, or None when vague or not a number.

    Args:
        text: digits (``"1,000"``) or words (``"seventeen"``, ``"twenty-one"``,
            ``"two dozen"``, ``"a hundred and five"``).

    Returns:
        The number, or None (``"dozens"``, ``"several"``, empty text).

    >>> [parse_number(t) for t in ["17", "1,000", "seventeen", "twenty-one", "two dozen", "dozens"]]
    [17, 1000, 17, 21, 24, None]
    """
    t = " ".join(text.lower().replace("-", " ").split())
    if not t:
        return None
    digits = re.fullmatch(r"(\d{1,3}(?:,\d{3})+|\d+)(?:\s+(hundred|thousand|million))?", t)
    if digits:
        value = int(digits.group(1).replace(",", ""))
        return value * _SCALES[digits.group(2)] if digits.group(2) else value
    total, current, seen = 0, 0, False
    for word in t.split(" "):
        if word == "and":
            continue
        if word in ("a", "an"):  # "a dozen", "a hundred"
            current = current or 1
            continue
        if word in _UNITS:
            current += _UNITS[word]
        elif word in _TENS:
            current += _TENS[word]
        elif word in ("dozen", "hundred"):
            current = (current or 1) * _SCALES[word]
        elif word in ("thousand", "million"):
            total += (current or 1) * _SCALES[word]
            current = 0
        else:
            return None
        seen = True
    return total + current if seen else None


def parse_quantity(text: str) -> tuple[int, int, str | None] | None:
    """Read ``(low, high, qualifier)`` from a quantity phrase.

    Args:
        text: e.g. ``"more than 60"``, ``"10 to 15"``, ``"no one"``, ``"about 30"``.

    Returns:
        The bounds and the qualifier (see the module conventions), or None.

    >>> parse_quantity("more than 60")
    (61, 61, 'more than')
    >>> parse_quantity("no one")
    (0, 0, None)
    >>> parse_quantity("dozens") is None
    True
    """
    t = " ".join(text.lower().split())
    if t in {"no one", "nobody", "none", "no-one", "noone"}:
        return 0, 0, None
    m = _QUANTITY.fullmatch(t)
    if not m:
        return None
    a = parse_number(m["a"])
    if a is None:
        return None
    b = parse_number(m["b"]) if m["b"] else None
    if m["b"] is not None:
        if b is None or (m["sep"] == "and" and not m["between"]) or b < a:
            return None
        low, high = a, b
    else:
        low = high = a
    qualifier = None
    if m["qual"]:
        qualifier, offset = QUALIFIERS[m["qual"]]
        low, high = max(low + offset, 0), max(high + offset, 0)
    return low, high, qualifier


@dataclass(frozen=True, slots=True)
class _Quantity:
    start: int  # token indices, doc-level, end exclusive
    end: int
    low: int
    high: int
    qualifier: str | None


_BAD_ENTS = frozenset({"DATE", "TIME", "MONEY", "PERCENT", "QUANTITY", "ORDINAL"})


def _quantities(sent: Span) -> list[_Quantity]:
    """Quantity phrases in ``sent`` that may be counts of people."""
    doc = sent.doc
    out = []
    for m in _QUANTITY.finditer(text_of(sent)):
        if m["a"].lower() in {"a", "and", "one"} and not m["qual"] and not m["b"]:
            continue  # articles and "one" are read from noun phrases instead
        if m["a"].lower() in {"a", "and"}:
            continue
        parsed = parse_quantity(m.group(0))
        if parsed is None:
            continue
        span = doc.char_span(sent.start_char + m.start(), sent.start_char + m.end(), alignment_mode="expand")
        if span is None:
            continue
        nums = [t for t in span if t.like_num or t.lower_ in _SCALES]
        if any(t.ent_type_ in _BAD_ENTS for t in nums):
            continue
        prev = doc[span.start - 1] if span.start > 0 else None
        if prev is not None and prev.lower_ in {"aged", "age", "$", "£", "€", "no.", "number"}:
            continue
        if len(nums) == 1 and re.fullmatch(r"(1[89]|20)\d\d", nums[0].text):
            continue  # a year
        out.append(_Quantity(span.start, span.end, *parsed))
    return out


def _kind_of_word(tok: Token) -> str | None:
    low = tok.lower_
    if low in KILL_WORDS:
        return "killed"
    if low in INJURE_WORDS:
        return "injured"
    return None


#: every lemma or form that :func:`_cue_kind` accepts: a token with neither is no cue
_CUE_WORDS = KILL_VERBS | INJURE_VERBS | KILL_WORDS | INJURE_WORDS | KILL_NOUNS | INJURE_NOUNS | {
    "shoot", "lose", "injuries", "deaths", "fatalities", "bodies"}


#: a sentence without one of these words (as written or as lemma) has no casualty figure
_FIGURE_WORDS = _CUE_WORDS | {"casualties", "casualty"}


def _cue_kind(tok: Token) -> str | None:
    """``killed``/``injured`` when ``tok`` is a casualty cue, else None."""
    lemma = tok.lemma_.lower()
    if lemma not in _CUE_WORDS and tok.lower_ not in _CUE_WORDS:
        return None  # most words: no rule below takes them
    if tok.pos_ in {"VERB", "AUX"} or tok.tag_ in {"VBN", "VBD", "VBG"}:
        if lemma in KILL_VERBS:
            return "killed"
        if lemma in INJURE_VERBS:
            return "injured"
        if lemma == "shoot" and any(c.lower_ == "dead" for c in tok.children):
            return "killed"
        if lemma == "lose" and any(c.lemma_.lower() in {"life", "lives"} for c in tok.children):
            return "killed"
    if tok.pos_ == "ADJ" or tok.tag_ == "JJ":
        return _kind_of_word(tok)
    if tok.pos_ in {"NOUN", "PROPN"}:
        if lemma in INJURE_NOUNS or tok.lower_ == "injuries":
            return "injured"
        if lemma in KILL_NOUNS or tok.lower_ in {"deaths", "fatalities", "bodies"}:
            if lemma == "body" or tok.lower_ == "bodies":
                return "killed" if any(c.lower_ == "of" or c.like_num for c in tok.children) else None
            return "killed"
    return None


def _hypothetical(tok: Token) -> bool:
    """True when a cue is negated with ``not``, modal, or the complement of ``threaten``..."""
    for t in (tok, tok.head):
        if any(c.dep_ == "aux" and c.lower_ in MODALS for c in t.children):
            return True
        if t is tok and any(c.dep_ == "neg" for c in t.children):
            return True
    if tok.dep_ in {"xcomp", "ccomp"} and tok.head.lemma_.lower() in HYPOTHETICAL_GOVERNORS:
        return True
    return any(c.dep_ == "mark" and c.lower_ in {"if", "unless"} for c in tok.children)


def _quantity_for(tok: Token, quants: list[_Quantity]) -> _Quantity | None:
    """The quantity that counts the noun ``tok`` (or that ``tok`` is part of)."""
    for q in quants:
        if q.start <= tok.i < q.end:
            return q
    for child in tok.children:
        if child.dep_ in {"nummod", "quantmod", "amod", "compound", "det"}:
            for q in quants:
                if q.start <= child.i < q.end:
                    return q
    return None


def _value(tok: Token, quants: list[_Quantity]) -> tuple[int, int, str | None, int, int] | None:
    """``(low, high, qualifier, first token, last token)`` for one noun phrase, or None."""
    q = _quantity_for(tok, quants)
    if q is not None:
        return q.low, q.high, q.qualifier, min(q.start, tok.i), max(q.end - 1, tok.i)
    if tok.lower_ in {"nobody", "none", "noone", "no-one"}:
        return 0, 0, None, tok.i, tok.i
    dets = [c for c in tok.children if c.dep_ in {"det", "nummod"} and c.i < tok.i]
    if tok.lower_ == "one" and tok.i > 0 and tok.doc[tok.i - 1].lower_ == "no":
        return 0, 0, None, tok.i - 1, tok.i
    if any(d.lower_ == "no" for d in dets):
        return 0, 0, None, min(d.i for d in dets), tok.i
    if tok.tag_ in {"NN", "NNP"} and any(d.lower_ in {"a", "an", "one", "another"} for d in dets):
        return 1, 1, None, min(d.i for d in dets), tok.i
    return None


def _additive(tok: Token) -> bool:
    """True when ``tok`` is joined to what precedes it by ``as well as``, ``along with``..."""
    doc = tok.doc
    left = tok.left_edge.i
    before = doc[max(left - 4, 0):left].text.lower()
    return any(before.rstrip(" ,").endswith(a) for a in _ADDITIVE)


def _arguments(cue: Token) -> list[Token]:
    """The noun phrases (heads) that a cue counts, by dependency."""
    deps = {c.dep_: c for c in cue.children}
    if cue.pos_ == "ADJ" or cue.tag_ == "JJ":
        if cue.dep_ in {"amod", "acl"} and cue.head.i != cue.i:
            return [cue.head]
        return []
    if cue.pos_ in {"NOUN", "PROPN"}:
        args = [c for c in cue.children if c.dep_ == "nummod" or (c.dep_ == "det" and c.lower_ == "no")]
        for c in cue.children:
            if c.dep_ == "prep" and c.lower_ == "of":
                args += [g for g in c.children if g.dep_ == "pobj"]
        if cue.dep_ in {"dobj", "obj"} and cue.head.lemma_.lower() in {"suffer", "sustain", "receive"}:
            args += [c for c in cue.head.children if c.dep_ == "nsubj"]
        if cue.dep_ in {"nsubj", "nsubjpass"} and cue.head.lemma_ == "be":
            args += [c for c in cue.head.children if c.dep_ in {"attr", "acomp"}]
        return args
    # verbs
    if "nsubjpass" in deps:
        return [deps["nsubjpass"]]
    if cue.lemma_.lower() in {"die", "perish", "lose"}:
        return [deps["nsubj"]] if "nsubj" in deps else []
    args = [c for c in cue.children if c.dep_ in {"dobj", "obj"}]
    for prep in (c for c in cue.children if c.dep_ == "prep" and c.lower_ == "between"):
        args += [g for g in prep.children if g.dep_ == "pobj"]  # "killed between 10 and 15 people"
    if cue.lemma_.lower() == "hurt" and not args and "nsubj" in deps:
        args = [deps["nsubj"]]  # "two people were hurt" parsed as active
    if not args and cue.tag_ == "VBN" and cue.dep_ in {"acl", "amod"} and cue.head.i != cue.i:
        args = [cue.head]  # "three others injured"
    return args


def _toll(cue: Token, quants: list[_Quantity], sent: Span) -> _Quantity | None:
    """The first quantity after ``toll`` in its clause (``rose to 22``, ``of 27``)."""
    for q in quants:
        if cue.i < q.start <= cue.i + 8 and q.start < sent.end:
            return q
    return None


def find_casualties(sent: Span | Doc) -> list[CasualtyMention]:
    """Killed and injured figures in a parsed sentence.

    Args:
        sent: a sentence span (``doc.sents`` item) or a Doc with a dependency parse
            and lemmas; offsets are Doc-level.

    Returns:
        :class:`CasualtyMention` records, left to right. Without a parse only the
        ``17 dead`` / ``20 wounded`` pattern is found.

    >>> import spacy
    >>> doc = spacy.blank("en")("The blast left 3 dead and about 12 wounded.")
    >>> [(c.kind, c.low, c.qualifier, c.text) for c in find_casualties(doc)]
    [('killed', 3, None, '3 dead'), ('injured', 12, 'about', 'about 12 wounded')]
    """
    if isinstance(sent, Doc):
        sent = sent[:]
    doc = sent.doc
    if not any(t.lower_ in _FIGURE_WORDS or t.lemma_.lower() in _FIGURE_WORDS for t in sent):
        return []  # no cue, no figure (most sentences): the quantities are not even looked for
    quants = _quantities(sent)
    out: list[CasualtyMention] = []
    used: set[tuple[str, int]] = set()  # (kind, first token of the quantity)

    def emit(kind: str, low: int, high: int, qual: str | None, first: int, last: int, head: int) -> None:
        if (kind, first) in used:
            return
        used.add((kind, first))
        span = doc[first:last + 1]
        out.append(CasualtyMention(kind, low, high, span.start_char, span.end_char, span.text, head, qual))

    for cue in sent:
        if cue.lower_ in {"casualties", "casualty"} and any(c.lower_ == "no" for c in cue.children):
            for kind in ("killed", "injured"):  # "no casualties": nobody killed or hurt
                emit(kind, 0, 0, None, cue.i - 1, cue.i, cue.i)
            continue
        kind = _cue_kind(cue)
        if kind is None or _hypothetical(cue):
            continue
        if cue.pos_ in {"NOUN", "PROPN"} and any(c.dep_ == "det" and c.lower_ == "no" for c in cue.children):
            emit(kind, 0, 0, None, cue.i - 1, cue.i, cue.i)  # "no deaths", "no injuries"
            continue
        if cue.lemma_.lower() == "toll":
            q = _toll(cue, quants, sent)
            if q is not None:
                emit(kind, q.low, q.high, q.qualifier, q.start, q.end - 1, cue.i)
            continue
        args = _arguments(cue)
        if cue.pos_ in {"VERB", "AUX"} or cue.tag_.startswith("VB"):
            # "injured eight people, as well as an American soldier": noun conj of the verb
            args += [c for c in cue.children if c.dep_ == "conj" and c.pos_ in {"NOUN", "PROPN", "PRON"}]
        if not args:
            continue
        low = high = 0
        first, last, qual, known, unknown = None, None, None, 0, 0
        members: list[Token] = []
        for a in args:
            for t in [a, *a.conjuncts]:
                if t not in members and t.i != cue.i and t.pos_ in {"NOUN", "PROPN", "PRON", "NUM"}:
                    members.append(t)
        members.sort(key=lambda t: t.i)
        for n, t in enumerate(members):
            v = _value(t, quants)
            if v is None:
                unknown += 1
                continue
            known += 1
            lo, hi, q, f, l = v
            if n > 0 and _additive(t):
                high += hi
            else:
                low, high = low + lo, high + hi
            qual = qual or q
            first = f if first is None else min(first, f)
            last = l if last is None else max(last, l)
        if not known:
            continue
        if unknown and qual is None:
            qual = "at least"
        emit(kind, low, high, qual, first, last, cue.i)

    # "17 dead", "left 3 dead and 12 injured", "90 civilians wounded": number then cue word
    for q in quants:
        nxt = q.end
        if nxt < sent.end and doc[nxt].pos_ in {"NOUN", "PROPN"} and not _kind_of_word(doc[nxt]):
            nxt += 1
        if nxt >= sent.end:
            continue
        kind = _kind_of_word(doc[nxt])
        if kind is None or (kind, q.start) in used or _hypothetical(doc[nxt]):
            continue
        emit(kind, q.low, q.high, q.qualifier, q.start, nxt, nxt)
    out.sort(key=lambda c: (c.start_char, c.kind))
    return out
