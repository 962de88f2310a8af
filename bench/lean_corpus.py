"""Rewrite a benchmark corpus in a leaner provenance shape, to measure what the data model costs the store.

Not the project's data model (``graph/rdf/mapping.py`` is): an experiment for ``bench/README.md``.
Two thirds of an article's ~1,900 quads are provenance plumbing of the W3C Web Annotation model:
each mention is an ``oa:Annotation`` node (two types, ``oa:motivatedBy``, ``oa:hasBody``,
``oa:hasTarget``, ``prov:wasGeneratedBy``) pointing at a span node (a type, ``oa:hasSource``,
two selector nodes with their types, ``oa:start``, ``oa:end``, ``oa:exact``). The lean shape keeps
every fact the queries and views read (which span, which sentence, which text, which run):

* a selector's ``oa:start``, ``oa:end``, ``oa:exact`` move onto its span (no selector nodes,
  no ``oa:hasSelector``, no selector types);
* an annotation's ``oa:hasTarget`` becomes the span it points at: ``?entity cg:hasMention ?span``
  (no annotation nodes, types, motivation or body);
* a span's, annotation's or selector's type and ``prov:wasGeneratedBy`` are left out (the run is
  stated once, on the article's facts).

    python bench/lean_corpus.py /tmp/bench/corpus /tmp/bench/corpus-lean
"""
from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

_LINE = re.compile(r"^(<[^>]*>) (<[^>]*>) (.*) (<[^>]*>) \.$")
_OA = "http://www.w3.org/ns/oa#"
_DROP_PREDICATES = {f"<{_OA}motivatedBy>", f"<{_OA}hasBody>", f"<{_OA}hasSelector>"}
_DROP_TYPES = {f"<{_OA}{t}>" for t in ("SpecificResource", "TextQuoteSelector", "TextPositionSelector", "Annotation")} \
    | {"<https://w3id.org/conflict-graph/ontology#Mention>"}
_TYPE = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>"
_GENERATED = "<http://www.w3.org/ns/prov#wasGeneratedBy>"
_TARGET = f"<{_OA}hasTarget>"
_SELECTOR = re.compile(r"^<(.*/span/[^/>]+)/(?:position|quote)>$")


def lean(lines):
    """The lean lines of one file's N-Quads lines (annotations are resolved within the file)."""
    targets, kept = {}, []
    for line in lines:
        m = _LINE.match(line.rstrip("\n"))
        if not m:
            kept.append(line)
            continue
        s, p, o, g = m.groups()
        if "/annotation/" in s:
            if p == _TARGET:
                targets[s] = o
            continue
        if p in _DROP_PREDICATES or (p == _TYPE and o in _DROP_TYPES):
            continue
        if p == _GENERATED and ("/span/" in s or "/annotation/" in s):
            continue
        sel = _SELECTOR.match(s)
        if sel:
            s = f"<{sel.group(1)}>"
        kept.append((s, p, o, g))
    for item in kept:
        if isinstance(item, str):
            yield item
            continue
        s, p, o, g = item
        yield f"{s} {p} {targets.get(o, o)} {g} .\n"


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("corpus", type=Path)
    parser.add_argument("output", type=Path)
    args = parser.parse_args(argv)
    args.output.mkdir(parents=True, exist_ok=True)
    before = after = 0
    for path in sorted(args.corpus.glob("*.nq")):
        with path.open(encoding="utf-8") as f:
            lines = f.readlines()
        out = list(lean(lines))
        before, after = before + len(lines), after + len(out)
        (args.output / path.name).write_text("".join(out), encoding="utf-8")
    print(f"{before:,} quads -> {after:,} ({after / before:.0%})", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
