"""Bad input gets a clear answer: every file of one `archive ingest` call either goes in
whole, with the text a person would read and every offset invariant holding, or is
refused with one stderr line naming it and the reason (exit status 1), while the other
files of the same call still go in. Never a traceback."""

from __future__ import annotations

import codecs
import io
import json
import os
import sqlite3
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from archive.cli import cli

SENTENCES = "Ryan Gosling spielt in „Drive“ einen Fahrer ohne Namen. Carey Mulligan ist Irene.\n"

# name -> (bytes written, text that must be stored); the text is unique per file so none is "unchanged".
GOOD: dict[str, tuple[bytes, str]] = {}


def good(name: str, text: str, data: bytes | None = None) -> None:
    GOOD[name] = (text.encode("utf-8") if data is None else data, text)


good("utf8.txt", "UTF-8 ohne BOM. " + SENTENCES)
good("utf8-bom.txt", "UTF-8 mit BOM. " + SENTENCES, codecs.BOM_UTF8 + ("UTF-8 mit BOM. " + SENTENCES).encode())
good("utf16.txt", "UTF-16 mit BOM. " + SENTENCES, ("UTF-16 mit BOM. " + SENTENCES).encode("utf-16"))
good("utf16be.txt", "UTF-16 BE. " + SENTENCES, codecs.BOM_UTF16_BE + ("UTF-16 BE. " + SENTENCES).encode("utf-16-be"))
good("utf32.txt", "UTF-32 mit BOM. " + SENTENCES, ("UTF-32 mit BOM. " + SENTENCES).encode("utf-32"))
good("cp1252.txt", "Größe „Ästhetik“ – Müller zahlt 5 €. " + SENTENCES,
     ("Größe „Ästhetik“ – Müller zahlt 5 €. " + SENTENCES).encode("cp1252"))
LATIN = "Schöne Grüße aus Köln, sagt Ryan Gosling. Carey Mulligan ist Irene.\n"
good("latin1.txt", LATIN, LATIN.encode("latin-1"))
good("crlf.txt", "Windows-Zeilen.\nZweite Zeile.\nDritte Zeile.\n", b"Windows-Zeilen.\r\nZweite Zeile.\r\nDritte Zeile.\r\n")
good("cr.txt", "Alte Mac-Zeilen.\nZweite Zeile.\nDritte Zeile.\n", b"Alte Mac-Zeilen.\rZweite Zeile.\rDritte Zeile.\r")
good("emoji.txt", "Ryan Gosling 🚗💨 fährt 👍🏽. Die Familie 👨‍👩‍👧 wartet. Carey Mulligan lächelt 😊.\n")
# Decomposed (NFD) text is stored composed (NFC), as docs/schema.md says.
good("combining.txt", "Am\u00e9lie trifft Zo\u00eb in Par\u00eds. Ryan Gosling schaut zu.\n",
     "Ame\u0301lie trifft Zoe\u0308 in Pari\u0301s. Ryan Gosling schaut zu.\n".encode())
good("rtl.txt", "Der Film heißt auf Hebräisch שלום und auf Arabisch مرحبا. Ryan Gosling spielt mit.\n")
good("control.txt", "Ein Steuerzeichen\x07 steht hier. " + SENTENCES * 3)
good("markdown.md", "# Drive\n\n*Drive* von **Nicolas Winding Refn**, mit [Ryan Gosling](https://example.org).\n\n"
     "- Carey Mulligan spielt Irene.\n- Oscar Isaac spielt Standard.\n")
good("oneline.txt", " ".join([SENTENCES.strip()] * 30))
good("noend.txt", "wort " * 20_000)  # 100,000 characters, no sentence end
good("sql.txt", "Robert'); DROP TABLE review;-- spielt in „x' OR '1'='1“ neben Ryan Gosling.\n"
     "Regie führte Bobby \"; DELETE FROM person; --\" Tables. Carey Mulligan schweigt.\n")

PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10\x00\x00\x00\x10\x08\x06\x00\x00\x00\x1f\xf3\xffa"


def _zip() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("review.txt", SENTENCES * 20)
    return buffer.getvalue()


# name -> (bytes written, word the reason must contain)
BAD: dict[str, tuple[bytes, str]] = {
    "empty.txt": (b"", "empty"),
    "whitespace.txt": (b"  \n\t\r\n   \n", "white space"),
    "image.txt": (PNG, "binary"),
    "archive.txt": (_zip(), "binary"),
    "nul.txt": (b"Hallo\x00Welt " * 10, "binary"),
    "controls.txt": (b"\x01\x02\x03\x04\x05 nur Steuerzeichen \x06\x07\x08", "binary"),
    "punctuation.txt": (b"!!! ... ??? --- ,,, ;;; 1234 5678", "no words"),
    "utf16-odd.txt": (codecs.BOM_UTF16_LE + "Hallo".encode("utf-16-le") + b"x", "utf-16"),
}


def ingest(db: str, *args: str, input: bytes | None = None):
    return CliRunner().invoke(cli, ["--db", db, "ingest", "-j", "1", *args], input=input, catch_exceptions=False)


def lines_about(stderr: str) -> dict[str, str]:
    """stderr's per-file lines by the file's path: 'added x review 1 (...)' -> {x: line}."""
    out = {}
    for line in stderr.splitlines():
        status, _, rest = line.partition(" ")
        if status in ("added", "unchanged"):
            out[rest.rsplit(" review ", 1)[0]] = line
        elif status == "refused":
            out[rest.split(": ", 1)[0]] = line
    return out


def offset_violations(db: str) -> list:
    conn = sqlite3.connect(db)
    try:
        return conn.execute(
            """SELECT 'mention', m.id FROM mention m JOIN review r ON r.id = m.review_id
                 WHERE substr(r.body, m.start_char + 1, m.end_char - m.start_char) <> m.surface
               UNION ALL
               SELECT 'sentence', s.id FROM sentence s JOIN review r ON r.id = s.review_id
                 WHERE substr(r.body, s.start_char + 1, s.end_char - s.start_char) <> s.text
               UNION ALL
               SELECT 'outside', m.id FROM mention m JOIN sentence s ON s.id = m.sentence_id
                 WHERE m.start_char < s.start_char OR m.end_char > s.end_char OR s.review_id <> m.review_id"""
        ).fetchall()
    finally:
        conn.close()


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    """One ingest call over a folder of every case, plus paths that are not files."""
    root = tmp_path_factory.mktemp("hostile")
    folder = root / "reviews"
    folder.mkdir()
    for name, (data, _) in {**GOOD, **BAD}.items():
        (folder / name).write_bytes(data)
    (folder / "dangling.txt").symlink_to(root / "gone.txt")
    (folder / "link.txt").symlink_to(folder / "crlf.txt")  # sorted after it
    (folder / "folder.txt").mkdir()  # a folder with a review's name: looked into, not read
    (folder / "folder.txt" / "inner.txt").write_text("Ein Text im Ordner. " + SENTENCES, encoding="utf-8")
    (folder / "notes.pdf").write_bytes(b"%PDF-1.4 not a review")  # not *.txt or *.md: not looked at
    (root / "dir.txt").mkdir()
    db = str(root / "archive.db")
    result = ingest(db, str(folder), str(root / "missing.txt"), str(root / "dir.txt"))
    return folder, root, db, result


def test_exit_status_1_and_no_traceback(hostile):
    _, _, _, result = hostile
    assert result.exit_code == 1
    assert "Traceback" not in result.stderr
    assert result.stdout == ""


@pytest.mark.parametrize("name", sorted(GOOD))
def test_good_files_go_in_with_the_text_a_person_reads(hostile, name):
    folder, _, db, result = hostile
    line = lines_about(result.stderr)[str(folder / name)]
    assert line.startswith("added "), line
    conn = sqlite3.connect(db)
    (body,) = conn.execute("SELECT body FROM review WHERE source = ?", (str(folder / name),)).fetchone()
    conn.close()
    assert body == GOOD[name][1]


@pytest.mark.parametrize("name", sorted(BAD))
def test_bad_files_are_refused_with_one_line_naming_them(hostile, name):
    folder, _, db, result = hostile
    path = str(folder / name)
    line = lines_about(result.stderr)[path]
    assert line.startswith(f"refused {path}: ")
    assert BAD[name][1] in line.split(": ", 1)[1]
    assert sum(1 for out in result.stderr.splitlines() if path in out) == 1
    conn = sqlite3.connect(db)
    assert conn.execute("SELECT count(*) FROM review WHERE source = ?", (path,)).fetchone() == (0,)
    conn.close()


def test_windows_1252_warns_naming_the_file(hostile):
    folder, _, _, result = hostile
    warnings = [line for line in result.stderr.splitlines() if line.startswith("warning ")]
    assert any(str(folder / "cp1252.txt") in w and "Windows-1252" in w for w in warnings)
    assert not any(str(folder / "utf8.txt") in w for w in warnings)


def test_links_missing_paths_and_folders_named_like_files(hostile):
    folder, root, _, result = hostile
    about = lines_about(result.stderr)
    assert about[str(folder / "dangling.txt")].startswith("refused ")
    assert "not exist" in about[str(folder / "dangling.txt")]
    assert about[str(folder / "link.txt")].startswith("unchanged ")  # the same text as crlf.txt
    assert about[str(folder / "folder.txt" / "inner.txt")].startswith("added ")
    assert about[str(root / "missing.txt")] == f"refused {root / 'missing.txt'}: no such file or folder"
    assert about[str(root / "dir.txt")].startswith("refused ")
    assert str(folder / "notes.pdf") not in result.stderr


def test_every_stored_review_keeps_the_offset_invariants(hostile):
    _, _, db, _ = hostile
    assert offset_violations(db) == []
    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    # The names that look like SQL are stored as text, and no table went missing.
    assert conn.execute("SELECT count(*) FROM review WHERE body LIKE '%DROP TABLE review%'").fetchone() == (1,)
    assert {"review", "person", "film", "mention", "sentence"} <= {
        r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    conn.close()


def test_summary_counts_every_file(hostile):
    _, _, _, result = hostile
    summary = result.stderr.strip().splitlines()[-1]
    added = len(GOOD) + 1  # and folder.txt/inner.txt
    refused = len(BAD) + 3  # and dangling.txt, missing.txt, dir.txt
    assert summary == f"{added} added, 1 unchanged, {refused} refused"


def test_unreadable_file_is_refused_and_the_rest_go_in(tmp_path, monkeypatch):
    (tmp_path / "a.txt").write_text(SENTENCES, encoding="utf-8")
    locked = tmp_path / "b.txt"
    locked.write_text("Ein anderer Text. " + SENTENCES, encoding="utf-8")
    locked.chmod(0)
    real_open = os.open

    def refusing(path, *args, **kwargs):  # root reads files whatever their mode: refuse here as well
        if str(path) == str(locked):
            raise PermissionError(13, "Permission denied", str(path))
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr(os, "open", refusing)
    result = ingest(str(tmp_path / "db"), str(tmp_path))
    assert result.exit_code == 1
    assert f"refused {locked}: Permission denied" in result.stderr
    assert f"added {tmp_path / 'a.txt'}" in result.stderr


def test_standard_input(tmp_path):
    db = str(tmp_path / "archive.db")
    result = ingest(db, "-", input=("Von der Standardeingabe. " + SENTENCES).encode("utf-16"))
    assert result.exit_code == 0, result.stderr
    assert result.stderr.startswith("added - review 1")
    assert ingest(db, "-", input=b"\x89PNG\r\n\x00\x00").stderr.startswith("refused -: binary")


def test_a_review_of_the_largest_size_allowed_goes_in_and_one_byte_more_is_refused(tmp_path):
    from archive.sources import MAX_BYTES

    # Long sentences: the size is what is tested here, not the number of sentences.
    clause = "die Kamera gleitet über die nächtliche Stadt, das Licht ist kalt, die Musik pulsiert leise, "
    paragraph = "Lange " + clause * 70 + "bis etwas geschieht. Dann " + clause * 70 + "und alles endet."
    names = "In „Drive“ spielt Ryan Gosling den Fahrer, und Carey Mulligan spielt Irene.\n\n"
    block = names + paragraph + "\n\n"
    text = block * (MAX_BYTES // len(block.encode()))
    text += "\n" * (MAX_BYTES - len(text.encode()))  # exactly the limit
    assert len(text.encode()) == MAX_BYTES
    (tmp_path / "big.txt").write_text(text, encoding="utf-8")
    (tmp_path / "too-big.txt").write_text(text + "y", encoding="utf-8")
    db = str(tmp_path / "archive.db")
    result = ingest(db, str(tmp_path / "big.txt"), str(tmp_path / "too-big.txt"))
    assert result.exit_code == 1, result.stderr
    assert f"refused {tmp_path / 'too-big.txt'}: larger than 1 MiB, the most a review may be" in result.stderr
    conn = sqlite3.connect(db)
    assert conn.execute("SELECT body FROM review").fetchall() == [(text,)]
    sentences, mentions = conn.execute(
        "SELECT (SELECT count(*) FROM sentence), (SELECT count(*) FROM mention)").fetchone()
    conn.close()
    blocks = text.count(names)
    assert sentences == blocks * 3
    assert mentions >= blocks * 3
    assert offset_violations(db) == []


def test_a_source_that_never_ends_is_refused_not_waited_for(tmp_path, monkeypatch):
    import archive.sources

    monkeypatch.setattr(archive.sources, "MAX_BYTES", 1000)  # the real limit is larger
    (tmp_path / "ok.txt").write_text(SENTENCES, encoding="utf-8")
    db = str(tmp_path / "archive.db")
    result = ingest(db, "/dev/zero", str(tmp_path / "ok.txt"))
    assert result.exit_code == 1
    assert "refused /dev/zero: not a regular file" in result.stderr  # a device is not even opened
    assert f"added {tmp_path / 'ok.txt'}" in result.stderr
    result = ingest(db, "-", input=b"y\n" * 1000)
    assert "refused -: larger than" in result.stderr


def test_what_is_not_a_regular_file_is_refused_before_it_is_opened(tmp_path):
    folder = tmp_path / "reviews"
    folder.mkdir()
    (folder / "a.txt").write_text(SENTENCES, encoding="utf-8")
    os.mkfifo(folder / "x.txt")  # opened, it would wait for a writer for ever
    os.mkfifo(tmp_path / "given.txt")
    db = str(tmp_path / "archive.db")
    result = ingest(db, str(folder), str(tmp_path / "given.txt"), "/dev/null", "/dev/zero")
    assert result.exit_code == 1
    for path in (folder / "x.txt", tmp_path / "given.txt", "/dev/null", "/dev/zero"):
        assert f"refused {path}: not a regular file" in result.stderr
    assert f"added {folder / 'a.txt'}" in result.stderr
    # With workers too: the folder's FIFO never reaches one.
    result = ingest(db, "-j", "2", str(folder))
    assert f"refused {folder / 'x.txt'}: not a regular file" in result.stderr


def test_a_file_that_becomes_a_fifo_after_it_was_listed_is_not_waited_for(tmp_path):
    from archive.sources import Source, load

    os.mkfifo(tmp_path / "late.txt")
    refused = load(Source(str(tmp_path / "late.txt")))
    assert refused.reason.startswith("not a regular file")


def test_a_symbolic_link_loop_is_called_a_loop(tmp_path):
    folder = tmp_path / "reviews"
    folder.mkdir()
    (folder / "a.txt").symlink_to(folder / "b.txt")
    (folder / "b.txt").symlink_to(folder / "a.txt")
    (folder / "up").symlink_to(folder)  # a folder linking back up: listed once, no loop
    result = ingest(str(tmp_path / "archive.db"), str(folder), str(folder / "a.txt"))
    assert result.stderr.count(f"refused {folder / 'a.txt'}: symbolic link loop") == 2
    assert f"refused {folder / 'b.txt'}: symbolic link loop" in result.stderr
    assert "does not exist" not in result.stderr
    assert result.stderr.splitlines()[-1] == "0 added, 0 unchanged, 3 refused"


def test_unreadable_folders_are_named_each_with_why(tmp_path, monkeypatch):
    folder = tmp_path / "reviews"
    for sub in ("open", "locked", "open/deeper-locked"):
        (folder / sub).mkdir(parents=True)
    (folder / "open" / "a.txt").write_text(SENTENCES, encoding="utf-8")
    (folder / "locked" / "b.txt").write_text(SENTENCES, encoding="utf-8")
    (tmp_path / "top").mkdir()
    # The tests run as root, who reads every folder: the refusal is made here instead.
    locked = {str(folder / "locked"), str(folder / "open" / "deeper-locked"), str(tmp_path / "top")}
    scandir = os.scandir

    def refusing(path="."):
        if str(path) in locked:
            raise PermissionError(13, "Permission denied", str(path))
        return scandir(path)

    monkeypatch.setattr(os, "scandir", refusing)
    result = ingest(str(tmp_path / "archive.db"), str(folder), str(tmp_path / "top"))
    assert result.exit_code == 1
    for path in sorted(locked):
        assert f"refused {path}: cannot read folder: Permission denied" in result.stderr
    assert "holds no .txt" not in result.stderr
    assert f"added {folder / 'open' / 'a.txt'}" in result.stderr
    assert result.stderr.splitlines()[-1] == "1 added, 0 unchanged, 3 refused"


def test_a_few_control_characters_go_in_with_a_warning(tmp_path):
    (tmp_path / "ansi.txt").write_text("Der Film\x07 Drive\x1b[31m ist gut, sagt Ryan Gosling.\n", encoding="utf-8")
    result = ingest(str(tmp_path / "archive.db"), str(tmp_path / "ansi.txt"))
    assert result.exit_code == 0, result.stderr
    assert f"warning {tmp_path / 'ansi.txt'}: 2 control characters kept" in result.stderr
    assert "\x1b" not in result.stderr


@pytest.mark.parametrize("data", [
    "Der Film Drive\x1b[2J ist grossartig.\n".encode("utf-8"),
    "Der Film Drive\x1b[2J ist großartig.\n".encode("cp1252"),  # read as Windows-1252, with a warning
    "Ja\x07".encode("utf-8"),  # one word, one BEL
    "\x1b[1mToll\x1b[0m, groß!".encode("cp1252"),
], ids=["utf-8 line", "windows-1252 line", "one word", "windows-1252 colours"])
def test_a_short_review_with_a_control_character_goes_in_with_a_warning(tmp_path, data):
    db = str(tmp_path / "archive.db")
    result = ingest(db, "-", input=data)
    assert result.exit_code == 0, result.stderr
    controls = sum(b < 0x20 and b not in b"\t\n\f\r" for b in data)
    noun = "character" if controls == 1 else "characters"
    assert f"{controls} control {noun} kept" in result.stderr
    (body,) = sqlite3.connect(db).execute("SELECT body FROM review").fetchone()
    assert body.count("\x1b") + body.count("\x07") == controls


def test_decomposed_names_are_found_as_composed(tmp_path):
    (tmp_path / "nfd.txt").write_text("Regisseur Jan Mu\u0308ller dreht. Sandra Hu\u0308ller spielt Lena.\n",
                                      encoding="utf-8")
    db = str(tmp_path / "archive.db")
    assert ingest(db, str(tmp_path / "nfd.txt")).exit_code == 0
    found = CliRunner().invoke(cli, ["--db", db, "query", "reviews", "--person", "h\u00fcller", "--format", "json"])
    assert found.exit_code == 0, found.output
    assert "Sandra H\u00fcller" in json.loads(found.stdout)[0]["matched"]
    assert offset_violations(db) == []
    conn = sqlite3.connect(db)
    assert conn.execute("SELECT count(*) FROM mention WHERE surface = 'Sandra H\u00fcller'").fetchone() == (1,)
    conn.close()
