"""The ``extract`` command on every input kind, as a user runs it."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from rdflib import Dataset, Graph
from rdflib.compare import isomorphic

from graph.cli import COMMANDS, build_parser, main

pytestmark = pytest.mark.slow

TEXT = ("Houthi rebels fired a missile at a Saudi oil terminal in Jeddah on Thursday, the Saudi-led "
        "coalition said. Coalition spokesman Turki al-Maliki said the attack injured two workers.\n")
HTML = ("<html><head><title>Missile hits terminal</title><script>var x = 'Bogus Army attacked';</script>"
        "<style>p {color: red}</style></head><body><article><h1>Missile hits terminal</h1>"
        f"<p>{TEXT}</p><!-- Ignored Front bombed nothing --></article></body></html>")
REPO = Path(__file__).resolve().parents[2]
SCORE = REPO.parent / "shared" / "eval" / "score.py"


def _rows(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


def test_extract_txt_writes_every_output(tmp_path, capsys):
    src = tmp_path / "jeddah.txt"
    src.write_text(TEXT, encoding="utf-8")
    assert main(["extract", str(src), "--published", "2024-03-08", "-o", str(tmp_path / "out")]) == 0
    out = tmp_path / "out"
    for name in ("graph.ttl", "events.jsonl", "actors.jsonl", "graph.html"):
        assert (out / name).stat().st_size > 0, name
    events = _rows(out / "events.jsonl")
    attack = next(e for e in events if e["type"] == "attack")
    assert attack["article"] == "jeddah"
    assert attack["date"] == "2024-03-07"
    names = {n for a in _rows(out / "actors.jsonl") for n in [a["name"], *a["aliases"]]}
    assert {"Houthis", "Turki al-Maliki"} <= names  # the gazetteer's name is the actor's name or an alias
    printed = capsys.readouterr().out
    assert "events:" in printed and str(out / "graph.ttl") in printed


def test_extract_html_drops_scripts_and_comments(tmp_path):
    src = tmp_path / "page.html"
    src.write_text(HTML, encoding="utf-8")
    assert main(["extract", str(src), "-q", "-o", str(tmp_path / "out")]) == 0
    text = (tmp_path / "out" / "actors.jsonl").read_text(encoding="utf-8")
    assert "Houthi" in text
    assert "Bogus Army" not in text and "Ignored Front" not in text


def test_extract_folder_and_feed_name_articles_by_stem_and_id(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "one.txt").write_text(TEXT, encoding="utf-8")
    (folder / "two.html").write_text(HTML, encoding="utf-8")
    feed = tmp_path / "feed.jsonl"
    feed.write_text(json.dumps({"id": "wire-7", "text": TEXT, "published": "2024-03-08", "outlet": "Wire"}) + "\n",
                    encoding="utf-8")
    assert main(["extract", str(folder), str(feed), "-q", "-o", str(tmp_path / "out")]) == 0
    articles = {e["article"] for e in _rows(tmp_path / "out" / "events.jsonl")}
    assert articles == {"one", "two", "wire-7"}


def test_extract_reads_stdin(tmp_path):
    run = subprocess.run([sys.executable, "-m", "graph", "extract", "-", "-q", "-o", str(tmp_path / "out")],
                         input=TEXT.encode(), capture_output=True, timeout=300)
    assert run.returncode == 0, run.stderr.decode()
    assert {e["article"] for e in _rows(tmp_path / "out" / "events.jsonl")} == {"stdin"}


def test_extract_same_input_gives_the_same_graph(tmp_path):
    src = tmp_path / "a.txt"
    src.write_text(TEXT, encoding="utf-8")
    for run in ("r1", "r2"):
        assert main(["extract", str(src), "-q", "--no-html", "--format", "nquads", "-o", str(tmp_path / run)]) == 0
    first, second = (Dataset() for _ in range(2))
    first.parse(tmp_path / "r1" / "graph.nq", format="nquads")
    second.parse(tmp_path / "r2" / "graph.nq", format="nquads")
    # the run's start time differs; every other triple, IRIs included, is the same
    def facts(ds):
        return {(s, p, o) for s, p, o, _ in ds.quads() if "startedAtTime" not in str(p)
                and "/run/" not in str(s) and "/run/" not in str(o)}
    assert facts(first) == facts(second)


def test_extract_output_validates_against_the_shapes(tmp_path):
    src = tmp_path / "a.txt"
    src.write_text(TEXT, encoding="utf-8")
    assert main(["extract", str(src), "-q", "--validate", "--no-html", "-o", str(tmp_path / "out")]) == 0


@pytest.mark.parametrize("fmt,suffix,parse_as", [("json-ld", ".jsonld", "json-ld"), ("nt", ".nt", "nt"),
                                                 ("trig", ".trig", "trig")])
def test_extract_formats_hold_the_same_triples(tmp_path, fmt, suffix, parse_as):
    src = tmp_path / "a.txt"
    src.write_text(TEXT, encoding="utf-8")
    assert main(["extract", str(src), "-q", "--no-html", "-o", str(tmp_path / "ttl")]) == 0
    assert main(["extract", str(src), "-q", "--no-html", "--format", fmt, "-o", str(tmp_path / fmt)]) == 0
    turtle = Graph().parse(tmp_path / "ttl" / "graph.ttl", format="turtle")
    other = Dataset()  # JSON-LD and TriG keep one named graph per article
    other.parse(tmp_path / fmt / f"graph{suffix}", format=parse_as)
    union = Graph()
    for s, p, o, _ in other.quads():
        union.add((s, p, o))
    assert _without_run(union) == _without_run(turtle)


def _without_run(g) -> set:
    """Triples of a graph, less those about the extraction run (its IRI holds the start time)."""
    return {(s, p, o) for s, p, o in g if "/run/" not in str(s) and "/run/" not in str(o)
            and "startedAtTime" not in str(p)}


@pytest.mark.skipif(not SCORE.exists(), reason="shared/eval/score.py is not beside the repository")
def test_extract_output_is_read_by_the_corpus_scorer(tmp_path):
    src = tmp_path / "a.txt"
    src.write_text(TEXT, encoding="utf-8")
    gold = tmp_path / "gold"
    gold.mkdir()
    (gold / "a.gold.yaml").write_text(
        "article: a.txt\npublished: 2024-03-08\nactors:\n  - {id: H, name: Houthis, aliases: [Houthi rebels],"
        " type: armed_group}\n"
        "events:\n  - {id: E1, type: attack, agents: [H], date: 2024-03-07}\n", encoding="utf-8")
    assert main(["extract", str(src), "--published", "2024-03-08", "-q", "--no-html", "-o", str(tmp_path / "o")]) == 0
    run = subprocess.run([sys.executable, str(SCORE), "--gold", str(gold), "--events", str(tmp_path / "o/events.jsonl"),
                          "--actors", str(tmp_path / "o/actors.jsonl"), "--json"], capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    totals = json.loads(run.stdout.splitlines()[-2])
    assert totals["event_r"] == 1.0 and totals["actor_r"] == 1.0


def test_cli_every_subcommand_has_help(capsys):
    for name in COMMANDS:
        with pytest.raises(SystemExit) as done:
            build_parser().parse_args([name, "--help"])
        assert done.value.code == 0
        assert "usage:" in capsys.readouterr().out


def test_cli_version_names_the_package(capsys):
    with pytest.raises(SystemExit):
        main(["--version"])
    assert capsys.readouterr().out.startswith("conflict-graph ")


def test_extract_missing_model_is_a_one_line_error(tmp_path):
    src = tmp_path / "a.txt"
    src.write_text(TEXT, encoding="utf-8")
    run = subprocess.run([sys.executable, "-m", "graph", "extract", str(src), "--model", "no_such_model_xx",
                          "-o", str(tmp_path / "out")], capture_output=True, text=True, timeout=120)
    assert run.returncode == 2
    lines = run.stderr.strip().splitlines()
    assert len(lines) == 1 and "no_such_model_xx" in lines[0] and "pip install" in lines[0]
    assert not (tmp_path / "out" / "graph.ttl").exists()
