"""Bytes to review text (archive.text.decode): every encoding a review file arrives in
gives the text a person would read, and what is not text is refused with a reason."""

from __future__ import annotations

import codecs
import io
import zipfile

import pytest

from archive.text.decode import NotText, decode

TEXT = "Größe, Ästhetik und Übermut: „Drive“ – Ryan Goslings beste Rolle. Sie kostet 5 €.\nZweite Zeile.\n"


@pytest.mark.parametrize(
    "data",
    [
        TEXT.encode("utf-8"),
        codecs.BOM_UTF8 + TEXT.encode("utf-8"),
        TEXT.encode("utf-16"),  # Python writes the BOM of the machine's byte order
        codecs.BOM_UTF16_LE + TEXT.encode("utf-16-le"),
        codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"),
        TEXT.encode("utf-32"),
        codecs.BOM_UTF32_LE + TEXT.encode("utf-32-le"),
        codecs.BOM_UTF32_BE + TEXT.encode("utf-32-be"),
    ],
    ids=["utf-8", "utf-8 BOM", "utf-16", "utf-16-le BOM", "utf-16-be BOM", "utf-32", "utf-32-le BOM", "utf-32-be BOM"],
)
def test_unicode_encodings_give_the_same_text_without_bom(data):
    decoded = decode(data)
    assert decoded.text == TEXT
    assert "\ufeff" not in decoded.text
    assert decoded.warning is None


def test_windows_1252_is_read_with_a_warning():
    decoded = decode(TEXT.encode("cp1252"))
    assert decoded.text == TEXT
    assert decoded.encoding == "cp1252"
    assert "Windows-1252" in decoded.warning


def test_latin_1_bytes_windows_1252_leaves_undefined_still_decode():
    # 0x81 and 0x8d are undefined in Windows-1252; Latin-1 maps them to C1 controls.
    data = "Müller sagt: gut.".encode("latin-1") + b"\x81\x8d"
    decoded = decode(data)
    assert decoded.text.startswith("Müller sagt: gut.")
    assert decoded.warning


def test_a_utf8_text_that_also_decodes_as_1252_stays_utf8():
    # 'Ã¤' is what UTF-8 'ä' looks like read as 1252: the sniffing must not do that.
    assert decode("Bär".encode("utf-8")).text == "Bär"


@pytest.mark.parametrize("data", [b"Eins.\r\nZwei.\r\n", b"Eins.\rZwei.\r", b"Eins.\nZwei.\n", b"Eins.\r\nZwei.\r"])
def test_line_ends_become_newlines(data):
    assert decode(data).text == "Eins.\nZwei.\n"


def test_crlf_in_utf16_becomes_newline():
    assert decode("Eins.\r\nZwei.".encode("utf-16")).text == "Eins.\nZwei."


def test_text_is_kept_exactly_otherwise():
    text = "  Doppelte  Leerzeichen\tund Tab.\n\n\nDrei Zeilen weiter.   "
    assert decode(text.encode()).text == text


def _zip() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("review.txt", "Ein Film. " * 200)
    return buffer.getvalue()


PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10\x00\x00\x00\x10\x08\x06\x00\x00\x00\x1f\xf3\xffa"


@pytest.mark.parametrize(
    "data, reason",
    [
        (b"", "empty"),
        (codecs.BOM_UTF8, "empty"),
        (b"   \n\t\r\n  ", "white space"),
        ("\u00a0\u2003\n".encode(), "white space"),  # no-break and em spaces
        (PNG, "binary"),
        (_zip(), "binary"),
        (b"Hallo\x00Welt, ein Text mit NUL.", "binary"),
        (bytes(range(256)) * 4, "binary"),
        (b"!!! ... ??? --- ,,, 1234", "no words"),
        (codecs.BOM_UTF16_LE + b"a\x00b", "utf-16"),  # odd number of bytes
    ],
    ids=["empty", "bom only", "whitespace", "unicode spaces", "png", "zip", "nul", "all bytes", "punctuation", "bad utf-16"],
)
def test_what_is_not_text_is_refused_with_a_reason(data, reason):
    with pytest.raises(NotText) as caught:
        decode(data)
    assert reason in str(caught.value)
    assert "\n" not in str(caught.value)


def test_many_control_characters_are_binary_but_a_stray_one_is_kept():
    assert "binary" in str(pytest.raises(NotText, decode, b"a\x01b\x02c\x03d\x04 Wort").value)
    text = "Ein langer Satz mit einem einzelnen Steuerzeichen\x0b darin, den ein Editor hinterlassen hat. " + "Gut. " * 20
    assert decode(text.encode()).text == text


@pytest.mark.parametrize(
    "text",
    [
        "Ryan Gosling 🚗💨 ist großartig 👍🏽. Familie: 👨‍👩‍👧.",
        "Der Titel lautet שלום und مرحبا بالعالم, sagt er.",
        "# Drive\n\n*Drive* von **Refn** mit [Ryan Gosling](https://example.org).\n\n- eins\n- zwei\n",
    ],
    ids=["emoji", "rtl", "markdown"],
)
def test_unusual_but_real_text_is_kept_as_written(text):
    assert decode(text.encode("utf-8")).text == text


def test_a_few_control_characters_are_kept_with_a_warning_that_counts_them():
    text = "Der Film\x07 Drive\x1b[31m ist rot, sagt Ryan Gosling.\x1b[0m"
    decoded = decode(text.encode())
    assert decoded.text == text
    assert decoded.warning == "3 control characters kept (shown as \\x.. when printed)"
    both = decode("Gr\u00fc\u00dfe\x07 aus K\u00f6ln, von der Stra\u00dfe am Rhein.".encode("cp1252")).warning
    assert "Windows-1252" in both and "1 control character kept" in both


@pytest.mark.parametrize("data", [
    "Ein Text mit NUL\x00 in UTF-16.".encode("utf-16"),  # NUL characters, not bytes: a BOM came first
    b"\x01\x02\x03\x04\x05\x06 etwas Text \x07\x08\x0e\x0f",  # mostly control characters
    bytes(range(1, 256)) * 3,  # every byte but NUL, read as Windows-1252: about 11 % controls
], ids=["nul in utf-16", "mostly controls", "random bytes without nul"])
def test_nul_and_mostly_binary_stay_refused(data):
    assert "binary" in str(pytest.raises(NotText, decode, data).value)


def test_text_is_normalised_to_nfc():
    decomposed = "Sandra Hu\u0308ller spielt Ame\u0301lie.\r\nZoe\u0308 schaut zu."
    decoded = decode(decomposed.encode("utf-8"))
    assert decoded.text == "Sandra H\u00fcller spielt Am\u00e9lie.\nZo\u00eb schaut zu."
    assert decoded.warning is None
