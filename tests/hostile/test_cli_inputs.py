"""Broken and hostile input through the real ``extract`` command: a table of cases.

Each single input that cannot be an article gives one line on stderr naming the file and
the problem, exit status 2 and no output folder; each readable one gives the outputs. A
batch reports and skips its bad articles (stderr and ``failed.jsonl``), processes the rest
and exits 1.
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from graph.cli import main

ENGLISH = ("Rebels shelled the town of Kadugli on Monday, killing three soldiers and wounding five "
           "civilians, officials said. The army said it would respond to the attack within days.")
RUSSIAN = ("Повстанцы обстреляли город в понедельник, убив трех солдат. Армия заявила, что ответит на "
           "это нападение в ближайшие дни, сообщили официальные лица в столице страны.")
ARABIC = ("قصف المتمردون البلدة يوم الاثنين مما أسفر عن مقتل ثلاثة جنود وقال الجيش إنه سيرد على هذا "
          "الهجوم في الأيام المقبلة حسبما أفاد مسؤولون في العاصمة اليوم")
HTML = ("<html><head><title>Raid</title><script>var SCRIPTTEXT = '</p>';</script><style>.STYLETEXT{}</style>"
        "</head><body><!-- COMMENTTEXT --><iframe src='x'>IFRAMETEXT</iframe><p>" + ENGLISH +
        "</p><p>Unclosed <b>bold <i>nesting</p></div></span></body>")

# name, bytes, extra options, expected problem (a single input that fails)
REFUSED = [
    ("empty.txt", b"", [], "the input is empty"),
    ("blank.txt", b" \n\t\r\n  ", [], "the text is only whitespace"),
    ("renamed-pdf.txt", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", [], "not text (looks like a PDF)"),
    ("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", [], "not text (looks like a PNG image)"),
    ("photo.html", b"\xff\xd8\xff\xe0\x00\x10JFIF", [], "not text (looks like a JPEG image)"),
    ("archive.txt", b"PK\x03\x04\x14\x00\x00\x00", [], "not text (looks like a ZIP archive"),
    ("dump.txt", b"\x1f\x8b\x08\x00", [], "not text (looks like a gzip archive)"),
    ("nul.txt", b"Rebels\x00attacked", [], "not text (contains NUL bytes)"),
    ("garbage.txt", bytes(range(128, 256)) * 4, [], "cannot be decoded"),
    ("bad-utf16.txt", b"\xff\xfe\x00\xd8", [], "not valid UTF-16-LE"),
    ("too-big.txt", ENGLISH.encode() * 3, ["--max-bytes", "300"], "larger than the limit of 300 bytes; --max-bytes"),
    ("too-long.txt", ENGLISH.encode() * 3, ["--max-chars", "200"], "more than the limit of 200 characters; --max-chars"),
    ("russian.txt", RUSSIAN.encode(), [], "unsupported language 'ru' (allowed: en); --allow-language ru"),
    ("arabic.txt", ARABIC.encode("cp1256"), [], "unsupported language 'ar'"),
    ("scripts-only.html", b"<html><body><script>alert(1)</script><style>p{}</style></body></html>", [],
     "no article text found in the HTML"),
    ("missing.txt", None, [], "no such file or folder"),
]


def _run(args, capsys):
    rc = main(["extract", *map(str, args)])
    out, err = capsys.readouterr()
    return rc, out, err


@pytest.mark.parametrize("name, data, options, problem", REFUSED, ids=[c[0] for c in REFUSED])
def test_cli_single_bad_input_is_one_line_and_leaves_nothing(tmp_path, capsys, name, data, options, problem):
    """One bad file: exit 2, one line 'error: PATH: problem' on stderr, nothing on stdout, no OUTDIR."""
    path = tmp_path / name
    if data is not None:
        path.write_bytes(data)
    rc, out, err = _run([path, "-o", tmp_path / "out", *options], capsys)
    assert rc == 2
    assert out == ""
    assert err.startswith(f"error: {path}: ") and problem in err
    assert err.count("\n") == 1 and "Traceback" not in err
    assert not (tmp_path / "out").exists()


def test_cli_empty_stdin_is_one_line(tmp_path, capsys, monkeypatch):
    """Empty standard input is named 'stdin' in the one-line error."""
    import io
    import sys

    monkeypatch.setattr(sys, "stdin", type("S", (), {"buffer": io.BytesIO(b"")})())
    rc, out, err = _run(["-", "-o", tmp_path / "out"], capsys)
    assert (rc, err) == (2, "error: stdin: the input is empty\n")
    assert not (tmp_path / "out").exists()


def test_cli_debug_shows_the_traceback(tmp_path):
    """--debug lets the error out with its traceback."""
    from graph.errors import EmptyInputError

    (tmp_path / "empty.txt").write_bytes(b"")
    with pytest.raises(EmptyInputError, match="empty.txt: the input is empty"):
        main(["extract", str(tmp_path / "empty.txt"), "-o", str(tmp_path / "out"), "--debug"])


def test_cli_error_lines_escape_control_characters(tmp_path, capsys):
    """A file name with a newline or a terminal escape cannot forge a second line or colour it."""
    path = tmp_path / "evil\n\x1b[31mname\u202e.txt"
    path.write_bytes(b"")
    rc, _, err = _run([path, "-o", tmp_path / "out"], capsys)
    assert rc == 2 and err.count("\n") == 1
    assert "\x1b" not in err and "\u202e" not in err and "\\x1b[31m" in err


# name, bytes, extra options, text that must be in the events/actors, texts that must not
ACCEPTED = [
    ("utf8.txt", ENGLISH.encode(), []),
    ("utf8-bom.txt", b"\xef\xbb\xbf" + ENGLISH.encode(), []),
    ("utf16.txt", ENGLISH.encode("utf-16"), []),
    ("utf16-be.txt", b"\xfe\xff" + ENGLISH.encode("utf-16-be"), []),
    ("cp1252.txt", ENGLISH.replace("officials said", "officials said \u201cthey\u2019re sure\u201d").encode("cp1252"), []),
    ("latin1.txt", ENGLISH.replace("Kadugli", "Kadugl\u00ed").encode("latin-1"), []),
    ("crlf.txt", ENGLISH.replace(". ", ".\r\n").encode(), []),
    ("page.html", HTML.encode(), []),
    ("russian.txt", RUSSIAN.encode(), ["--allow-language", "ru"]),
]


@pytest.mark.slow
@pytest.mark.parametrize("name, data, options", ACCEPTED, ids=[c[0] for c in ACCEPTED])
def test_cli_single_readable_input_is_extracted(tmp_path, capsys, name, data, options):
    """Every supported encoding, HTML full of scripts, or an allowed language: exit 0 and all outputs."""
    path = tmp_path / name
    path.write_bytes(data)
    out_dir = tmp_path / "out"
    rc, out, err = _run([path, "-o", out_dir, "-q", *options], capsys)
    assert rc == 0, err
    assert sorted(p.name for p in out_dir.iterdir()) == ["actors.jsonl", "events.jsonl", "graph.html", "graph.ttl"]
    graph = (out_dir / "graph.ttl").read_text(encoding="utf-8")
    for hidden in ("SCRIPTTEXT", "STYLETEXT", "COMMENTTEXT", "IFRAMETEXT", "\ufffd", "\r"):
        assert hidden not in graph
    if "--allow-language" in options:
        assert "language is 'ru'; processed with the English model" in err
    else:
        assert "Kadugl" in graph and err == ""


@pytest.mark.slow
def test_cli_batch_reports_bad_articles_and_processes_the_rest(tmp_path, capsys):
    """A folder and a feed with bad articles: they are listed (stderr, failed.jsonl); the rest are extracted; exit 1."""
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_text(ENGLISH, encoding="utf-8")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "pdf.txt").write_bytes(b"%PDF-1.4")
    (folder / "russian.txt").write_text(RUSSIAN, encoding="utf-8")
    feed = tmp_path / "feed.jsonl"
    feed.write_bytes(b"\n".join([
        json.dumps({"id": "f1", "text": ENGLISH.replace("Kadugli", "Xville")}).encode(),
        b'{"id": "f2", "text": "unterminated',
        b"[1, 2, 3]",
        b'{"id": "f4", "text": "lone \\ud800 surrogate"}',
        json.dumps({"id": "f5", "html": HTML}).encode(),
        b'{"id": "f6"}',
    ]) + b"\n")
    out_dir = tmp_path / "out"
    (out_dir).mkdir()
    (out_dir / "failed.jsonl").write_text('{"stale": true}\n')
    rc, out, err = _run([folder, feed, "-o", out_dir], capsys)
    assert rc == 1
    failed = [json.loads(line) for line in (out_dir / "failed.jsonl").read_text().splitlines()]
    assert {f["source"] for f in failed} == {
        str(folder / "empty.txt"), str(folder / "pdf.txt"), str(folder / "russian.txt"),
        f"{feed}:2", f"{feed}:3", f"{feed}:4", f"{feed}:6"}
    assert {f["error"] for f in failed} == {"EmptyInputError", "BinaryInputError", "UnsupportedLanguageError",
                                          "FeedError", "EncodingError"}
    assert all(f["problem"] for f in failed)
    assert "articles: 3 extracted, 7 failed" in out
    assert f"7 of 10 articles failed; see {out_dir / 'failed.jsonl'}" in err
    assert err.count("skipped ") == 7
    articles = {json.loads(line)["article"] for line in (out_dir / "events.jsonl").read_text().splitlines()}
    assert articles <= {"good", "f1", "f5"} and articles


@pytest.mark.slow
def test_cli_batch_of_only_bad_articles_writes_the_log_and_exits_2(tmp_path, capsys):
    """Nothing readable in a batch: exit 2 and failed.jsonl, but no graph."""
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_bytes(b"")
    (folder / "b.txt").write_bytes(b"%PDF-1.4")
    rc, out, err = _run([folder, "-o", tmp_path / "out"], capsys)
    assert rc == 2 and out == ""
    assert err.splitlines()[-1] == f"error: no article could be read (2 failed; see {tmp_path / 'out' / 'failed.jsonl'})"
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["failed.jsonl"]


@pytest.mark.slow
def test_cli_long_text_is_parsed_in_chunks_with_whole_text_offsets(tmp_path, capsys, monkeypatch):
    """A text longer than spaCy's max_length is parsed in paragraph chunks; every offset indexes the text."""
    from graph.nlp import pipeline

    nlp = pipeline(None)
    monkeypatch.setattr(nlp, "max_length", 500)
    paragraphs = [ENGLISH.replace("Kadugli", town).replace("Monday", day)
                  for town, day in [("Kadugli", "Monday"), ("Juba", "Tuesday"), ("Malakal", "Friday")] * 4]
    text = "\n\n".join(paragraphs)
    assert len(text) > 3 * nlp.max_length
    path = tmp_path / "long.txt"
    path.write_text(text, encoding="utf-8")
    rc, _, err = _run([path, "-o", tmp_path / "out", "-q", "--no-html"], capsys)
    assert rc == 0, err
    events = [json.loads(line) for line in (tmp_path / "out" / "events.jsonl").read_text().splitlines()]
    assert events
    for event in events:
        trigger = event["trigger"]
        assert text[trigger["start"]:trigger["end"]] == trigger["text"]
    from rdflib import Graph, Namespace, URIRef

    oa = Namespace("http://www.w3.org/ns/oa#")
    graph = Graph().parse(tmp_path / "out" / "graph.ttl")
    starts = []
    for quote, exact in graph.subject_objects(oa.exact):  # NODE/quote has a sibling NODE/position
        position = URIRef(str(quote).removesuffix("/quote") + "/position")
        start, end = int(graph.value(position, oa.start)), int(graph.value(position, oa.end))
        assert text[start:end] == str(exact)
        starts.append(start)
    assert max(starts) > 3 * nlp.max_length  # spans from the later chunks, at whole-text offsets
