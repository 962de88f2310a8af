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
