"""Resolve stage: one graph across articles.

Per-article actors become canonical **entities** (aliases, demonyms, metonyms, titles, acronyms,
person surnames, Wikidata ids from the bundled gazetteer; :mod:`~graph.resolve.entities`), and
events that different articles report of one real-world occurrence become one **occurrence**
keeping every report, its provenance, the evidence of each merge and the range of each casualty
figure (:mod:`~graph.resolve.occurrences`, weights in :mod:`~graph.resolve.rules`).

Pure functions over typed records (:mod:`~graph.resolve.records`), built from extractions or
from ``events.jsonl``/``actors.jsonl`` rows (:mod:`~graph.resolve.inputs`), or read from the
store by ``graph.store.resolution``. No spaCy, no look-ups: the gazetteers are offline.
:mod:`~graph.resolve.rdf` writes the resolution named graph, :mod:`~graph.resolve.report` the
report a person reads.

>>> r = resolve_rows([], [])
>>> r.summary()["merged"]
0
"""
from graph.resolve.records import ActorRef, Entity, EntityLink, EventRef, FigureRange, MergeLink, Occurrence, PlaceRef
from graph.resolve.resolution import Resolution, resolve, resolve_extractions, resolve_rows
from graph.resolve.rules import Rules

__all__ = ["ActorRef", "PlaceRef", "EventRef", "Entity", "EntityLink", "FigureRange", "MergeLink", "Occurrence",
           "Resolution", "Rules", "resolve", "resolve_rows", "resolve_extractions"]
