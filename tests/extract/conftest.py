"""Fixtures for extractor tests: the real pipeline, loaded once (tests using it are slow)."""
from datetime import date

import pytest

from graph.records import Article


@pytest.fixture(scope="session")
def nlp():
    from graph.nlp import pipeline

    return pipeline()


@pytest.fixture(scope="session")
def extract(nlp):
    """Extract from a text written for the test: ``extract(text, published=date(...))``."""
    from graph.extract.pipeline import extract_article

    def run(text: str, published: date | None = date(2024, 3, 8), article_id: str = "t"):
        return extract_article(Article(article_id, text, published=published), nlp)

    return run


def names(x, ids):
    """Canonical names of actor ids of an extraction."""
    return {x.actor(i).name for i in ids}
