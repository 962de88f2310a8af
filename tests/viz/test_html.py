"""Unit tests of the HTML page, without a browser."""
from __future__ import annotations

import datetime as dt
import json
import re

import networkx as nx
import pytest

from graph.errors import OutputError
from graph.viz.html import render_html, write_html
from graph.viz.safe import csp_hash
from tests.viz.graphs import ATTACK_SENTENCE, EX, HOSTILE, hostile, star, tower22

DATA_RE = re.compile(r'<script type="application/json" id="graph-data">(.*?)</script>', re.S)


def embedded(page: str) -> dict:
    return json.loads(DATA_RE.search(page).group(1))


def markup(page: str) -> str:
    """The page without the bodies of its script and style elements."""
    return re.sub(r"(<(script|style)\b[^>]*>).*?(</\2>)", r"\1\3", page, flags=re.S)


def test_html_embeds_every_node_and_edge():
    """Each graph node and edge appears once in the embedded vis data."""
    g = tower22()
    data = embedded(render_html(g))
    assert len(data["nodes"]) == g.number_of_nodes() == len(data["details"])
    assert len(data["edges"]) == g.number_of_edges()
    assert {d["iri"] for d in data["details"]} == set(g.nodes)
    assert data["note"] is None


def test_html_details_carry_what_a_coder_needs():
    """The attack's details hold type, date, roles, casualties, weapons, CAMEO and evidence."""
    data = embedded(render_html(tower22()))
    attack = next(d for d in data["details"] if d["iri"] == EX + "event/e1")
    assert (attack["type"], attack["subtype"], attack["date"]) == ("attack", "DroneStrike", "2024-01-28")
    assert (attack["killed"], attack["injured"], attack["cameo"]) == (3, 40, "195")
    assert attack["weapons"] == ["drone"]
    assert attack["roles"] == {"agent": ["Kataib Hezbollah"], "target": ["US military"], "place": ["Tower 22"]}
    assert attack["evidence"][0]["text"] == ATTACK_SENTENCE
    assert attack["evidence"][0]["article"] == "a1"


def test_html_shapes_and_legend_follow_kind_and_type():
    """Kinds get distinct shapes; the legend lists every kind:type present with its count."""
    data = embedded(render_html(tower22()))
    shapes = {d["kind"]: n["shape"] for d, n in zip(data["details"], data["nodes"])}
    assert len(set(shapes.values())) == 3
    legend = {t["key"]: t["count"] for t in data["legend"]["types"]}
    assert legend["event:attack"] == 2 and legend["place:place"] == 1
    assert {r["key"] for r in data["legend"]["relations"]} >= {"agent", "retaliation_for", "backed_by"}


def test_html_event_size_grows_with_casualties():
    """An event with 40 dead is drawn larger than one with none."""
    data = embedded(render_html(tower22()))
    size = {d["iri"]: n["size"] for d, n in zip(data["details"], data["nodes"])}
    assert size[EX + "event/e3"] > size[EX + "event/e2"]


def test_html_escapes_hostile_names():
    """Hostile strings never reach the markup raw, and survive the JSON round trip intact."""
    page = render_html(hostile(), title=HOSTILE[0])
    raw = DATA_RE.search(page).group(1)
    assert not re.search(r"[<>&\u2028\u2029\u202a-\u202e\u2066-\u2069]", raw)
    assert raw.isascii()
    data = json.loads(raw)
    assert sorted(d["label"] for d in data["details"]) == sorted(HOSTILE)
    html_only = markup(page)
    for bad in ("<script>window", "<img", "<svg", "onerror", "onload", "<style>body"):
        assert bad not in html_only
    assert html_only.count("<script") == 3 and page.count("</script>") == 3
    assert "&lt;script&gt;window.__pwned = 1" in html_only  # the title, as text


def test_html_title_cannot_break_out():
    """A title with quotes and tags is escaped in <title> and <h1>."""
    page = render_html(nx.MultiDiGraph(), title='"><script>alert(1)</script>')
    assert "<script>alert(1)" not in page
    assert page.count("&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;") == 2


def test_html_has_no_external_urls():
    """No src, href, @import or url() points off the page, even with URLs in the data."""
    for g in (tower22(), hostile()):
        page = render_html(g)
        assert not re.search(r"""\b(?:src|href|action)\s*=\s*["']?\s*(?:https?:)?//""", page, re.I)
        assert not re.search(r"""url\(\s*["']?\s*(?:https?:)?//""", page, re.I)
        assert "@import" not in page
        assert not re.search(r"<(?:link|iframe|object|embed|base)\b", markup(page), re.I)


def test_html_csp_allows_only_its_own_scripts():
    """The CSP forbids all fetching and allows exactly the two inline scripts, by hash."""
    page = render_html(tower22())
    csp = re.search(r'http-equiv="Content-Security-Policy" content="([^"]*)"', page).group(1)
    assert "default-src 'none'" in csp and "unsafe-eval" not in csp
    scripts = re.findall(r"<script>(.*?)</script>", page, re.S)
    assert len(scripts) == 2
    script_src = next(p for p in csp.split("; ") if p.startswith("script-src"))
    assert script_src.split()[1:] == [csp_hash(s) for s in scripts]


def test_html_prunes_above_max_nodes_with_note():
    """Above max_nodes the most important nodes are kept and a visible note says what went."""
    page = render_html(star(50), max_nodes=10)
    data = embedded(page)
    assert len(data["nodes"]) == 10
    assert EX + "actor/hub" in {d["iri"] for d in data["details"]}
    kept = {d["id"] for d in data["details"]}
    assert all(e["from"] in kept and e["to"] in kept for e in data["edges"])
    note = re.search(r'<p id="pruning-note" role="note">(.*?)</p>', page).group(1)
    assert "10 most important of 50 nodes" in note and "40 events" in note
    assert data["note"] == note


def test_html_no_note_when_everything_fits():
    """A graph within max_nodes has no pruning note."""
    assert 'id="pruning-note"' not in render_html(star(5), max_nodes=5)


@pytest.mark.parametrize("max_nodes", [0, -3])
def test_html_rejects_max_nodes_below_one(max_nodes):
    with pytest.raises(ValueError, match="max_nodes"):
        render_html(star(3), max_nodes=max_nodes)


def test_html_tolerates_missing_and_odd_attributes():
    """Bare nodes, wrong types, NaN, single strings for lists, dates and int ids all render."""
    g = nx.MultiDiGraph()
    g.add_node("bare")
    g.add_node(7, kind="event", type="attack", killed="many", injured=float("nan"), weapons="rifle",
               evidence="Just a sentence.", date=dt.date(2024, 1, 28), articles=None)
    g.add_node("x", kind="martian", type=None, label="", evidence=[None, {"text": None}, 3])
    g.add_edge("bare", 7)
    g.add_edge(7, "x", relation=None, label=None)
    data = embedded(render_html(g))
    assert len(data["nodes"]) == 3 and len(data["edges"]) == 2
    seven = next(d for d in data["details"] if d["iri"] == "7")
    assert seven["killed"] is None and seven["injured"] is None
    assert seven["weapons"] == ["rifle"] and seven["date"] == "2024-01-28"
    assert seven["evidence"] == [{"text": "Just a sentence.", "article": None, "title": None, "url": None}]
    assert next(d for d in data["details"] if d["iri"] == "x")["kind"] == "other"


def test_html_write_replaces_file_atomically(tmp_path):
    """write_html replaces an existing file and leaves no temporary file behind."""
    out = tmp_path / "graph.html"
    out.write_text("old")
    assert write_html(tower22(), out) == out
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert [p.name for p in tmp_path.iterdir()] == ["graph.html"]


def test_html_write_to_missing_folder_raises_output_error(tmp_path):
    with pytest.raises(OutputError, match="does not exist"):
        write_html(tower22(), tmp_path / "nope" / "graph.html")


def test_html_timeline_fixes_positions_and_turns_physics_off():
    """The timeline view gives every node x and y, physics off, and one tick per date."""
    data = embedded(render_html(tower22(), view="timeline"))
    assert data["view"] == "timeline" and data["options"]["physics"]["enabled"] is False
    assert all("x" in n and "y" in n for n in data["nodes"])
    assert [t["label"] for t in data["ticks"]] == ["2024-01-28", "2024-01-29", "2024-02-02"]
    assert data["description"].startswith("Timeline, 2024-01-28 to 2024-02-02")


def test_html_actor_view_keeps_its_actor_when_pruned():
    """Iran has the lowest importance of its neighbourhood, yet a one-node limit keeps it."""
    page = render_html(tower22(), view="actor", actor="IRAN", max_nodes=1)
    data = embedded(page)
    assert [d["label"] for d in data["details"]] == ["Iran"] and data["focus"] == 0
    assert '<p id="view-note">Neighbourhood of Iran' in page


def test_html_events_carry_their_day_for_the_date_filter():
    data = embedded(render_html(tower22()))
    days = {d["iri"]: d["day"] for d in data["details"]}
    assert days[EX + "event/e1"] == "2024-01-28" and days[EX + "actor/kh"] is None
    assert data["dates"] == ["2024-01-28", "2024-02-02"] and data["undated"] == 0


def test_html_view_note_escapes_hostile_actor_names():
    page = render_html(hostile(), view="actor", actor=HOSTILE[0])
    note = re.search(r'<p id="view-note">(.*?)</p>', page).group(1)
    assert "&lt;script&gt;window.__pwned = 1" in note
    assert "<script>window" not in markup(page) and markup(page).count("<script") == 3
