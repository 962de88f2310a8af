"""The page in headless Chromium: drawn offline, clickable, and inert with hostile data."""
from __future__ import annotations

import time
from pathlib import Path

import pytest

from graph.viz.html import write_html
from tests.viz.graphs import ATTACK_SENTENCE, EX, HOSTILE, corpus, hostile, tower22

pytestmark = pytest.mark.browser

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
READY_TIMEOUT_MS = 60_000


def open_graph(offline_page, tmp_path, g, name, **kwargs):
    path = write_html(g, tmp_path / f"{name}.html", **kwargs)
    offline_page.open(path)
    offline_page.page.wait_for_function("() => window.conflictGraph && window.conflictGraph.ready",
                                        timeout=READY_TIMEOUT_MS)
    return offline_page.page


def screenshot(page, name):
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"))


def assert_clean(offline_page):
    assert offline_page.blocked == [], "the page tried to reach the network"
    assert offline_page.console_errors == []
    assert offline_page.dialogs == []


def test_browser_draws_every_node_offline(offline_page, tmp_path):
    """All nodes and edges are drawn, layout stops, and no request leaves the page."""
    g = tower22()
    page = open_graph(offline_page, tmp_path, g, "tower22")
    drawn = page.evaluate("""() => {
        const n = window.conflictGraph.network;
        return {nodes: n.body.nodeIndices.length, edges: n.body.edgeIndices.length,
                positions: Object.keys(n.getPositions()).length,
                physics: n.physics.physicsEnabled};
    }""")
    assert drawn == {"nodes": g.number_of_nodes(), "edges": g.number_of_edges(),
                     "positions": g.number_of_nodes(), "physics": False}
    assert page.locator("#type-filters input[type=checkbox]").count() == 6
    screenshot(page, "viz-tower22")
    assert_clean(offline_page)


def test_browser_click_shows_evidence_and_highlights_neighbours(offline_page, tmp_path):
    """Clicking the attack shows its sentence and article in the panel and dims non-neighbours."""
    page = open_graph(offline_page, tmp_path, tower22(), "click")
    node_id = page.evaluate(f"window.conflictGraph.data.details.find(d => d.iri === {EX + 'event/e1'!r}).id")
    page.evaluate(f"window.conflictGraph.network.focus({node_id}, {{scale: 1.5, animation: false}})")
    x, y = page.evaluate(f"""() => {{
        const n = window.conflictGraph.network, p = n.getPositions([{node_id}])[{node_id}];
        const d = n.canvasToDOM(p), box = document.getElementById('network').getBoundingClientRect();
        return [box.left + d.x, box.top + d.y];
    }}""")
    page.mouse.click(x, y)
    details = page.locator("#details")
    assert ATTACK_SENTENCE in details.inner_text()
    assert "Drone attack kills US troops" in details.inner_text()
    assert "DroneStrike" in details.inner_text() and "Tower 22" in details.inner_text()
    colours = page.evaluate("""() => {
        const api = window.conflictGraph;
        return Object.fromEntries(api.data.details.map(d => [d.iri, api.nodes.get(d.id).color.background]));
    }""")
    assert colours[EX + "actor/iran"] == "#eeeeee"  # not a neighbour of the attack
    assert colours[EX + "place/t22"] != "#eeeeee"
    screenshot(page, "viz-click")
    page.mouse.click(5, 5)  # outside the canvas: nothing changes
    assert_clean(offline_page)


def test_browser_search_and_type_filter(offline_page, tmp_path):
    """Search finds nodes by label; unticking a type hides its nodes."""
    page = open_graph(offline_page, tmp_path, tower22(), "filter")
    assert page.evaluate("window.conflictGraph.search('tower')") == [EX + "place/t22"]
    page.fill("#search", "Iran")
    assert page.locator("#search-results button").count() == 1
    page.locator("#search-results button").first.click()
    assert "Iran" in page.locator("#details h2").inner_text()
    page.locator('#type-filters input[value="event:attack"]').uncheck()
    assert page.evaluate("window.conflictGraph.visibleNodes") == 5
    assert page.evaluate("window.conflictGraph.network.body.nodeIndices.length") == 5
    assert_clean(offline_page)


def test_browser_hostile_graph_executes_nothing(offline_page, tmp_path):
    """Hostile names in every field run no script, open no dialog, add no element."""
    page = open_graph(offline_page, tmp_path, hostile(), "hostile", title=HOSTILE[1])
    n = len(HOSTILE)
    page.evaluate(f"""() => {{
        const api = window.conflictGraph;
        for (let i = 0; i < {n}; i++) api.select(i);
        api.search('script');
    }}""")
    page.mouse.move(300, 300)
    page.wait_for_timeout(300)
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert page.evaluate("document.querySelectorAll('script').length") == 3
    assert page.evaluate("document.querySelectorAll('img, svg, iframe, object, embed, style').length") == 2
    assert page.evaluate("document.body.style.display") != "none"
    text = page.locator("#details").inner_text()
    assert "window.__pwned" in text  # shown as text
    hrefs = page.evaluate("[...document.querySelectorAll('#details a')].map(a => a.getAttribute('href'))")
    assert all(h.startswith("https://") for h in hrefs)
    assert page.evaluate("window.conflictGraph.network.body.nodeIndices.length") == n
    screenshot(page, "viz-hostile")
    assert_clean(offline_page)


def test_browser_5000_node_graph_is_pruned_and_settles_in_bounded_time(offline_page, tmp_path):
    """A corpus of 5,000 nodes draws its 1,500 most important, says so, and stops moving."""
    started = time.monotonic()
    page = open_graph(offline_page, tmp_path, corpus(5000), "large")
    elapsed = time.monotonic() - started
    assert elapsed < 40, f"took {elapsed:.1f} s to load and lay out"
    note = page.locator("#pruning-note")
    assert note.is_visible() and "1500 most important of 5000 nodes" in note.inner_text()
    assert page.evaluate("window.conflictGraph.network.body.nodeIndices.length") == 1500
    assert page.evaluate("window.conflictGraph.network.physics.physicsEnabled") is False
    page.fill("#search", "Actor 0")  # still answers
    page.locator("#search-results button").first.click()
    assert "Actor 0" in page.locator("#details h2").inner_text()
    screenshot(page, "viz-large")
    assert_clean(offline_page)


def test_browser_date_range_hides_events_and_nodes_left_without_links(offline_page, tmp_path):
    """From 2024-01-29: the drone strike goes, and Tower 22 with it (its only link)."""
    page = open_graph(offline_page, tmp_path, tower22(), "dates")
    visible = "window.conflictGraph.network.body.nodeIndices.length"
    page.fill("#date-from", "2024-01-29")
    assert page.evaluate(visible) == 5
    labels = page.evaluate("""() => { const api = window.conflictGraph;
        return api.network.body.nodeIndices.map(id => api.data.details[id].label).sort(); }""")
    assert labels == ["Iran", "Kataib Hezbollah", "US military", "airstrikes", "blamed"]
    page.fill("#date-to", "2024-01-30")  # only "blamed" left; Kataib Hezbollah keeps its backer
    assert page.evaluate(visible) == 4
    assert "Showing 4 of 7 nodes" in page.locator("#status").inner_text()
    screenshot(page, "viz-dates")
    page.locator("#date-reset").click()
    assert page.evaluate(visible) == 7
    assert_clean(offline_page)


def test_browser_timeline_lays_events_out_by_date_without_physics(offline_page, tmp_path):
    page = open_graph(offline_page, tmp_path, tower22(), "timeline", view="timeline",
                      title="Tower 22 — timeline")
    pos = page.evaluate("""() => { const api = window.conflictGraph, p = api.network.getPositions();
        return Object.fromEntries(api.data.details.map(d => [d.label, [p[d.id].x, p[d.id].y]])); }""")
    assert pos["drone strike"][0] < pos["blamed"][0] < pos["airstrikes"][0]
    assert pos["Kataib Hezbollah"][1] < 0 and pos["drone strike"][1] == 0
    assert page.evaluate("window.conflictGraph.network.physics.physicsEnabled") is False
    assert "Timeline, 2024-01-28 to 2024-02-02" in page.locator("#view-note").inner_text()
    screenshot(page, "viz-timeline")
    assert_clean(offline_page)


def test_browser_actor_view_opens_on_the_actor(offline_page, tmp_path):
    page = open_graph(offline_page, tmp_path, tower22(), "actor", view="actor", actor="kataib hezbollah")
    assert page.locator("#details h2").inner_text() == "Kataib Hezbollah"
    assert page.evaluate("window.conflictGraph.network.getSelectedNodes().length") == 1
    assert page.evaluate("window.conflictGraph.network.body.nodeIndices.length") == 7
    screenshot(page, "viz-actor")
    assert_clean(offline_page)


def test_browser_fixture_counts_blocked_requests(offline_page, tmp_path):
    """The harness itself sees and blocks requests, so the zero counts above mean something."""
    path = tmp_path / "leaky.html"
    path.write_text('<!DOCTYPE html><img src="https://example.invalid/x.png">'
                    '<script src="http://127.0.0.1:9/x.js"></script>', encoding="utf-8")
    offline_page.open(path)
    offline_page.page.wait_for_timeout(300)
    assert sorted(set(offline_page.blocked)) == ["http://127.0.0.1:9/x.js", "https://example.invalid/x.png"]
