"""Benchmark the store: bulk load, compaction, every named query (embedded Oxigraph vs rdflib in memory), analysis.

Build the corpus first (``bench/make_corpus.py``), then::

    python bench/bench_store.py all --corpus /tmp/bench/corpus --work /tmp/bench --rdflib-articles 500

Phases run in their own processes so that each reports its own peak memory (max RSS):

* ``load``: ``load_files`` of every corpus file into a fresh store; triples/s (wall and per
  CPU-second), store size on disk;
* ``optimize``: ``ConflictStore.optimize()`` (compaction) of that store; time, size after;
* ``queries``: each named query ``--repeat`` times on the full store; median latency, rows;
* ``compare``: the same queries on the first ``--rdflib-articles`` articles, loaded both into an
  embedded store (optimised) and into rdflib's in-memory ``Dataset`` (same text, same bound
  terms, rows checked equal); medians and the speed-up;
* ``analyze``: ``store_to_networkx`` + ``analyze`` on the full store, wall and CPU seconds.

Each phase also records the load average and the busiest other processes, since the machine
is shared. Results go to ``WORK/results-<phase>.json``; ``all`` also prints a Markdown summary.
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
from graph.store.materialise import materialise_sparql  # noqa: E402
from graph.store.queries import bound_text  # noqa: E402

PREFIX = "PREFIX cg: <https://w3id.org/conflict-graph/ontology#>\n"


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _du(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def _machine() -> dict:
    """Load average and the three busiest processes that are not this one (the machine is shared)."""
    try:
        ps = subprocess.run(["ps", "-eo", "pid,pcpu,rss,args", "--sort=-pcpu", "--no-headers"],
                            capture_output=True, text=True, timeout=10).stdout.splitlines()
    except (OSError, subprocess.SubprocessError):
        ps = []
    others = [" ".join(line.split()[3:])[:90] for line in ps if line.split()[0] != str(os.getpid())][:3]
    return {"loadavg": [round(x, 1) for x in os.getloadavg()], "cpus": os.cpu_count(), "busiest": others}


def bench_params(store) -> dict[str, dict]:
    """The parameters of each named query: fixed analyst questions, IRIs picked from the data (not timed)."""
    def first(q):
        rows = store.select(PREFIX + q).rows
        return f"<{rows[0][0]}>" if rows else ""

    retaliation = first("SELECT ?e WHERE { ?e cg:retaliationFor/cg:retaliationFor ?x } ORDER BY ?e LIMIT 1") \
        or first("SELECT ?e WHERE { ?e cg:retaliationFor ?x } LIMIT 1")
    about = first("SELECT ?e WHERE { ?c a cg:Claim ; cg:about ?e } ORDER BY ?e LIMIT 1")
    backed = first("SELECT ?a WHERE { ?a cg:backedBy ?b } ORDER BY ?a LIMIT 1")
    return {
        "attacks": {"since": "2021-03-01", "until": "2021-03-31"},
        "retaliation-chains": {"event": retaliation},
        "backers": {"actor": "Iran"},
        "roles": {"person": "Ash Carter"},
        "claims": {"event": about},
        "events": {"since": "2021-03-01", "until": "2021-03-31", "country": "IRQ"},
        "timeline": {"actor": "IRGC"},
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
    before = _machine()
    cpu = time.process_time()
    with open_store(store_dir) as store:
        summary = load_files(store, [args.corpus])
    cpu = time.process_time() - cpu
    return {"triples": summary.triples, "graphs": summary.graphs, "seconds": round(summary.seconds, 1),
            "triples_per_s": round(summary.rate), "cpu_seconds": round(cpu, 1),
            "triples_per_cpu_s": round(summary.triples / cpu) if cpu else None,
            "store_bytes": _du(store_dir), "peak_mb": round(_peak_mb()), "machine": [before, _machine()]}


def phase_optimize(args) -> dict:
    store_dir = args.work / "store"
    size = _du(store_dir)
    before = _machine()
    with open_store(store_dir, create=False) as store:
        t = time.perf_counter()
        store.optimize()
        seconds = time.perf_counter() - t
    return {"seconds": round(seconds, 1), "store_bytes_before": size, "store_bytes": _du(store_dir),
            "peak_mb": round(_peak_mb()), "machine": [before, _machine()]}


def phase_queries(args) -> dict:
    out = {}
    before = _machine()
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
    return {"queries": out, "peak_mb": round(_peak_mb()), "machine": [before, _machine()]}


def _subset(corpus: Path, articles: int, out: Path) -> list[Path]:
    """The first ``articles`` article graphs of the corpus (files in order), as one N-Quads file."""
    out.parent.mkdir(parents=True, exist_ok=True)
    seen, current = 0, None
    with out.open("w", encoding="utf-8") as f:
        for path in sorted(corpus.glob("*.nq")):
            with path.open(encoding="utf-8") as lines:
                for line in lines:
                    graph = line.rstrip().rsplit(" ", 2)[-2]
                    if graph != current:
                        current = graph
                        seen += 1
                        if seen > articles:
                            return [out]
                    f.write(line)
    return [out]


def phase_compare(args) -> dict:
    from rdflib import Dataset

    files = _subset(args.corpus, args.rdflib_articles, args.work / "subset" / "subset.nq")
    sub = args.work / "store-subset"
    shutil.rmtree(sub, ignore_errors=True)
    out = {}
    before = _machine()
    with open_store(sub) as store:
        loaded = load_files(store, files)
        store.optimize()
        params = bench_params(store)
        memory = Dataset(default_union=True)
        t = time.perf_counter()
        for f in files:
            memory.parse(str(f), format="nquads")
        rdflib_parse = time.perf_counter() - t
        memory.update(materialise_sparql())  # cg:effectiveDate, cg:effectiveMonth, as load_files does
        rdflib_load = time.perf_counter() - t
        rdflib_peak = _peak_mb()
        for name, q in named_queries().items():
            if args.only and name not in args.only:
                continue
            text = bound_text(q, params[name])
            run_query(store, name, params[name])
            ox_median, ours = _time(lambda: run_query(store, name, params[name]), args.repeat)
            first, theirs = _time(lambda: list(memory.query(text)), 1)
            repeat = max(1, args.repeat // 3) if first < 10 else 1
            rl_median, theirs = _time(lambda: list(memory.query(text)), repeat)
            same = sorted(map(repr, ours.rows)) == sorted(repr(tuple(row[v] for v in ours.vars)) for row in theirs)
            out[name] = {"oxigraph_ms": round(ox_median * 1000, 1), "rdflib_ms": round(rl_median * 1000, 1),
                         "speedup": round(rl_median / ox_median, 1) if ox_median else None,
                         "rows": len(ours.rows), "same_rows": same}
            print(name, out[name], file=sys.stderr, flush=True)
    return {"articles": loaded.graphs, "triples": loaded.triples, "rdflib_parse_s": round(rdflib_parse, 1),
            "rdflib_load_s": round(rdflib_load, 1), "rdflib_triples_per_s": round(loaded.triples / rdflib_parse),
            "rdflib_peak_mb": round(rdflib_peak), "queries": out, "peak_mb": round(_peak_mb()),
            "machine": [before, _machine()]}


def phase_analyze(args) -> dict:
    from graph.analysis.convert import store_to_networkx
    from graph.analysis.report import analyze

    before = _machine()
    with open_store(args.work / "store", create=False) as store:
        t, c = time.perf_counter(), time.process_time()
        nxg = store_to_networkx(store)
        convert, convert_cpu = time.perf_counter() - t, time.process_time() - c
    c = time.process_time()
    a = analyze(nxg)
    analyze_cpu = time.process_time() - c
    return {"convert_s": round(convert, 2), "convert_cpu_s": round(convert_cpu, 2), "analyze_s": round(a.seconds, 2),
            "analyze_cpu_s": round(analyze_cpu, 2), "total_s": round(convert + a.seconds, 2),
            "total_cpu_s": round(convert_cpu + analyze_cpu, 2), "nodes": nxg.number_of_nodes(),
            "edges": nxg.number_of_edges(), "summary": a.summary, "peak_mb": round(_peak_mb()),
            "machine": [before, _machine()]}


PHASES = {"load": phase_load, "optimize": phase_optimize, "queries": phase_queries, "compare": phase_compare,
          "analyze": phase_analyze}


def _markdown(work: Path) -> str:
    r = {p: json.loads((work / f"results-{p}.json").read_text()) for p in PHASES if (work / f"results-{p}.json").exists()}
    lines = []
    if "load" in r:
        x = r["load"]
        lines.append(f"load: {x['triples']:,} quads, {x['graphs']:,} graphs, {x['seconds']} s, "
                     f"{x['triples_per_s']:,}/s ({x['triples_per_cpu_s']:,} per CPU-s), "
                     f"{x['store_bytes'] / 1e9:.2f} GB, peak {x['peak_mb']} MB, load avg {x['machine'][0]['loadavg']}")
    if "optimize" in r:
        x = r["optimize"]
        lines.append(f"optimize: {x['seconds']} s, {x['store_bytes_before'] / 1e9:.2f} -> {x['store_bytes'] / 1e9:.2f} GB")
    if "queries" in r:
        lines += ["", "| query | median ms | rows |", "|---|---|---|"]
        lines += [f"| {n} | {q['median_ms']} | {q['rows']} |" for n, q in r["queries"]["queries"].items()]
    if "compare" in r:
        x = r["compare"]
        lines += ["", f"compare on {x['articles']} articles ({x['triples']:,} quads; rdflib parse {x['rdflib_parse_s']} s, "
                      f"peak {x['rdflib_peak_mb']} MB):", "", "| query | Oxigraph ms | rdflib ms | speed-up | same rows |",
                  "|---|---|---|---|---|"]
        lines += [f"| {n} | {q['oxigraph_ms']} | {q['rdflib_ms']} | {q['speedup']}x | {q['same_rows']} |"
                  for n, q in x["queries"].items()]
    if "analyze" in r:
        x = r["analyze"]
        lines += ["", f"analyze: convert {x['convert_s']} s ({x['convert_cpu_s']} CPU-s) + measures {x['analyze_s']} s "
                      f"({x['analyze_cpu_s']} CPU-s) = {x['total_s']} s; {x['nodes']:,} nodes, {x['edges']:,} edges, "
                      f"peak {x['peak_mb']} MB"]
    return "\n".join(lines)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("phase", choices=[*PHASES, "all", "report"])
    parser.add_argument("--corpus", type=Path, required=True, help="folder of N-Quads files (make_corpus.py)")
    parser.add_argument("--work", type=Path, required=True, help="folder for the stores and results")
    parser.add_argument("--repeat", type=int, default=9, help="runs per query (median)")
    parser.add_argument("--rdflib-articles", type=int, default=500, help="articles in the rdflib comparison")
    parser.add_argument("--only", nargs="*", default=[], metavar="NAME", help="queries/compare: only these queries")
    parser.add_argument("--skip", nargs="*", default=[], metavar="PHASE", help="all: leave these phases out")
    args = parser.parse_args(argv)
    args.work.mkdir(parents=True, exist_ok=True)
    if args.phase == "report":
        print(_markdown(args.work))
        return 0
    if args.phase != "all":
        result = PHASES[args.phase](args)
        (args.work / f"results-{args.phase}.json").write_text(json.dumps(result, indent=1))
        print(json.dumps(result, indent=1))
        return 0
    for phase in PHASES:
        if phase in args.skip:
            continue
        cmd = [sys.executable, __file__, phase, "--corpus", str(args.corpus), "--work", str(args.work),
               "--repeat", str(args.repeat), "--rdflib-articles", str(args.rdflib_articles), "--only", *args.only]
        subprocess.run(cmd, check=True, env=os.environ)
    print(_markdown(args.work))
    return 0


if __name__ == "__main__":
    sys.exit(main())
