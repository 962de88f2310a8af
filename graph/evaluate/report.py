"""Reports of an :class:`~graph.evaluate.Evaluation`: plain text, Markdown, and JSON-ready data.

Each lists the scores per article and in total, then per article what went wrong: missed
gold actors, spurious predicted actors, missed gold events with their trigger and the
sentence holding it (where the article text is beside the gold), spurious predicted events
with their evidence, argument slots that were missed or wrong, missed and spurious
affiliations and relations, and a table of tp/fp/fn per event type.

>>> sentence_with("Rebels shelled Aleppo. Officials said 3 died.", "said", ["officials"])
'Officials said 3 died.'
"""
from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache
from typing import Iterable, Sequence

from graph.evaluate.gold import GoldEvent
from graph.evaluate.match import SLOTS, ArticleMatch, MergeMatch, NameIndex, TypeErrors, norm, pair_score
from graph.evaluate.scores import KINDS, Change, Counts

__all__ = ["sentences", "sentence_with", "hints", "argument_errors", "as_dict", "text_report", "markdown_report"]

_BREAK = re.compile(r"(?:(?<=[.!?])|(?<=[.!?][\"'”’)]))\s+(?=[\"'“‘(]?[A-Z0-9])|\n\s*\n|\n(?=\S)")
_ABBREVIATION = re.compile(r"(?:\b[A-Z]|\b(?:Mr|Mrs|Ms|Dr|Gen|Lt|Col|Sgt|Capt|Maj|Gov|Sen|Rep|St|No|Jan|Feb|"
                           r"Aug|Sept|Sep|Oct|Nov|Dec|Inc|Co|Corp|Ltd|vs))\.$")


@lru_cache(maxsize=8)
def sentences(text: str) -> tuple[str, ...]:
    """Split plain text into sentences (punctuation and line breaks; initials and titles kept whole).

    >>> sentences("The U.S. Navy struck. Gen. Smith said so.\\nNew line")
    ('The U.S. Navy struck.', 'Gen. Smith said so.', 'New line')
    """
    out: list[str] = []
    start = 0
    for m in _BREAK.finditer(text):
        piece = text[start:m.start()]
        if not piece.strip():
            start = m.end()
            continue
        if "\n" not in m.group() and _ABBREVIATION.search(piece.rstrip("\"'”’)")):
            continue  # "U.S. Navy", "Gen. Smith": not a sentence end
        out.append(" ".join(piece.split()))
        start = m.end()
    if text[start:].strip():
        out.append(" ".join(text[start:].split()))
    return tuple(out)


def sentence_with(text: str | None, trigger: str | None, names: Iterable[str] = ()) -> str | None:
    """The sentence of ``text`` holding ``trigger`` that names most of ``names``; ``None`` if none.

    The trigger is a whole word (or phrase), any case; ties go to the first sentence.
    """
    if not text or not trigger:
        return None
    pattern = re.compile(r"(?<!\w)" + re.escape(trigger.strip()) + r"(?!\w)", re.IGNORECASE)
    keys = [k for k in {norm(n) for n in names} if k]
    best, best_hits = None, -1
    for s in sentences(text):
        if not pattern.search(s):
            continue
        padded = f" {norm(s)} "
        hits = sum(1 for k in keys if f" {k} " in padded)
        if hits > best_hits:
            best, best_hits = s, hits
    return best


# --- data ------------------------------------------------------------------------------------

def _prf(c: Counts) -> dict:
    return {"precision": round(c.precision, 3), "recall": round(c.recall, 3), "f1": round(c.f1, 3),
            "tp_p": c.tp_p, "n_p": c.n_p, "tp_r": c.tp_r, "n_r": c.n_r}


def _event_names(m: ArticleMatch, ge: GoldEvent) -> list[str]:
    names = []
    for entry in [m.gold.actor(i) for i in ge.agents + ge.targets] + [m.gold.place(i) for i in ge.places]:
        if entry is not None:
            names += entry.names
    return names


def _gold_value(m: ArticleMatch, ge: GoldEvent, slot: str) -> str:
    value = getattr(ge, slot)
    if slot in ("agents", "targets"):
        return ", ".join(m.gold.actor(i).name for i in value)
    if slot == "places":
        return ", ".join(m.gold.place(i).name for i in value)
    if slot == "date":
        return " or ".join([value, *ge.date_alternatives]) if value else ""
    if slot in ("killed", "injured"):
        if value is None:
            return ""
        lo, hi = value
        return f"{lo:g}" if lo == hi else f"{lo:g}-{hi:g}"
    return ", ".join(value)


def _pred_value(pe, slot: str) -> str:
    value = getattr(pe, slot)
    if isinstance(value, tuple):
        return ", ".join(value)
    return "" if value is None else str(value)


def argument_errors(m: ArticleMatch) -> list[dict]:
    """Per paired event, the slots that are missed (gold not found) or wrong (prediction not right)."""
    out = []
    for ge in m.gold.events:
        if ge.id not in m.slots:
            continue
        pe = m.events[m.pairs[ge.id]]
        for slot in SLOTS:
            r = m.slots[ge.id][slot]
            problem = ("wrong" if r.pred_present and not r.pred_right
                       else "missed" if r.gold_present and not r.gold_found else None)
            if problem:
                out.append({"gold": ge.id, "predicted": pe.id, "type": ge.type, "slot": slot,
                            "problem": problem, "gold_value": _gold_value(m, ge, slot),
                            "predicted_value": _pred_value(pe, slot)})
    return out


def hints(m: ArticleMatch) -> tuple[dict[str, str], dict[str, str]]:
    """Why events did not pair: (gold id -> hint, predicted id -> hint).

    A missed gold event is told the unpaired predictions that would pair with it under another
    type; a spurious prediction the gold event it could pair with, taken by a better prediction.
    """
    index = NameIndex(m.gold)
    missed, spurious = {}, {}
    unpaired = m.spurious_events
    for ge in m.missed_events:
        other = [pe for pe in unpaired if norm(pe.type) != norm(ge.type)
                 and pair_score(index, ge, replace(pe, type=ge.type)) >= 0]
        if other:
            missed[ge.id] = "predicted with another type: " + ", ".join(f"{pe.id} ({pe.type})" for pe in other)
    for pe in unpaired:
        best = max(((pair_score(index, ge, pe), ge.id) for ge in m.gold.events), default=(-1, None))
        if best[0] >= 0:
            spurious[pe.id] = f"duplicate of {best[1]} (paired with {m.events[m.pairs[best[1]]].id})"
    return missed, spurious


def _article_dict(m: ArticleMatch) -> dict:
    def actor_name(i: str) -> str:
        a = m.gold.actor(i)
        return a.name if a else i

    missed_hints, spurious_hints = hints(m)
    return {
        "article": m.article,
        "scores": {kind: _prf(c) for kind, c in m.counts.items()},
        "missed_actors": [{"id": a.id, "name": a.name} for a in m.missed_actors],
        "spurious_actors": [{"id": a.id, "name": a.name, "source": a.source} for a in m.spurious_actors],
        "missed_events": [{"id": ge.id, "type": ge.type, "trigger": ge.trigger,
                           "agents": [actor_name(i) for i in ge.agents],
                           "targets": [actor_name(i) for i in ge.targets],
                           "sentence": sentence_with(m.gold.text, ge.trigger, _event_names(m, ge)),
                           "hint": missed_hints.get(ge.id)}
                          for ge in m.missed_events],
        "spurious_events": [{"id": pe.id, "type": pe.type, "trigger": pe.trigger, "agents": list(pe.agents),
                             "targets": list(pe.targets), "evidence": list(pe.evidence),
                             "hint": spurious_hints.get(pe.id)}
                            for pe in m.spurious_events],
        "pairs": dict(sorted((gid, m.events[i].id) for gid, i in m.pairs.items())),
        "argument_errors": argument_errors(m),
        "missed_affiliations": [list(t) for t in m.missed_affiliations],
        "spurious_affiliations": [list(t) for t in m.spurious_affiliations],
        "missed_relations": [list(t) for t in m.missed_relations],
        "spurious_relations": [list(t) for t in m.spurious_relations],
        "event_types": {t: row._asdict() for t, row in m.type_errors().items()},
    }


def as_dict(evaluation, changes: Sequence[Change] | None = None) -> dict:
    """Everything a report shows, as JSON-ready data; ``totals`` has the keys of ``score.py --json``."""
    out = {
        "totals": evaluation.summary(),
        "counts": {kind: _prf(c) for kind, c in evaluation.totals.items()},
        "event_types": {t: row._asdict() for t, row in evaluation.type_errors().items()},
        "articles": [_article_dict(m) for m in evaluation.articles],
        "unscored": evaluation.unscored,
    }
    if evaluation.merge is not None:
        out["merges"] = {"missed": [[list(a), list(b)] for a, b in evaluation.merge.missed],
                         "wrong": [list(pair) for pair in evaluation.merge.wrong]}
    if changes is not None:
        out["baseline"] = [{"key": c.key, "before": c.before, "after": c.after, "delta": c.delta, "fell": c.fell}
                           for c in changes]
    return out


# --- text and Markdown -------------------------------------------------------------------------

def _f(x: float) -> str:
    return f"{x:.3f}"


def _counts_rows(totals: dict[str, Counts]) -> list[list[str]]:
    return [[kind, f"{_f(c.precision)} ({c.tp_p}/{c.n_p})", f"{_f(c.recall)} ({c.tp_r}/{c.n_r})", _f(c.f1)]
            for kind, c in totals.items()]


def _article_rows(evaluation) -> list[list[str]]:
    rows = []
    for m in evaluation.articles:
        rows.append([m.article, *(_f(m.counts[k].f1) for k in KINDS if k != "merge"),
                     str(len(m.missed_events)), str(len(m.spurious_events))])
    return rows


_ARTICLE_HEAD = ["article", "actor", "event", "argument", "affiliation", "relation", "missed ev.", "spurious ev."]
_TOTAL_HEAD = ["total", "precision", "recall", "F1"]
_TYPE_HEAD = ["event type", "tp", "fp", "fn"]


def _type_rows(table: dict[str, TypeErrors]) -> list[list[str]]:
    return [[t, str(r.tp), str(r.fp), str(r.fn)] for t, r in table.items()]


def _change_lines(changes: Sequence[Change]) -> list[str]:
    if not changes:
        return ["no change from the baseline"]
    out = []
    for c in changes:
        before = "-" if c.before is None else _f(c.before)
        after = "-" if c.after is None else _f(c.after)
        delta = "" if c.delta is None else f" ({c.delta:+.3f})"
        out.append(f"{c.key}: {before} -> {after}{delta}" + ("  FELL" if c.fell else ""))
    return out


def _quote(text: str | None, limit: int = 240, missing: str = "(sentence not found)") -> str:
    if not text:
        return missing
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit - 1] + "…"


def _who(agents: Iterable[str], targets: Iterable[str]) -> str:
    agents, targets = ", ".join(agents), ", ".join(targets)
    return f"{agents or '?'} -> {targets or '?'}"


def _hint(entry: dict) -> str:
    return f" [{entry['hint']}]" if entry.get("hint") else ""


def _error_items(m: ArticleMatch, d: dict) -> list[tuple[str, list[str]]]:
    """(heading, lines) of one article's errors, shared by the text and Markdown reports."""
    items = []
    if d["missed_actors"]:
        items.append((f"missed actors ({len(d['missed_actors'])})",
                      [f"{a['name']} [{a['id']}]" for a in d["missed_actors"]]))
    if d["spurious_actors"]:
        items.append((f"spurious actors ({len(d['spurious_actors'])})",
                      [f"{a['name']} [{a['id']}]" for a in d["spurious_actors"]]))
    if d["missed_events"]:
        items.append((f"missed events ({len(d['missed_events'])})",
                      [f"{e['id']} {e['type']} \"{e['trigger'] or '?'}\" {_who(e['agents'], e['targets'])}: "
                       f"{_quote(e['sentence'])}{_hint(e)}" for e in d["missed_events"]]))
    if d["spurious_events"]:
        lines = []
        for e in d["spurious_events"]:
            more = f" (+{len(e['evidence']) - 1} more)" if len(e["evidence"]) > 1 else ""
            lines.append(f"{e['id']} {e['type']} \"{e['trigger'] or '?'}\" {_who(e['agents'], e['targets'])}: "
                         f"{_quote(e['evidence'][0] if e['evidence'] else None, missing='(no evidence)')}{more}{_hint(e)}")
        items.append((f"spurious events ({len(lines)})", lines))
    if d["argument_errors"]:
        items.append((f"argument errors ({len(d['argument_errors'])})",
                      [f"{a['gold']}~{a['predicted']} {a['type']} {a['slot']} {a['problem']}: "
                       f"gold [{a['gold_value']}] predicted [{a['predicted_value']}]" for a in d["argument_errors"]]))
    for key, label in (("missed_affiliations", "missed affiliations"),
                       ("spurious_affiliations", "spurious affiliations"),
                       ("missed_relations", "missed relations"), ("spurious_relations", "spurious relations")):
        if d[key]:
            items.append((f"{label} ({len(d[key])})", [" ".join(map(str, t)) for t in d[key]]))
    return items


def _table(head: list[str], rows: list[list[str]]) -> list[str]:
    widths = [max(len(str(r[i])) for r in [head, *rows]) for i in range(len(head))]
    fmt = lambda r: "  ".join(c.ljust(w) if i == 0 else c.rjust(w) for i, (c, w) in enumerate(zip(r, widths)))
    return [fmt(head), *(fmt(r) for r in rows)]


def _md_table(head: list[str], rows: list[list[str]]) -> list[str]:
    esc = lambda c: str(c).replace("|", "\\|")
    return ["| " + " | ".join(head) + " |", "|" + "|".join("---" for _ in head) + "|",
            *("| " + " | ".join(esc(c) for c in r) + " |" for r in rows)]


def _merge_lines(merge: MergeMatch) -> list[str]:
    lines = [f"not merged: {a[0]}#{a[1]} = {b[0]}#{b[1]}" for a, b in merge.missed]
    lines += [f"wrongly merged: {a} = {b}" for a, b in merge.wrong]
    return lines


def _score_line(summary: dict[str, float]) -> str:
    return " ".join(f"{k}_f1={summary[k]:.3f}" for k in KINDS if k in summary)


def text_report(evaluation, changes: Sequence[Change] | None = None, *, errors: bool = True) -> str:
    """The plain-text report: table per article, totals, baseline changes, then the errors."""
    data = as_dict(evaluation)
    lines = _table(_ARTICLE_HEAD, _article_rows(evaluation)) + [""]
    lines += _table(_TOTAL_HEAD, _counts_rows(evaluation.totals))
    if evaluation.unscored:
        lines += ["", "predictions for articles without gold (not scored): "
                  + ", ".join(f"{a} ({n})" for a, n in evaluation.unscored.items())]
    if changes is not None:
        lines += ["", "compared with the baseline:", *("  " + s for s in _change_lines(changes))]
    if errors:
        lines += ["", *_table(_TYPE_HEAD, _type_rows(evaluation.type_errors()))]
        for m, d in zip(evaluation.articles, data["articles"]):
            lines += ["", f"== {m.article} =="]
            for heading, items in _error_items(m, d):
                lines += [f"{heading}:", *("  " + s for s in items)]
            if d["event_types"]:
                lines += ["  " + s for s in _table(_TYPE_HEAD, _type_rows(m.type_errors()))]
        if evaluation.merge is not None and _merge_lines(evaluation.merge):
            lines += ["", "== cross-article merges ==", *("  " + s for s in _merge_lines(evaluation.merge))]
    lines += ["", _score_line(evaluation.summary())]
    return "\n".join(lines) + "\n"


def markdown_report(evaluation, changes: Sequence[Change] | None = None, *, errors: bool = True) -> str:
    """The same report in Markdown (tables and lists), for an issue or a pull request."""
    data = as_dict(evaluation)
    lines = ["# Evaluation", "", "## Totals", "", *_md_table(_TOTAL_HEAD, _counts_rows(evaluation.totals)),
             "", "## Per article", "", *_md_table(_ARTICLE_HEAD, _article_rows(evaluation))]
    if evaluation.unscored:
        lines += ["", "Predictions for articles without gold (not scored): "
                  + ", ".join(f"`{a}` ({n})" for a, n in evaluation.unscored.items())]
    if changes is not None:
        lines += ["", "## Compared with the baseline", "", *("- " + s for s in _change_lines(changes))]
    if errors:
        lines += ["", "## Errors by event type", "", *_md_table(_TYPE_HEAD, _type_rows(evaluation.type_errors()))]
        for m, d in zip(evaluation.articles, data["articles"]):
            lines += ["", f"## `{m.article}`"]
            for heading, items in _error_items(m, d):
                lines += ["", f"**{heading}**", "", *("- " + s for s in items)]
            if d["event_types"]:
                lines += ["", *_md_table(_TYPE_HEAD, _type_rows(m.type_errors()))]
        if evaluation.merge is not None and _merge_lines(evaluation.merge):
            lines += ["", "## Cross-article merges", "", *("- " + s for s in _merge_lines(evaluation.merge))]
    lines += ["", f"`{_score_line(evaluation.summary())}`"]
    return "\n".join(lines) + "\n"
