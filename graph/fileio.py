"""Atomic file writes: a temporary file in the same folder, then ``os.replace``.

>>> import tempfile, pathlib
>>> d = pathlib.Path(tempfile.mkdtemp())
>>> atomic_write_bytes(d / "a.txt", b"hi").read_bytes()
b'hi'
"""
from __future__ import annotations

import os
import tempfile
from pathlib import Path

from graph.errors import OutputError

__all__ = ["atomic_write_bytes"]


def atomic_write_bytes(path: str | os.PathLike, data: bytes) -> Path:
    """Write ``data`` to ``path`` so that readers see the old file or the whole new one.

    Args:
        path: the destination; its folder must exist.
        data: the bytes to write.

    Returns:
        The destination as a :class:`~pathlib.Path`.

    Raises:
        OutputError: the folder is missing or the file cannot be written.
    """
    path = Path(path)
    folder = path.parent
    if not folder.is_dir():
        raise OutputError(f"{path}: folder {folder} does not exist")
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    except OSError as err:
        raise OutputError(f"{path}: cannot create a temporary file ({err.strerror})") from err
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except OSError as err:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise OutputError(f"{path}: cannot write ({err.strerror})") from err
    return path
