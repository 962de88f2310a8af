"""Benchmark the store: bulk load, every named query (embedded Oxigraph vs rdflib in memory), analysis.

Build the corpus first (``bench/make_corpus.py``), then::

    python bench/bench_store.py all --corpus /tmp/bench/corpus --work /tmp/bench --rdflib-files 2

Phases run in their own processes so that each reports its own peak memory (max RSS):

* ``load``: ``load_files`` of every corpus file into a fresh store; triples/s, store size on disk;
* ``queries``: each named query ``--repeat`` times on the full store; median latency;
* ``compare``: the same queries on the first ``--rdflib-files`` corpus files, loaded both into an
  embedded store and into rdflib's in-memory ``Dataset`` (same text, same bound terms, same
  rows checked); medians and the speed-up;
* ``analyze``: ``store_to_networkx`` + ``analyze`` on the full store.

Results go to ``WORK/results-<phase>.json`` and, for ``all``, a Markdown table on stdout.
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from graph.store import load_files, named_queries, open_store, run_query  # noqa: E402
from graph.store.backend import inject_values  # noqa: E402
from graph.store.materialise import materialise_sparql  # noqa: E402
from graph.store.queries import bind_params  # noqa: E402

PREFIX = "PREFIX cg: <https://w3id.org/conflict-graph/ontology#>\n"


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _du(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def bench_params(store) -> dict[str, dict]:
    """Realistic parameters for each named query, some picked from the data (not timed)."""
    def first(q):
        rows = store.select(PREFIX + q).rows
        return f"<{rows[0][0]}>" if rows else ""

    retaliation = first("SELECT ?e WHERE { ?e cg:retaliationFor/cg:retaliationFor ?x } ORDER BY ?e LIMIT 1") \
        or first("SELECT ?e WHERE { ?e cg:retaliationFor ?x } LIMIT 1")
    about = first("SELECT ?e WHERE { ?c a cg:Claim ; cg:about ?e } LIMIT 1")
    backed = first("SELECT ?a WHERE { ?a cg:backedBy ?b } LIMIT 1")
    return {
        "attacks": {"since": "2021-03-01", "until": "2021-03-31"},
        "retaliation-chains": {"event": retaliation},
        "backers": {"actor": "Iran"},
        "roles": {"person": "Ash Carter"},
        "claims": {"event": about},
        "events": {"since": "2021-03-01", "until": "2021-03-31", "country": "IRQ"},
        "timeline": {"actor": "Kataib Hezbollah"},
        "casualties": {"since": "2021-01-01", "until": "2021-06-30"},
        "provenance": {"node": backed, "predicate": "cg:backedBy"},
    }


def _time(fn, repeat: int) -> tuple[float, object]:
    times, out = [], None
    for _ in range(repeat):
        t = time.perf_counter()
        out = fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times), out


def phase_load(args) -> dict:
    store_dir = args.work / "store"
    shutil.rmtree(store_dir, ignore_errors=True)
    cpu = time.process_time()
    with open_store(store_dir) as store:
        summary = load_files(store, [args.corpus])
    return {"triples": summary.triples, "graphs": summary.graphs, "seconds": round(summary.seconds, 1),
            "triples_per_s": round(summary.rate), "cpu_seconds": round(time.process_time() - cpu, 1),
            "store_bytes": _du(store_dir), "peak_mb": round(_peak_mb())}


def phase_queries(args) -> dict:
    out = {}
    with open_store(args.work / "store", create=False) as store:
        params = bench_params(store)
        for name in named_queries():
            if args.only and name not in args.only:
                continue
            first, result = _time(lambda: run_query(store, name, params[name]), 1)  # warm
            repeat = args.repeat if first < 5 else 1  # a query slower than 5 s is timed once
            median, result = _time(lambda: run_query(store, name, params[name]), repeat)
            out[name] = {"median_ms": round(median * 1000, 1), "runs": repeat, "rows": len(result.rows),
                         "params": params[name]}
            print(name, out[name], file=sys.stderr, flush=True)
    return {"queries": out, "peak_mb": round(_peak_mb())}


def phase_compare(args) -> dict:
    from rdflib import Dataset

    files = sorted(args.corpus.glob("*.nq"))[: args.rdflib_files]
    sub = args.work / "store-subset"
    shutil.rmtree(sub, ignore_errors=True)
    out = {}
    with open_store(sub) as store:
        loaded = load_files(store, files)
        params = bench_params(store)
        memory = Dataset(default_union=True)
        t = time.perf_counter()
        for f in files:
            memory.parse(str(f), format="nquads")
        memory.update(materialise_sparql())  # cg:effectiveDate, as load_files does
        rdflib_load = time.perf_counter() - t
        for name, q in named_queries().items():
            text = inject_values(q.text, bind_params(q, params[name]))
            run_query(store, name, params[name])
            ox_median, ours = _time(lambda: run_query(store, name, params[name]), args.repeat)
            rl_median, theirs = _time(lambda: list(memory.query(text)), max(1, args.repeat // 3))
            same = len(theirs) == len(ours.rows)
            out[name] = {"oxigraph_ms": round(ox_median * 1000, 1), "rdflib_ms": round(rl_median * 1000, 1),
                         "speedup": round(rl_median / ox_median, 1) if ox_median else None,
                         "rows": len(ours.rows), "same_rows": same}
            print(name, out[name], file=sys.stderr, flush=True)
    return {"articles": loaded.graphs, "triples": loaded.triples, "rdflib_load_s": round(rdflib_load, 1),
            "rdflib_triples_per_s": round(loaded.triples / rdflib_load), "queries": out, "peak_mb": round(_peak_mb())}


def phase_analyze(args) -> dict:
    from graph.analysis.convert import store_to_networkx
    from graph.analysis.report import analyze

    with open_store(args.work / "store", create=False) as store:
        t = time.perf_counter()
        nxg = store_to_networkx(store)
        convert = time.perf_counter() - t
        a = analyze(nxg)
    return {"convert_s": round(convert, 2), "analyze_s": round(a.seconds, 2), "total_s": round(convert + a.seconds, 2),
            "nodes": nxg.number_of_nodes(), "edges": nxg.number_of_edges(), "summary": a.summary,
            "peak_mb": round(_peak_mb())}


PHASES = {"load": phase_load, "queries": phase_queries, "compare": phase_compare, "analyze": phase_analyze}


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("phase", choices=[*PHASES, "all"])
    parser.add_argument("--corpus", type=Path, required=True, help="folder of N-Quads files (make_corpus.py)")
    parser.add_argument("--work", type=Path, required=True, help="folder for the stores and results")
    parser.add_argument("--repeat", type=int, default=9, help="runs per query (median)")
    parser.add_argument("--rdflib-files", type=int, default=2, help="corpus files in the rdflib comparison")
    parser.add_argument("--only", nargs="*", default=[], metavar="NAME", help="queries phase: only these queries")
    args = parser.parse_args(argv)
    args.work.mkdir(parents=True, exist_ok=True)
    if args.phase != "all":
        result = PHASES[args.phase](args)
        (args.work / f"results-{args.phase}.json").write_text(json.dumps(result, indent=1))
        print(json.dumps(result, indent=1))
        return 0
    for phase in PHASES:
        cmd = [sys.executable, __file__, phase, "--corpus", str(args.corpus), "--work", str(args.work),
               "--repeat", str(args.repeat), "--rdflib-files", str(args.rdflib_files), "--only", *args.only]
        subprocess.run(cmd, check=True, env=os.environ)
    return 0


if __name__ == "__main__":
    sys.exit(main())
