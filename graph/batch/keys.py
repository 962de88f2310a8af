"""What makes an article's output what it is: the program, the model, the article's content.

A batch keys each article by a SHA-256 over everything that changes its output:

- the *program* (:func:`program_fingerprint`): this package's version and a hash of every
  file of the package (code, lexicons, gazetteers), so that a changed rule re-extracts;
- the *model*: its name and version (``meta.json``);
- the *article*: id, text, publication date (after ``--published``), outlet, URL, title,
  source (the path or feed line, written as ``dcterms:source``) and detected language.

An article whose key is in the output folder's shards is done: a re-run skips it.

>>> from graph.records import Article
>>> a = Article("a1", "Rebels shelled the town.")
>>> article_key(a, "p") == article_key(a, "p"), article_key(a, "p") == article_key(a, "q")
(True, False)
"""
from __future__ import annotations

import hashlib
from functools import lru_cache
from pathlib import Path

from graph import __version__
from graph.records import Article

__all__ = ["program_fingerprint", "run_fingerprint", "article_key"]

_PACKAGE = Path(__file__).resolve().parents[1]
_SKIPPED_DIRS = {"__pycache__"}


@lru_cache(maxsize=1)
def program_fingerprint() -> str:
    """A hash of this package's version and of every file in it (code and data), read once per process.

    Returns:
        24 hex digits.

    >>> len(program_fingerprint())
    24
    """
    digest = hashlib.sha256(__version__.encode())
    files = sorted(p for p in _PACKAGE.rglob("*")
                   if p.is_file() and not _SKIPPED_DIRS & set(p.relative_to(_PACKAGE).parts))
    for path in files:
        digest.update(b"\0" + str(path.relative_to(_PACKAGE)).encode() + b"\0")
        digest.update(path.read_bytes())
    return digest.hexdigest()[:24]


def run_fingerprint(model: str, model_version: str) -> str:
    """The part of every key that is the same for the whole run: program and model.

    >>> run_fingerprint("en_core_web_sm", "3.8.0") != run_fingerprint("en_core_web_sm", "3.8.1")
    True
    """
    return hashlib.sha256("\0".join((program_fingerprint(), model, model_version)).encode()).hexdigest()[:24]


def article_key(article: Article, fingerprint: str) -> str:
    """The content key of an article under a run fingerprint.

    Args:
        article: the article as read (after defaults such as ``--published``).
        fingerprint: :func:`run_fingerprint`.

    Returns:
        32 hex digits.
    """
    a = article
    parts = (fingerprint, a.id, a.text, a.published.isoformat() if a.published else "", a.outlet or "",
             a.url or "", a.title or "", a.source or "", a.language or "")
    return hashlib.sha256("\0".join(parts).encode("utf-8", "surrogatepass")).hexdigest()[:32]
