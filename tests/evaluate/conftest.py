"""Fixtures for the evaluate tests: small gold sets written for the tests, and score.py."""
from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

DATA = Path(__file__).parent / "data"
GOLD = DATA / "gold"
#: the official scorer, beside the repository (``../shared/eval/score.py``)
SCORE_PY = Path(__file__).resolve().parents[2].parent / "shared" / "eval" / "score.py"


@pytest.fixture
def write_gold(tmp_path):
    """Write a gold file from YAML text: ``write_gold(text, name="a1")`` -> its path."""

    def write(text: str, name: str = "a1") -> Path:
        path = tmp_path / f"{name}.gold.yaml"
        path.write_text(textwrap.dedent(text), encoding="utf-8")
        return path

    return write


@pytest.fixture
def score_py() -> Path:
    if not SCORE_PY.is_file():
        pytest.skip(f"the official scorer is not at {SCORE_PY}")
    return SCORE_PY
