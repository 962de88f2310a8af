"""Export stage: records to the corpus JSON Lines format (``events.jsonl``, ``actors.jsonl``)."""
from graph.export.jsonl import actor_rows, event_rows, write_jsonl

__all__ = ["actor_rows", "event_rows", "write_jsonl"]
