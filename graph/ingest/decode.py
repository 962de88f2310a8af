"""Bytes to text: size limit, binary sniffing, encoding detection, newline normalisation.

The order of checks is fixed, so the same bytes always give the same error:

1. larger than ``max_bytes``                    -> :class:`InputTooLargeError`
2. no bytes at all                              -> :class:`EmptyInputError`
3. a known binary signature (PDF, PNG, ...)     -> :class:`BinaryInputError`
4. a byte-order mark (UTF-8, UTF-16, UTF-32)    -> decoded by that BOM, strictly
5. NUL bytes (and no UTF-16/32 BOM)             -> :class:`BinaryInputError`
6. valid UTF-8                                  -> decoded as UTF-8
7. charset-normalizer, first limited to Windows-1252 / Latin-1 (short Western texts are
   otherwise often mistaken for DOS or Central-European code pages), then unrestricted;
   a very short input (a few words, several of them accented) may still be misread,
   as charset-normalizer has little to go on
8. nothing plausible                            -> :class:`EncodingError`

Text is kept verbatim except that a leading BOM is dropped and ``\\r\\n`` / ``\\r`` become
``\\n``: character offsets into :attr:`Article.text` are the provenance of every fact.

>>> decode_bytes("The café said “we will pay” a €50 fine.".encode("cp1252"), source="a.txt")
'The café said “we will pay” a €50 fine.'
"""
from __future__ import annotations

import re

from charset_normalizer import from_bytes

from graph.errors import BinaryInputError, EmptyInputError, EncodingError, InputTooLargeError

__all__ = [
    "DEFAULT_MAX_BYTES",
    "DEFAULT_MAX_CHARS",
    "decode_bytes",
    "sniff_binary",
    "normalise_newlines",
    "looks_like_html",
    "check_text",
    "check_unicode",
]

#: Largest input accepted by default: 5 MB, far above any news article (HTML included).
DEFAULT_MAX_BYTES = 5_000_000

#: Longest article text (after HTML is reduced to text) extracted by default: 200,000
#: characters, a long-form feature several times over. spaCy parses longer texts in chunks
#: (:mod:`graph.nlp.chunks`) in bounded memory, but extraction time grows faster than the
#: length; see :func:`graph.ingest.check_length`.
DEFAULT_MAX_CHARS = 200_000

#: Leading bytes of formats that are not text, with the name used in the error message.
BINARY_SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"%PDF", "a PDF"),
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"PK\x03\x04", "a ZIP archive (or an Office document)"),
    (b"PK\x05\x06", "a ZIP archive"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"BZh", "a bzip2 archive"),
    (b"\xfd7zXZ\x00", "an xz archive"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Office document"),
)

# Longest first: the UTF-32 LE BOM starts with the UTF-16 LE one.
_BOMS: tuple[tuple[bytes, str], ...] = (
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\xef\xbb\xbf", "utf-8"),
    (b"\xfe\xff", "utf-16-be"),
    (b"\xff\xfe", "utf-16-le"),
)

#: Tried first by charset-normalizer: the code pages of English-language news.
WESTERN_ENCODINGS = ("cp1252", "latin_1")

_HTML_START = re.compile(
    r"\A\s*(<\?xml[^>]*>\s*)?(<!--.*?-->\s*)*"
    r"<(!doctype\s+html|html|head|body|meta|title|article|div|p|section|main|h[1-6])[\s>/]",
    re.IGNORECASE | re.DOTALL,
)
_SURROGATE = re.compile("[\ud800-\udfff]")
_HTML_ANYWHERE = re.compile(r"<(html|body)[\s>]|</(p|div|html|body)>", re.IGNORECASE)


def sniff_binary(data: bytes) -> str | None:
    """Name the binary format ``data`` starts with, or None if it has no known signature.

    Args:
        data: the raw bytes (only the first few are read).

    Returns:
        A phrase such as ``"a PDF"``, or None.

    >>> sniff_binary(b"%PDF-1.7 ...")
    'a PDF'
    >>> sniff_binary(b"Rebels shelled the town.") is None
    True
    """
    for signature, name in BINARY_SIGNATURES:
        if data.startswith(signature):
            return name
    return None


def normalise_newlines(text: str) -> str:
    """Drop a leading BOM and turn ``\\r\\n`` and lone ``\\r`` into ``\\n``; nothing else.

    Args:
        text: decoded text.

    Returns:
        The same text with Unix newlines.

    >>> normalise_newlines("\\ufeffa\\r\\nb\\rc  “d”")
    'a\\nb\\nc  “d”'
    """
    if text.startswith("\ufeff"):
        text = text[1:]
    return text.replace("\r\n", "\n").replace("\r", "\n")


def check_text(text: str, *, source: str, max_bytes: int | None = DEFAULT_MAX_BYTES) -> str:
    """Refuse text that is too large, empty, whitespace-only, holds NUL characters or lone surrogates.

    A lone surrogate (``\\ud800`` in a JSON feed, say) is not Unicode text: no output file
    could hold it as UTF-8.

    Args:
        text: decoded text.
        source: names the input in error messages.
        max_bytes: the limit, counted on the UTF-8 encoding of ``text``; None for none.

    Returns:
        ``text`` unchanged.

    Raises:
        InputTooLargeError, EmptyInputError, BinaryInputError, EncodingError.

    >>> check_text("Hello.", source="x")
    'Hello.'
    >>> check_text("Bad \\ud800.", source="f.jsonl:3")
    Traceback (most recent call last):
    ...
    graph.errors.EncodingError: f.jsonl:3: not valid Unicode (a lone surrogate U+D800 at character 4)
    """
    if max_bytes is not None and len(text) > max_bytes // 4:  # cheap pre-check: a character is at most 4 bytes
        size = len(text.encode("utf-8", "surrogatepass"))
        if size > max_bytes:
            raise InputTooLargeError(source, _too_large(size, max_bytes))
    if not text:
        raise EmptyInputError(source, "the text is empty")
    if not text.strip():
        raise EmptyInputError(source, "the text is only whitespace")
    if "\x00" in text:
        raise BinaryInputError(source, "not text (contains NUL characters)")
    check_unicode(text, source=source)
    return text


def check_unicode(text: str, *, source: str, what: str = "") -> str:
    """Refuse a string holding a lone surrogate, which no UTF-8 output can hold.

    Args:
        text: any string.
        source: names the input in the error message.
        what: names the field (``"'title' "``), if not the text.

    Returns:
        ``text`` unchanged.

    Raises:
        EncodingError: ``text`` holds a code point between U+D800 and U+DFFF.

    >>> check_unicode("Ok \u202e", source="x")
    'Ok \u202e'
    """
    bad = _SURROGATE.search(text)
    if bad:
        raise EncodingError(source, f"{what}not valid Unicode (a lone surrogate "
                            f"U+{ord(bad.group()):04X} at character {bad.start()})")
    return text


def decode_bytes(data: bytes, *, source: str, max_bytes: int = DEFAULT_MAX_BYTES) -> str:
    """Decode the bytes of one article to text, or say why they are not an article.

    Args:
        data: the raw bytes of a file, stdin or a feed record.
        source: names the input in error messages (path, ``stdin``, ``FEED.jsonl:LINE``).
        max_bytes: inputs larger than this are refused (default :data:`DEFAULT_MAX_BYTES`).

    Returns:
        The text, BOM dropped and newlines normalised to ``\\n``.

    Raises:
        InputTooLargeError: more than ``max_bytes`` bytes.
        EmptyInputError: no bytes, or only whitespace.
        BinaryInputError: a PDF, image or archive signature, or NUL bytes.
        EncodingError: no supported encoding decodes the bytes plausibly.

    >>> decode_bytes(b"\\xef\\xbb\\xbfTanks moved in.\\r\\n", source="a.txt")
    'Tanks moved in.\\n'
    >>> decode_bytes(b"%PDF-1.4", source="a.pdf")
    Traceback (most recent call last):
    ...
    graph.errors.BinaryInputError: a.pdf: not text (looks like a PDF)
    """
    if len(data) > max_bytes:
        raise InputTooLargeError(source, _too_large(len(data), max_bytes))
    if not data:
        raise EmptyInputError(source, "the input is empty")
    kind = sniff_binary(data)
    if kind:
        raise BinaryInputError(source, f"not text (looks like {kind})")
    text = _decode(data, source)
    text = normalise_newlines(text)
    return check_text(text, source=source, max_bytes=None)


def _decode(data: bytes, source: str) -> str:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:  # the BOM stays, as U+FEFF, for normalise_newlines to drop once
                return data.decode(encoding)
            except UnicodeDecodeError as err:
                raise EncodingError(
                    source, f"starts with a {encoding.upper()} byte-order mark but is not "
                    f"valid {encoding.upper()} (byte {err.start})"
                ) from None
    if b"\x00" in data:
        raise BinaryInputError(source, "not text (contains NUL bytes)")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    for isolation in (list(WESTERN_ENCODINGS), None):
        best = from_bytes(data, cp_isolation=isolation).best()
        if best is not None:
            return str(best)
    raise EncodingError(
        source, "cannot be decoded (tried UTF-8, UTF-16/32 with BOM, Windows-1252, Latin-1 "
        "and the encodings charset-normalizer knows)"
    )


def looks_like_html(text: str) -> bool:
    """Tell whether decoded text is HTML rather than plain text.

    True when it starts with a doctype, ``<html>`` or a common block tag (after an XML
    declaration or comments), or has ``<html>``/``<body>`` or a closing ``</p>``, ``</div>``
    in its first 4,000 characters.

    Args:
        text: decoded text.

    Returns:
        True for HTML.

    >>> looks_like_html("<!DOCTYPE html><html><body><p>Hi</p></body></html>")
    True
    >>> looks_like_html("Troops crossed the border (x < y) on Monday.")
    False
    """
    head = text[:4000]
    return bool(_HTML_START.match(head) or _HTML_ANYWHERE.search(head))


def _too_large(size: int, limit: int) -> str:
    return f"input is {size:,} bytes, larger than the limit of {limit:,} bytes"
