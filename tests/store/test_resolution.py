"""Tests of graph.store.resolution: resolving the store's articles, in full and incrementally."""
from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from rdflib import Graph, Literal

from graph.rdf import to_dataset, validate
from graph.rdf.iris import RESOLUTION_GRAPH
from graph.store import load_dataset, named_queries, open_store, run_query
from graph.store.resolution import resolve_store
from graph.vocab.actor_types import ActorType
from graph.vocab.namespaces import CG, PROV, RDF, RDFS
from tests.resolve.test_inputs import corpus, strike


def resolution_graph(store) -> Graph:
    g = Graph()
    rows = store.select(f"SELECT ?s ?p ?o WHERE {{ GRAPH <{RESOLUTION_GRAPH}> {{ ?s ?p ?o }} }}").rows
    for row in rows:
        g.add(row)
    return g


def without_runs(g: Graph) -> set:
    return {t for t in g if t[1] != PROV.wasGeneratedBy and "/resolution/run/" not in str(t[0])}


def later() -> list:
    """A third outlet the next day, and the same actors striking again a week later."""
    return [strike("weekly", "American jets struck Kataib Hezbollah in Abu Kamal, killing 19.", 19,
                   date(2021, 2, 27), "Weekly", "American"),
            strike("again", "US jets struck Kataib Hezbollah in Abu Kamal, killing 4.", 4, date(2021, 3, 5),
                   "Again", "US", when=date(2021, 3, 4))]


def test_store_resolution_on_load_merges_across_articles_and_validates():
    with open_store() as store:
        summary = load_dataset(store, to_dataset(corpus()))
        assert summary.resolution.mode == "incremental"
        g = resolution_graph(store)
        validate(g)
        occurrences = set(g.subjects(RDF.type, CG.Occurrence))
        assert len(occurrences) == 1
        rows = run_query(store, "occurrences").records()
        assert {(r["article"], r["killed"]) for r in rows} == {("wire", 17), ("local", 22)}
        assert {(r["killed_min"], r["killed_max"], r["reports"]) for r in rows} == {(17, 22, 2)}


def test_store_resolution_incremental_load_equals_full_resolution():
    with open_store() as one_by_one, open_store() as at_once:
        for x in corpus() + later():
            load_dataset(one_by_one, to_dataset([x]))
        load_dataset(at_once, to_dataset(corpus() + later()), resolve=False)
        resolve_store(at_once)
        assert without_runs(resolution_graph(one_by_one)) == without_runs(resolution_graph(at_once))
        rows = run_query(one_by_one, "occurrences").records()
        assert {r["article"] for r in rows} == {"wire", "local", "weekly"}
        validate(resolution_graph(one_by_one))


def test_store_resolution_reloading_an_article_changes_nothing_but_the_run():
    with open_store() as store:
        load_dataset(store, to_dataset(corpus() + later()))
        before = without_runs(resolution_graph(store))
        for _ in range(3):
            load_dataset(store, to_dataset([corpus()[0]]))
        g = resolution_graph(store)
        assert without_runs(g) == before
        runs = set(g.subjects(RDF.type, CG.ResolutionRun))
        assert runs == set(g.objects(None, PROV.wasGeneratedBy))  # no run left that nothing came from


def test_store_resolution_query_answers_as_rdflib_in_memory_does():
    xs = corpus() + later()
    with open_store() as store:
        load_dataset(store, to_dataset(xs))
        ours = run_query(store, "occurrences")
        memory = to_dataset(xs)
        memory.default_union = True
        memory.graph(RESOLUTION_GRAPH).__iadd__(resolution_graph(store))
        q = named_queries()["occurrences"]
        theirs = [tuple(row[v] for v in ours.vars) for row in memory.query(q.text)]
        assert len(ours.rows) == 3
        assert sorted(map(repr, ours.rows)) == sorted(map(repr, theirs))


def test_store_resolution_query_for_one_report_finds_its_occurrence():
    with open_store() as store:
        load_dataset(store, to_dataset(corpus() + later()))
        report = run_query(store, "occurrences").records()[0]["report"]
        rows = run_query(store, "occurrences", {"event": f"<{report}>"}).records()
        assert len(rows) == 3 and len({r["occurrence"] for r in rows}) == 1
        assert run_query(store, "occurrences", {"since": "2021-03-01"}).records() == []


@pytest.mark.endpoint
def test_store_resolution_over_an_endpoint(oxigraph_server):
    with open_store(endpoint=oxigraph_server) as store:
        store.update("DROP ALL")
        load_dataset(store, to_dataset(corpus()), resolve=False)
        done = resolve_store(store)
        assert done.mode == "full" and len(done.resolution.merged) == 1
        load_dataset(store, to_dataset(later()))
        rows = run_query(store, "occurrences").records()
        assert {r["article"] for r in rows} == {"wire", "local", "weekly"}
        validate(resolution_graph(store))


def test_store_resolution_hostile_names_stay_values():
    """Names with quotes, braces and angle brackets go through the incremental reads as literals."""
    bad = '">} DROP ALL ; <x> "'
    xs = [strike(a, f"{bad} struck Kataib Hezbollah in Abu Kamal, killing 3.", 3, date(2021, 2, 26), "W", bad)
          for a in ("h1", "h2")]
    xs = [replace(x, actors=tuple(replace(a, type=ActorType.ARMED_GROUP, country=None, aliases=(bad + "'",))
                                  if a.id == "us" else a for a in x.actors)) for x in xs]
    with open_store() as store:
        load_dataset(store, to_dataset(xs[:1]))
        n = store.count()
        load_dataset(store, to_dataset(xs[1:]))
        assert store.count() > n
        g = resolution_graph(store)
        validate(g)
        assert len(set(g.subjects(RDF.type, CG.Occurrence))) == 1
        assert Literal(bad) in set(g.objects(None, RDFS.label))
