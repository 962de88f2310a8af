"""The static PNG picture."""
from __future__ import annotations

import networkx as nx
import pytest

from graph.errors import OutputError
from graph.viz.png import write_png
from tests.viz.graphs import hostile, star, tower22

PNG_MAGIC = b"\x89PNG\r\n\x1a\n"


@pytest.mark.parametrize("make", [tower22, hostile, nx.MultiDiGraph], ids=["tower22", "hostile", "empty"])
def test_png_writes_a_png(tmp_path, make):
    """Ordinary, hostile (``$`` mathtext, tags) and empty graphs all give a PNG file."""
    out = write_png(make(), tmp_path / "g.png", title="$x$ <b>")
    assert out.read_bytes().startswith(PNG_MAGIC)
    assert [p.name for p in tmp_path.iterdir()] == ["g.png"]


def test_png_prunes_large_graphs(tmp_path):
    out = write_png(star(400), tmp_path / "g.png", max_nodes=50)
    assert out.stat().st_size > 1000


def test_png_missing_folder_raises_output_error(tmp_path):
    with pytest.raises(OutputError):
        write_png(tower22(), tmp_path / "nope" / "g.png")


def test_png_svg_of_hostile_names_holds_no_markup(tmp_path):
    """Names become paths (and escaped comments): no script element, no event handler."""
    import xml.etree.ElementTree as ET

    from graph.viz.png import write_svg
    from tests.viz.graphs import HOSTILE

    out = write_svg(hostile(), tmp_path / "g.svg", title=HOSTILE[1])
    raw = out.read_text(encoding="utf-8")
    root = ET.fromstring(raw)
    assert root.tag.endswith("svg")
    assert not [e for e in root.iter() if e.tag.endswith(("script", "foreignObject"))]
    assert not [a for e in root.iter() for a in e.attrib if a.lower().startswith("on")]
    assert "<script" not in raw and "<img" not in raw


def test_png_svg_is_reproducible(tmp_path):
    from graph.viz.png import write_svg

    first = write_svg(tower22(), tmp_path / "a.svg").read_bytes()
    assert first == write_svg(tower22(), tmp_path / "b.svg").read_bytes()


@pytest.mark.parametrize("view", ["timeline", "retaliation", "actor"])
def test_png_draws_every_view(tmp_path, view):
    out = write_png(tower22(), tmp_path / "g.png", view=view, actor="Iran")
    assert out.read_bytes().startswith(PNG_MAGIC)


def test_png_rejects_unknown_format(tmp_path):
    from graph.viz.png import write_picture

    with pytest.raises(ValueError, match="png, svg"):
        write_picture(tower22(), tmp_path / "g.gif")
