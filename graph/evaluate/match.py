"""Pair predictions with gold, by the rules of ``shared/eval/score.py`` (see ``shared/corpus/README.md``).

- **names** match after :func:`norm` (case-folding, accents, punctuation, a leading "the");
- **actors**: a predicted actor is right when its name or an alias is a gold actor's name or
  alias; one matching only optional gold actors is neither right nor wrong;
- **events** pair one to one, greedily by :func:`pair_score` (same type and a shared agent or
  target, or a shared place or date where the gold has neither); on a tie a required gold event
  goes first, then gold id, then prediction order;
- **arguments**: each of :data:`SLOTS` of a paired event is one slot (:func:`slot_match`);
- **affiliations** and **relations** are compared through the actor and event pairings;
- **merges**: predicted events of different articles sharing an ``occurrence`` value, against
  the clusters of ``same-occurrence.yaml``.

>>> norm("The Kata'ib  Hezbollah!")
'kataib hezbollah'
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import NamedTuple, Sequence

from graph.evaluate.gold import GoldArticle, GoldEvent
from graph.evaluate.predictions import PredActor, PredEvent
from graph.evaluate.scores import Counts

__all__ = [
    "SLOTS",
    "norm",
    "in_range",
    "NameIndex",
    "SlotResult",
    "slot_match",
    "pair_score",
    "pair_events",
    "TypeErrors",
    "ArticleMatch",
    "match_article",
    "MergeMatch",
    "match_merges",
]

#: the argument slots of an event, each scored once per paired event
SLOTS = ("agents", "targets", "places", "date", "killed", "injured", "weapons")

_APOSTROPHES = re.compile(r"[’'`´]")
_NON_WORD = re.compile(r"[^\w]+")


def norm(name: str) -> str:
    """A name for matching: accents and apostrophes dropped, case-folded, punctuation to spaces, no leading "the".

    >>> norm("Kataib Hezbollah"), norm("U.S."), norm("Al-Qaeda in the Islamic Maghreb"), norm("Société")
    ('kataib hezbollah', 'u s', 'al qaeda in the islamic maghreb', 'societe')
    """
    text = unicodedata.normalize("NFKD", str(name))
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
    text = _APOSTROPHES.sub("", text)
    text = _NON_WORD.sub(" ", text).strip()
    return re.sub(r"^the ", "", text)


def in_range(number, gold: tuple[float, float] | None) -> bool:
    """Whether a predicted figure lies within the gold ``(min, max)``; a non-number never does.

    >>> in_range(3, (2, 4)), in_range("5", (5, 5)), in_range("many", (5, 5)), in_range(None, (1, 1))
    (True, True, False, False)
    """
    if number is None or gold is None:
        return False
    try:
        number = float(number)
    except (TypeError, ValueError):
        return False
    return float(gold[0]) <= number <= float(gold[1])


class NameIndex:
    """The gold actors and places of one article by normalised name.

    >>> from graph.evaluate.gold import GoldActor
    >>> index = NameIndex(GoldArticle(None, "a1", actors=(GoldActor("US", "United States", ("U.S.",)),)))
    >>> index.actor_ids("the united states"), index.actor_ids("u.s"), index.actor_ids("Iran")
    ({'US'}, {'US'}, set())
    """

    def __init__(self, gold: GoldArticle):
        self.actors: dict[str, set[str]] = {}
        self.places: dict[str, set[str]] = {}
        for table, entries in ((self.actors, gold.actors), (self.places, gold.places)):
            for entry in entries:
                for name in entry.names:
                    table.setdefault(norm(name), set()).add(entry.id)

    def actor_ids(self, name: str) -> set[str]:
        return set(self.actors.get(norm(name), ()))

    def place_ids(self, name: str) -> set[str]:
        return set(self.places.get(norm(name), ()))

    def actors_of(self, names: Sequence[str]) -> set[str]:
        """The gold actor ids that any of ``names`` matches."""
        return set().union(*(self.actor_ids(n) for n in names))


class SlotResult(NamedTuple):
    """One argument slot: predicted (and right), present in the gold (and found)."""

    pred_present: bool
    pred_right: bool
    gold_present: bool
    gold_found: bool


#: an event with no arguments: how an unpaired gold event is scored
_NOTHING = PredEvent(article="", id="", type="")


def _gold_present(ge: GoldEvent, slot: str) -> bool:
    if slot in ("agents", "targets"):
        return bool(getattr(ge, slot)) and getattr(ge, f"{slot}_required")
    return getattr(ge, slot) not in (None, ())


def slot_match(index: NameIndex, ge: GoldEvent, pe: PredEvent | None, slot: str) -> SlotResult:
    """Score one slot of a predicted event against its gold event (``pe=None``: nothing predicted).

    Agents and targets are right when at least half the predicted fillers are gold fillers;
    a filler is scored only where the gold names fillers. Numbers are right within the gold
    range, a date when it is the gold date or an alternative, weapons when one contains the other.

    Raises:
        ValueError: ``slot`` is not one of :data:`SLOTS`.
    """
    pe = pe or _NOTHING
    gold_present = _gold_present(ge, slot)
    if slot in ("agents", "targets"):
        pred, gold_ids = getattr(pe, slot), set(getattr(ge, slot))
        right = [p for p in pred if index.actor_ids(p) & gold_ids]
        pred_present = bool(pred) and (gold_present or bool(gold_ids))
        return SlotResult(pred_present, bool(right) and len(right) * 2 >= len(pred), gold_present, bool(right))
    if slot == "places":
        gold_ids = set(ge.places)
        right = any(index.place_ids(p) & gold_ids for p in pe.places)
        return SlotResult(bool(pe.places) and gold_present, right, gold_present, right)
    if slot == "date":
        ok = bool(pe.date) and gold_present and (pe.date == ge.date or pe.date in ge.date_alternatives)
        return SlotResult(bool(pe.date) and gold_present, ok, gold_present, ok)
    if slot in ("killed", "injured"):
        value = getattr(pe, slot)
        ok = gold_present and in_range(value, getattr(ge, slot))
        return SlotResult(value is not None and gold_present, ok, gold_present, ok)
    if slot == "weapons":
        pred = [norm(w) for w in pe.weapons]
        golds = [norm(w) for w in ge.weapons]
        ok = any(g in p or p in g for p in pred for g in golds if p and g)
        return SlotResult(bool(pred) and gold_present, ok, gold_present, ok)
    raise ValueError(f"unknown slot {slot!r} (allowed: {', '.join(SLOTS)})")


def pair_score(index: NameIndex, ge: GoldEvent, pe: PredEvent) -> int:
    """How well a predicted event fits a gold event; -1 when they cannot pair.

    Same type, and anchored: a shared agent or target (3 points each), or, where the gold has
    neither, a right place or date. Each other right slot adds a point.
    """
    if norm(ge.type) != norm(pe.type):
        return -1
    score = 0
    anchored = False
    for slot in ("agents", "targets"):
        gold_ids = set(getattr(ge, slot))
        if any(index.actor_ids(p) & gold_ids for p in getattr(pe, slot)):
            score += 3
            anchored = True
    for slot in ("places", "date", "killed", "injured", "weapons"):
        right = slot_match(index, ge, pe, slot).pred_right
        score += int(right)
        if right and slot in ("places", "date") and not (ge.agents or ge.targets):
            anchored = True
    return score if anchored else -1


def pair_events(index: NameIndex, gold_events: Sequence[GoldEvent], events: Sequence[PredEvent]) -> dict[str, int]:
    """Greedy one-to-one pairing, best score first: gold event id -> index into ``events``."""
    required = {ge.id: ge.required for ge in gold_events}
    candidates = []
    for ge in gold_events:
        for i, pe in enumerate(events):
            s = pair_score(index, ge, pe)
            if s >= 0:
                candidates.append((s, ge.id, i))
    candidates.sort(key=lambda t: (-t[0], not required[t[1]], t[1], t[2]))
    g2p: dict[str, int] = {}
    taken: set[int] = set()
    for _, gid, i in candidates:
        if gid not in g2p and i not in taken:
            g2p[gid] = i
            taken.add(i)
    return g2p


class TypeErrors(NamedTuple):
    """Events of one type: right, spurious, missed."""

    tp: int
    fp: int
    fn: int

    def __add__(self, other):
        return TypeErrors(self.tp + other.tp, self.fp + other.fp, self.fn + other.fn)


@dataclass(frozen=True, slots=True)
class ArticleMatch:
    """The pairings of one article and what they count; the error lists a report shows.

    ``pairs`` maps gold event ids to indices into ``events``; ``slots`` holds, for each
    paired gold event, its :class:`SlotResult` per slot. Affiliations and relations are
    ``(source, type, target)`` with gold ids, or with predicted names/ids where nothing paired.
    """

    gold: GoldArticle
    events: tuple[PredEvent, ...]
    actors: tuple[PredActor, ...]
    counts: dict[str, Counts]
    found_actors: frozenset[str]
    spurious_actors: tuple[PredActor, ...]
    pairs: dict[str, int]
    slots: dict[str, dict[str, SlotResult]]
    missed_affiliations: tuple[tuple[str, str, str], ...]
    spurious_affiliations: tuple[tuple[str, str, str], ...]
    missed_relations: tuple[tuple[str, str, str], ...]
    spurious_relations: tuple[tuple[str, str, str], ...]

    @property
    def article(self) -> str:
        return self.gold.article

    @property
    def missed_actors(self) -> tuple:
        """Required gold actors that no prediction names."""
        return tuple(a for a in self.gold.actors if a.required and a.id not in self.found_actors)

    @property
    def missed_events(self) -> tuple[GoldEvent, ...]:
        """Required gold events that no prediction pairs, in gold order."""
        return tuple(ge for ge in self.gold.events if ge.required and ge.id not in self.pairs)

    @property
    def spurious_events(self) -> tuple[PredEvent, ...]:
        """Predicted events that pair no gold event."""
        paired = set(self.pairs.values())
        return tuple(pe for i, pe in enumerate(self.events) if i not in paired)

    def type_errors(self) -> dict[str, TypeErrors]:
        """Per event type: predictions paired to required gold (tp), unpaired predictions (fp),
        unpaired required gold (fn). A prediction paired to an optional gold event is in none."""
        table: dict[str, list[int]] = {}
        for ge in self.gold.events:
            if ge.required:
                table.setdefault(norm(ge.type), [0, 0, 0])[0 if ge.id in self.pairs else 2] += 1
        for pe in self.spurious_events:
            table.setdefault(norm(pe.type), [0, 0, 0])[1] += 1
        return {t: TypeErrors(*row) for t, row in sorted(table.items())}


def _match_actors(gold: GoldArticle, index: NameIndex, actors: Sequence[PredActor]):
    required = {a.id for a in gold.actors if a.required}
    found: set[str] = set()
    spurious = []
    n_pred = tp_pred = 0
    for pa in actors:
        ids = index.actors_of(pa.names)
        if ids and not ids & required:
            continue  # names only optional gold actors: neither right nor wrong
        n_pred += 1
        if ids:
            tp_pred += 1
            found |= ids
        else:
            spurious.append(pa)
    return Counts(tp_pred, n_pred, len(found & required), len(required)), frozenset(found), tuple(spurious)


def _triples(rows, optional: bool) -> set[tuple[str, str, str]]:
    return {(r.source, norm(r.type), r.target) for r in rows if r.optional == optional}


def _match_affiliations(gold: GoldArticle, index: NameIndex, actors: Sequence[PredActor]):
    gold_aff, opt_aff = _triples(gold.affiliations, False), _triples(gold.affiliations, True)
    known = gold_aff | opt_aff
    pred: dict[tuple, tuple[str, str, str]] = {}  # key -> how to show it
    for pa in actors:
        src = index.actors_of(pa.names)
        for af in pa.affiliations:
            typ = norm(af.type)
            hits = {(s, typ, d) for s in src for d in index.actor_ids(af.target)} & known
            key = sorted(hits)[0] if hits else (frozenset(src), typ, af.target)
            pred.setdefault(key, (pa.name, typ, af.target))
    tp = {k for k in pred if k in gold_aff}
    counts = Counts(len(tp), sum(1 for k in pred if k not in opt_aff), len(tp), len(gold_aff))
    spurious = tuple(shown for k, shown in pred.items() if k not in gold_aff and k not in opt_aff)
    return counts, tuple(sorted(gold_aff - tp)), spurious


def _match_relations(gold: GoldArticle, events: Sequence[PredEvent], g2p: dict[str, int]):
    gold_rel, opt_rel = _triples(gold.relations, False), _triples(gold.relations, True)
    p2g = {i: gid for gid, i in g2p.items()}
    id_to_index = {pe.id: i for i, pe in enumerate(events)}
    pred: dict[tuple, tuple[str, str, str]] = {}
    for i, pe in enumerate(events):
        for rel in pe.relations:
            j = id_to_index.get(rel.target)
            typ = norm(rel.type)
            key = (p2g.get(i), typ, p2g.get(j) if j is not None else None)
            if None in key:
                key = (i, typ, j)
            pred.setdefault(key, (pe.id, typ, rel.target))
    tp = {k for k in pred if k in gold_rel}
    counts = Counts(len(tp), sum(1 for k in pred if k not in opt_rel), len(tp), len(gold_rel))
    spurious = tuple(shown for k, shown in pred.items() if k not in gold_rel and k not in opt_rel)
    return counts, tuple(sorted(gold_rel - tp)), spurious


def match_article(gold: GoldArticle, events: Sequence[PredEvent], actors: Sequence[PredActor]) -> ArticleMatch:
    """Pair one article's predictions (already filtered to it) with its gold and count.

    >>> from graph.evaluate.gold import GoldActor
    >>> gold = GoldArticle(None, "a1", actors=(GoldActor("R", "Rebels"),),
    ...                    events=(GoldEvent("E1", "attack", agents=("R",), killed=(2, 3)),))
    >>> m = match_article(gold, [PredEvent("a1", "e1", "attack", agents=("rebels",), killed=5)], [])
    >>> m.pairs, m.counts["event"], m.counts["argument"]
    ({'E1': 0}, Counts(tp_p=1, n_p=1, tp_r=1, n_r=1), Counts(tp_p=1, n_p=2, tp_r=1, n_r=2))
    """
    index = NameIndex(gold)
    events, actors = tuple(events), tuple(actors)
    actor_counts, found, spurious_actors = _match_actors(gold, index, actors)

    g2p = pair_events(index, gold.events, events)
    required = {ge.id for ge in gold.events if ge.required}
    paired_required = sum(1 for gid in g2p if gid in required)
    paired_optional = len(g2p) - paired_required
    # a prediction paired to an optional gold event is neither right nor wrong
    event_counts = Counts(paired_required, len(events) - paired_optional, paired_required, len(required))

    arg = Counts()
    slots: dict[str, dict[str, SlotResult]] = {}
    for ge in gold.events:
        if ge.id not in g2p and not ge.required:
            continue
        pe = events[g2p[ge.id]] if ge.id in g2p else None
        results = {slot: slot_match(index, ge, pe, slot) for slot in SLOTS}
        if pe is not None:
            slots[ge.id] = results
        for r in results.values():
            arg += Counts(int(r.pred_present and r.pred_right), int(r.pred_present),
                          int(r.gold_present and r.gold_found), int(r.gold_present))

    aff_counts, missed_aff, spurious_aff = _match_affiliations(gold, index, actors)
    rel_counts, missed_rel, spurious_rel = _match_relations(gold, events, g2p)
    return ArticleMatch(
        gold=gold, events=events, actors=actors,
        counts={"actor": actor_counts, "event": event_counts, "argument": arg,
                "affiliation": aff_counts, "relation": rel_counts},
        found_actors=found, spurious_actors=spurious_actors, pairs=g2p, slots=slots,
        missed_affiliations=missed_aff, spurious_affiliations=spurious_aff,
        missed_relations=missed_rel, spurious_relations=spurious_rel)


@dataclass(frozen=True, slots=True)
class MergeMatch:
    """Cross-article resolution: counts, gold pairs found by both sides but not merged, wrong merges.

    A missed pair is two ``(article, gold event id)``; a wrong one two labels, ``ARTICLE#GOLD_ID``
    or, for a predicted event that pairs no gold event, ``ARTICLE: PREDICTED_ID (pairs no gold event)``.
    """

    counts: Counts
    missed: tuple[tuple[tuple[str, str], tuple[str, str]], ...]
    wrong: tuple[tuple[str, str], ...]


def match_merges(clusters, matches: Sequence[ArticleMatch]) -> MergeMatch | None:
    """Score ``occurrence`` values against the gold clusters; ``None`` when there are no clusters.

    Precision is over predicted cross-article pairs (a pair with an event that pairs no gold
    event is wrong); recall over gold pairs whose two events were both paired.
    """
    if not clusters:
        return None
    gold_pairs = set()
    for members in clusters:
        for i, a in enumerate(members):
            for b in members[i + 1:]:
                if a[0] != b[0]:
                    gold_pairs.add(frozenset((a, b)))
    found = {(m.article, gid) for m in matches for gid in m.pairs}
    by_occurrence: dict[str, list[tuple[str, str | None, str]]] = {}
    for m in matches:
        p2g = {i: gid for gid, i in m.pairs.items()}
        for i, pe in enumerate(m.events):
            if pe.occurrence is not None:
                by_occurrence.setdefault(pe.occurrence, []).append((m.article, p2g.get(i), pe.id))
    pred_pairs = []
    wrong = []
    for members in by_occurrence.values():
        for i, a in enumerate(members):
            for b in members[i + 1:]:
                if a[0] == b[0]:
                    continue
                pair = frozenset(((a[0], a[1]), (b[0], b[1]))) if a[1] and b[1] else None
                pred_pairs.append(pair)
                if pair not in gold_pairs:
                    wrong.append(tuple(f"{art}#{gid}" if gid else f"{art}: {pid} (pairs no gold event)"
                                       for art, gid, pid in (a, b)))
    reachable = {p for p in gold_pairs if p <= found}
    hits = {p for p in pred_pairs if p in reachable}
    counts = Counts(sum(1 for p in pred_pairs if p in gold_pairs), len(pred_pairs), len(hits), len(reachable))
    return MergeMatch(counts, tuple(sorted(tuple(sorted(p)) for p in reachable - hits)), tuple(wrong))
