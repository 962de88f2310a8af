"""Conflict-event knowledge graph: news articles in, RDF with provenance out.

The pipeline has one package folder per stage, each importing only earlier ones::

    ingest -> nlp -> extract -> rdf -> store / analysis -> viz

>>> from graph import __version__
>>> __version__.count(".")
2
"""

__version__ = "0.1.0"
