"""Atomic file writes: a temporary file in the same folder, then ``os.replace``.

Every output file of every stage is written through here, so an interrupted run never
leaves a half-written file, and files get the usual permissions (0644).

>>> import tempfile, pathlib
>>> d = pathlib.Path(tempfile.mkdtemp())
>>> atomic_write_bytes(d / "a.txt", b"hi").read_bytes()
b'hi'
"""
from __future__ import annotations

import os
import tempfile
from contextlib import contextmanager
from pathlib import Path

from graph.errors import OutputError

__all__ = ["atomic_open", "atomic_write_bytes", "atomic_write_lines"]


@contextmanager
def atomic_open(path: str | os.PathLike, mode: str = "wb"):
    """Open a temporary file beside ``path`` for writing; on success it replaces ``path`` (0644).

    On any error the temporary file is removed and ``path`` is left as it was.

    Args:
        path: the destination; its folder must exist.
        mode: ``"wb"`` or ``"w"`` (text is UTF-8 with ``\\n`` line ends).

    Raises:
        OutputError: the folder is missing or the file cannot be written.

    >>> import tempfile, pathlib
    >>> d = pathlib.Path(tempfile.mkdtemp())
    >>> with atomic_open(d / "c.txt", "w") as out:
    ...     _ = out.write("hi")
    >>> (d / "c.txt").read_text()
    'hi'
    """
    path = Path(path)
    if not path.parent.is_dir():
        raise OutputError(f"{path}: folder {path.parent} does not exist")
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except OSError as err:
        raise OutputError(f"{path}: cannot create a temporary file ({err.strerror})") from err
    text = {"encoding": "utf-8", "newline": "\n"} if "b" not in mode else {}
    try:
        with os.fdopen(fd, mode, **text) as out:
            yield out
            out.flush()
            os.fsync(out.fileno())
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException as err:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        if isinstance(err, OSError):
            raise OutputError(f"{path}: cannot write ({err.strerror or err})") from err
        raise


def atomic_write_bytes(path: str | os.PathLike, data: bytes) -> Path:
    """Write ``data`` to ``path`` so that readers see the old file or the whole new one.

    Raises:
        OutputError: the folder is missing or the file cannot be written.

    >>> import tempfile, pathlib
    >>> d = pathlib.Path(tempfile.mkdtemp())
    >>> atomic_write_bytes(d / "a.txt", b"hi").read_bytes()
    b'hi'
    """
    with atomic_open(path, "wb") as out:
        out.write(data)
    return Path(path)


def atomic_write_lines(path: str | os.PathLike, lines) -> int:
    """Write an iterable of text lines (each ending in a newline) atomically, as UTF-8.

    Streams to the temporary file, so a large output is never held in memory whole.

    >>> import tempfile, pathlib
    >>> d = pathlib.Path(tempfile.mkdtemp())
    >>> atomic_write_lines(d / "b.txt", ["one\\n", "two\\n"])
    2
    """
    n = 0
    with atomic_open(path, "w") as out:
        for line in lines:
            out.write(line)
            n += 1
    return n
