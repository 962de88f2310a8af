"""Shards made from hand-built extractions (no model), and feeds of short articles written for the tests."""
from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

from graph.batch.shards import ArticleEntry, ShardFolder, write_shard
from graph.batch.worker import Pieces, article_pieces
from tests.rdf.sample import sample

TOWNS = ["Kadugli", "Juba", "Malakal", "Bor", "Wau", "Aweil", "Yei", "Torit", "Rumbek", "Kapoeta",
         "Nimule", "Renk", "Pibor", "Akobo", "Nasir", "Bentiu", "Tonj", "Yambio", "Maridi", "Kajo Keji"]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def article_text(i: int) -> str:
    """A short, distinct report: an attack with a place, a day, casualties and a statement."""
    town, day = TOWNS[i % len(TOWNS)], DAYS[i % len(DAYS)]
    return (f"Rebels shelled the town of {town} on {day}, killing {i % 9 + 2} soldiers and wounding "
            f"{i % 5 + 1} civilians, officials said.\n\nThe army said it would respond to the attack on {town} "
            f"within days. Report number {i}.")


def write_feed(path: Path, n: int, start: int = 0) -> Path:
    """A JSON Lines feed of ``n`` articles ``a<start>``... with dates and an outlet."""
    with path.open("w", encoding="utf-8") as out:
        for i in range(start, start + n):
            out.write(json.dumps({"id": f"a{i}", "text": article_text(i), "published": "2024-03-08",
                                  "outlet": "Test Wire"}) + "\n")
    return path


def extraction(i: int):
    """The hand-built sample extraction, as article ``s<i>`` (a distinct graph)."""
    x = sample()
    return replace(x, article=replace(x.article, id=f"s{i}", source=f"s{i}.txt"))


def shard_of(folder: ShardFolder, name: str, extractions, keys=None):
    """Write a shard of hand-built extractions, as a worker would; return its entries."""
    parts, entries = Pieces(), []
    for n, x in enumerate(extractions):
        pieces, counts, graph, own = article_pieces(x)
        key = keys[n] if keys else f"key-{x.article.id}"
        entries.append(ArticleEntry(key, x.article.id, x.article.source, graph, parts.add(pieces), counts, False, own))
    return write_shard(folder.path, name, parts.files(), entries, [], {})
