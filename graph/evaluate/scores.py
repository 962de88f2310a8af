"""Counts, precision, recall and F1, per article and in total, and comparison with a baseline.

Precision and recall have separate numerators, as in ``shared/eval/score.py``: a predicted
actor that matches several gold actors is one right prediction but may find several.

>>> c = Counts(3, 4, 3, 6) + Counts(1, 1, 1, 2)
>>> c, round(c.precision, 2), round(c.recall, 2), round(c.f1, 3)
(Counts(tp_p=4, n_p=5, tp_r=4, n_r=8), 0.8, 0.5, 0.615)
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from graph.errors import BaselineError

__all__ = ["KINDS", "Counts", "summary", "load_baseline", "Change", "compare", "BaselineError"]

#: what is scored, in report order (``merge`` only when a ``same-occurrence.yaml`` is found)
KINDS = ("actor", "event", "argument", "affiliation", "relation", "merge")


@dataclass(frozen=True, slots=True)
class Counts:
    """``tp_p`` right of ``n_p`` predicted; ``tp_r`` found of ``n_r`` gold."""

    tp_p: int = 0
    n_p: int = 0
    tp_r: int = 0
    n_r: int = 0

    def __add__(self, other: Counts) -> Counts:
        return Counts(self.tp_p + other.tp_p, self.n_p + other.n_p, self.tp_r + other.tp_r, self.n_r + other.n_r)

    @property
    def precision(self) -> float:
        return self.tp_p / self.n_p if self.n_p else 0.0

    @property
    def recall(self) -> float:
        return self.tp_r / self.n_r if self.n_r else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def summary(totals: dict[str, Counts]) -> dict[str, float]:
    """Totals as ``score.py --json`` prints them: ``KIND`` (F1), ``KIND_p``, ``KIND_r``, rounded to 3 places.

    >>> summary({"event": Counts(1, 2, 1, 1)})
    {'event': 0.667, 'event_p': 0.5, 'event_r': 1.0}
    """
    out: dict[str, float] = {}
    for kind, c in totals.items():
        out[kind] = round(c.f1, 3)
        out[f"{kind}_p"] = round(c.precision, 3)
        out[f"{kind}_r"] = round(c.recall, 3)
    return out


def load_baseline(path: str | Path) -> dict[str, float]:
    """A stored baseline: the JSON of ``evaluate --json`` (its ``totals``) or of ``score.py --json``.

    Raises:
        BaselineError: the file cannot be read, is not JSON, or holds no totals.
    """
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise BaselineError(f"{path}: cannot read the baseline: {exc}") from exc
    except json.JSONDecodeError as exc:
        raise BaselineError(f"{path}: the baseline is not JSON: {exc}") from exc
    if isinstance(data, dict) and isinstance(data.get("totals"), dict):
        data = data["totals"]
    if not isinstance(data, dict):
        raise BaselineError(f"{path}: expected a JSON object of totals such as {{\"event\": 0.54, ...}}")
    totals = {k: v for k, v in data.items() if isinstance(v, (int, float)) and not isinstance(v, bool)}
    known = {k for kind in KINDS for k in (kind, f"{kind}_p", f"{kind}_r")}
    if not set(totals) & known:
        raise BaselineError(f"{path}: no totals in the baseline (expected keys such as "
                            f"{', '.join(sorted(known)[:4])}, ...)")
    return totals


@dataclass(frozen=True, slots=True)
class Change:
    """One total compared with the baseline; ``before`` or ``after`` is ``None`` where absent."""

    key: str
    before: float | None
    after: float | None

    @property
    def delta(self) -> float | None:
        if self.before is None or self.after is None:
            return None
        return round(self.after - self.before, 3)

    @property
    def fell(self) -> bool:
        """An F1 that is lower than in the baseline (precision and recall may trade)."""
        return "_" not in self.key and self.delta is not None and self.delta < 0


def compare(current: dict[str, float], baseline: dict[str, float]) -> list[Change]:
    """Every total that differs from the baseline, in report order.

    >>> [(c.key, c.delta, c.fell) for c in compare({"event": 0.5, "event_p": 0.4}, {"event": 0.6, "event_p": 0.4})]
    [('event', -0.1, True)]
    """
    keys = [k for kind in KINDS for k in (kind, f"{kind}_p", f"{kind}_r") if k in current or k in baseline]
    changes = []
    for key in keys:
        before, after = baseline.get(key), current.get(key)
        if before is None or after is None or round(after, 3) != round(before, 3):
            changes.append(Change(key, before, after))
    return changes
