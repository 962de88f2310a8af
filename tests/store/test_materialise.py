"""Tests of graph.store.materialise: the terms the store derives in each article's graph at load time."""
from __future__ import annotations

from dataclasses import replace
from datetime import date

from graph.rdf import extraction_to_graph, to_dataset, write_graph
from graph.store import load_dataset, load_files, open_store, run_query
from graph.store.materialise import EFFECTIVE_DATE, EFFECTIVE_MONTH, UNDATED, derived_count
from tests.store.corpus import april, raid


def _months(store) -> dict[str, str]:
    q = f"SELECT ?e ?m WHERE {{ ?e <{EFFECTIVE_MONTH}> ?m }}"
    return {str(e).rsplit("/", 3)[-3].split("-")[0] + "/" + str(e).rsplit("/", 1)[-1]: str(m)
            for e, m in store.select(q).rows}


def test_materialise_gives_every_event_its_month_from_its_date_or_its_article(store):
    assert _months(store) == {"raid/e1": "2024-03", "raid/e2": "2024-03", "raid/e3": "2024-03", "raid/e4": "2024-03",
                              "april/e1": "2024-04"}  # april's event has no date: its article's (2024-04-10)
    dates = dict(store.select(f"SELECT ?e ?d WHERE {{ ?e <{EFFECTIVE_DATE}> ?d }}").rows)
    assert sorted(str(d) for d in dates.values()) == ["2024-03-04", "2024-03-05", "2024-03-05", "2024-03-06",
                                                       "2024-04-10"]


def test_materialise_undated_event_counts_only_without_a_range():
    undated = replace(april(), article=replace(april().article, published=None))
    with open_store() as s:
        load_dataset(s, to_dataset([raid(), undated]))
        assert _months(s)["april/e1"] == UNDATED
        assert "april" in {r["article"] for r in run_query(s, "events").records()}
        ranged = run_query(s, "events", {"since": "0001-01-01", "until": "9999-12-30"}).records()
        assert ranged and "april" not in {r["article"] for r in ranged}


def test_materialise_reloading_an_article_replaces_its_derived_terms(tmp_path):
    path = tmp_path / "raid.nq"
    write_graph(extraction_to_graph(raid()), path, "nquads")
    later = raid()
    later = replace(later, events=tuple(replace(e, date=date(2024, 5, e.date.day)) for e in later.events))
    with open_store(tmp_path / "db") as s:
        load_files(s, [path])
        write_graph(extraction_to_graph(later), path, "nquads")
        load_files(s, [path])
        assert set(_months(s).values()) == {"2024-05"}
        attacks = sum(e.type.value == 'attack' for e in later.events)
        assert derived_count(s) == 2 * len(later.events) + attacks + 1  # date, month; attack month; digest
        assert run_query(s, "attacks", {"since": "2024-03-01", "until": "2024-03-31"}).rows == []
        assert len(run_query(s, "attacks", {"since": "2024-05-01", "until": "2024-05-31"}).rows) == 2


def test_materialise_attack_month_only_on_attacks_that_happened():
    from graph.store.materialise import ATTACK_MONTH

    x = raid()
    x = replace(x, events=tuple(replace(e, negated=True) if e.id == "e3" else e for e in x.events))
    with open_store() as s:
        load_dataset(s, to_dataset([x]))
        rows = s.select(f"SELECT ?e ?m WHERE {{ ?e <{ATTACK_MONTH}> ?m }}").rows
        assert sorted(str(e).rsplit("/", 1)[-1] for e, _ in rows) == ["e1", "e2"]  # e3 negated, e4 a statement
        assert {str(m) for _, m in rows} == {"2024-03"}
