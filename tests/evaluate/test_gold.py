"""Loading gold files: typed records, and errors that name the file, the entry and the field."""
from __future__ import annotations

import pytest

from graph.errors import GraphError
from graph.evaluate.gold import GoldError, gold_files, load_clusters, load_gold, load_gold_set

from .conftest import GOLD

MINIMAL = """\
article: a1.txt
actors:
  - {id: R, name: Rebels, type: armed_group}
events:
  - {id: E1, type: attack, agents: [R]}
"""


def test_gold_loads_typed_records():
    """Every field becomes a typed value: ranges as (min, max), dates as ISO text, flags as bools."""
    gold = load_gold(GOLD / "alpha.gold.yaml")
    assert gold.article == "alpha"
    assert gold.published == "2024-03-06"
    assert gold.event("E1").killed == (4, 6)
    assert gold.event("E5").injured == (3, 3)
    assert gold.event("E2").date_alternatives == ("2024-03-06",)
    assert gold.event("E5").agents_required is False and gold.event("E5").targets_required is True
    assert gold.event("E4").required is False
    assert gold.actor("RADIO").required is False and gold.actor("NF").aliases == ("rebels", "Northern Front rebels")
    assert [(a.source, a.type, a.target, a.role, a.optional) for a in gold.affiliations] == [
        ("ARMY", "backed_by", "VAL", None, False), ("RUIZ", "role_in", "GOV", "Governor", False),
        ("NF", "opposes", "ARMY", None, True)]
    assert [(r.source, r.optional) for r in gold.relations] == [("E2", False), ("E3", False), ("E2", True)]
    assert gold.text.startswith("Rebels shell Karsa")


def test_gold_text_is_none_without_article_file(write_gold):
    assert load_gold(write_gold(MINIMAL)).text is None


@pytest.mark.parametrize("text, expected", [
    (MINIMAL.replace("type: attack", "type: atack"),
     "events[0] (E1): field 'type': 'atack' is not one of attack, statement"),
    (MINIMAL.replace("agents: [R]", "agents: [X]"), "events[0] (E1): field 'agents': unknown actor id 'X' (known: R)"),
    (MINIMAL.replace("agents: [R]", "agents: [R], require: false"),
     "events[0] (E1): unknown field 'require' (allowed: id, type,"),
    (MINIMAL.replace("agents: [R]", "agents: [R], killed: [5, 2]"), "field 'killed': min 5 is above max 2"),
    (MINIMAL.replace("agents: [R]", "agents: [R], killed: many"), "field 'killed': expected a number or [min, max]"),
    (MINIMAL.replace("agents: [R]", "agents: [R], date: 2024-13-01"), "a value is not valid: month must be in 1..12"),
    (MINIMAL.replace("agents: [R]", "agents: [R], date: '2024-3-1'"), "field 'date': expected a date YYYY-MM-DD"),
    (MINIMAL.replace("agents: [R]", "agents: [R], required: maybe"), "field 'required': expected true or false"),
    (MINIMAL.replace("type: armed_group", "type: rebels"), "actors[0] (R): field 'type': 'rebels' is not one of"),
    (MINIMAL.replace("article: a1.txt\n", ""), "field 'article' is missing"),
    (MINIMAL + "relations:\n  - [E1, answers, E1]\n", "relations[0]: relation type: 'answers' is not one of"),
    (MINIMAL + "affiliations:\n  - [R, backed_by, Q]\n", "affiliations[0]: unknown actor id 'Q'"),
    (MINIMAL + "events2: []\n", "unknown field 'events2'"),
    (MINIMAL + "  - {id: E1, type: attack}\n", "id 'E1' is used twice in events"),
])
def test_gold_error_names_file_entry_and_field(write_gold, text, expected):
    path = write_gold(text)
    with pytest.raises(GoldError) as info:
        load_gold(path)
    assert str(info.value).startswith(f"{path}: ")
    assert expected in str(info.value)
    assert isinstance(info.value, GraphError)


def test_gold_error_gives_yaml_line(write_gold):
    with pytest.raises(GoldError, match=r"a1.gold.yaml: line 4: not valid YAML"):
        load_gold(write_gold("article: a1.txt\nactors:\n  - {id: R, name: [\n"))


def test_gold_files_expands_folders_and_rejects_missing_paths(tmp_path):
    assert [p.name for p in gold_files([GOLD])] == ["alpha.gold.yaml", "beta.gold.yaml"]
    with pytest.raises(GoldError, match="no such file or folder"):
        gold_files([tmp_path / "nope"])
    with pytest.raises(GoldError, match=r"no \*\.gold\.yaml file"):
        gold_files([tmp_path])


def test_gold_set_rejects_one_article_annotated_twice(write_gold):
    write_gold(MINIMAL, "one")
    path = write_gold(MINIMAL, "two")
    with pytest.raises(GoldError, match="article 'a1' is also annotated by"):
        load_gold_set([path.parent])


def test_gold_set_reads_clusters_beside_the_gold_files():
    gold = load_gold_set([GOLD / "alpha.gold.yaml", GOLD / "beta.gold.yaml"])
    assert gold.clusters == ((("alpha", "E1"), ("beta", "E1")), (("alpha", "E2"), ("beta", "E3")))


def test_gold_clusters_need_article_hash_event(tmp_path):
    (tmp_path / "same-occurrence.yaml").write_text("- [a1#E1, a2-E1]\n")
    with pytest.raises(GoldError, match=r"cluster \[0\]: expected ARTICLE#EVENT_ID; got 'a2-E1'"):
        load_clusters(tmp_path)
    assert load_clusters(tmp_path / "absent") is None


def test_gold_type_labels_accept_what_matching_accepts(write_gold):
    """``Attack`` matches ``attack`` when scored, so it loads; ``backed-by`` would never match ``backed_by``."""
    assert load_gold(write_gold(MINIMAL.replace("type: attack", "type: Attack"))).events[0].type == "Attack"
    with pytest.raises(GoldError, match="affiliation type: 'backed-by' is not one of backed_by"):
        load_gold(write_gold(MINIMAL + "affiliations:\n  - [R, backed-by, R]\n"))
