"""Evaluate stage: score extracted events and actors against gold annotations.

The rules are those of ``shared/eval/score.py`` (``shared/corpus/README.md``), implemented
here so that a user can score an own gold set and see why a score is what it is:

- :mod:`~graph.evaluate.gold` reads ``*.gold.yaml`` and ``same-occurrence.yaml``;
- :mod:`~graph.evaluate.predictions` reads ``events.jsonl`` and ``actors.jsonl``;
- :mod:`~graph.evaluate.match` pairs predictions with gold;
- :mod:`~graph.evaluate.scores` counts, and compares totals with a baseline;
- :mod:`~graph.evaluate.report` writes the plain-text, Markdown and JSON reports.

>>> import json, tempfile, pathlib
>>> d = pathlib.Path(tempfile.mkdtemp())
>>> _ = (d / "a1.gold.yaml").write_text(
...     "article: a1.txt\\nactors: [{id: R, name: Rebels}]\\n"
...     "events: [{id: E1, type: attack, agents: [R], killed: 3}]\\n")
>>> _ = (d / "events.jsonl").write_text(json.dumps(
...     {"article": "a1", "id": "e1", "type": "attack", "agents": [{"name": "rebels"}], "killed": 3}))
>>> result = evaluate([d], d / "events.jsonl")
>>> result.summary()["event"], result.summary()["argument"]
(1.0, 1.0)
"""
from __future__ import annotations

import os
from collections import Counter
from dataclasses import dataclass
from typing import Iterable, Sequence

from graph.evaluate.gold import GoldError, GoldSet, load_gold_set
from graph.evaluate.match import ArticleMatch, MergeMatch, TypeErrors, match_article, match_merges
from graph.evaluate.predictions import PredActor, PredEvent, PredictionError, load_actors, load_events
from graph.evaluate.scores import KINDS, BaselineError, Counts, summary

__all__ = ["Evaluation", "evaluate", "GoldError", "PredictionError", "BaselineError"]


@dataclass(frozen=True, slots=True)
class Evaluation:
    """What ``evaluate`` found: one :class:`ArticleMatch` per gold article, the merges, totals.

    ``unscored`` counts predicted rows (events and actors) of articles that have no gold file.
    """

    articles: tuple[ArticleMatch, ...]
    merge: MergeMatch | None
    unscored: dict[str, int]

    @property
    def totals(self) -> dict[str, Counts]:
        """Counts summed over the articles, per kind (``merge`` only when there are clusters)."""
        out = {kind: sum((m.counts[kind] for m in self.articles), Counts()) for kind in KINDS if kind != "merge"}
        if self.merge is not None:
            out["merge"] = self.merge.counts
        return out

    def summary(self) -> dict[str, float]:
        """The totals as ``score.py --json`` prints them (F1, ``_p``, ``_r``; 3 decimals)."""
        return summary(self.totals)

    def type_errors(self) -> dict[str, TypeErrors]:
        """tp/fp/fn per event type over all articles."""
        table: dict[str, TypeErrors] = {}
        for m in self.articles:
            for typ, row in m.type_errors().items():
                table[typ] = table.get(typ, TypeErrors(0, 0, 0)) + row
        return dict(sorted(table.items()))


def evaluate(gold: GoldSet | Iterable[str | os.PathLike],
             events: str | os.PathLike | Sequence[PredEvent],
             actors: str | os.PathLike | Sequence[PredActor] | None = None) -> Evaluation:
    """Score predictions against gold, article by article.

    Args:
        gold: a loaded :class:`GoldSet`, or gold folders and files (``*.gold.yaml``).
        events: an ``events.jsonl`` path, or its records.
        actors: an ``actors.jsonl`` path, its records, or ``None`` (no actor scores).

    Returns:
        The :class:`Evaluation`: per-article matches and counts, merges, totals.

    Raises:
        GoldError: a gold file is missing or malformed.
        PredictionError: a prediction file is missing or malformed.
    """
    gold_set = gold if isinstance(gold, GoldSet) else load_gold_set(gold)
    if not gold_set.articles:
        raise GoldError("", "", "no gold file given")
    if isinstance(events, (str, os.PathLike)):
        events = load_events(events)
    if actors is None or isinstance(actors, (str, os.PathLike)):
        actors = load_actors(actors)
    by_article_events: dict[str, list[PredEvent]] = {}
    for pe in events:
        by_article_events.setdefault(pe.article, []).append(pe)
    by_article_actors: dict[str, list[PredActor]] = {}
    for pa in actors:
        by_article_actors.setdefault(pa.article, []).append(pa)
    matches = tuple(match_article(g, by_article_events.get(g.article, ()), by_article_actors.get(g.article, ()))
                    for g in gold_set.articles)
    known = {g.article for g in gold_set.articles}
    unscored = Counter(row.article for row in (*events, *actors) if row.article not in known)
    return Evaluation(articles=matches, merge=match_merges(gold_set.clusters, matches),
                      unscored=dict(sorted(unscored.items())))
