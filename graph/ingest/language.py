"""Language of an article: detection, and a check that refuses unsupported languages.

Detection uses py3langid (an offline n-gram model shipped inside the package) when it is
installed. Without it, a documented fallback looks at the writing system: mostly Arabic,
Cyrillic, Hebrew, Greek, Devanagari, CJK... letters give that script's main language;
mostly Latin letters give ``"en"`` when at least 10% of the words are common English
function words, else no answer. Texts under :data:`MIN_WORDS` words get no language
(too short to tell) and are never refused.

>>> detect_language("Too short to tell.") is None
True
"""
from __future__ import annotations

import dataclasses
import functools
import logging
import re
import unicodedata
from collections.abc import Sequence

from graph.errors import UnsupportedLanguageError
from graph.records import Article

__all__ = ["MIN_WORDS", "MIN_CONFIDENCE", "detect_language", "check_language"]

log = logging.getLogger(__name__)

#: Texts with fewer words than this get no language and are never refused.
MIN_WORDS = 20
#: py3langid answers below this normalised probability are treated as unknown.
MIN_CONFIDENCE = 0.5
#: Characters given to the detector; the start of an article is enough.
SAMPLE_CHARS = 5000

_WORD = re.compile(r"\w+")

#: Fallback only: the main language written in each non-Latin script.
SCRIPT_LANGUAGES = {
    "ARABIC": "ar",
    "CYRILLIC": "ru",
    "HEBREW": "he",
    "GREEK": "el",
    "DEVANAGARI": "hi",
    "CJK": "zh",
    "HIRAGANA": "ja",
    "KATAKANA": "ja",
    "HANGUL": "ko",
    "THAI": "th",
    "ARMENIAN": "hy",
    "GEORGIAN": "ka",
    "ETHIOPIC": "am",
}

#: Fallback only: English function words.
ENGLISH_WORDS = frozenset(
    "the of and to in a is that for on was with he it as at by from his an were are "
    "which this be has had have not but or they their its been who said after also "
    "would will more than when into other over there she her we".split()
)


def detect_language(text: str) -> str | None:
    """The ISO 639-1 code of the language of ``text``, or None if too short or unclear.

    Args:
        text: article text.

    Returns:
        e.g. ``"en"``, ``"ar"``, ``"ru"``; None under :data:`MIN_WORDS` words.

    >>> detect_language("Rebels shelled the town on Tuesday, killing three civilians and "
    ...                 "wounding a dozen others, officials said, as the army moved more "
    ...                 "troops to the area.")
    'en'
    """
    sample = text[:SAMPLE_CHARS]
    words = _WORD.findall(sample)
    if len(words) < MIN_WORDS:
        return None
    identifier = _identifier()
    if identifier is not None:
        language, probability = identifier.classify(sample)
        return language if probability >= MIN_CONFIDENCE else None
    return _script_language(sample, words)


def check_language(article: Article, allowed: Sequence[str] = ("en",)) -> Article:
    """Refuse an article whose detected language is not allowed.

    Articles too short to tell (``language`` None after detection) pass.

    Args:
        article: the article; its ``language`` is detected if not set.
        allowed: ISO 639-1 codes accepted.

    Returns:
        The article, with ``language`` filled in when it was detected here.

    Raises:
        UnsupportedLanguageError: the language is known and not in ``allowed``.

    >>> check_language(Article(id="a", text="Hi.", language="ru"))
    Traceback (most recent call last):
    ...
    graph.errors.UnsupportedLanguageError: a: unsupported language 'ru' (allowed: en)
    """
    if article.language is None:
        language = detect_language(article.text)
        if language is not None:
            article = dataclasses.replace(article, language=language)
    if article.language is not None and article.language not in allowed:
        raise UnsupportedLanguageError(
            article.source or article.id,
            f"unsupported language {article.language!r} (allowed: {', '.join(allowed)})",
        )
    return article


@functools.cache
def _identifier():
    try:
        from py3langid.langid import MODEL_FILE, LanguageIdentifier
    except ImportError:
        log.info("py3langid not installed; detecting language by script")
        return None
    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def _script_language(sample: str, words: list[str]) -> str | None:
    counts: dict[str, int] = {}
    for ch in sample:
        if ch.isalpha():
            name = unicodedata.name(ch, "")
            script = next((s for s in SCRIPT_LANGUAGES if name.startswith(s)), "LATIN"
                          if name.startswith("LATIN") else "OTHER")
            counts[script] = counts.get(script, 0) + 1
    if not counts:
        return None
    script, count = max(counts.items(), key=lambda item: item[1])
    if count < 0.5 * sum(counts.values()):
        return None
    if script in SCRIPT_LANGUAGES:
        return SCRIPT_LANGUAGES[script]
    if script == "LATIN":
        english = sum(1 for word in words if word.lower() in ENGLISH_WORDS)
        return "en" if english >= 0.1 * len(words) else None
    return None
