"""spaCy components this project adds to a loaded pipeline.

``paragraph_breaks`` (before the parser): a line break always ends a sentence, so a
headline, a dateline or a byline never runs into the first sentence of the body.

>>> import spacy
>>> nlp = spacy.blank("en")
>>> _ = nlp.add_pipe("paragraph_breaks")
>>> doc = nlp("Rebels attack town\\n\\nThe army said on Monday that rebels attacked.")
>>> [t.is_sent_start for t in doc if t.text == "The"]
[True]
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

__all__ = ["paragraph_breaks"]


@Language.component("paragraph_breaks", assigns=["token.is_sent_start"])
def paragraph_breaks(doc: Doc) -> Doc:
    """Mark the first token after a line break as a sentence start."""
    for token in doc[:-1]:
        if "\n" in token.text or "\n" in token.whitespace_:
            nxt = doc[token.i + 1]
            if not nxt.is_space:
                nxt.is_sent_start = True
    return doc
