"""Whether two events' places can be one place: the same, one inside the other, near, or apart.

Each place is looked up in the offline gazetteer (:func:`graph.vocab.places.resolve_place`) for
its kind (country, region, water, admin1, city, facility) and coordinates; the place as the
article gives it (country, coordinates) wins where it says more.

* **same**: the same name after normalisation, or points at most :data:`SAME_KM` apart;
* **inside**: one is a country and the other lies in it, a directional region of it
  ("eastern Syria" in Syria, and any place of Syria in "eastern Syria"), or a city within
  :data:`REGION_KM` of a region's or a province's centre;
* **near**: points (cities, facilities) at most :data:`NEAR_KM` apart ("Baghdad" and its airport);
* **apart**: different countries (water bodies without a country excepted), or points more
  than :data:`APART_KM` apart;
* **unknown**: anything else (a ship's name, a sea and a coast).

>>> relate(PlaceRef("Abu Kamal", "SYR"), PlaceRef("eastern Syria", "SYR"))
'inside'
>>> relate(PlaceRef("Baghdad"), PlaceRef("Baghdad International Airport"))
'near'
>>> relate(PlaceRef("Erbil", "IRQ"), PlaceRef("Tehran", "IRN"))
'apart'
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache

from graph.resolve.records import PlaceRef
from graph.vocab.gazetteer import loose_key
from graph.vocab.places import resolve_place

__all__ = ["SAME_KM", "NEAR_KM", "REGION_KM", "APART_KM", "Site", "site", "relate", "best_relation", "describe"]

SAME_KM = 5.0
NEAR_KM = 30.0
REGION_KM = 150.0
APART_KM = 100.0

_POINT_KINDS = frozenset({"city", "facility", None})
_AREA_KINDS = frozenset({"region", "admin1", "water"})
#: relations from strongest to weakest evidence
ORDER = ("same", "inside", "near", "unknown", "apart")


@dataclass(frozen=True, slots=True)
class Site:
    """A place with what the gazetteer adds: canonical name, kind, the place it is part of."""

    name: str
    key: str
    country: str | None
    lat: float | None
    lon: float | None
    kind: str | None
    part_of: str | None


@lru_cache(maxsize=65536)
def site(place: PlaceRef) -> Site:
    """The :class:`Site` of a place (cached: the same names come back in every article).

    >>> site(PlaceRef("eastern Syria")).part_of
    'syria'
    """
    entry = resolve_place(place.name, place.country)
    name = entry.name if entry is not None else place.name
    lat = place.lat if place.lat is not None else (entry.lat if entry else None)
    lon = place.lon if place.lon is not None else (entry.lon if entry else None)
    country = place.country or (entry.country if entry else None)
    part_of = loose_key(entry.part_of) if entry is not None and entry.part_of else None
    return Site(name, loose_key(name), country, lat, lon, entry.kind if entry else None, part_of)


def _km(a: Site, b: Site) -> float | None:
    if None in (a.lat, a.lon, b.lat, b.lon):
        return None
    p1, p2 = math.radians(a.lat), math.radians(b.lat)
    dp, dl = p2 - p1, math.radians(b.lon - a.lon)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(min(1.0, h)))


def _inside(inner: Site, outer: Site, km: float | None) -> bool:
    if outer.kind == "country" and inner.country is not None and inner.country == outer.country:
        return True
    if inner.part_of is not None and inner.part_of == outer.key:
        return True
    if outer.part_of is not None and outer.kind == "region" and inner.country is not None \
            and inner.country == outer.country and inner.kind != "country":
        return True  # "eastern Syria" has no centre of its own: any place in Syria may lie in it
    return (outer.kind in _AREA_KINDS and inner.kind in _POINT_KINDS and km is not None and km <= REGION_KM
            and (inner.country is None or outer.country is None or inner.country == outer.country))


def relate(a: PlaceRef, b: PlaceRef) -> str:
    """How two places relate: ``same``, ``inside``, ``near``, ``apart`` or ``unknown`` (see the module).

    >>> relate(PlaceRef("Kuwaiti waters"), PlaceRef("kuwaiti  waters"))
    'same'
    >>> relate(PlaceRef("Sea Isle City"), PlaceRef("Kuwaiti waters"))
    'unknown'
    """
    x, y = site(a), site(b)
    if x.key == y.key:
        return "same"
    km = _km(x, y)
    points = x.kind in _POINT_KINDS and y.kind in _POINT_KINDS
    if points and km is not None and km <= SAME_KM:
        return "same"
    if _inside(x, y, km) or _inside(y, x, km):
        return "inside"
    if points and km is not None and km <= NEAR_KM:
        return "near"
    if x.country and y.country and x.country != y.country:
        return "apart"
    if points and km is not None and km > APART_KM:
        return "apart"
    return "unknown"


def best_relation(a: tuple[PlaceRef, ...], b: tuple[PlaceRef, ...]) -> tuple[str, PlaceRef | None, PlaceRef | None]:
    """The strongest relation between any place of ``a`` and any of ``b``, with the two places.

    ``apart`` only when every pair is apart; ``unknown`` (and no places) when either side has none.

    >>> best_relation((PlaceRef("Erbil", "IRQ"), PlaceRef("Baghdad", "IRQ")), (PlaceRef("Baghdad"),))[0]
    'same'
    >>> best_relation((), (PlaceRef("Baghdad"),))
    ('unknown', None, None)
    """
    best: tuple[str, PlaceRef | None, PlaceRef | None] = ("unknown", None, None)
    if not a or not b:
        return best
    found = []
    for p in a:
        for q in b:
            found.append((ORDER.index(relate(p, q)), p, q))
    rank, p, q = min(found, key=lambda t: t[0])
    return ORDER[rank], p, q


def describe(relation: str, a: PlaceRef, b: PlaceRef) -> str:
    """The evidence of a relation in words ("same place Baghdad", "Abu Kamal lies in eastern Syria").

    >>> describe("inside", PlaceRef("eastern Syria"), PlaceRef("Abu Kamal", "SYR"))
    'Abu Kamal lies in eastern Syria'
    >>> describe("near", PlaceRef("Baghdad"), PlaceRef("Baghdad airport"))
    'Baghdad is near Baghdad airport'
    """
    if relation == "same":
        return f"same place {site(a).name}"
    if relation == "near":
        return f"{a.name} is near {b.name}"
    if relation == "inside":
        x, y = site(a), site(b)
        inner, outer = (a, b) if _inside(x, y, _km(x, y)) else (b, a)
        return f"{inner.name} lies in {outer.name}"
    return f"{a.name} and {b.name}: {relation}"
