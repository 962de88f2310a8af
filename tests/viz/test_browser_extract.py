"""The real ``extract`` on a hostile article, its graph.html opened in headless Chromium."""
from __future__ import annotations

import pytest
from rdflib import Graph

from graph.analysis.convert import rdf_to_networkx
from graph.cli import main
from tests.viz.test_browser import READY_TIMEOUT_MS, assert_clean, screenshot

pytestmark = [pytest.mark.browser, pytest.mark.slow]

# Person names the extractor reads with the markup glued on (checked below, not assumed).
HOSTILE_ARTICLE = (
    "Iraqi Prime Minister Mustafa al-Kadhimi's\\\"</script><script>window.__pwned=1</script> office said "
    "militias attacked the base in Erbil on Monday, killing three soldiers. "
    "Pentagon press secretary John Kirby's\"</script><img src=x onerror=window.__pwned=2> team said "
    "the United States would respond. "
    "Kurdish Prime Minister Masrour al-<script>window.__pwned=3</script>Barzani condemned the attack.\n"
)


def test_browser_extract_of_hostile_article_runs_nothing(offline_page, tmp_path):
    """Names holding </script>, <script, quotes and backslashes reach the graph and the page, inert."""
    src = tmp_path / "hostile.txt"
    src.write_text(HOSTILE_ARTICLE, encoding="utf-8")
    out = tmp_path / "out"
    assert main(["extract", str(src), "--published", "2024-03-08", "-q", "-o", str(out)]) == 0

    g = rdf_to_networkx(Graph().parse(out / "graph.ttl", format="turtle"))
    names = [d["label"] for _, d in g.nodes(data=True) if d["kind"] == "actor"]
    assert any("</script><script" in n and '\\"' in n for n in names), names
    assert any('"</script><img' in n for n in names), names
    assert any(n.endswith("<script>") for n in names), names

    offline_page.open(out / "graph.html")
    page = offline_page.page
    page.wait_for_function("() => window.conflictGraph && window.conflictGraph.ready", timeout=READY_TIMEOUT_MS)
    n = page.evaluate("window.conflictGraph.data.details.length")
    assert n == g.number_of_nodes()
    page.evaluate(f"() => {{ for (let i = 0; i < {n}; i++) window.conflictGraph.select(i); }}")
    page.fill("#search", "script")
    assert page.locator("#search-results button").count() >= 2
    page.locator("#search-results button").first.click()
    page.mouse.move(700, 450)
    page.wait_for_timeout(200)
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert page.evaluate("document.querySelectorAll('script').length") == 3
    assert page.evaluate("document.querySelectorAll('img, iframe, object, embed').length") == 0
    assert "</script>" in page.locator("#details").inner_text()  # the name, shown as text
    screenshot(page, "viz-extract-hostile")
    assert_clean(offline_page)
