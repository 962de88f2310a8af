"""Shard files in ``OUTDIR/shards/``: what a chunk of articles gave, written so that no crash corrupts it.

A shard is one chunk of articles, in five files named after it::

    NAME.nq              the articles' graphs, N-Quads, one named graph per article
    NAME.events.jsonl    their events.jsonl rows
    NAME.actors.jsonl    their actors.jsonl rows
    NAME.viz.jsonl       one line per article: its nodes and edges for graph.html
    NAME.json            the manifest, written last

Each data file is written to a temporary name, flushed to disk (``fsync``) and renamed; the
manifest likewise, after every data file, and then the folder is synced. A shard counts only
once its manifest exists: a process killed at any point (``kill -9`` included) leaves either a
whole shard or files without a manifest, which :meth:`ShardFolder.open` deletes. The manifest
lists, per article, its key (:mod:`graph.batch.keys`), id, source, graph IRI, counts and the
byte range of its part of each data file; failed articles are listed with their reason.

One process at a time writes a folder's shards: :meth:`ShardFolder.open` takes an exclusive
lock (``shards/.lock``), held until :meth:`ShardFolder.close`. Workers (local or on a Dask
cluster) write shards while the client holds the lock.

>>> import tempfile
>>> folder = ShardFolder(Path(tempfile.mkdtemp()) / "shards").open()
>>> entry = ArticleEntry("k1", "a1", "a1.txt", "http://e/g", {"nq": (0, 3)}, {"triples": 1})
>>> _ = write_shard(folder.path, "s1", {"nq": b"abc"}, [entry], [], {})
>>> [a.id for s in folder.shards() for a in s.articles], folder.read("s1", "nq", (0, 3))
(['a1'], b'abc')
>>> folder.close()
"""
from __future__ import annotations

import json
import logging
import os
import secrets
from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass, field
from datetime import datetime, timezone
from pathlib import Path

from graph.errors import OutputError

__all__ = ["PARTS", "ArticleEntry", "FailureEntry", "Shard", "ShardFolder", "write_shard", "run_token",
           "FolderInUseError"]

log = logging.getLogger(__name__)

#: data files of a shard: part -> file suffix
PARTS = {"nq": ".nq", "events": ".events.jsonl", "actors": ".actors.jsonl", "viz": ".viz.jsonl"}
MANIFEST = ".json"
FORMAT_VERSION = 1
_LOCK = ".lock"
_TEMP = ".part"


class FolderInUseError(OutputError):
    """Another ``extract`` run is writing the same output folder."""


@dataclass(frozen=True, slots=True)
class ArticleEntry:
    """One extracted article in a shard: key, id, source, graph IRI, byte ranges per part, counts.

    ``own`` is how many bytes at the start of its N-Quads are about its own nodes; the rest
    are the triples every article repeats (run, software, model, outlet).
    """

    key: str
    id: str
    source: str | None
    graph: str
    spans: dict[str, tuple[int, int]]
    counts: dict[str, int] = field(default_factory=dict)
    validated: bool = False
    own: int | None = None


@dataclass(frozen=True, slots=True)
class FailureEntry:
    """One article a worker could not extract (``error`` names the kind, ``problem`` says why)."""

    key: str
    source: str
    problem: str
    error: str


@dataclass(frozen=True, slots=True)
class Shard:
    """A complete shard, as its manifest lists it."""

    name: str
    articles: tuple[ArticleEntry, ...]
    failures: tuple[FailureEntry, ...]
    run: dict


def run_token() -> str:
    """A prefix for the shard names of one run: sortable by time, unique (``20240305T101500-3fa9c1``)."""
    return f"{datetime.now(timezone.utc):%Y%m%dT%H%M%S}-{secrets.token_hex(3)}"


def _fsync_dir(path: Path) -> None:
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:  # pragma: no cover - platforms without directory handles
        return
    try:
        os.fsync(fd)
    except OSError:  # pragma: no cover - file systems that refuse it
        pass
    finally:
        os.close(fd)


def _write_file(path: Path, data: bytes) -> None:
    temp = path.with_name(path.name + _TEMP)
    with open(temp, "wb") as out:
        out.write(data)
        out.flush()
        os.fsync(out.fileno())
    os.chmod(temp, 0o644)
    os.replace(temp, path)


def write_shard(folder: Path, name: str, parts: dict[str, bytes], articles: Iterable[ArticleEntry],
                failures: Iterable[FailureEntry], run: dict) -> Shard:
    """Write one shard: every data file, then the manifest, each atomically and durably.

    Writing the same shard twice (a task a cluster re-ran) gives the same files.

    Args:
        folder: the shards folder (it must exist).
        name: the shard's name, unique in the folder.
        parts: part name (a key of :data:`PARTS`) -> the file's bytes.
        articles: the extracted articles, with their byte ranges in ``parts``.
        failures: the articles that failed.
        run: the extraction run (software, model, start), recorded in the manifest.

    Returns:
        The :class:`Shard`.

    Raises:
        OutputError: a file cannot be written.
    """
    articles, failures = tuple(articles), tuple(failures)
    try:
        files = {}
        for part, data in parts.items():
            path = folder / f"{name}{PARTS[part]}"
            _write_file(path, data)
            files[part] = [path.name, len(data)]
        manifest = {"format": FORMAT_VERSION, "shard": name, "files": files, "run": run,
                    "articles": [asdict(a) for a in articles], "failures": [asdict(f) for f in failures]}
        _write_file(folder / f"{name}{MANIFEST}", json.dumps(manifest, ensure_ascii=False).encode("utf-8"))
        _fsync_dir(folder)
    except OSError as err:
        raise OutputError(f"{folder}: cannot write shard {name} ({err.strerror or err})") from None
    return Shard(name, articles, failures, run)


def _entry(row: dict) -> ArticleEntry:
    spans = {part: (int(span[0]), int(span[1])) for part, span in row["spans"].items()}
    return ArticleEntry(row["key"], row["id"], row.get("source"), row["graph"], spans, dict(row.get("counts", {})),
                        bool(row.get("validated")), row.get("own"))


class ShardFolder:
    """The shards of an output folder: lock, scan, clean up, read byte ranges back."""

    def __init__(self, path: Path):
        self.path = Path(path)
        self._lock = None
        self._files: dict[tuple[str, str], object] = {}

    def open(self) -> ShardFolder:
        """Create the folder if needed, lock it, and delete what interrupted runs left half-written.

        Raises:
            FolderInUseError: another process holds the lock.
            OutputError: the folder cannot be created.
        """
        import fcntl

        try:
            self.path.mkdir(parents=True, exist_ok=True)
            lock = open(self.path / _LOCK, "a+")
        except OSError as err:
            raise OutputError(f"{self.path}: cannot create the shards folder ({err.strerror or err})") from None
        try:
            fcntl.flock(lock.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            lock.close()
            raise FolderInUseError(f"{self.path.parent}: another extract run is writing this output folder; "
                                   "wait for it or choose another -o") from None
        self._lock = lock
        self._discard_partial()
        return self

    def close(self) -> None:
        """Release the lock and the open files; remove the folder when it holds no shard."""
        for handle in self._files.values():
            handle.close()
        self._files.clear()
        if self._lock is not None:
            if not any(self.path.glob(f"*{MANIFEST}")):
                for leftover in self.path.iterdir():
                    leftover.unlink()
                self.path.rmdir()
            self._lock.close()
            self._lock = None

    def clear(self) -> None:
        """Delete every shard (``--fresh``); the folder stays locked."""
        for path in self.path.iterdir():
            if path.name != _LOCK and (path.name.endswith(MANIFEST) or path.name.endswith(_TEMP)
                                       or any(path.name.endswith(s) for s in PARTS.values())):
                path.unlink()

    def __enter__(self) -> ShardFolder:
        return self.open()

    def __exit__(self, *exc) -> None:
        self.close()

    def _discard_partial(self) -> None:
        complete = {p.name[:-len(MANIFEST)] for p in self.path.glob(f"*{MANIFEST}")}
        for path in self.path.iterdir():
            if path.name == _LOCK:
                continue
            shard = next((path.name[:-len(s)] for s in PARTS.values() if path.name.endswith(s)), None)
            if path.name.endswith(_TEMP) or (shard is not None and shard not in complete):
                log.info("%s: removing %s, left by an interrupted run", self.path, path.name)
                path.unlink()

    def shards(self) -> Iterator[Shard]:
        """Every complete shard, by name (oldest run first); a manifest that cannot be read is skipped."""
        for path in sorted(self.path.glob(f"*{MANIFEST}")):
            try:
                manifest = json.loads(path.read_bytes())
                files = manifest["files"]
                for part, (file_name, size) in files.items():
                    if (self.path / file_name).stat().st_size != size:
                        raise ValueError(f"{file_name} is not {size} bytes")
                shard = Shard(manifest["shard"], tuple(_entry(a) for a in manifest["articles"]),
                              tuple(FailureEntry(**f) for f in manifest["failures"]), manifest.get("run", {}))
            except (OSError, ValueError, KeyError, TypeError) as err:
                log.warning("%s: ignoring shard %s (%s); its articles will be extracted again", self.path,
                            path.name, err)
                continue
            yield shard

    def read(self, shard: str, part: str, span: tuple[int, int]) -> bytes:
        """The bytes ``span`` = ``(offset, length)`` of a shard's part."""
        handle = self._files.get((shard, part))
        if handle is None:
            if len(self._files) >= 64:
                for old in list(self._files)[:32]:
                    self._files.pop(old).close()
            handle = self._files[(shard, part)] = open(self.path / f"{shard}{PARTS[part]}", "rb")
        offset, length = span
        handle.seek(offset)
        data = handle.read(length)
        if len(data) != length:
            raise OutputError(f"{self.path}: shard {shard} {part} is shorter than its manifest says")
        return data
