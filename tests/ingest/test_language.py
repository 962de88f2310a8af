"""Language detection and the language check."""
import dataclasses

import pytest

from graph.errors import UnsupportedLanguageError
from graph.ingest import article_from_text, check_language, detect_language
from graph.ingest import language as language_module
from graph.records import Article

from ingest_texts import ARABIC, ENGLISH, FRENCH, RUSSIAN


@pytest.mark.parametrize(
    "text, expected",
    [(ENGLISH, "en"), (ARABIC, "ar"), (RUSSIAN, "ru"), ("Too short to tell.", None),
     ("Короткий текст.", None)],
)
def test_language_detect_language(text, expected):
    assert detect_language(text) == expected


@pytest.mark.parametrize("text, expected", [(ENGLISH, "en"), (ARABIC, "ar"), (RUSSIAN, "ru")])
def test_language_script_fallback_without_py3langid(monkeypatch, text, expected):
    """Without py3langid, the writing system and English stopwords decide."""
    monkeypatch.setattr(language_module, "_identifier", lambda: None)
    assert detect_language(text) == expected


def test_language_detects_french():
    pytest.importorskip("py3langid")
    assert detect_language(FRENCH) == "fr"


@pytest.mark.parametrize("text, code", [(ARABIC, "ar"), (RUSSIAN, "ru")])
def test_language_check_refuses_non_english(text, code):
    article = article_from_text(text, source="x.txt", article_id="x")
    assert article.language == code
    with pytest.raises(UnsupportedLanguageError, match=rf"x.txt: unsupported language '{code}' \(allowed: en\)"):
        check_language(article)


def test_language_check_passes_english_short_and_allowed():
    assert check_language(article_from_text(ENGLISH, source="e", article_id="e")).language == "en"
    short = Article(id="s", text="Коротко.")
    assert check_language(short) == short
    russian = article_from_text(RUSSIAN, source="r", article_id="r")
    assert check_language(russian, allowed=("en", "ru")) is russian


def test_language_check_detects_when_unset():
    article = Article(id="a", text=ARABIC)
    with pytest.raises(UnsupportedLanguageError):
        check_language(article)
    assert check_language(dataclasses.replace(article, text=ENGLISH)).language == "en"
