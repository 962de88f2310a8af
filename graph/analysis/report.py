"""Corpus analysis: the measures of :mod:`graph.analysis.measures` gathered, then written as a report.

:func:`analyze` returns an :class:`Analysis` (plain tables); :func:`write_report` writes it
as Markdown or HTML beside PNG plots (matplotlib): the conflict network, the most central
actors, and attacks and deaths per month.

>>> import networkx as nx
>>> a = analyze(nx.MultiDiGraph())
>>> a.summary["actors"], a.centrality
(0, [])
"""
from __future__ import annotations

import html
import logging
import time
from dataclasses import dataclass, field
from pathlib import Path

import networkx as nx

from graph.analysis.measures import (
    backing_blocs,
    centrality,
    communities,
    escalation,
    retaliation_chains,
    retaliation_cycles,
)
from graph.analysis.views import actor_event_pairs, actors_of, backing_network, conflict_network, event_graph
from graph.errors import OutputError
from graph.fileio import atomic_write_bytes

__all__ = ["Analysis", "analyze", "write_report", "REPORT_FORMATS"]

log = logging.getLogger(__name__)

REPORT_FORMATS = {"markdown": "report.md", "html": "report.html"}


@dataclass
class Analysis:
    """Everything the report shows: a summary and one table (list of dicts) per measure."""

    summary: dict = field(default_factory=dict)
    centrality: list[dict] = field(default_factory=list)
    pairs: list[dict] = field(default_factory=list)
    chains: list[dict] = field(default_factory=list)
    cycles: list[list[str]] = field(default_factory=list)
    communities: list[dict] = field(default_factory=list)
    blocs: list[dict] = field(default_factory=list)
    escalation: list[dict] = field(default_factory=list)
    conflict: nx.DiGraph | None = None
    seconds: float = 0.0


def analyze(nxg: nx.MultiDiGraph, *, top: int = 20) -> Analysis:
    """Run every measure on the contract multigraph of a corpus.

    Args:
        nxg: the output of :func:`~graph.analysis.convert.store_to_networkx` or ``rdf_to_networkx``.
        top: rows kept in the ranked tables.

    Returns:
        An :class:`Analysis`.
    """
    started = time.perf_counter()
    merged = actors_of(nxg)  # once for every view
    conflict = conflict_network(nxg, merged=merged)
    events = event_graph(nxg, linked_only=True)  # the chains and cycles need linked events only
    bipartite = actor_event_pairs(nxg, merged=merged)
    backing = backing_network(nxg, merged=merged)
    kinds = [d.get("kind") for _, d in nxg.nodes(data=True)]
    attacks = sum(1 for _, d in nxg.nodes(data=True) if d.get("kind") == "event" and d.get("type") == "attack")
    articles = {a for _, d in nxg.nodes(data=True) for a in d.get("articles") or ()}
    pairs = sorted(({"agent": conflict.nodes[u]["label"], "target": conflict.nodes[v]["label"],
                     "attacks": d["attacks"], "killed": d["killed"], "injured": d["injured"],
                     "first": d["first"], "last": d["last"]} for u, v, d in conflict.edges(data=True)),
                   key=lambda r: (-r["attacks"], -r["killed"], r["agent"], r["target"]))
    out = Analysis(
        summary={"articles": len(articles), "actors": len(merged), "actor_mentions": kinds.count("actor"),
                 "events": kinds.count("event"), "attacks": attacks, "places": kinds.count("place"),
                 "conflict_pairs": conflict.number_of_edges(),
                 "event_links": events.number_of_edges(),
                 "actor_event_edges": len(bipartite),
                 "backing_links": backing.number_of_edges()},
        centrality=centrality(conflict, top=top),
        pairs=pairs[:top],
        chains=retaliation_chains(events, top=top),
        cycles=retaliation_cycles(events),
        communities=communities(conflict),
        blocs=backing_blocs(backing),
        escalation=escalation(nxg),
        conflict=conflict,
    )
    out.seconds = time.perf_counter() - started
    return out


# -- plots -------------------------------------------------------------------


def _plots(a: Analysis, outdir: Path, top: int) -> dict[str, str]:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    files = {}

    def save(fig, name: str) -> None:
        path = outdir / name
        fig.tight_layout()
        try:
            fig.savefig(path, dpi=110)
        except OSError as err:
            raise OutputError(f"{path}: cannot write ({err.strerror or err})") from err
        finally:
            plt.close(fig)
        files[name] = name

    if a.escalation:
        months = [r["month"] for r in a.escalation]
        fig, ax = plt.subplots(figsize=(9, 3.6))
        ax.bar(months, [r["attacks"] for r in a.escalation], color="#4c72b0", label="attacks")
        ax.set_ylabel("attacks per month")
        ax2 = ax.twinx()
        ax2.plot(months, [r["killed"] for r in a.escalation], color="#c44e52", marker="o", ms=3, label="killed")
        ax2.set_ylabel("killed")
        step = max(1, len(months) // 12)
        ax.set_xticks(range(0, len(months), step), months[::step], rotation=45, ha="right")
        ax.set_title("Escalation: attacks (bars) and people killed (line) per month")
        save(fig, "escalation.png")

    if a.centrality:
        rows = a.centrality[:15][::-1]
        fig, ax = plt.subplots(figsize=(7, 0.35 * len(rows) + 1.2))
        ax.barh([r["actor"] for r in rows], [r["pagerank"] for r in rows], color="#55a868")
        ax.set_xlabel("PageRank (weighted by attacks)")
        ax.set_title("Most central actors of the conflict network")
        save(fig, "centrality.png")

    conflict = a.conflict
    if conflict is not None and conflict.number_of_edges():
        keep = [n for n, _ in sorted(conflict.degree(weight="weight"), key=lambda x: (-x[1], str(x[0])))[:top]]
        sub = conflict.subgraph(keep)
        fig, ax = plt.subplots(figsize=(9, 7))
        pos = nx.spring_layout(sub, seed=1, k=1.2 / max(1, len(sub)) ** 0.5, weight=None)
        size = [200 + 60 * sub.degree(n, weight="weight") for n in sub]
        width = [0.6 + 0.5 * d.get("attacks", 1) ** 0.5 for _, _, d in sub.edges(data=True)]
        nx.draw_networkx_nodes(sub, pos, node_size=size, node_color="#8172b2", alpha=0.85, ax=ax)
        nx.draw_networkx_edges(sub, pos, width=width, alpha=0.5, arrows=True, arrowsize=12, ax=ax,
                               connectionstyle="arc3,rad=0.1")
        nx.draw_networkx_labels(sub, pos, {n: sub.nodes[n].get("label", n) for n in sub}, font_size=8, ax=ax)
        ax.set_title(f"Who attacks whom (the {len(sub)} most involved actors; width: attacks)")
        ax.axis("off")
        save(fig, "conflict-network.png")
    return files


# -- text --------------------------------------------------------------------

_SECTIONS = (
    ("centrality", "Most central actors", "Degree, betweenness and PageRank in the network of who attacks whom."),
    ("pairs", "Who attacks whom", "Attacks by agent and target, with people killed and injured."),
    ("chains", "Retaliation chains", "Events answering events, the last answer first."),
    ("communities", "Communities (Louvain)", "Actors that fight each other more than they fight the rest."),
    ("blocs", "Backing blocs", "Actors joined by backing, alliance or membership; patrons are those backed by others."),
    ("escalation", "Escalation over time", "Attacks and people killed per month; change: attacks minus the month before."),
)


def _cell(value) -> str:
    if isinstance(value, list):
        return " → ".join(str(v) for v in value) if value and isinstance(value[0], str) else ", ".join(map(str, value))
    return "" if value is None else str(value)


def _rows_for(name: str, a: Analysis) -> list[dict]:
    rows = getattr(a, name)
    if name == "chains":
        return [{k: r[k] for k in ("length", "events", "dates", "killed")} for r in rows]
    return rows


def _markdown(a: Analysis, plots: dict[str, str], title: str) -> str:
    lines = [f"# {title}", "", " · ".join(f"{k.replace('_', ' ')}: {v}" for k, v in a.summary.items()), ""]
    for name, heading, about in _SECTIONS:
        lines += [f"## {heading}", "", about, ""]
        plot = {"centrality": "centrality.png", "pairs": "conflict-network.png",
                "escalation": "escalation.png"}.get(name)
        if plot in plots:
            lines += [f"![{heading}]({plot})", ""]
        rows = _rows_for(name, a)
        if not rows:
            lines += ["_None found._", ""]
            continue
        cols = list(rows[0])
        lines.append("| " + " | ".join(cols) + " |")
        lines.append("|" + "---|" * len(cols))
        for r in rows:
            lines.append("| " + " | ".join(_cell(r[c]).replace("|", "\\|").replace("\n", " ") for c in cols) + " |")
        lines.append("")
    if a.cycles:
        lines += ["## Retaliation cycles", ""] + [f"- {' → '.join(c)}" for c in a.cycles] + [""]
    lines.append(f"_Analysis took {a.seconds:.2f} s._")
    return "\n".join(lines) + "\n"


def _html(a: Analysis, plots: dict[str, str], title: str) -> str:
    e = html.escape
    parts = [f"<!doctype html><html lang='en'><head><meta charset='utf-8'><title>{e(title)}</title>",
             "<style>body{font:14px/1.45 system-ui,sans-serif;max-width:1100px;margin:2em auto;padding:0 1em;color:#222}"
             "table{border-collapse:collapse;margin:.5em 0 1.5em}td,th{border:1px solid #ccc;padding:3px 8px;"
             "text-align:left;vertical-align:top}th{background:#f3f3f3}img{max-width:100%}"
             ".summary span{display:inline-block;margin-right:1.2em}</style></head><body>",
             f"<h1>{e(title)}</h1><p class='summary'>"
             + "".join(f"<span><b>{e(str(v))}</b> {e(k.replace('_', ' '))}</span>" for k, v in a.summary.items())
             + "</p>"]
    for name, heading, about in _SECTIONS:
        parts.append(f"<h2>{e(heading)}</h2><p>{e(about)}</p>")
        plot = {"centrality": "centrality.png", "pairs": "conflict-network.png",
                "escalation": "escalation.png"}.get(name)
        if plot in plots:
            parts.append(f"<img src='{e(plot)}' alt='{e(heading)}'>")
        rows = _rows_for(name, a)
        if not rows:
            parts.append("<p><i>None found.</i></p>")
            continue
        cols = list(rows[0])
        parts.append("<table><tr>" + "".join(f"<th>{e(c)}</th>" for c in cols) + "</tr>")
        for r in rows:
            parts.append("<tr>" + "".join(f"<td>{e(_cell(r[c]))}</td>" for c in cols) + "</tr>")
        parts.append("</table>")
    if a.cycles:
        parts.append("<h2>Retaliation cycles</h2><ul>" + "".join(f"<li>{e(' → '.join(c))}</li>" for c in a.cycles)
                     + "</ul>")
    parts.append(f"<p><i>Analysis took {a.seconds:.2f} s.</i></p></body></html>")
    return "\n".join(parts) + "\n"


def write_report(a: Analysis, outdir: str | Path, *, fmt: str = "markdown", title: str = "Conflict analysis",
                 top: int = 30, plots: bool = True) -> dict[str, str]:
    """Write the report (``report.md`` or ``report.html``) and its PNG plots into ``outdir``.

    Args:
        a: the analysis.
        outdir: the folder (created when missing).
        fmt: ``markdown`` or ``html``.
        title: the report's title.
        top: actors drawn in the network plot.
        plots: draw the PNG plots.

    Returns:
        File kind -> path written.

    Raises:
        OutputError: an unknown format or a file that cannot be written.
    """
    if fmt not in REPORT_FORMATS:
        raise OutputError(f"{fmt!r}: unknown report format; choose one of {', '.join(REPORT_FORMATS)}")
    outdir = Path(outdir)
    try:
        outdir.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        raise OutputError(f"{outdir}: cannot create the folder ({err.strerror or err})") from err
    images = _plots(a, outdir, top) if plots else {}
    text = _markdown(a, images, title) if fmt == "markdown" else _html(a, images, title)
    report = atomic_write_bytes(outdir / REPORT_FORMATS[fmt], text.encode("utf-8"))
    return {"report": str(report), **{name: str(outdir / name) for name in images}}
