"""Shards: written atomically, counted only with their manifest, locked to one run."""
from __future__ import annotations

import json

import pytest

from graph.batch.shards import FolderInUseError, ShardFolder
from tests.batch.helpers import extraction, shard_of


def test_shards_a_written_shard_reads_back_by_byte_range(tmp_path):
    """Every article's part of each file is where the manifest says."""
    with ShardFolder(tmp_path / "shards") as folder:
        shard = shard_of(folder, "s1", [extraction(1), extraction(2)])
        listed = list(folder.shards())
        assert [s.name for s in listed] == ["s1"] and [a.id for a in listed[0].articles] == ["s1", "s2"]
        for entry in shard.articles:
            rows = folder.read("s1", "events", entry.spans["events"]).decode().splitlines()
            assert rows and all(json.loads(r)["article"] == entry.id for r in rows)
            nq = folder.read("s1", "nq", entry.spans["nq"]).decode()
            assert nq.count("\n") == entry.counts["triples"] and f"<{entry.graph}> .\n" in nq


def test_shards_files_without_a_manifest_are_discarded_on_open(tmp_path):
    """What a killed writer left (data files with no manifest, temporary files) is deleted; whole shards stay."""
    folder = ShardFolder(tmp_path / "shards").open()
    shard_of(folder, "whole", [extraction(1)])
    folder.close()
    (tmp_path / "shards" / "half.nq").write_bytes(b"<http://e/s> <http://e/p> ")
    (tmp_path / "shards" / "half.events.jsonl").write_bytes(b'{"article"')
    (tmp_path / "shards" / "whole.json.part").write_bytes(b"{")
    (tmp_path / "shards" / "notes.txt").write_text("mine")
    with ShardFolder(tmp_path / "shards") as folder:
        assert [s.name for s in folder.shards()] == ["whole"]
    names = sorted(p.name for p in (tmp_path / "shards").iterdir())
    assert "half.nq" not in names and "whole.json.part" not in names and "half.events.jsonl" not in names
    assert "notes.txt" in names and "whole.nq" in names


def test_shards_a_truncated_file_voids_its_shard(tmp_path):
    """A data file whose size is not the manifest's makes the shard not count (its articles are redone)."""
    with ShardFolder(tmp_path / "shards") as folder:
        shard_of(folder, "s1", [extraction(1)])
        with open(tmp_path / "shards" / "s1.nq", "r+b") as f:
            f.truncate(10)
        assert list(folder.shards()) == []


def test_shards_second_writer_is_refused(tmp_path):
    """Two runs cannot write one output folder at once."""
    with ShardFolder(tmp_path / "shards"):
        with pytest.raises(FolderInUseError, match="another extract run"):
            ShardFolder(tmp_path / "shards").open()


def test_shards_empty_folder_is_removed_on_close(tmp_path):
    """A run that wrote no shard leaves no shards folder behind."""
    ShardFolder(tmp_path / "shards").open().close()
    assert not (tmp_path / "shards").exists()
