"""Extraction stage: a parsed article in, typed records out.

Every extractor, in the order the pipeline runs them (see ``pipeline.py``):

>>> list(EXTRACTORS)
['actors', 'events', 'arguments', 'coreference', 'relations']
"""
from __future__ import annotations

EXTRACTORS = {
    "actors": "graph.extract.actors:extract_actors",
    "events": "graph.extract.events:find_event_drafts",
    "arguments": "graph.extract.arguments:attach_arguments",
    "coreference": "graph.extract.events:merge_coreferent",
    "relations": "graph.extract.relations:find_relations",
}

__all__ = ["EXTRACTORS"]
