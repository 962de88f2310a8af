"""Gold annotations (``*.gold.yaml``, ``same-occurrence.yaml``) as typed, frozen records.

The format is defined in ``shared/corpus/README.md``. Loading checks every field, so a
typo in a gold file stops the run with a message naming the file, the entry and the field
instead of silently lowering a score. Ids are kept as strings.

>>> import tempfile, pathlib
>>> d = pathlib.Path(tempfile.mkdtemp())
>>> _ = (d / "a1.gold.yaml").write_text('''
... article: a1.txt
... actors: [{id: R, name: Rebels, aliases: [insurgents], type: armed_group}]
... events: [{id: E1, type: attack, trigger: shelled, agents: [R], killed: [2, 3]}]
... ''')
>>> gold = load_gold(d / "a1.gold.yaml")
>>> gold.article, gold.events[0].killed, gold.actor("R").aliases
('a1', (2, 3), ('insurgents',))
"""
from __future__ import annotations

import datetime as _dt
import math
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

import yaml

from graph.errors import GoldError
from graph.vocab.actor_types import ActorType, AffiliationType
from graph.vocab.event_types import EventType, RelationType

__all__ = [
    "GoldError",
    "GoldActor",
    "GoldPlace",
    "GoldEvent",
    "GoldAffiliation",
    "GoldRelation",
    "GoldArticle",
    "GoldSet",
    "article_key",
    "gold_files",
    "load_gold",
    "load_clusters",
    "load_gold_set",
]


#: a casualty figure: (min, max); a single number n is (n, n)
Range = tuple[float, float]


@dataclass(frozen=True, slots=True)
class GoldActor:
    """An actor of the gold; ``required=False`` makes it optional (never counts against)."""

    id: str
    name: str
    aliases: tuple[str, ...] = ()
    type: str | None = None
    country: str | None = None
    required: bool = True

    @property
    def names(self) -> tuple[str, ...]:
        """The canonical name, then the aliases."""
        return (self.name, *self.aliases)


@dataclass(frozen=True, slots=True)
class GoldPlace:
    """A place of the gold, referred to by events."""

    id: str
    name: str
    aliases: tuple[str, ...] = ()
    country: str | None = None

    @property
    def names(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)


@dataclass(frozen=True, slots=True)
class GoldEvent:
    """An event of the gold. ``date`` is the ISO date as text; ``killed``/``injured`` are ranges.

    ``agents_required``/``targets_required`` are ``False`` only where the gold says so
    (the article does not tell who did it: a missing filler is not an error).
    """

    id: str
    type: str
    trigger: str | None = None
    cameo: str | None = None
    agents: tuple[str, ...] = ()
    targets: tuple[str, ...] = ()
    places: tuple[str, ...] = ()
    date: str | None = None
    date_alternatives: tuple[str, ...] = ()
    killed: Range | None = None
    injured: Range | None = None
    weapons: tuple[str, ...] = ()
    agents_required: bool = True
    targets_required: bool = True
    required: bool = True


@dataclass(frozen=True, slots=True)
class GoldAffiliation:
    """An actor-to-actor fact ``[SOURCE, TYPE, TARGET, (ROLE), (optional)]``."""

    source: str
    type: str
    target: str
    role: str | None = None
    optional: bool = False


@dataclass(frozen=True, slots=True)
class GoldRelation:
    """An event-to-event link ``[SOURCE, TYPE, TARGET, (optional)]``."""

    source: str
    type: str
    target: str
    optional: bool = False


@dataclass(frozen=True, slots=True)
class GoldArticle:
    """One ``NAME.gold.yaml``; ``text`` is the article beside it when present, else ``None``."""

    path: Path
    article: str  # the article key: file name without .txt
    actors: tuple[GoldActor, ...] = ()
    places: tuple[GoldPlace, ...] = ()
    events: tuple[GoldEvent, ...] = ()
    affiliations: tuple[GoldAffiliation, ...] = ()
    relations: tuple[GoldRelation, ...] = ()
    published: str | None = None
    outlet: str | None = None
    text: str | None = field(default=None, repr=False)

    def actor(self, actor_id: str) -> GoldActor | None:
        return next((a for a in self.actors if a.id == actor_id), None)

    def place(self, place_id: str) -> GoldPlace | None:
        return next((p for p in self.places if p.id == place_id), None)

    def event(self, event_id: str) -> GoldEvent | None:
        return next((e for e in self.events if e.id == event_id), None)


@dataclass(frozen=True, slots=True)
class GoldSet:
    """Gold articles and the cross-article clusters (``ARTICLE``, ``EVENT_ID``) found beside them."""

    articles: tuple[GoldArticle, ...]
    clusters: tuple[tuple[tuple[str, str], ...], ...] = ()  # empty: no merge score


def article_key(value) -> str:
    """The article key of a file name, path or stem: the name without ``.txt``.

    >>> article_key("corpus/dev/a1.txt"), article_key("a1")
    ('a1', 'a1')
    """
    name = Path(str(value)).name
    return name[:-4] if name.endswith(".txt") else name


def gold_files(paths: Iterable[str | Path]) -> list[Path]:
    """The gold files named by ``paths``: a folder gives its ``*.gold.yaml`` (sorted), a file itself.

    Raises:
        GoldError: a path does not exist, or a folder holds no gold file.
    """
    out: list[Path] = []
    for p in map(Path, paths):
        if p.is_dir():
            found = sorted(p.glob("*.gold.yaml"))
            if not found:
                raise GoldError(p, "", "no *.gold.yaml file in this folder")
            out += found
        elif p.is_file():
            out.append(p)
        else:
            raise GoldError(p, "", "no such file or folder")
    return out


# --- field checks --------------------------------------------------------------------------

_TOP = ("article", "published", "outlet", "actors", "affiliations", "places", "events", "relations")
_ACTOR = ("id", "name", "aliases", "type", "country", "required")
_PLACE = ("id", "name", "aliases", "country")
_EVENT = ("id", "type", "cameo", "trigger", "agents", "agents_required", "targets", "targets_required",
          "places", "date", "date_alternatives", "killed", "injured", "weapons", "required")


class _Checker:
    """Field checks for one gold file; every failure names the file, the entry and the field."""

    def __init__(self, path: Path):
        self.path = path

    def fail(self, where: str, problem: str):
        raise GoldError(self.path, where, problem)

    def mapping(self, value, where: str, allowed: tuple[str, ...]) -> dict:
        if not isinstance(value, dict):
            self.fail(where, f"expected a mapping with {', '.join(allowed)}; got {value!r}")
        for key in value:
            if key not in allowed:
                self.fail(where, f"unknown field {key!r} (allowed: {', '.join(allowed)})")
        return value

    def entries(self, data: dict, key: str) -> list:
        value = data.get(key)
        if value is None:
            return []
        if not isinstance(value, list):
            self.fail("", f"field {key!r}: expected a list; got {type(value).__name__}")
        return value

    def text(self, entry: dict, key: str, where: str, *, required: bool = False) -> str | None:
        value = entry.get(key)
        if value is None or value == "":
            if required:
                self.fail(where, f"field {key!r} is missing")
            return None
        if isinstance(value, bool) or not isinstance(value, (str, int, float)):
            self.fail(where, f"field {key!r}: expected text; got {value!r}")
        return str(value)

    def texts(self, entry: dict, key: str, where: str) -> tuple[str, ...]:
        value = entry.get(key)
        if value is None:
            return ()
        if isinstance(value, (str, int)) and not isinstance(value, bool):
            value = [value]
        if not isinstance(value, list):
            self.fail(where, f"field {key!r}: expected a list; got {value!r}")
        for v in value:
            if isinstance(v, bool) or not isinstance(v, (str, int, float)) or v == "":
                self.fail(where, f"field {key!r}: expected a list of names or ids; got {v!r} in it")
        return tuple(str(v) for v in value)

    def flag(self, entry: dict, key: str, where: str) -> bool:
        value = entry.get(key, True)
        if not isinstance(value, bool):
            self.fail(where, f"field {key!r}: expected true or false; got {value!r}")
        return value

    def choice(self, value, where: str, what: str, allowed: list[str]) -> str:
        from graph.evaluate.match import norm  # here: match imports this module

        if not isinstance(value, str) or norm(value) not in {norm(a) for a in allowed}:
            self.fail(where, f"{what}: {value!r} is not one of {', '.join(allowed)}")
        return value

    def iso_date(self, value, where: str, key: str) -> str:
        if isinstance(value, _dt.datetime) or not isinstance(value, (_dt.date, str)):
            self.fail(where, f"field {key!r}: expected a date YYYY-MM-DD; got {value!r}")
        try:
            _dt.date.fromisoformat(str(value))
        except ValueError:
            self.fail(where, f"field {key!r}: expected a date YYYY-MM-DD; got {value!r}")
        return str(value)

    def figure(self, entry: dict, key: str, where: str) -> Range | None:
        value = entry.get(key)
        if value is None:
            return None

        def number(v):
            if isinstance(v, bool) or not isinstance(v, (int, float)) or math.isnan(v):
                self.fail(where, f"field {key!r}: expected a number or [min, max]; got {value!r}")
            return v

        if isinstance(value, list):
            if len(value) != 2:
                self.fail(where, f"field {key!r}: expected a number or [min, max]; got {value!r}")
            lo, hi = number(value[0]), number(value[1])
            if lo > hi:
                self.fail(where, f"field {key!r}: min {lo} is above max {hi}")
            return (lo, hi)
        n = number(value)
        return (n, n)

    def triple(self, row, where: str, what: str, allowed: list[str], ids: set[str], kind: str
               ) -> tuple[str, str, str, list]:
        if not isinstance(row, list) or len(row) < 3:
            self.fail(where, f"expected [SOURCE, TYPE, TARGET, ...]; got {row!r}")
        source, typ, target, *rest = row
        source, target = str(source), str(target)
        self.choice(typ, where, what, allowed)
        for ref in (source, target):
            if ref not in ids:
                self.fail(where, f"unknown {kind} id {ref!r} (known: {', '.join(sorted(ids)) or 'none'})")
        return source, typ, target, rest


def _entry_where(section: str, index: int, entry) -> str:
    ident = entry.get("id") if isinstance(entry, dict) else None
    return f"{section}[{index}]" + (f" ({ident})" if ident is not None else "")


def _unique_ids(check: _Checker, section: str, entries: list) -> None:
    seen: set[str] = set()
    for i, entry in enumerate(entries):
        ident = str(entry.get("id"))
        if ident in seen:
            check.fail(_entry_where(section, i, entry), f"id {ident!r} is used twice in {section}")
        seen.add(ident)


def load_gold(path: str | Path) -> GoldArticle:
    """Read one ``NAME.gold.yaml`` (and the article text beside it, when there).

    Raises:
        GoldError: the file cannot be read, is not YAML, or a field does not follow the format.
    """
    path = Path(path)
    check = _Checker(path)
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise GoldError(path, "", f"cannot read: {exc.strerror or exc}") from exc
    except UnicodeDecodeError as exc:
        raise GoldError(path, "", f"not UTF-8 text ({exc.reason} at byte {exc.start})") from exc
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = f"line {mark.line + 1}" if mark else ""
        raise GoldError(path, line, f"not valid YAML: {getattr(exc, 'problem', None) or exc}") from exc
    except ValueError as exc:  # PyYAML builds dates while parsing: "2024-13-01"
        raise GoldError(path, "", f"a value is not valid: {exc}") from exc
    check.mapping(data, "", _TOP)
    article_file = check.text(data, "article", "", required=True)

    actors = []
    raw_actors = check.entries(data, "actors")
    for i, a in enumerate(raw_actors):
        where = _entry_where("actors", i, a)
        check.mapping(a, where, _ACTOR)
        typ = a.get("type")
        if typ is not None:
            check.choice(typ, where, "field 'type'", [t.value for t in ActorType])
        actors.append(GoldActor(id=check.text(a, "id", where, required=True),
                                name=check.text(a, "name", where, required=True),
                                aliases=check.texts(a, "aliases", where), type=typ,
                                country=check.text(a, "country", where),
                                required=check.flag(a, "required", where)))
    _unique_ids(check, "actors", raw_actors)
    actor_ids = {a.id for a in actors}

    places = []
    raw_places = check.entries(data, "places")
    for i, p in enumerate(raw_places):
        where = _entry_where("places", i, p)
        check.mapping(p, where, _PLACE)
        places.append(GoldPlace(id=check.text(p, "id", where, required=True),
                                name=check.text(p, "name", where, required=True),
                                aliases=check.texts(p, "aliases", where),
                                country=check.text(p, "country", where)))
    _unique_ids(check, "places", raw_places)
    place_ids = {p.id for p in places}

    events = []
    raw_events = check.entries(data, "events")
    for i, e in enumerate(raw_events):
        where = _entry_where("events", i, e)
        check.mapping(e, where, _EVENT)
        refs = {}
        for key, known, kind in (("agents", actor_ids, "actor"), ("targets", actor_ids, "actor"),
                                 ("places", place_ids, "place")):
            refs[key] = check.texts(e, key, where)
            for ref in refs[key]:
                if ref not in known:
                    check.fail(where, f"field {key!r}: unknown {kind} id {ref!r} "
                                      f"(known: {', '.join(sorted(known)) or 'none'})")
        date = e.get("date")
        alternatives = e.get("date_alternatives") or []
        if not isinstance(alternatives, list):
            check.fail(where, f"field 'date_alternatives': expected a list of dates; got {alternatives!r}")
        events.append(GoldEvent(
            id=check.text(e, "id", where, required=True),
            type=check.choice(e.get("type"), where, "field 'type'", [t.value for t in EventType]),
            trigger=check.text(e, "trigger", where), cameo=check.text(e, "cameo", where),
            agents=refs["agents"], targets=refs["targets"], places=refs["places"],
            date=None if date in (None, "") else check.iso_date(date, where, "date"),
            date_alternatives=tuple(check.iso_date(d, where, "date_alternatives") for d in alternatives),
            killed=check.figure(e, "killed", where), injured=check.figure(e, "injured", where),
            weapons=check.texts(e, "weapons", where),
            agents_required=check.flag(e, "agents_required", where),
            targets_required=check.flag(e, "targets_required", where),
            required=check.flag(e, "required", where)))
    _unique_ids(check, "events", raw_events)
    event_ids = {e.id for e in events}

    affiliations = []
    for i, row in enumerate(check.entries(data, "affiliations")):
        source, typ, target, rest = check.triple(row, f"affiliations[{i}]", "affiliation type",
                                                 [t.value for t in AffiliationType], actor_ids, "actor")
        role = next((str(r) for r in rest if r != "optional"), None)
        affiliations.append(GoldAffiliation(source, typ, target, role, "optional" in rest))

    relations = []
    for i, row in enumerate(check.entries(data, "relations")):
        source, typ, target, rest = check.triple(row, f"relations[{i}]", "relation type",
                                                 [t.value for t in RelationType], event_ids, "event")
        if any(r != "optional" for r in rest):
            check.fail(f"relations[{i}]", f"the 4th element may only be 'optional'; got {rest!r}")
        relations.append(GoldRelation(source, typ, target, "optional" in rest))

    text_path = path.parent / Path(article_file).name
    try:
        text = text_path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        text = None
    published = data.get("published")
    return GoldArticle(path=path, article=article_key(article_file), actors=tuple(actors),
                       places=tuple(places), events=tuple(events), affiliations=tuple(affiliations),
                       relations=tuple(relations), published=None if published is None else str(published),
                       outlet=check.text(data, "outlet", ""), text=text)


def load_clusters(folder: str | Path) -> tuple[tuple[tuple[str, str], ...], ...] | None:
    """The clusters of ``FOLDER/same-occurrence.yaml`` as (article, event id) pairs; ``None`` if absent.

    Raises:
        GoldError: the file is not a list of lists of ``ARTICLE#EVENT_ID``.
    """
    path = Path(folder) / "same-occurrence.yaml"
    if not path.exists():
        return None
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or []
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise GoldError(path, "", f"cannot read: {exc}") from exc
    if not isinstance(data, list):
        raise GoldError(path, "", f"expected a list of clusters; got {type(data).__name__}")
    clusters = []
    for i, cluster in enumerate(data):
        if not isinstance(cluster, list):
            raise GoldError(path, f"cluster [{i}]", f"expected a list of ARTICLE#EVENT_ID; got {cluster!r}")
        members = []
        for m in cluster:
            if not isinstance(m, str) or "#" not in m:
                raise GoldError(path, f"cluster [{i}]", f"expected ARTICLE#EVENT_ID; got {m!r}")
            art, ev = m.split("#", 1)
            members.append((art, ev))
        clusters.append(tuple(members))
    return tuple(clusters)


def load_gold_set(paths: Iterable[str | Path]) -> GoldSet:
    """Every gold file named by ``paths`` and the clusters of their folders.

    Raises:
        GoldError: a path or a gold file is bad, or two gold files name the same article.
    """
    paths = list(paths)
    articles = [load_gold(p) for p in gold_files(paths)]
    seen: dict[str, Path] = {}
    for g in articles:
        if g.article in seen:
            raise GoldError(g.path, "", f"article {g.article!r} is also annotated by {seen[g.article]}")
        seen[g.article] = g.path
    folders = dict.fromkeys(p if p.is_dir() else p.parent for p in map(Path, paths))
    clusters = tuple(c for folder in folders for c in load_clusters(folder) or ())
    return GoldSet(articles=tuple(articles), clusters=clusters)
