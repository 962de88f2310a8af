"""Actor gazetteer and title lexicon: surface forms to known actors and offices.

The data lives in ``graph/vocab/gazetteers/*.tsv`` (one actor a line: name, type, country,
wikidata, aliases; ``states.tsv`` also has demonyms and capitals) and in
``graph/vocab/lexicons/titles.txt``. Files are read once, lazily, on first use.

Matching rules, in :func:`lookup`:

* the surface is cleaned first: curly apostrophes and hyphen variants are normalised,
  a leading "the" and a possessive "'s" are dropped;
* all-caps acronyms of at most 3 letters ("US", "IS", "AFP") match only in capitals
  ("U.S." = "US"); those of 4 to 10 ("NATO", "ISIS") also in title case ("Nato", "Isis");
* a form written ``=Form`` in a data file ("=Amnesty", "=Dawn") matches only with its case;
* everything else matches case-insensitively, ignoring accents, apostrophes and the
  difference between hyphen and space ("Kata'ib Hezbollah" = "Kataib Hezbollah",
  "al Qaeda" = "al-Qaeda").

An ambiguous surface returns several matches ("AFP": the Armed Forces of the Philippines
and Agence France-Presse); :func:`best` picks one by preferred types.

>>> best("Washington").name
'United States'
>>> [m.via for m in lookup("Iranian")]
['demonym']
>>> sorted(m.entry.type.value for m in lookup("AFP"))
['media', 'military']
"""
from __future__ import annotations

import csv
import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

from graph.vocab.actor_types import ActorType

__all__ = [
    "GazetteerEntry",
    "Match",
    "Title",
    "TitleMatch",
    "TitledName",
    "ACTOR_FILES",
    "TITLE_PREFIXES",
    "entries",
    "lookup",
    "best",
    "demonym_country",
    "country_name",
    "country_entry",
    "generic_body",
    "is_generic_body",
    "phrases",
    "titles",
    "match_title",
    "find_title",
    "split_titled_name",
    "clean",
    "loose_key",
]

HERE = Path(__file__).resolve().parent
GAZETTEER_DIR = HERE / "gazetteers"
TITLES_FILE = HERE / "lexicons" / "titles.txt"

#: Actor files, in the order their entries are returned when a surface is ambiguous.
ACTOR_FILES = (
    "states.tsv",
    "government_bodies.tsv",
    "militaries.tsv",
    "armed_groups.tsv",
    "organizations.tsv",
    "media.tsv",
)

#: Words that may precede any title and become part of it ("Deputy Foreign Minister").
TITLE_PREFIXES = frozenset(
    {"deputy", "vice", "acting", "former", "interim", "assistant", "senior", "then",
     "outgoing", "incoming", "caretaker", "ex"}
)

_VIA_RANK = {"name": 0, "alias": 1, "acronym": 2, "demonym": 3, "capital": 4}
_APOSTROPHES = str.maketrans({c: "'" for c in "\u2018\u2019\u02bc\u02bb\u0060\u00b4\u2032\u02b9\u02be\u02bf"})
_HYPHENS = str.maketrans({c: "-" for c in "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe63\uff0d\u00ad"})
_STRIP = " \t\n\r\"'“”,;:()[]"
#: look-ups of one surface are memoised (the tables never change once read); bounded, for long streams
_MEMO = 1 << 16


@dataclass(frozen=True, slots=True)
class GazetteerEntry:
    """A known actor: canonical name, type, home country, Wikidata id, other names.

    >>> GazetteerEntry("Reuters", ActorType.MEDIA, "GBR", None, ("Thomson Reuters",)).type.value
    'media'
    """

    name: str
    type: ActorType
    country: str | None
    wikidata: str | None
    aliases: tuple[str, ...]
    demonyms: tuple[str, ...] = ()
    capitals: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Match:
    """One gazetteer hit: the entry and how the surface named it.

    ``via`` is one of ``name``, ``alias``, ``acronym``, ``demonym``, ``capital``.

    >>> lookup("Tehran")[0].via
    'capital'
    """

    entry: GazetteerEntry
    via: str


@dataclass(frozen=True, slots=True)
class Title:
    """A title or office; ``implies`` is the type of body its holder serves, if the title tells.

    >>> Title("Foreign Minister", "minister", ActorType.GOVERNMENT).kind
    'minister'
    """

    text: str
    kind: str
    implies: ActorType | None = None


@dataclass(frozen=True, slots=True)
class TitleMatch:
    """A title found in a word sequence: words ``start:end``, their text, the lexicon title.

    >>> m = match_title(["Foreign", "Minister", "Zarif"])
    >>> (m.start, m.end, m.text, m.title.kind)
    (0, 2, 'Foreign Minister', 'minister')
    """

    start: int
    end: int
    text: str
    title: Title


@dataclass(frozen=True, slots=True)
class TitledName:
    """A name phrase split around its title: the words before, the title, the words after.

    >>> t = split_titled_name("Pentagon press secretary John Kirby".split())
    >>> (t.before, t.title.text, t.after)
    (('Pentagon',), 'press secretary', ('John', 'Kirby'))
    """

    before: tuple[str, ...]
    title: TitleMatch | None
    after: tuple[str, ...]


# --------------------------------------------------------------------------- normalising


@lru_cache(maxsize=_MEMO)
def clean(surface: str) -> str:
    """Normalise a surface: Unicode, apostrophes, hyphens, spaces, leading "the", possessive.

    Args:
        surface: text as it appears in an article.

    Returns:
        The cleaned text, case kept.

    >>> clean("the Pentagon’s")
    'Pentagon'
    >>> clean("Kata‘ib  Hezbollah")
    "Kata'ib Hezbollah"
    """
    s = unicodedata.normalize("NFKC", surface).translate(_APOSTROPHES).translate(_HYPHENS)
    s = " ".join(s.split()).strip(_STRIP.replace("'", "") + "'")
    if s[:4].lower() == "the ":
        s = s[4:]
    if s.endswith("'s") or s.endswith("'S"):
        s = s[:-2]
    elif s.endswith("s'"):
        s = s[:-1]
    return s.strip(_STRIP)


@lru_cache(maxsize=_MEMO)
def loose_key(surface: str) -> str:
    """The case-, accent-, apostrophe- and hyphen-insensitive key of a surface.

    >>> loose_key("Kata'ib Hezbollah") == loose_key("kataib-hezbollah")
    True
    >>> loose_key("Médecins Sans Frontières")
    'medecins sans frontieres'
    """
    s = unicodedata.normalize("NFKD", clean(surface))
    s = "".join(c for c in s if not unicodedata.combining(c)).casefold()
    s = s.replace("'", "").replace(".", "").replace("&", " and ")
    s = s.replace("-", " ").replace("/", " ")
    return " ".join(s.split())


def _letters(s: str) -> str:
    return "".join(c for c in s if c.isalpha())


def _acronym_key(surface: str) -> str | None:
    """The key of an all-caps acronym ("U.S." -> "US"), or None if it is not one."""
    s = surface.replace(".", "").replace(" ", "")
    letters = _letters(s)
    if not letters or len(letters) > 10 or not letters.isupper():
        return None
    return s


def _plural(demonym: str) -> str | None:
    """The plural of a demonym naming people ("Iraqi" -> "Iraqis"), or None."""
    if demonym.endswith(("ese", "ss", "sh", "ch", "s", "Lao", "Thai")):
        return None
    return demonym + "s"


# --------------------------------------------------------------------------- loading


def _split(value: str | None) -> list[str]:
    return [v.strip() for v in (value or "").split("|") if v.strip()]


def _read_tsv(path: Path) -> list[dict[str, str]]:
    """Rows of a tab-separated file with a header line; ``#`` lines are comments."""
    lines = [ln for ln in path.read_text(encoding="utf-8").splitlines()
             if ln.strip() and not ln.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))


class _Index:
    """Every lookup table, built once from the data files."""

    def __init__(self) -> None:
        self.entries: list[GazetteerEntry] = []
        self.forms: list[tuple[str, GazetteerEntry, str]] = []  # (surface, entry, via)
        self.exact: dict[str, list[tuple[GazetteerEntry, str]]] = {}
        self.acronyms: dict[str, list[tuple[GazetteerEntry, str]]] = {}
        self.loose: dict[str, list[tuple[GazetteerEntry, str]]] = {}
        self.demonyms: dict[str, str] = {}
        self.countries: dict[str, GazetteerEntry] = {}
        for fname in ACTOR_FILES:
            for row in _read_tsv(GAZETTEER_DIR / fname):
                self._add_row(row, fname)
        self.order: dict[int, int] = {id(e): i for i, e in enumerate(self.entries)}  # file order, for ranking

    def _add_row(self, row: dict[str, str], fname: str) -> None:
        try:
            atype = ActorType(row["type"].strip())
        except ValueError as err:
            allowed = ", ".join(t.value for t in ActorType)
            raise ValueError(f"{fname}: {row.get('name')!r} has type {row.get('type')!r}; "
                             f"allowed: {allowed}") from err
        raw_name = row["name"].strip()
        aliases = _split(row.get("aliases"))
        demonyms = _split(row.get("demonyms"))
        capitals = _split(row.get("capitals"))
        entry = GazetteerEntry(
            name=raw_name.lstrip("="),
            type=atype,
            country=(row.get("country") or "").strip() or None,
            wikidata=(row.get("wikidata") or "").strip() or None,
            aliases=tuple(a.lstrip("=") for a in aliases),
            demonyms=tuple(demonyms),
            capitals=tuple(capitals),
        )
        self.entries.append(entry)
        if atype is ActorType.STATE and entry.country and entry.country not in self.countries:
            self.countries[entry.country] = entry
        self._add_form(raw_name, entry, "name")
        for alias in aliases:
            self._add_form(alias, entry, "alias")
        for dem in demonyms:
            self._add_form(dem, entry, "demonym")
            plural = _plural(dem)
            if plural:
                self._add_form(plural, entry, "demonym")
            if entry.country and atype is ActorType.STATE:
                self.demonyms.setdefault(loose_key(dem), entry.country)
                if plural:
                    self.demonyms.setdefault(loose_key(plural), entry.country)
        for cap in capitals:
            self._add_form(cap, entry, "capital")

    def _add_form(self, form: str, entry: GazetteerEntry, via: str) -> None:
        if form.startswith("="):
            form = form[1:]
            self._put(self.exact, clean(form), entry, via)
        else:
            key = _acronym_key(clean(form))
            if key is not None:
                self._put(self.acronyms, key, entry, "acronym" if via == "alias" else via)
            else:
                self._put(self.loose, loose_key(form), entry, via)
        self.forms.append((form, entry, via))

    @staticmethod
    def _put(table: dict, key: str, entry: GazetteerEntry, via: str) -> None:
        hits = table.setdefault(key, [])
        for i, (e, v) in enumerate(hits):
            if e is entry:
                if _VIA_RANK[via] < _VIA_RANK[v]:
                    hits[i] = (entry, via)
                return
        hits.append((entry, via))


@cache
def _index() -> _Index:
    return _Index()


# --------------------------------------------------------------------------- actors


def entries() -> tuple[GazetteerEntry, ...]:
    """Every gazetteer entry, in file order (see :data:`ACTOR_FILES`).

    >>> len(entries()) > 500
    True
    """
    return tuple(_index().entries)


@lru_cache(maxsize=_MEMO)
def lookup(surface: str) -> tuple[Match, ...]:
    """Every entry a surface form names, best first (by how it matched, then file order).

    Args:
        surface: a name as written ("the Pentagon", "Iran's", "U.S.", "Kata'ib Hezbollah").

    Returns:
        The matches; empty when the gazetteer does not know the surface.

    >>> [m.entry.name for m in lookup("U.S.")]
    ['United States']
    >>> lookup("us")
    ()
    >>> lookup("Nato")[0].entry.name
    'NATO'
    """
    idx = _index()
    s = clean(surface)
    if not s:
        return ()
    found: list[tuple[GazetteerEntry, str]] = []
    found += idx.exact.get(s, [])
    akey = _acronym_key(s)
    if akey is not None:
        found += idx.acronyms.get(akey, [])
    else:
        bare = s.replace(".", "")
        letters = _letters(bare)
        if len(letters) >= 4 and " " not in bare and bare[:1].isupper() and bare[1:].islower():
            found += [(e, v) for e, v in idx.acronyms.get(bare.upper(), [])
                      if len(_letters(v == "name" and e.name or bare)) >= 4]
        key = loose_key(s)
        hits = idx.loose.get(key)
        if hits is None and key.startswith(("al ", "el ")):
            hits = idx.loose.get(key[3:])
        if hits is None:
            hits = idx.loose.get("al " + key)
        found += hits or []
    seen: dict[int, Match] = {}
    for entry, via in found:
        old = seen.get(id(entry))
        if old is None or _VIA_RANK[via] < _VIA_RANK[old.via]:
            seen[id(entry)] = Match(entry, via)
    return tuple(sorted(seen.values(), key=lambda m: (_VIA_RANK[m.via], idx.order[id(m.entry)])))


def best(surface: str, prefer: Iterable[ActorType | str] = ()) -> GazetteerEntry | None:
    """The single entry a surface most likely names.

    Args:
        surface: a name as written.
        prefer: actor types in order of preference (the context's expectation); when no
            match has one of them, the first match is returned anyway.

    Returns:
        The entry, or None when nothing matches.

    >>> best("AFP", prefer=[ActorType.MEDIA]).name
    'Agence France-Presse'
    >>> best("AFP", prefer=["military"]).name
    'Armed Forces of the Philippines'
    >>> best("Narnia") is None
    True
    """
    matches = lookup(surface)
    if not matches:
        return None
    for t in prefer:
        t = ActorType(t)
        for m in matches:
            if m.entry.type is t:
                return m.entry
    return matches[0].entry


def demonym_country(word: str) -> str | None:
    """The ISO alpha-3 code of the state a demonym names ("Iranian" -> "IRN").

    Args:
        word: a demonym, singular or plural, any case.

    Returns:
        The code, or None when the word is not a known demonym.

    >>> demonym_country("Iraqis"), demonym_country("Soviet"), demonym_country("Filipino")
    ('IRQ', 'SUN', 'PHL')
    >>> demonym_country("Iran") is None
    True
    """
    return _index().demonyms.get(loose_key(word))


def country_entry(alpha3: str) -> GazetteerEntry | None:
    """The state entry of an ISO alpha-3 code (current state first), or None.

    >>> country_entry("IRN").name
    'Iran'
    """
    return _index().countries.get(alpha3.strip().upper())


def country_name(alpha3: str) -> str:
    """The common short name of the state with an ISO alpha-3 code.

    Args:
        alpha3: ISO 3166-1 alpha-3 code (or ISO 3166-3 for historic states: "SUN").

    Returns:
        The name used in ``actors.jsonl`` ("Iran", not "Iran, Islamic Republic of").

    Raises:
        KeyError: the code names no state in ``states.tsv``.

    >>> country_name("IRN"), country_name("usa"), country_name("DEU")
    ('Iran', 'United States', 'Germany')
    """
    entry = country_entry(alpha3)
    if entry is None:
        raise KeyError(f"{alpha3!r} is not an ISO alpha-3 code of a state in states.tsv")
    return entry.name


@cache
def _generic_bodies() -> tuple[tuple[str, str, ActorType], ...]:
    rows = []
    for row in _read_tsv(GAZETTEER_DIR / "generic_bodies.tsv"):
        for body in _split(row["body"]):
            rows.append((loose_key(body), row["name"], ActorType(row["type"])))
    return tuple(sorted(rows, key=lambda r: -len(r[0])))


@cache
def _generic_body_affixes() -> tuple[tuple[str, str], ...]:
    """For each generic body, the endings and beginnings :func:`generic_body` looks for: " body", "body of "."""
    return tuple((" " + body, body + " of ") for body, _, _ in _generic_bodies())


def _country_of(words: str) -> str | None:
    """Alpha-3 of a country named by a demonym, a name or a possessive name ("Iraq's")."""
    code = demonym_country(words)
    if code:
        return code
    for m in lookup(words):
        if m.entry.type is ActorType.STATE and m.via in ("name", "alias", "acronym"):
            return m.entry.country
    return None


@lru_cache(maxsize=_MEMO)
def generic_body(surface: str) -> GazetteerEntry | None:
    """An entry for a body named through its country ("Iraq's Foreign Ministry").

    Handles "<demonym or country['s]> <body>" and "<body> of <country>", with the bodies of
    ``gazetteers/generic_bodies.tsv``. Words that stand for the state itself ("the Iraqi
    government", "Iranian officials") return the state's own entry.

    Args:
        surface: the phrase as written.

    Returns:
        A new entry (the surface as its only alias), the state entry, or None.

    >>> e = generic_body("Iraq's Foreign Ministry")
    >>> (e.name, e.type.value, e.country)
    ('Ministry of Foreign Affairs of Iraq', 'government', 'IRQ')
    >>> generic_body("the Syrian army").name
    'Armed Forces of Syria'
    >>> generic_body("Iraqi government").name
    'Iraq'
    >>> generic_body("the rebel army") is None
    True
    """
    s = clean(surface)
    key = loose_key(s)
    for (body, template, atype), (suffix, prefix) in zip(_generic_bodies(), _generic_body_affixes()):
        country_words = None
        if key.endswith(suffix):
            n = len(body.split())
            country_words = " ".join(s.split()[:-n])
        elif key.startswith(prefix):
            n = len(body.split()) + 1
            country_words = " ".join(s.split()[n:])
        if not country_words:
            continue
        code = _country_of(country_words)
        if code is None:
            continue
        state = country_entry(code)
        if state is None:
            return None
        if atype is ActorType.STATE:
            return state
        return GazetteerEntry(template.format(country=state.name), atype, code, None, (s,))
    return None


def phrases() -> Iterator[tuple[str, GazetteerEntry]]:
    """Every (surface form, entry) pair, for a spaCy PhraseMatcher or EntityRuler.

    Forms include names, aliases, demonyms (with plurals) and capitals. Case rules are not
    encoded here: match loosely (``attr="LOWER"``) and confirm each hit with :func:`lookup`.

    >>> ("Daesh", best("ISIS")) in set(phrases())
    True
    """
    for form, entry, _via in _index().forms:
        yield form, entry


# --------------------------------------------------------------------------- titles


def _title_words(text: str) -> list[str]:
    """Normalised words of a title or a phrase: case-folded, no dots, hyphens as words."""
    out: list[str] = []
    for w in clean(text).split() if " " in text else [text]:
        out += _norm_word(w)
    return out


@lru_cache(maxsize=_MEMO)
def _norm_word(word: str) -> tuple[str, ...]:
    w = unicodedata.normalize("NFKC", word).translate(_APOSTROPHES).translate(_HYPHENS)
    w = w.casefold().replace(".", "")
    if w == "-" or "-" not in w:
        return (w,) if w else ()
    parts: list[str] = []
    for i, p in enumerate(w.split("-")):
        if i:
            parts.append("-")
        if p:
            parts.append(p)
    return tuple(parts)


@cache
def titles() -> tuple[Title, ...]:
    """Every title of ``lexicons/titles.txt``.

    >>> next(t for t in titles() if t.text == "Secretary of State").implies.value
    'government'
    """
    out = []
    for row in _read_tsv(TITLES_FILE):
        implies = (row.get("implies") or "").strip()
        out.append(Title(row["title"].strip(), row["kind"].strip(),
                         ActorType(implies) if implies else None))
    return tuple(out)


@cache
def _title_table() -> tuple[dict[tuple[str, ...], Title], int]:
    table: dict[tuple[str, ...], Title] = {}
    for t in titles():
        table.setdefault(tuple(_title_words(t.text)), t)
    return table, max(len(k) for k in table)


@cache
def _title_starts() -> frozenset[str]:
    """The words a title can begin with: the first word of each title, and the prefixes."""
    return frozenset(k[0] for k in _title_table()[0]) | TITLE_PREFIXES


def match_title(words: Sequence[str], start: int = 0) -> TitleMatch | None:
    """The longest title that begins at ``words[start]`` (prefixes such as "Deputy" included).

    Args:
        words: the words (tokens) of a phrase, as written.
        start: where the title must begin.

    Returns:
        The match, with ``start``/``end`` indices into ``words``; None if no title starts there.

    >>> match_title(["Secretary", "of", "State", "Mike", "Pompeo"]).text
    'Secretary of State'
    >>> match_title("Deputy Foreign Minister Abbas Araghchi".split()).title.text
    'Foreign Minister'
    >>> match_title(["Lt.", "Gen.", "Sergei", "Rudskoi"]).end
    2
    >>> match_title(["John", "Kirby"]) is None
    True
    """
    table, longest = _title_table()
    parts = _norm_word(words[start]) if start < len(words) else ()
    if parts and parts[0] not in _title_starts():
        return None  # most words begin no title
    flat: list[str] = []
    origin: list[int] = []
    first: list[bool] = []
    n_prefix = 0  # the leading prefix words, counted as they are read
    in_prefix = True
    # Only the prefixes and ``longest`` parts after them can take part in a match: stop reading
    # there (at a word's end), so a call costs the same however long ``words`` is.
    for i in range(start, len(words)):
        if not in_prefix and len(flat) >= n_prefix + longest:
            break
        for j, p in enumerate(_norm_word(words[i])):
            if in_prefix and j == 0 and p in TITLE_PREFIXES:
                n_prefix += 1
            else:
                in_prefix = False
            flat.append(p)
            origin.append(i)
            first.append(j == 0)
    n_flat = len(flat)
    found: TitleMatch | None = None
    # The title proper may start after some of the prefixes ("Deputy Foreign Minister") or
    # include them ("Vice President"); the match reaching furthest wins, then the earliest.
    for pos in range(0, n_prefix + 1):
        for size in range(min(longest, n_flat - pos), 0, -1):
            t = table.get(tuple(flat[pos:pos + size]))
            end_flat = pos + size
            if t is None or (end_flat < n_flat and not first[end_flat]):
                continue  # no title, or one ending inside a hyphenated word
            end = origin[end_flat - 1] + 1
            if found is None or end > found.end:
                found = TitleMatch(start, end, " ".join(words[start:end]), t)
            break
    return found


def find_title(words: Sequence[str]) -> TitleMatch | None:
    """The leftmost, then longest, title in a word sequence.

    >>> find_title("Iraqi Prime Minister Adil Abdul-Mahdi".split()).text
    'Prime Minister'
    """
    for i in range(len(words)):
        m = match_title(words, i)
        if m is not None:
            return m
    return None


def split_titled_name(words: Sequence[str]) -> TitledName:
    """Split "Pentagon press secretary John Kirby" into organisation words, title, person words.

    The words before the title usually name the body or the country ("Pentagon", "Iraqi",
    "US"); a trailing possessive ("'s") is dropped from them. The words after it name the
    person. With no title, everything is ``after``.

    Args:
        words: the words (tokens) of the phrase.

    Returns:
        The three parts.

    >>> t = split_titled_name(["US", "Defense", "Secretary", "Ash", "Carter"])
    >>> (t.before, t.title.text, t.after)
    (('US',), 'Defense Secretary', ('Ash', 'Carter'))
    >>> split_titled_name(["Iran", "'s", "Supreme", "Leader", "Ali", "Khamenei"]).before
    ('Iran',)
    """
    m = find_title(words)
    if m is None:
        return TitledName((), None, tuple(words))
    before = list(words[:m.start])
    if before and before[-1].translate(_APOSTROPHES) in ("'s", "'", "'S"):
        before.pop()
    elif before and before[-1].translate(_APOSTROPHES).endswith(("'s", "'S")):
        before[-1] = before[-1][:-2]
    return TitledName(tuple(before), m, tuple(words[m.end:]))


def is_generic_body(surface: str) -> bool:
    """Whether a surface is only the name of a generic body ("Navy", "the Parliament"), no country.

    The bodies are those of ``gazetteers/generic_bodies.tsv``: with a country they name one body
    ("the Iraqi parliament", see :func:`generic_body`); alone they could be any country's.

    >>> is_generic_body("the Navy"), is_generic_body("Parliament"), is_generic_body("Kurdistan Regional Government")
    (True, True, False)
    """
    key = loose_key(surface)
    return any(key == body for body, _, _ in _generic_bodies())
