"""NLP stage: the only place spaCy pipelines are loaded and run.

:func:`pipeline` returns the configured model with this project's components added;
:func:`parse` turns an :class:`~graph.records.Article` into a spaCy ``Doc`` and
:func:`parse_stream` does the same for a stream of texts; both parse a text longer than
:data:`CHUNK_CHARS` in paragraph chunks (see :mod:`graph.nlp.chunks`), so no text is too
long for spaCy and every offset still indexes the whole text.
"""
from __future__ import annotations

from functools import lru_cache

from graph.nlp.chunks import CHUNK_CHARS, parse_stream, parse_text, split_chunks
from graph.nlp.model import ENV_VAR, MAX_CHARS, PREFERRED_MODELS, choose_model, load_model, model_id, model_meta
from graph.records import Article

__all__ = ["pipeline", "parse", "parse_stream", "parse_text", "split_chunks", "CHUNK_CHARS",
           "choose_model", "load_model", "model_id", "model_meta", "ENV_VAR", "PREFERRED_MODELS", "MAX_CHARS"]


@lru_cache(maxsize=4)
def pipeline(name: str | None = None):
    """The spaCy pipeline for ``name`` (see :func:`choose_model`) with ``paragraph_breaks`` added."""
    import graph.nlp.components  # noqa: F401  (registers the component)

    nlp = load_model(name)
    if "paragraph_breaks" not in nlp.pipe_names:
        before = "parser" if "parser" in nlp.pipe_names else None
        nlp.add_pipe("paragraph_breaks", before=before) if before else nlp.add_pipe("paragraph_breaks", first=True)
    return nlp


def parse(article: Article, nlp=None):
    """Parse an article's text with ``nlp`` (default: :func:`pipeline`), in chunks if it is long."""
    nlp = nlp or pipeline()
    return parse_text(nlp, article.text)
