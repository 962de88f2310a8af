"""The extraction output is the one locked in ``bench/extract_lock.jsonl`` (see ``bench/extract_lock.py``).

A change meant to leave extraction alone (a speed-up, a refactoring) must keep every record of every
locked text byte-identical; a change of the rules rewrites the lock (``--update``) in its commit.
"""
import importlib.util
import json
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parents[2] / "bench"


def _lock_module():
    spec = importlib.util.spec_from_file_location("extract_lock", BENCH / "extract_lock.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


lock = _lock_module()


def test_extract_lock_compare_names_the_changed_text():
    old = [json.dumps({"input": "a", "events": [1]}), json.dumps({"input": "b", "events": []})]
    new = [json.dumps({"input": "a", "events": [1]}), json.dumps({"input": "b", "events": [2]}),
           json.dumps({"input": "c", "events": []})]
    assert lock.compare(new, old) == ["b", "c"]
    assert lock.compare(old, old) == []


def test_extract_lock_covers_dev_examples_and_table():
    if not lock.DEV.is_dir():
        pytest.skip(f"dev corpus not found: {lock.DEV}")
    names = [name for name, _ in lock.inputs()]
    dev = sorted(p.stem for p in lock.DEV.glob("*.txt"))
    assert [n.removeprefix("dev/") for n in names if n.startswith("dev/")] == dev
    assert "examples/kurdistan24-us-strikes-syria" in names
    assert sum(n.startswith("sentences.tsv/") for n in names) > 300
    articles = dict(lock.inputs())
    assert all(articles[f"dev/{stem}"].published is not None for stem in dev)


@pytest.mark.slow
def test_extract_lock_output_is_unchanged(nlp):
    if not lock.DEV.is_dir():
        pytest.skip(f"dev corpus not found: {lock.DEV}")
    new = lock.lines(nlp)
    old = lock.LOCK.read_text(encoding="utf-8").splitlines()
    changed = lock.compare(new, old)
    assert not changed, (f"extraction output changed for {len(changed)} texts ({changed[:5]}...); if the change "
                         "is intended, run `python bench/extract_lock.py --update` and commit the lock")
