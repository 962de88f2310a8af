"""Events across articles: one :class:`~graph.resolve.records.Occurrence` per real-world occurrence.

How two reports (events of different articles) are judged, with the weights of
:class:`~graph.resolve.rules.Rules`:

* **blocking**: only events of the same coarse type, with compatible dates (at most
  ``date_tolerance`` days apart; an undated event happened between ``lookback`` days before its
  article's publication and the day after) and at least one shared entity or state side, are
  compared at all;
* **hard conflicts** (never one occurrence): the same article (an article's extraction already
  joined its own mentions of one occurrence); an operation and one of the incidents of an
  operation (``part_of``); named agents, or named targets, with no entity and no state in common;
  places that are all apart (:mod:`graph.resolve.places`);
* **evidence**, added up: the date, each shared entity (a person weighs more than a group, a
  group more than a state), a state side in common, the place, the subtype, equal casualty
  figures (figures far apart count against), weapons, and, in a second pass, being ``about``,
  ``retaliation_for`` or ``part_of`` the same occurrence;
* **decision**: two dated reports merge when the sum reaches ``threshold``; when either is
  undated, the evidence other than the date must reach ``undated_threshold``. A speech act
  (statement, accusation, threat, demand) needs the same speaker, a person or a body: a state
  as speaker ("Washington said") names a position, not an occasion two outlets can share.

How precision is kept when reports join into occurrences:

* **mutual best match**: a report joins a report of another article only when each is the
  other's single best-scoring report in that article (a tie merges neither, except that an
  operation wins a tie with its own incidents: a report that fits the whole and a part equally
  is taken as reporting the whole);
* **guarded closure**: merges are made best score first, and two groups join only when they
  share no article, *every* pair across them is free of hard conflicts (so that chains cannot
  glue different incidents: day 1 ~ day 2 ~ day 3 stops at day 3, days 1 and 3 conflict), and
  no report of one group prefers another report of an article of the other;
* every merge keeps its score and evidence (:class:`~graph.resolve.records.MergeLink`).

>>> from datetime import date
>>> from graph.resolve.entities import resolve_actors
>>> from graph.resolve.records import ActorRef, EventRef
>>> from graph.vocab.actor_types import ActorType as T
>>> from graph.vocab.event_types import EventType
>>> actors = [ActorRef(a, "us", "United States", T.STATE, "USA", wikidata="Q30") for a in ("a", "b")]
>>> actors += [ActorRef(a, "kh", "Kataib Hezbollah", T.ARMED_GROUP, "IRQ") for a in ("a", "b")]
>>> events = [EventRef("a", "e1", EventType.ATTACK, date=date(2021, 2, 25), agents=("us",), targets=("kh",), killed=17),
...           EventRef("b", "e4", EventType.ATTACK, date=date(2021, 2, 26), agents=("us",), targets=("kh",), killed=22)]
>>> [o.killed.text for o in resolve_events(events, resolve_actors(actors)) if o.merged]
['17-22']
"""
from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date

from graph.resolve.entities import EntityTable, loose_key
from graph.resolve.places import best_relation, describe, site
from graph.resolve.records import EventRef, FigureRange, MergeLink, Occurrence
from graph.resolve.rules import SPEECH_TYPES, Rules
from graph.vocab.actor_types import ActorType
from graph.vocab.event_types import RelationType

__all__ = ["Comparison", "resolve_events"]

#: actor types whose country is a side: the state and its organs
_SIDE_TYPES = frozenset({ActorType.STATE, ActorType.MILITARY, ActorType.GOVERNMENT})


@dataclass(frozen=True, slots=True)
class Comparison:
    """What comparing two reports found: total score, the part not from the date, evidence, conflict.

    ``conflict`` names the reason they cannot be one occurrence (None when they can);
    ``actors`` whether they share an entity or a side at all; ``speaker`` whether they share an
    agent entity that is not a state.
    """

    score: float
    nondate: float
    reasons: tuple[str, ...]
    conflict: str | None = None
    actors: bool = False
    speaker: bool = False


@dataclass
class _View:
    """One report with its actors as entity keys, its level and its day range."""

    i: int
    ref: EventRef
    agents: frozenset[str]
    targets: frozenset[str]
    agent_sides: frozenset[str]
    target_sides: frozenset[str]
    level: str | None
    weapons: frozenset[str] = frozenset()
    lo: int | None = None  # first and last day (ordinals) it may have happened on
    hi: int | None = None
    related: dict = field(default_factory=dict)  # RelationType -> frozenset of occurrence keys (pass 2)

    @property
    def blocks(self) -> frozenset[str]:
        return self.agents | self.targets | {f"side:{s}" for s in self.agent_sides | self.target_sides}


def _levels(events: Sequence[EventRef]) -> dict[str, str]:
    """``incident`` for events ``part_of`` another, ``operation`` for events others are part of."""
    out: dict[str, str] = {}
    ids = {(e.article, e.id) for e in events}
    for e in events:
        for target in e.related(RelationType.PART_OF):
            if (e.article, target) in ids:
                out.setdefault(e.key, "incident")
                out[f"{e.article}#{target}"] = "operation"
    return out


def _views(events: Sequence[EventRef], table: EntityTable, rules: Rules) -> list[_View]:
    levels = _levels(events)
    views = []
    for i, e in enumerate(events):
        roles = []
        for ids in (e.agents, e.targets):
            keys, sides = set(), set()
            for actor_id in ids:
                entity = table.of(f"{e.article}#{actor_id}")
                if entity is None or entity.is_local:
                    continue
                keys.add(entity.key)
                if entity.type in _SIDE_TYPES and entity.country:
                    sides.add(entity.country)
            roles.append((frozenset(keys), frozenset(sides)))
        v = _View(i, e, roles[0][0], roles[1][0], roles[0][1], roles[1][1], levels.get(e.key),
                  frozenset(loose_key(w) for w in e.weapons))
        if e.date is not None:
            v.lo = v.hi = e.date.toordinal()
        elif e.published is not None:
            v.lo, v.hi = e.published.toordinal() - rules.lookback, e.published.toordinal() + rules.date_tolerance
        views.append(v)
    return views


def _name(table: EntityTable, key: str) -> str:
    entity = table.entity(key)
    return entity.name if entity is not None else key


def _dates(a: _View, b: _View, rules: Rules) -> tuple[str | None, float, str]:
    """(conflict, weight, reason) of the two reports' dates."""
    if a.lo is None or b.lo is None:
        return "no date and no publication date", 0.0, ""
    da, db = a.ref.date, b.ref.date
    if da is not None and db is not None:
        gap = abs(da.toordinal() - db.toordinal())
        if gap == 0:
            return None, rules.same_day, f"same day {da.isoformat()}"
        if gap <= rules.date_tolerance:
            weight = 0.0 if a.ref.type in SPEECH_TYPES else rules.next_day
            return None, weight, f"dates {min(da, db).isoformat()} and {max(da, db).isoformat()}, within a day"
        return f"dates {gap} days apart", 0.0, ""
    if a.hi < b.lo or b.hi < a.lo:
        return "too far apart in time (undated, published on different days)", 0.0, ""
    undated = [v for v in (a, b) if v.ref.date is None]
    return None, 0.0, "; ".join(f"undated in {v.ref.article} (published {v.ref.published})" for v in undated)


def _figures(what: str, x: int | None, y: int | None, rules: Rules) -> tuple[float, str]:
    if x is None or y is None:
        return 0.0, ""
    low, high = sorted((x, y))
    if low == high and low > 0:
        return rules.figure_same, f"both report {low} {what}"
    if high > 2 * low + 5:
        return rules.figures_far, f"{what} figures far apart ({low} and {high})"
    return 0.0, ""


def compare(a: _View, b: _View, table: EntityTable, rules: Rules) -> Comparison:
    """Compare two reports (see the module docstring): score, evidence, conflict.

    Hard conflicts return at once with no score; the evidence is then added in a fixed order,
    the date's first in ``reasons``.
    """
    ra, rb = a.ref, b.ref
    if ra.article == rb.article:
        return Comparison(0.0, 0.0, (), "the same article")
    if ra.type is not rb.type:
        return Comparison(0.0, 0.0, (), "different types")
    if {a.level, b.level} == {"operation", "incident"}:
        return Comparison(0.0, 0.0, (), "an operation and an incident of an operation")
    conflict, date_weight, date_reason = _dates(a, b, rules)
    if conflict:
        return Comparison(0.0, 0.0, (), conflict)
    for role, x, y, xs, ys in (("agents", a.agents, b.agents, a.agent_sides, b.agent_sides),
                               ("targets", a.targets, b.targets, a.target_sides, b.target_sides)):
        if x and y and not (x & y) and not (xs & ys):
            return Comparison(0.0, 0.0, (), f"different {role}")
    relation, p, q = best_relation(ra.places, rb.places)
    if relation == "apart":
        return Comparison(0.0, 0.0, (), f"places apart ({p.name}, {q.name})")

    score, reasons = 0.0, []

    def add(weight: float, reason: str) -> None:
        nonlocal score
        if weight or reason:
            score += weight
            reasons.append(reason)

    shared = False
    for role, x, y in (("agent", a.agents, b.agents), ("target", a.targets, b.targets)):
        for key in sorted(x & y):
            entity = table.entity(key)
            add(rules.actor_weight(entity.type if entity else None), f"shared {role} {_name(table, key)}")
            shared = True
    for key in sorted(((a.agents & b.targets) | (a.targets & b.agents)) - (a.agents & b.agents) - (a.targets & b.targets)):
        entity = table.entity(key)
        add(rules.cross_role * rules.actor_weight(entity.type if entity else None),
            f"{_name(table, key)} on both sides")
        shared = True
    speaker = any((e := table.entity(k)) is not None and e.type is not ActorType.STATE for k in a.agents & b.agents)
    if not shared:
        sides = (a.agent_sides & b.agent_sides) | (a.target_sides & b.target_sides)
        if sides:
            add(rules.same_side, "actors of the same state: " + ", ".join(sorted(sides)))
            shared = True
    if relation == "same":
        add(rules.place_same, describe(relation, p, q))
    elif relation in ("inside", "near"):
        add(rules.place_inside, describe(relation, p, q))
    if ra.subtype is not None and rb.subtype is not None:
        if ra.subtype is rb.subtype:
            add(rules.subtype_same, f"both {ra.subtype.value}")
        else:
            add(rules.subtype_differs, f"{ra.subtype.value} against {rb.subtype.value}")
    for what, x, y in (("killed", ra.killed, rb.killed), ("injured", ra.injured, rb.injured)):
        weight, reason = _figures(what, x, y, rules)
        add(weight, reason)
    weapons = a.weapons & b.weapons
    if weapons:
        add(rules.weapon, "both name " + ", ".join(sorted(weapons)))
    for kind, weight, words in ((RelationType.ABOUT, rules.about_same, "both about"),
                                (RelationType.RETALIATION_FOR, rules.retaliation_same, "both retaliation for"),
                                (RelationType.PART_OF, rules.part_same, "both part of")):
        common = a.related.get(kind, frozenset()) & b.related.get(kind, frozenset())
        if common:
            add(weight, f"{words} one occurrence")
    nondate = score
    if date_reason:
        add(date_weight, date_reason)
        reasons.insert(0, reasons.pop())
    return Comparison(score, nondate, tuple(reasons), None, shared, speaker)


def _accept(c: Comparison, a: _View, b: _View, rules: Rules) -> bool:
    if c.conflict is not None or not c.actors:
        return False
    if a.ref.type in SPEECH_TYPES and not c.speaker:
        return False
    if a.ref.date is not None and b.ref.date is not None:
        return c.score >= rules.threshold
    return c.nondate >= rules.undated_threshold


def _candidates(views: Sequence[_View], rules: Rules) -> set[tuple[int, int]]:
    """Pairs of reports of one type, overlapping day ranges and a shared entity or side."""
    index: dict[tuple, list[_View]] = defaultdict(list)
    for v in views:
        if v.lo is None:
            continue
        for day in range(v.lo, v.hi + 1) if v.ref.date is None else (v.lo,):
            for block in v.blocks:
                index[(v.ref.type, day, block)].append(v)
    pairs: set[tuple[int, int]] = set()
    for v in views:
        if v.lo is None:
            continue
        lo, hi = (v.lo - rules.date_tolerance, v.hi + rules.date_tolerance) if v.ref.date is not None \
            else (v.lo, v.hi)
        for block in v.blocks:
            for day in range(lo, hi + 1):
                for u in index.get((v.ref.type, day, block), ()):
                    if u.i != v.i and u.ref.article != v.ref.article:
                        pairs.add((min(u.i, v.i), max(u.i, v.i)))
    return pairs


def _wholes(v: _View) -> set[str]:
    """The keys of the operations a report is an incident of."""
    return {f"{v.ref.article}#{t}" for t in v.ref.related(RelationType.PART_OF)}


def _edges(views: Sequence[_View], table: EntityTable, rules: Rules, pairs: Iterable[tuple[int, int]],
           previous: dict | None = None) -> tuple[list[tuple[float, int, int, Comparison]], dict, dict]:
    """The accepted pairs that are mutual single best matches, best first.

    Also returns every comparison made, and the best accepted score of each report in each
    other article. A tie in one article is broken only in favour of an operation over its own
    incidents (a report that fits the whole and a part equally is taken as reporting the whole).
    ``previous`` comparisons are reused for pairs of reports without links to occurrences.
    """
    compared: dict[tuple[int, int], Comparison] = {}
    best: dict[tuple[int, str], tuple[float, list[int]]] = {}  # (report, other article) -> (score, partners)
    for i, j in sorted(pairs):
        c = previous.get((i, j)) if previous is not None and not (views[i].related or views[j].related) else None
        c = compared[(i, j)] = c or compare(views[i], views[j], table, rules)
        if not _accept(c, views[i], views[j], rules):
            continue
        for x, y in ((i, j), (j, i)):
            slot = (x, views[y].ref.article)
            held = best.get(slot)
            if held is None or c.score > held[0]:
                best[slot] = (c.score, [y])
            elif c.score == held[0]:
                held[1].append(y)
    choice: dict[tuple[int, str], int | None] = {}
    for slot, (_, partners) in best.items():
        whole = [p for p in partners if views[p].level == "operation"]
        if len(partners) == 1:
            choice[slot] = partners[0]
        elif len(whole) == 1 and all(p in whole or views[whole[0]].ref.key in _wholes(views[p]) for p in partners):
            choice[slot] = whole[0]
        else:
            choice[slot] = None
    edges = []
    for (i, j), c in compared.items():
        if choice.get((i, views[j].ref.article)) == j and choice.get((j, views[i].ref.article)) == i:
            edges.append((c.score, i, j, c))
    edges.sort(key=lambda t: (-t[0], views[t[1]].ref.key, views[t[2]].ref.key))
    return edges, compared, {slot: score for slot, (score, _) in best.items()}


def _cluster(views: Sequence[_View], table: EntityTable, rules: Rules,
             edges, compared, best) -> list[tuple[list[int], list[MergeLink]]]:
    """Join reports along the edges, best first, while the groups stay consistent.

    Two groups join only when they share no article, no pair across them conflicts, and no
    report of one prefers another report of an article of the other (its best score there is
    the pair's own).
    """
    group = {v.i: v.i for v in views}
    members: dict[int, list[int]] = {v.i: [v.i] for v in views}
    links: dict[int, list[MergeLink]] = {v.i: [] for v in views}
    articles: dict[int, set[str]] = {v.i: {v.ref.article} for v in views}

    def comparison(x: int, y: int) -> Comparison:
        key = (min(x, y), max(x, y))
        c = compared.get(key)
        if c is None:
            c = compared[key] = compare(views[key[0]], views[key[1]], table, rules)
        return c

    def consistent(x: int, y: int) -> bool:
        c = comparison(x, y)
        if c.conflict is not None:
            return False
        return all(best.get((u, views[v].ref.article), float("-inf")) <= c.score for u, v in ((x, y), (y, x)))

    for score, i, j, c in edges:
        gi, gj = group[i], group[j]
        if gi == gj or articles[gi] & articles[gj]:
            continue
        if not all(consistent(x, y) for x in members[gi] for y in members[gj]):
            continue
        if len(members[gi]) < len(members[gj]):
            gi, gj = gj, gi
        for x in members[gj]:
            group[x] = gi
        members[gi] += members.pop(gj)
        articles[gi] |= articles.pop(gj)
        links[gi] += links.pop(gj) + [MergeLink(views[i].ref.key, views[j].ref.key, round(score, 2), c.reasons)]
    return [(members[g], links[g]) for g in members]


def _order(e: EventRef) -> tuple:
    return (e.published or date.max, e.article, e.id)


def _occurrence(sources: list[EventRef], links: list[MergeLink], table: EntityTable) -> Occurrence:
    sources = sorted(sources, key=_order)
    first = sources[0]
    subtypes = Counter(s.subtype for s in sources if s.subtype is not None)
    subtype = max(subtypes, key=lambda s: (subtypes[s], -next(i for i, x in enumerate(sources) if x.subtype is s))) \
        if subtypes else None
    dates = [s.date for s in sources if s.date is not None]
    published = [s.published for s in sources if s.published is not None]

    def entities(role: str) -> tuple[str, ...]:
        out: dict[str, None] = {}
        for s in sources:
            for actor_id in getattr(s, role):
                key = table.key_of(f"{s.article}#{actor_id}")
                if key is not None:
                    out[key] = None
        return tuple(out)

    places: dict[str, None] = {}
    for s in sources:
        for p in s.places:
            places[site(p).name] = None
    agents, targets = entities("agents"), entities("targets")
    names = lambda keys: ", ".join(_name(table, k) for k in keys)  # noqa: E731
    label = f"{first.type.value}: {names(agents) or '?'} -> {names(targets) or '?'}"
    return Occurrence(
        key=first.key, type=first.type, subtype=subtype, sources=tuple(sources),
        links=tuple(sorted(links, key=lambda link: -link.score)),
        earliest=min(dates) if dates else None, latest=max(dates) if dates else None,
        reported=min(published) if published else None, agents=agents, targets=targets, places=tuple(places),
        killed=FigureRange.of((s.key, s.killed) for s in sources),
        injured=FigureRange.of((s.key, s.injured) for s in sources), label=label)


def resolve_events(events: Iterable[EventRef], table: EntityTable, rules: Rules | None = None) -> list[Occurrence]:
    """Group reports into occurrences (see the module docstring).

    Args:
        events: the reports, several articles mixed.
        table: the entities of their actors (:func:`graph.resolve.entities.resolve_actors`).
        rules: weights and thresholds (default :class:`~graph.resolve.rules.Rules`).

    Returns:
        Every occurrence, single-source ones included, in the order of their first reports.
    """
    rules = rules or Rules()
    events = sorted(events, key=lambda e: e.key)  # the result does not depend on the input's order
    views = _views(events, table, rules)
    pairs = _candidates(views, rules)
    edges, compared, best = _edges(views, table, rules, pairs)
    groups = _cluster(views, table, rules, edges, compared, best)
    if any(e.relations for e in events):  # pass 2: links to occurrences found in pass 1 count as evidence
        occurrence_of = {}  # only merged ones: two articles' events cannot link to one single report
        for members, _ in groups:
            if len(members) < 2:
                continue
            key = min((events[i] for i in members), key=_order).key
            for i in members:
                occurrence_of[events[i].key] = key
        for v in views:
            for kind in (RelationType.ABOUT, RelationType.RETALIATION_FOR, RelationType.PART_OF):
                targets = {occurrence_of.get(f"{v.ref.article}#{t}") for t in v.ref.related(kind)} - {None}
                if targets:
                    v.related[kind] = frozenset(targets)
        if any(v.related for v in views):
            edges, compared, best = _edges(views, table, rules, pairs, compared)
            groups = _cluster(views, table, rules, edges, compared, best)
    out = [_occurrence([events[i] for i in members], links, table) for members, links in groups]
    return sorted(out, key=lambda o: _order(o.sources[0]))
