"""The report a person reads: what merged and why, as data, text or Markdown.

For each occurrence several articles report (most reports first): its label, dates, figure
ranges, every report (article, outlet, date, figures, the sentence it was read from) and each
merge with its score and evidence. Then the canonical actors that several articles name, with
each name and how it was linked (alias, surname, acronym...).

Text cells are one line each (whitespace collapsed); Markdown cells are HTML-escaped, so that a
name with angle brackets, pipes or backticks shows as written and cannot break the table.

>>> from graph.resolve import resolve_rows
>>> rows = [{"article": a, "id": "e1", "type": "attack", "date": "2021-02-26", "killed": k,
...          "agents": [{"id": "us", "name": "United States", "type": "state", "country": "USA"}],
...          "targets": [{"id": "kh", "name": "Kataib Hezbollah", "type": "armed_group", "country": "IRQ"}]}
...         for a, k in (("a1", 17), ("a2", 22))]
>>> print(text_report(resolve_rows(rows, [])).splitlines()[3])
#1 attack: United States -> Kataib Hezbollah | 2021-02-26 | 2 reports | killed 17-22
"""
from __future__ import annotations

import html
import json

from graph.rdf.iris import entity_iri
from graph.resolve.records import FigureRange, Occurrence
from graph.resolve.resolution import Resolution, iri_of

__all__ = ["report_dict", "text_report", "markdown_report", "json_report", "summary_line"]

#: longest evidence sentence shown in text and Markdown reports
EVIDENCE_WIDTH = 160


def _figure(f: FigureRange | None) -> dict | None:
    return None if f is None else {"min": f.low, "max": f.high, "reports": len(f.values)}


def _dates(o: Occurrence) -> str:
    if o.earliest is None:
        return f"undated (reported {o.reported})" if o.reported else "undated"
    if o.earliest == o.latest:
        return o.earliest.isoformat()
    return f"{o.earliest.isoformat()}/{o.latest.isoformat()}"


def _occurrence(r: Resolution, o: Occurrence) -> dict:
    names = {k: (r.table.entity(k).name if r.table.entity(k) else k) for k in (*o.agents, *o.targets)}
    return {
        "iri": str(iri_of(o)),
        "label": o.label,
        "type": o.type.value,
        "subtype": o.subtype.value if o.subtype else None,
        "dates": _dates(o),
        "earliest": o.earliest.isoformat() if o.earliest else None,
        "latest": o.latest.isoformat() if o.latest else None,
        "first_reported": o.reported.isoformat() if o.reported else None,
        "agents": [names[k] for k in o.agents],
        "targets": [names[k] for k in o.targets],
        "places": list(o.places),
        "killed": _figure(o.killed),
        "injured": _figure(o.injured),
        "reports": [{"article": s.article, "event": s.id, "outlet": s.outlet,
                     "published": s.published.isoformat() if s.published else None,
                     "date": s.date.isoformat() if s.date else None, "killed": s.killed, "injured": s.injured,
                     "evidence": s.evidence, "iri": s.iri} for s in o.sources],
        "merges": [{"a": link.a, "b": link.b, "score": link.score, "evidence": list(link.reasons)}
                   for link in o.links],
    }


def report_dict(resolution: Resolution, *, limit: int | None = None) -> dict:
    """The report as plain data (what ``--json`` prints).

    Args:
        resolution: the resolution.
        limit: at most this many occurrences and actors (None: all).

    Returns:
        ``{"summary", "occurrences", "entities"}``; ``summary`` also counts what was left out.
    """
    merged = resolution.merged
    shared = sorted((e for e in resolution.entities if not e.is_local and e.articles > 1),
                    key=lambda e: (-e.articles, e.name))
    occurrences = merged if limit is None else merged[:limit]
    entities = shared if limit is None else shared[:limit]
    summary = resolution.summary()
    summary["occurrences_shown"] = len(occurrences)
    summary["entities_shown"] = len(entities)
    return {
        "summary": summary,
        "occurrences": [_occurrence(resolution, o) for o in occurrences],
        "entities": [{"iri": str(entity_iri(e.key)), "key": e.key, "name": e.name,
                      "type": e.type.value if e.type else None, "country": e.country, "wikidata": e.wikidata,
                      "articles": e.articles,
                      "names": [{"article": link.actor.article, "actor": link.actor.id, "name": link.actor.name,
                                 "via": link.via} for link in e.links]} for e in entities],
    }


def json_report(resolution: Resolution, *, limit: int | None = None) -> str:
    """The report as JSON (every occurrence and actor unless ``limit``)."""
    return json.dumps(report_dict(resolution, limit=limit), ensure_ascii=False, indent=1)


def _one(text) -> str:
    return "-" if text in (None, "") else " ".join(str(text).split())


def _cut(text: str, width: int = EVIDENCE_WIDTH) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def _figures(d: dict) -> str:
    parts = []
    for what in ("killed", "injured"):
        f = d[what]
        if f is not None:
            parts.append(f"{what} {f['min']}" + (f"-{f['max']}" if f["max"] != f["min"] else ""))
    return ", ".join(parts)


def summary_line(s: dict) -> str:
    """The counts of :meth:`Resolution.summary` in one line.

    >>> summary_line({"events": 3, "merged": 1, "merged_reports": 2, "entities": 4, "entities_across_articles": 2})
    'reports: 3 | occurrences reported by several articles: 1 (2 reports) | canonical actors: 4 (2 named in several articles)'
    """
    return (f"reports: {s['events']} | occurrences reported by several articles: {s['merged']} "
            f"({s['merged_reports']} reports) | canonical actors: {s['entities']} "
            f"({s['entities_across_articles']} named in several articles)")


def _table(head: list[str], rows: list[list[str]], indent: str = "   ") -> list[str]:
    widths = [max(len(r[i]) for r in [head, *rows]) for i in range(len(head))]
    fmt = lambda r: indent + "  ".join(c.ljust(w) for c, w in zip(r, widths)).rstrip()  # noqa: E731
    return [fmt(head), *(fmt(r) for r in rows)]


def text_report(resolution: Resolution, *, limit: int | None = 20, title: str = "Cross-article resolution") -> str:
    """The report as plain text: a summary, each merged occurrence, the actors named in several articles."""
    d = report_dict(resolution, limit=limit)
    s = d["summary"]
    out = [f"{title}: {summary_line(s)}", "", f"== occurrences reported by several articles "
           f"({s['occurrences_shown']} of {s['merged']}) =="]
    for n, o in enumerate(d["occurrences"], 1):
        head = [_one(o["label"]), o["dates"], f"{len(o['reports'])} reports"]
        if _figures(o):
            head.append(_figures(o))
        out.append(f"#{n} " + " | ".join(head))
        rows = [[f"{_one(r['article'])}#{_one(r['event'])}", _one(r["outlet"]), _one(r["date"]),
                 _one(r["killed"]), _one(r["injured"]), _cut(_one(r["evidence"]))] for r in o["reports"]]
        out += _table(["report", "outlet", "date", "killed", "injured", "sentence"], rows)
        out.append("   merged because:")
        for m in o["merges"]:
            out.append(f"     {_one(m['a'])} = {_one(m['b'])} (score {m['score']:g}): "
                       + "; ".join(_one(e) for e in m["evidence"]))
        out.append("")
    out.append(f"== canonical actors named in several articles ({s['entities_shown']} of "
               f"{s['entities_across_articles']}) ==")
    rows = [[_one(e["name"]), _one(e["type"]), _one(e["country"]), _one(e["wikidata"]), str(e["articles"]),
             _cut(", ".join(sorted({f"{_one(x['name'])} ({x['via']})" for x in e["names"]})))] for e in d["entities"]]
    out += _table(["actor", "type", "country", "wikidata", "articles", "names (how linked)"], rows, indent="")
    return "\n".join(out)


def _md(text) -> str:
    return html.escape(_one(text), quote=False).replace("|", "\\|").replace("`", "&#96;")


def markdown_report(resolution: Resolution, *, limit: int | None = 20, title: str = "Cross-article resolution") -> str:
    """The report as Markdown (for an issue or a note)."""
    d = report_dict(resolution, limit=limit)
    s = d["summary"]
    out = [f"## {_md(title)}", "", _md(summary_line(s)), "",
           f"### Occurrences reported by several articles ({s['occurrences_shown']} of {s['merged']})", ""]
    for n, o in enumerate(d["occurrences"], 1):
        extra = f" — {_figures(o)}" if _figures(o) else ""
        out += [f"**#{n} {_md(o['label'])}** — {_md(o['dates'])} — {len(o['reports'])} reports{extra}", "",
                "| report | outlet | date | killed | injured | sentence |", "|---|---|---|---|---|---|"]
        out += [f"| {_md(r['article'])}#{_md(r['event'])} | {_md(r['outlet'])} | {_md(r['date'])} | "
                f"{_md(r['killed'])} | {_md(r['injured'])} | {_md(_cut(_one(r['evidence'])))} |" for r in o["reports"]]
        out += ["", "Merged because:", ""]
        out += [f"- {_md(m['a'])} = {_md(m['b'])} (score {m['score']:g}): "
                + "; ".join(_md(e) for e in m["evidence"]) for m in o["merges"]]
        out.append("")
    out += [f"### Canonical actors named in several articles ({s['entities_shown']} of "
            f"{s['entities_across_articles']})", "",
            "| actor | type | country | wikidata | articles | names (how linked) |", "|---|---|---|---|---|---|"]
    out += [f"| {_md(e['name'])} | {_md(e['type'])} | {_md(e['country'])} | {_md(e['wikidata'])} | {e['articles']} | "
            + _md(", ".join(sorted({f"{x['name']} ({x['via']})" for x in e["names"]}))) + " |" for e in d["entities"]]
    return "\n".join(out) + "\n"
