"""Actors across articles: one :class:`~graph.resolve.records.Entity` per real-world actor.

Each per-article actor gets a key, in this order (the first that applies):

1. **generic** (:func:`~graph.resolve.names.is_generic`: civilians, "militants", "the Navy"
   with no country): an entity of its own article only (``local:ARTICLE#ID``); it never links
   two articles and never counts as a shared actor;
2. **Wikidata**: the actor's own Wikidata id (``wd:Q794``);
3. **gazetteer**: the single entry of the bundled gazetteer that its name (else one of its
   aliases) names, with the same type and a compatible country: names, aliases, demonyms,
   capitals, acronyms and "Iraq's Foreign Ministry" forms (``wd:Q..`` when the entry has a
   Wikidata id, else ``gaz:TYPE:COUNTRY:NAME``);
4. **person**: a person's name without titles (``person:GIVEN SURNAME``); a fuller form of a
   name ("Ali Hosseini Khamenei" for "Ali Khamenei") joins it when it is the only fuller form
   with that surname; a **surname alone** ("Kirby") joins the one full name with that surname
   (from any article, or from ``known`` entities) when there is exactly one, stays a surname
   entity shared by the articles that only give the surname when there is none, and stays an
   entity of its own article when there are several ("Bush" with George and George W.);
5. **name**: type, country and normalised name (``name:TYPE:COUNTRY:NAME``). Such an actor
   joins another entity when its name is an **alias** or the **acronym** of exactly one other
   entity of the same type and a compatible country ("KRG" for the Kurdistan Regional
   Government named in full elsewhere).

Type must agree for every link (a state and its military are two entities; so are a person and
an organisation of the same name), and countries must not differ where both are known.

>>> from graph.resolve.records import ActorRef
>>> from graph.vocab.actor_types import ActorType as T
>>> table = resolve_actors([
...     ActorRef("a1", "us", "United States", T.STATE, "USA", wikidata="Q30"),
...     ActorRef("a2", "washington", "Washington", T.STATE, "USA"),
...     ActorRef("a1", "kirby", "John Kirby", T.PERSON, aliases=("Kirby",)),
...     ActorRef("a2", "kirby", "Kirby", T.PERSON)])
>>> table.key_of("a2#washington"), table.key_of("a2#kirby")
('wd:Q30', 'person:john kirby')
>>> table.entity("person:john kirby").links[1].via
'surname'
"""
from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache

from networkx.utils import UnionFind

from graph.resolve.names import PersonName, acronyms, is_acronym, is_generic, person_name
from graph.resolve.records import ActorRef, Entity, EntityLink
from graph.vocab.actor_types import ActorType
from graph.vocab.gazetteer import GazetteerEntry, clean, generic_body, lookup, split_titled_name
from graph.vocab.gazetteer import loose_key as _loose_key

__all__ = ["EntityTable", "resolve_actors", "entry_key", "WIKIDATA_ID"]

WIKIDATA_ID = re.compile(r"^Q[1-9][0-9]*$")

#: which kind of key wins when links join several keys into one entity
_RANK = {"wd": 0, "gaz": 1, "person": 2, "name": 3, "local": 4}


@lru_cache(maxsize=1 << 18)
def loose_key(text: str) -> str:
    """:func:`graph.vocab.gazetteer.loose_key`, cached (the same names come back in every article)."""
    return _loose_key(text)


def entry_key(entry: GazetteerEntry) -> str:
    """The entity key of a gazetteer entry: its Wikidata id, else type, country and name.

    >>> from graph.vocab.gazetteer import best
    >>> entry_key(best("Iran")), entry_key(best("Pentagon"))
    ('wd:Q794', 'gaz:government:USA:pentagon')
    """
    if entry.wikidata and WIKIDATA_ID.match(entry.wikidata):
        return f"wd:{entry.wikidata}"
    return f"gaz:{entry.type.value}:{entry.country or '-'}:{loose_key(entry.name)}"


def _compatible(a: str | None, b: str | None) -> bool:
    return a is None or b is None or a == b


@dataclass
class _Actor:
    ref: ActorRef
    key: str
    via: str
    person: PersonName | None = None
    entry: GazetteerEntry | None = None


@dataclass(frozen=True)
class EntityTable:
    """Entities by key, and the key of every per-article actor (``ARTICLE#ID``).

    ``entities`` holds the entities of the actors given (known entities that no given actor
    joined are not repeated).
    """

    entities: dict[str, Entity]
    keys: dict[str, str] = field(default_factory=dict)

    def key_of(self, actor_key: str) -> str | None:
        """The entity key of the actor ``ARTICLE#ID``, or None when it was not given."""
        return self.keys.get(actor_key)

    def entity(self, key: str) -> Entity | None:
        """The entity with ``key``, or None."""
        return self.entities.get(key)

    def of(self, actor_key: str) -> Entity | None:
        """The entity of the actor ``ARTICLE#ID``, or None."""
        key = self.keys.get(actor_key)
        return self.entities.get(key) if key else None


def _gazetteer(ref: ActorRef) -> GazetteerEntry | None:
    """The one gazetteer entry the actor's name (else an alias) names, with its type and country."""
    return _gazetteer_entry(ref.name, ref.aliases, ref.type, ref.country)


@lru_cache(maxsize=1 << 16)
def _gazetteer_entry(name: str, aliases: tuple[str, ...], atype: ActorType | None,
                     country: str | None) -> GazetteerEntry | None:
    for form in (name, *aliases):
        found = [m.entry for m in lookup(form)]
        if not found:
            body = generic_body(form)
            found = [body] if body is not None else []
        fits = {entry_key(e): e for e in found
                if (atype is None or e.type is atype) and _compatible(country, e.country)}
        if len(fits) == 1:
            return next(iter(fits.values()))
        if len(fits) > 1:
            return None  # ambiguous by its own name: no alias can settle it
    return None


def _primary(ref: ActorRef) -> _Actor:
    if is_generic(ref.name, ref.type, ref.country):
        return _Actor(ref, f"local:{ref.key}", "article")
    if ref.wikidata and WIKIDATA_ID.match(ref.wikidata):
        return _Actor(ref, f"wd:{ref.wikidata}", "wikidata")
    if ref.type is not ActorType.PERSON:
        entry = _gazetteer(ref)
        if entry is not None:
            return _Actor(ref, entry_key(entry), "gazetteer", entry=entry)
    if ref.type is ActorType.PERSON:
        name = person_name(ref.name)
        if name is None:
            return _Actor(ref, f"local:{ref.key}", "article")
        return _Actor(ref, f"person:{name.key}", "name", person=name)
    return _Actor(ref, f"name:{ref.type.value if ref.type else '-'}:{ref.country or '-'}:{loose_key(ref.name)}",
                  "name")


def _known_person(e: Entity) -> PersonName | None:
    return person_name(e.name) if e.type is ActorType.PERSON and e.key.startswith("person:") else None


def resolve_actors(actors: Iterable[ActorRef], known: Iterable[Entity] = ()) -> EntityTable:
    """Give every per-article actor its entity (see the module docstring for the rules).

    Args:
        actors: the per-article actors, several articles mixed.
        known: entities resolved before (e.g. read from the store), so that a surname, an alias
            or an acronym can join an entity of an article not given here; their name, type and
            country are kept.

    Returns:
        The :class:`EntityTable`.

    >>> from graph.vocab.actor_types import ActorType as T
    >>> t = resolve_actors([ActorRef("a", "tlf", "Tigris Liberation Front", T.ARMED_GROUP, "IRQ"),
    ...                     ActorRef("b", "tlf", "TLF", T.ARMED_GROUP, "IRQ"),
    ...                     ActorRef("c", "m", "militants", T.ARMED_GROUP)])
    >>> t.key_of("b#tlf") == t.key_of("a#tlf"), t.of("b#tlf").links[1].via, t.key_of("c#m")
    (True, 'acronym', 'local:c#m')
    """
    known = {e.key: e for e in known}
    items = [_primary(ref) for ref in sorted(actors, key=lambda a: a.key)]  # independent of the input's order
    uf = UnionFind()
    via: dict[int, str] = {}  # index of an actor -> how a redirect joined it

    # persons: fuller forms, then surnames
    full: dict[str, dict[str, PersonName]] = defaultdict(dict)  # surname -> key -> name
    countries: dict[str, set[str]] = defaultdict(set)
    for it in items:
        if it.person is not None and it.person.full:
            full[it.person.surname][it.key] = it.person
            if it.ref.country:
                countries[it.key].add(it.ref.country)
    for e in known.values():
        name = _known_person(e)
        if name is not None and name.full:
            full[name.surname][e.key] = name
            if e.country:
                countries[e.key].add(e.country)
    fuller: dict[str, str] = {}
    for surname, names in full.items():
        for key, name in names.items():
            longer = [k for k, n in names.items() if n.extends(name)]
            if len(longer) == 1:
                fuller[key] = longer[0]
    for key, target in fuller.items():
        uf.union(target, key)

    def group_of(key: str) -> str:
        return uf[key]

    for i, it in enumerate(items):
        if it.person is None:
            continue
        if it.person.full:
            if it.key in fuller:
                via[i] = "full name"
            continue
        groups = {group_of(k) for k in full.get(it.person.surname, {})
                  if all(_compatible(it.ref.country, c) for c in countries.get(k, ()) or (None,))}
        if len(groups) == 1:
            it.key, via[i] = next(iter(groups)), "surname"
        elif len(groups) > 1:
            it.key, it.via = f"local:{it.ref.key}", "article"

    # aliases and acronyms of named (non-gazetteer) actors
    forms: dict[tuple, set[str]] = defaultdict(set)  # (type, form) -> keys naming it as name or alias
    initials: dict[tuple, set[str]] = defaultdict(set)  # (type, ACRONYM) -> keys
    country_of: dict[str, str | None] = {}
    for it in items:
        if it.key.startswith("local:") or it.person is not None:
            continue
        t = it.ref.type
        for form in (it.ref.name, *it.ref.aliases):
            forms[(t, loose_key(form))].add(it.key)
        for acr in acronyms(it.ref.name):
            initials[(t, acr)].add(it.key)
        country_of.setdefault(it.key, it.ref.country)
    for e in known.values():
        if e.is_local or e.type is ActorType.PERSON:
            continue
        for form in (e.name, *e.names):
            forms[(e.type, loose_key(form))].add(e.key)
        for acr in acronyms(e.name):
            initials[(e.type, acr)].add(e.key)
        country_of.setdefault(e.key, e.country)
    for i, it in enumerate(items):
        if it.via != "name" or it.person is not None:
            continue
        t, own = it.ref.type, it.key
        fits = lambda keys: {group_of(k) for k in keys  # noqa: E731
                             if k != own and _compatible(it.ref.country, country_of.get(k))}
        others = fits(forms.get((t, loose_key(it.ref.name)), ()))
        how = "alias"
        if not others and is_acronym(it.ref.name):
            others = fits(initials.get((t, it.ref.name.replace(".", "").upper()), ()))
            how = "acronym"
        if len(others) == 1:
            target = next(iter(others))
            if group_of(own) != group_of(target):
                uf.union(target, own)
                via[i] = how

    # representatives: the strongest key of each group (known keys count, so that a group keeps
    # the key it has in the store)
    members: dict[str, list[str]] = defaultdict(list)
    for it in items:
        members[group_of(it.key)].append(it.key)
    for key in known:
        if key in uf.parents and group_of(key) in members:
            members[group_of(key)].append(key)
    best = {root: min(keys, key=lambda k: (_RANK[k.split(":", 1)[0]], -len(k), k)) for root, keys in members.items()}

    grouped: dict[str, list[tuple[int, _Actor]]] = defaultdict(list)
    for i, it in enumerate(items):
        final = best[group_of(it.key)]
        if final != it.key and i not in via:
            via[i] = "alias"
        grouped[final].append((i, it))
    entities: dict[str, Entity] = {}
    keys: dict[str, str] = {}
    for key, group in grouped.items():
        links = tuple(EntityLink(it.ref, via.get(i, it.via)) for i, it in group)
        for link in links:
            keys[link.actor.key] = key
        entities[key] = _entity(key, [it for _, it in group], links, known.get(key))
    return EntityTable(entities, keys)


def _entity(key: str, group: list[_Actor], links: tuple[EntityLink, ...], known: Entity | None) -> Entity:
    refs = [it.ref for it in group]
    names = sorted({n for r in refs for n in (r.name, *r.aliases)} | set(known.names if known else ()))
    if known is not None:
        return Entity(key, known.name, known.type, known.country, known.wikidata, tuple(names), links)
    entry = next((it.entry for it in group if it.entry is not None), None)
    types = Counter(r.type for r in refs if r.type is not None)
    countries = Counter(r.country for r in refs if r.country)
    wikidata = key[3:] if key.startswith("wd:") else None
    if entry is not None:
        name = entry.name
    elif key.startswith("person:"):
        persons = [it for it in group if it.person is not None]
        name = max(persons, key=lambda it: (len(it.person.given) + 1, len(it.ref.name), it.ref.name)).ref.name \
            if persons else refs[0].name
        name = _strip_title(name)
    else:
        counts = Counter(r.name for r in refs)
        name = min(counts, key=lambda n: (-counts[n], -len(n), n))
    atype = entry.type if entry is not None else (min(types, key=lambda t: (-types[t], t.value)) if types else None)
    country = (entry.country if entry is not None and entry.country else
               (min(countries, key=lambda c: (-countries[c], c)) if countries else None))
    return Entity(key, name, atype, country, wikidata, tuple(names), links)


def _strip_title(name: str) -> str:
    words = clean(name).split()
    after = split_titled_name(words).after
    return " ".join(after) if after else name
