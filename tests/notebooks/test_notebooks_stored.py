"""The notebooks in ``notebooks/`` are stored clean; running them is nbmake's job (``pytest --nbmake``)."""
from __future__ import annotations

from pathlib import Path

import nbformat
import pytest

NOTEBOOKS = sorted((Path(__file__).resolve().parents[2] / "notebooks").glob("*.ipynb"))


def test_notebooks_folder_has_the_four_walkthroughs():
    """01 quickstart, 02 SPARQL, 03 network analysis, 04 quality: one notebook each."""
    assert [p.name[:3] for p in NOTEBOOKS] == ["01-", "02-", "03-", "04-"]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_notebook_is_stored_without_outputs(path):
    """A stored notebook is valid nbformat 4 with every output cleared, so diffs show code and text only."""
    nb = nbformat.read(path, as_version=4)
    nbformat.validate(nb)
    dirty = [c.get("id") for c in nb.cells if c.cell_type == "code" and (c.outputs or c.execution_count is not None)]
    assert not dirty, f"{path.name}: clear the outputs of cells {dirty}"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_notebook_code_reads_no_data_outside_examples(path):
    """Notebook code reads ``examples/`` only, nothing from ``shared/``, which users do not have."""
    nb = nbformat.read(path, as_version=4)
    offending = [c.get("id") for c in nb.cells if c.cell_type == "code" and "shared/" in c.source]
    assert not offending, f"{path.name}: cells {offending} mention shared/"
