"""Tests of graph.store.queries: the named analyst questions on the hand-built corpus."""
from __future__ import annotations

import pytest
from rdflib import Dataset

from graph.store import ParameterError, UnknownQueryError, named_queries, run_query
from graph.store.backend import inject_values
from graph.store.materialise import materialise_sparql
from graph.store.queries import QUERY_DIR, bind_params, resolve

ARMY, REBELS = "Xland Army", "Rebels"


def _records(store, name, **params):
    return run_query(store, name, params).records()


def test_queries_library_has_every_analyst_question():
    assert set(named_queries()) == {"attacks", "retaliation-chains", "backers", "roles", "claims", "events",
                                    "timeline", "casualties", "provenance", "occurrences"}
    for q in named_queries().values():
        assert q.description.endswith(")") or q.description.endswith("."), q.name
        assert all(p.help for p in q.params), q.name


def test_queries_attacks_counts_pairs_and_casualties(store):
    rows = _records(store, "attacks")
    assert rows[0] == {"agent": REBELS, "target": ARMY, "attacks": 2, "killed": 3, "injured": 0,
                       "first": "2024-03-04", "last": "2024-03-06"}
    assert {(r["agent"], r["target"]) for r in rows} == {(REBELS, ARMY), (ARMY, REBELS)}


def test_queries_attacks_date_range_leaves_out_other_days(store):
    rows = _records(store, "attacks", since="2024-03-05", until="2024-03-05")
    assert [(r["agent"], r["attacks"], r["killed"]) for r in rows] == [(ARMY, 1, 5)]


def test_queries_retaliation_chains_are_transitive_with_steps(store):
    rows = _records(store, "retaliation-chains")
    steps = sorted((r["retaliation_label"], r["answers_label"], r["steps"]) for r in rows)
    assert steps == [("attack: Rebels -> Xland Army", "attack: Rebels -> Xland Army", 2),
                     ("attack: Rebels -> Xland Army", "attack: Xland Army -> Rebels", 1),
                     ("attack: Xland Army -> Rebels", "attack: Rebels -> Xland Army", 1)]


def test_queries_retaliation_chain_of_one_event(store):
    e3 = next(r["retaliation"] for r in _records(store, "retaliation-chains") if r["steps"] == 2)
    rows = _records(store, "retaliation-chains", event=f"<{e3}>")
    assert {r["retaliation"] for r in rows} == {e3} and len(rows) == 2


def test_queries_backers_counts_articles(store):
    assert _records(store, "backers") == [{"backed": REBELS, "backer": "Yland", "articles": 2, "example": "april"}]
    assert _records(store, "backers", actor="Nobody") == []


def test_queries_roles_of_a_person_by_alias(store):
    rows = _records(store, "roles", person="Roe")
    assert [(r["name"], r["role"], r["organisation"]) for r in rows] == [("Jane Roe", "spokeswoman", ARMY)]


def test_queries_claims_about_an_event_with_speaker_date_and_quote(store):
    rows = _records(store, "claims")
    assert [(r["who"], r["date"], r["quote"], r["kind"]) for r in rows] == [
        ("Jane Roe", "2024-03-05", "We will answer.", "claim")]
    assert _records(store, "claims", event=f"<{rows[0]['about']}>") == rows
    assert _records(store, "claims", speaker="Someone else") == []


def test_queries_events_in_a_date_range_or_country(store):
    march = _records(store, "events", since="2024-03-01", until="2024-03-31")
    assert len(march) == 4 and all(r["date"].startswith("2024-03") for r in march)
    yland = _records(store, "events", country="YLD")
    assert [(r["places"], r["killed"], r["article"]) for r in yland] == [("Zville", 7, "april")]


def test_queries_timeline_of_an_actor_in_date_order(store):
    rows = _records(store, "timeline", actor=ARMY)
    assert [(r["date"], r["role"]) for r in rows] == [
        ("2024-03-04", "target"), ("2024-03-05", "agent"), ("2024-03-06", "target"), ("2024-04-10", "agent")]


def test_queries_casualties_by_actor_and_month(store):
    rows = {(r["agent"], r["month"]): (r["attacks"], r["killed"]) for r in _records(store, "casualties")}
    assert rows == {(REBELS, "2024-03"): (2, 3), (ARMY, "2024-03"): (1, 5), (ARMY, "2024-04"): (1, 7)}


def test_queries_provenance_of_a_fact_gives_article_sentence_and_span(store):
    rebels = store.select('PREFIX cg: <https://w3id.org/conflict-graph/ontology#> SELECT ?a WHERE { '
                          '?a cg:backedBy ?y FILTER (CONTAINS(STR(?a), "/raid-")) }').rows[0][0]
    rows = _records(store, "provenance", node=f"<{rebels}>", predicate="cg:backedBy")
    assert [(r["article"], r["text"], r["sentence"]) for r in rows] == [("raid", "backed by Yland", 2)]
    assert rows[0]["sentence_text"].startswith("Rebels, backed by Yland")
    assert rows[0]["start"] < rows[0]["end"]


def test_queries_unknown_name_lists_the_known_ones():
    with pytest.raises(UnknownQueryError, match="known: attacks, backers"):
        resolve("atacks")


def test_queries_missing_and_unknown_and_ill_typed_parameters(store):
    with pytest.raises(ParameterError, match="missing parameter actor"):
        run_query(store, "timeline")
    with pytest.raises(ParameterError, match="unknown parameter colour"):
        run_query(store, "attacks", {"colour": "red"})
    with pytest.raises(ParameterError, match="not a date"):
        run_query(store, "attacks", {"since": "last week"})
    with pytest.raises(ParameterError, match="not an absolute IRI"):
        run_query(store, "provenance", {"node": "not an iri"})


def test_queries_hostile_parameter_stays_a_value(store):
    n = store.count()
    assert _records(store, "timeline", actor='x" . } DROP ALL ; #') == []
    assert store.count() == n


def test_queries_rq_file_and_text_run_with_guessed_parameters(store, tmp_path):
    path = tmp_path / "mine.rq"
    path.write_text("# Labels of actors.\nPREFIX sem: <http://semanticweb.cs.vu.nl/2009/11/sem/>\n"
                    "SELECT DISTINCT ?l WHERE { ?a a sem:Actor ; <http://www.w3.org/2000/01/rdf-schema#label> ?l "
                    "FILTER (?l = ?name) }")
    assert run_query(store, str(path), {"name": "Yland"}).records() == [{"l": "Yland"}]


@pytest.mark.parametrize("name", sorted(set(named_queries()) - {"occurrences"}))
def test_queries_answer_as_rdflib_in_memory_does(store, dataset, name):
    """Oxigraph and rdflib's own SPARQL engine give the same rows for every named query.

    ``occurrences`` needs articles that report one occurrence: tests/store/test_resolution.py.
    """
    params = {"timeline": {"actor": ARMY}, "provenance": {"node": "x"}}.get(name, {})
    if name == "provenance":
        params = {"node": "<%s>" % store.select(
            "PREFIX cg: <https://w3id.org/conflict-graph/ontology#> SELECT ?e WHERE { ?e cg:retaliationFor ?x } "
            "ORDER BY ?e LIMIT 1").rows[0][0]}
    q = named_queries()[name]
    ours = run_query(store, name, params)
    memory = Dataset(default_union=True)
    for quad in dataset.quads((None, None, None, None)):
        memory.add(quad)
    memory.update(materialise_sparql())  # as loading does
    theirs = memory.query(inject_values(q.text, bind_params(q, params)))
    rows = [tuple(row[v] for v in ours.vars) for row in theirs]
    assert len(ours.rows) > 0
    assert sorted(map(repr, ours.rows)) == sorted(map(repr, rows))


def test_queries_every_file_is_a_named_query():
    assert sorted(p.stem for p in QUERY_DIR.glob("*.rq")) == sorted(named_queries())


@pytest.mark.parametrize("name", ["attacks", "events", "casualties"])
def test_queries_date_range_looked_up_by_month_answers_as_rdflib_does(store, dataset, name):
    """The months a range spans drive the lookup; the days at its ends still cut (rdflib agrees)."""
    params = {"since": "2024-03-05", "until": "2024-04-30"}
    q = named_queries()[name]
    assert [str(m) for m in bind_params(q, params)["range_month"]] == ["2024-03", "2024-04"]
    ours = run_query(store, name, params)
    memory = Dataset(default_union=True)
    for quad in dataset.quads((None, None, None, None)):
        memory.add(quad)
    memory.update(materialise_sparql())
    theirs = memory.query(inject_values(q.text, bind_params(q, params)))
    assert len(ours.rows) > 0
    assert sorted(map(repr, ours.rows)) == sorted(map(repr, [tuple(row[v] for v in ours.vars) for row in theirs]))
    assert all(r.get("first", "2024-03-05") >= "2024-03-05" for r in ours.records())


def test_queries_months_binding_needs_both_ends_and_a_sane_span():
    q = named_queries()["attacks"]
    assert "range_month" not in bind_params(q, {"since": "2024-03-05"})
    assert bind_params(q, {"since": "2024-03-05", "until": "2024-02-01"})["range_month"] == []
    assert "range_month" not in bind_params(q, {"since": "1800-01-01", "until": "2024-02-01"})  # > 100 years


def test_queries_malformed_bind_line_is_refused():
    from graph.store import QueryError
    from graph.store.queries import parse_header

    with pytest.raises(QueryError, match="malformed bind line"):
        parse_header("# Q.\n# param a: date = 0001-01-01 -- a\n# bind m: weeks(a, a) -- m\nSELECT * {}")
    with pytest.raises(QueryError, match="unknown: b"):
        parse_header("# Q.\n# param a: date = 0001-01-01 -- a\n# bind m: months(a, b) -- m\nSELECT * {}")
