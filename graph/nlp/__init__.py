"""NLP stage: the only place spaCy pipelines are loaded and run.

:func:`pipeline` returns the configured model with this project's components added;
:func:`parse` turns an :class:`~graph.records.Article` into a spaCy ``Doc``.
"""
from __future__ import annotations

from functools import lru_cache

from graph.nlp.model import ENV_VAR, MAX_CHARS, PREFERRED_MODELS, choose_model, load_model, model_id
from graph.records import Article

__all__ = ["pipeline", "parse", "choose_model", "load_model", "model_id", "ENV_VAR", "PREFERRED_MODELS",
           "MAX_CHARS"]


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
    """Parse an article's text with ``nlp`` (default: :func:`pipeline`)."""
    nlp = nlp or pipeline()
    return nlp(article.text)
