"""Every error the package raises on purpose, in one hierarchy.

::

    GraphError                   base; the CLI prints its message on one line, exit 2
    ├── InputError               an article that cannot be read (names the input and the problem)
    │   ├── EmptyInputError      empty or whitespace-only text
    │   ├── BinaryInputError     PDF, image, archive, NUL bytes
    │   ├── EncodingError        bytes that no supported encoding decodes
    │   ├── InputTooLargeError   larger than the configured limit
    │   ├── UnsupportedLanguageError  not English and no model configured for it
    │   └── FeedError            a malformed JSON Lines record
    ├── ModelError               the spaCy model is missing or cannot be loaded
    ├── OntologyError            the ontology or shapes cannot be read
    ├── ValidationError          a graph does not conform to the SHACL shapes
    ├── GoldError                a gold annotation file that does not follow the corpus format
    ├── PredictionError          an events/actors JSON Lines file that is not in the corpus format
    ├── BaselineError            a stored baseline of scores that cannot be read
    └── OutputError              an output file cannot be written

Messages name the bad value and, where there is a choice, the allowed ones.

>>> err = EmptyInputError("notes.txt", "the file is empty")
>>> str(err)
'notes.txt: the file is empty'
>>> isinstance(err, InputError) and isinstance(err, GraphError)
True
"""
from __future__ import annotations

__all__ = [
    "GraphError",
    "InputError",
    "EmptyInputError",
    "BinaryInputError",
    "EncodingError",
    "InputTooLargeError",
    "UnsupportedLanguageError",
    "FeedError",
    "ModelError",
    "OntologyError",
    "ValidationError",
    "GoldError",
    "PredictionError",
    "BaselineError",
    "OutputError",
]


class GraphError(Exception):
    """Base of every error this package raises on purpose."""


class InputError(GraphError):
    """An input that cannot be turned into an article.

    Args:
        source: the file path, ``stdin`` or ``FEED.jsonl:LINE``.
        problem: what is wrong, in words a user understands.
    """

    def __init__(self, source: str, problem: str):
        self.source = source
        self.problem = problem
        super().__init__(f"{source}: {problem}")


class EmptyInputError(InputError):
    """Empty or whitespace-only input."""


class BinaryInputError(InputError):
    """Input that is not text (PDF, image, archive, NUL bytes)."""


class EncodingError(InputError):
    """Bytes that no supported encoding decodes."""


class InputTooLargeError(InputError):
    """Input larger than the configured limit."""


class UnsupportedLanguageError(InputError):
    """An article in a language with no configured model."""


class FeedError(InputError):
    """A malformed record in a JSON Lines feed."""


class ModelError(GraphError):
    """The spaCy model is missing or cannot be loaded."""


class OntologyError(GraphError):
    """The ontology or the shapes cannot be read."""


class ValidationError(GraphError):
    """A graph does not conform to the SHACL shapes."""


class OutputError(GraphError):
    """An output file cannot be written."""


class GoldError(GraphError):
    """A gold file that cannot be read or does not follow the format.

    Args:
        path: the gold file.
        where: the entry, e.g. ``events[2] (E3)``; empty for the whole file.
        problem: what is wrong, naming the bad value and the allowed ones.

    >>> str(GoldError("a.gold.yaml", "events[0] (E1)", "field 'type': 'atack' is not one of attack, ..."))
    "a.gold.yaml: events[0] (E1): field 'type': 'atack' is not one of attack, ..."
    """

    def __init__(self, path, where: str, problem: str):
        self.path = str(path)
        self.where = where
        self.problem = problem
        super().__init__(": ".join(p for p in (self.path, where, problem) if p))


class PredictionError(GraphError):
    """A prediction file that cannot be read, or a row that is not in the corpus format.

    >>> str(PredictionError("out/events.jsonl:3", "not JSON: Expecting value"))
    'out/events.jsonl:3: not JSON: Expecting value'
    """

    def __init__(self, source: str, problem: str):
        self.source = source
        self.problem = problem
        super().__init__(f"{source}: {problem}")


class BaselineError(GraphError):
    """A baseline file that cannot be read or holds no totals."""
