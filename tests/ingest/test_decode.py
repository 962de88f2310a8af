"""Bytes to text: encodings, binary input, empty input, size limit."""
import pytest

from graph.errors import (
    BinaryInputError,
    EmptyInputError,
    EncodingError,
    InputTooLargeError,
)
from graph.ingest.decode import DEFAULT_MAX_BYTES, decode_bytes, looks_like_html

CURLY = "The minister said “we will respond” and the fine was €500 — final."
LATIN = "Le café était fermé à midi; le garçon a dû partir à Genève."


@pytest.mark.parametrize(
    "data, expected",
    [
        pytest.param(b"Tanks moved in.", "Tanks moved in.", id="ascii"),
        pytest.param("Ça “va”.".encode(), "Ça “va”.", id="utf8"),
        pytest.param(b"\xef\xbb\xbfTanks moved in.", "Tanks moved in.", id="utf8-bom"),
        pytest.param(b"\xff\xfe" + CURLY.encode("utf-16-le"), CURLY, id="utf16-le-bom"),
        pytest.param(b"\xfe\xff" + CURLY.encode("utf-16-be"), CURLY, id="utf16-be-bom"),
        pytest.param(CURLY.encode("utf-32"), CURLY, id="utf32-bom"),
        pytest.param(CURLY.encode("cp1252"), CURLY, id="cp1252-curly-euro"),
        pytest.param(LATIN.encode("latin-1"), LATIN, id="latin1"),
        pytest.param(b"a\r\nb\rc\n", "a\nb\nc\n", id="newlines"),
        pytest.param(b"  two  spaces\t'quotes'\n", "  two  spaces\t'quotes'\n", id="verbatim"),
    ],
)
def test_decode_bytes_decodes(data, expected):
    """Supported encodings decode to the same text, newlines normalised, BOM dropped."""
    assert decode_bytes(data, source="x") == expected


@pytest.mark.parametrize(
    "data, error, words",
    [
        pytest.param(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", BinaryInputError, "looks like a PDF",
                     id="pdf"),
        pytest.param(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", BinaryInputError, "PNG", id="png"),
        pytest.param(b"\xff\xd8\xff\xe0\x00\x10JFIF", BinaryInputError, "JPEG", id="jpeg"),
        pytest.param(b"GIF89a\x01\x00", BinaryInputError, "GIF", id="gif"),
        pytest.param(b"PK\x03\x04\x14\x00", BinaryInputError, "ZIP", id="zip"),
        pytest.param(b"\x1f\x8b\x08\x00", BinaryInputError, "gzip", id="gzip"),
        pytest.param(b"text\x00with\x00nuls", BinaryInputError, "NUL", id="nul-bytes"),
        pytest.param(b"", EmptyInputError, "empty", id="empty"),
        pytest.param(b" \n\t\r\n  ", EmptyInputError, "whitespace", id="whitespace"),
        pytest.param(b"\xef\xbb\xbf\n", EmptyInputError, "whitespace", id="bom-only"),
        pytest.param(bytes(range(128, 256)) * 3, EncodingError, "cannot be decoded",
                     id="undecodable"),
        pytest.param(b"\xff\xfe\x00\xd8", EncodingError, "UTF-16", id="bad-utf16"),
    ],
)
def test_decode_bytes_refuses(data, error, words):
    """Bad bytes raise the matching InputError, naming the source and the problem."""
    with pytest.raises(error) as info:
        decode_bytes(data, source="in.txt")
    assert str(info.value).startswith("in.txt: ")
    assert words in str(info.value)


def test_decode_bytes_refuses_too_large():
    """The error names the size and the limit; the limit is configurable."""
    with pytest.raises(InputTooLargeError, match="input is 11 bytes.*limit of 10 bytes"):
        decode_bytes(b"x" * 11, source="big.txt", max_bytes=10)
    assert decode_bytes(b"x" * 10, source="ok.txt", max_bytes=10) == "x" * 10


def test_decode_default_max_bytes_is_five_megabytes():
    assert DEFAULT_MAX_BYTES == 5_000_000


@pytest.mark.parametrize(
    "text, expected",
    [
        ("<!doctype html><html><body>x</body></html>", True),
        ("  <html lang='en'><p>x</p></html>", True),
        ("<p>One paragraph.</p>", True),
        ("<?xml version='1.0'?><html><body>x</body></html>", True),
        ("Text, then <body> later", True),
        ("Rebels said 3 < 4 and 5 > 2.", False),
        ("<<Reuters>> Tanks moved in.", False),
    ],
)
def test_decode_looks_like_html(text, expected):
    assert looks_like_html(text) is expected
