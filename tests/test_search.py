"""German-aware full-text search: inflected forms, ß/ss and umlaut spellings, the FTS5
syntax kept, snippets marking the words as written, the exact mode, the bound on terms,
and the stemmed index kept in step (ingest, delete, migration, check).

The reviews are written here, one sentence per line; which sentences a search must find
is said by hand beside each case, never taken from the program."""

from __future__ import annotations

import re
import sqlite3

import pytest
from click.testing import CliRunner

from archive import store
from archive.cli import cli
from archive.search import MAX_TERMS, parse
from archive.text.stems import key, keys, words

# Each line a sentence; each sentence named by its first word (A1 … B6), so cases can say
# which sentences they expect.
KRITIK = (
    "A1 Der Film beginnt in einer Straße von Köln.\n"
    "A2 Zwei Filme später ist die Strasse leer.\n"
    "A3 Des Films zweite Hälfte spielt in einem Kino mit anderen Filmen.\n"
    "A4 Hier spielen Kinder, und Anna Müller spielte die Mutter großartig.\n"
    "A5 Herr Mueller ist grossartig besetzt.\n"
    "A6 Die Gewalttaten zeigt der Regisseur nie, die Gewalt bleibt am Rand.\n"
)
NOTIZ = (
    "B1 Ein Abend ohne Kino.\n"
    "B2 Die Gewalt dieses Werkes ist gewaltig, der Rest ist Schweigen.\n"
    "B3 Muller schreibt über Ästhetik und über Aesthetik.\n"
    "B4 Der Regen fällt auf die Stadt, und die Stadt schweigt.\n"
    "B5 Kameramann Jonas Weber filmt den Regen von oben.\n"
    "B6 Weber, der auch Filme dreht, filmt selten ohne Licht.\n"
)


def sentence_names(rows) -> set[str]:
    return {row["text"].split()[0] for row in rows}


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    folder = tmp_path_factory.mktemp("search")
    (folder / "kritik.txt").write_text(KRITIK, encoding="utf-8")
    (folder / "notiz.txt").write_text(NOTIZ, encoding="utf-8")
    path = str(folder / "archive.db")
    result = CliRunner().invoke(cli, ["--db", path, "ingest", "-j", "1", str(folder)], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    assert sqlite3.connect(path).execute("SELECT count(*) FROM sentence").fetchone() == (12,)
    return path


def run(db, *args):
    return CliRunner().invoke(cli, ["--db", db, *args], catch_exceptions=False)


def search(db, query, *more):
    result = run(db, "query", "sentences", "--text", query, "--format", "json", *more)
    assert result.exit_code == 0, result.output
    import json

    return json.loads(result.stdout)


@pytest.mark.parametrize("query, expected", [
    ("Film", {"A1", "A2", "A3", "B5", "B6"}),     # Film, Filme, Films, Filmen; filmt, the verb
    ("Filmen", {"A1", "A2", "A3", "B5", "B6"}),
    ("spielen", {"A3", "A4"}),                     # spielt, spielen, spielte
    ("spielt", {"A3", "A4"}),
    ("grossartig", {"A4", "A5"}),                  # großartig, grossartig
    ("großartig", {"A4", "A5"}),
    ("Strasse", {"A1", "A2"}),                     # Straße, Strasse
    ("Straße", {"A1", "A2"}),
    ("Mueller", {"A4", "A5", "B3"}),               # Müller, Mueller, Muller
    ("müller", {"A4", "A5", "B3"}),
    ("Asthetik", {"B3"}),
    ("Gewalt", {"A6", "B2"}),                      # Gewalt, gewaltig
    ("Gewalt*", {"A6", "B2"}),
    ("Gewaltt*", {"A6"}),                          # Gewalttaten
    ('"die Strasse"', {"A2"}),                     # a phrase, folded
    ('"Strasse die"', set()),                      # a phrase keeps its order
    ("Regen AND Stadt", {"B4"}),
    ("Regen OR Kino", {"A3", "B1", "B4", "B5"}),
    ("Regen NOT Stadt", {"B5"}),
    ("(Regen OR Kino) NOT filmt", {"B1", "B4"}),   # filmt also excludes Films (A3)
    ("NEAR(Regen Stadt, 2)", set()),               # three words between them
    ("NEAR(Regen Stadt, 3)", {"B4"}),
    ("NEAR(Weber Regen, 1)", set()),               # two words between them
    ("NEAR(Weber Regen, 2)", {"B5"}),
    ("Kameramann-Jonas", {"B5"}),                 # joined words: a phrase
    # phrases and NEAR find the verb forms a bare word finds (spielen: spielt, spielte)
    ('"spielen in einem"', {"A3"}),                # spielt in einem
    ('"spielt Kinder"', {"A4"}),                   # spielen Kinder
    ('"spielen Kinder"', {"A4"}),
    ('"Kinder spielen"', set()),                   # the order still holds
    ("NEAR(spielen Kino, 3)", {"A3"}),             # spielt in einem Kino
    ("NEAR(spielen Mutter, 1)", {"A4"}),           # spielte die Mutter
    ("NEAR(spielen Mutter, 0)", set()),
    ('NEAR("spielen die" Mutter, 0)', {"A4"}),
    ('"spielen die Mu"*', {"A4"}),                 # a prefix phrase: spielte die Mutter
    ("Regen NEAR(filmen oben, 3)", {"B5"}),        # filmt den Regen von oben
])
def test_german_search_finds_forms_and_spellings(db, query, expected):
    assert sentence_names(search(db, query)) == expected


def test_a_phrase_or_near_is_looked_up_in_at_most_max_variants_of_its_forms():
    from archive.search import MAX_VARIANTS

    for query in ('"zeigt der Regisseur die Gewalt"', "NEAR(spielen Kinder Mutter Anna Hier, 9)",
                  '"spielen" "zeigen" "filmen"', '"Kinder spielen Fangen und lachen laut"'):
        match = parse(query).match
        assert match.count(" OR ") + 1 <= MAX_VARIANTS, (query, match)
    # words in lower case (the verbs, in German) get their forms first, then left to right
    match = parse('"Anna Müller spielen"').match
    assert '"anna mull spielt"' in match and '"anna mull spielet"' in match and '"annat' not in match[:30]
    assert match.count(" OR ") + 1 == MAX_VARIANTS


@pytest.mark.parametrize("command", [("query", "sentences"), ("query", "reviews"),
                                     ("query", "sentences", "--person", "Weber")])
def test_exact_without_text_is_bad_usage_not_ignored(db, command):
    result = run(db, *command, "--exact")
    assert result.exit_code == 2
    assert "Error: --exact says how --text searches; give --text QUERY with it, or leave --exact out" in result.output
    assert run(db, *command, "--exact", "--text", "Regen").exit_code == 0  # in either order
    assert run(db, *command, "--text", "Regen", "--exact").exit_code == 0


def test_the_stemmers_limits_are_said_in_help_and_hold(db):
    """What --help and README say the stemmer does not do is so (if Snowball learns it,
    the help should say less)."""
    help_ = " ".join(run(db, "query", "sentences", "--help").output.split())
    for said in ("`Kino` does not find Kinos", "`gelten` does not find gilt or galt", "`Muel*` (mul*) also finds Mulligan"):
        assert said in help_
    assert key("Kinos") not in parse("Kino").match
    assert not {key("gilt"), key("galt")} & set(re.findall(r'"(\w+)"', parse("gelten").match))
    assert parse("Muel*").match == '"mul"*' and key("Mulligan").startswith("mul")
    assert sentence_names(search(db, "Muel*")) == {"A4", "A5", "B3"}  # Müller, Mueller, Muller


def test_exact_search_finds_only_the_words_as_written(db):
    assert sentence_names(search(db, "Filme", "--exact")) == {"A2", "B6"}
    assert sentence_names(search(db, "Strasse", "--exact")) == {"A2"}
    assert sentence_names(search(db, "Mueller", "--exact")) == {"A5"}
    assert sentence_names(search(db, "muller", "--exact")) == {"A4", "B3"}  # accents still ignored
    assert sentence_names(search(db, "Film", "--exact")) == {"A1"}


def test_reviews_are_found_by_forms_too(db):
    result = run(db, "query", "reviews", "--text", "Strasse OR Ästhetik", "--format", "json")
    assert result.exit_code == 0, result.output
    import json

    assert {row["source"].rsplit("/", 1)[-1] for row in json.loads(result.stdout)} == {"kritik.txt", "notiz.txt"}
    exact = run(db, "query", "reviews", "--text", "Filmen", "--exact", "--format", "json")
    assert [row["source"].rsplit("/", 1)[-1] for row in json.loads(exact.stdout)] == ["kritik.txt"]


def test_snippets_mark_the_words_as_written(db):
    rows = {row["text"].split()[0]: row["snippet"] for row in search(db, "Film OR Strasse OR grossartig")}
    assert rows["A1"] == "A1 Der [Film] beginnt in einer [Straße] von Köln."
    assert rows["A2"] == "A2 Zwei [Filme] später ist die [Strasse] leer."
    assert rows["A4"] == "A4 Hier spielen Kinder, und Anna Müller spielte die Mutter [großartig]."
    phrase = search(db, '"die Strasse"')
    assert phrase[0]["snippet"] == "A2 Zwei Filme später ist [die Strasse] leer."  # one mark for the phrase
    exact = search(db, "Filme", "--exact")
    assert {row["snippet"] for row in exact} == {"A2 Zwei [Filme] später ist die Strasse leer.",
                                                 "B6 Weber, der auch [Filme] dreht, filmt selten ohne Licht."}


def test_best_hits_come_first(db):
    rows = search(db, "Stadt OR Regen")
    assert rows[0]["text"].startswith("B4")  # Stadt twice and Regen, in a short sentence


def test_too_many_terms_are_refused_in_one_line(db):
    words_ = " OR ".join(f"wort{i}" for i in range(MAX_TERMS + 1))
    for extra in ((), ("--exact",)):
        result = run(db, "query", "sentences", "--text", words_, *extra)
        assert result.exit_code == 1
        assert f"at most {MAX_TERMS}" in result.output and len(result.output.strip().splitlines()) == 1
    allowed = " OR ".join(f"wort{i}" for i in range(MAX_TERMS))
    assert run(db, "query", "sentences", "--text", allowed).exit_code == 0


@pytest.mark.parametrize("query", ["NEAR(Regen Stadt, x)", "NEAR(Regen Stadt, )", "NEAR(Regen Stadt, 2 3)",
                                   "NEAR(Regen OR Stadt, 2)", "NEAR(Regen Stadt, 2", "NEAR()"])
@pytest.mark.parametrize("exact", [(), ("--exact",)], ids=["german", "exact"])
def test_a_malformed_near_is_the_usual_line_with_a_hint(db, query, exact):
    result = run(db, "query", "sentences", "--text", query, *exact)
    assert result.exit_code == 1
    [line] = result.output.strip().splitlines()
    assert line.startswith("Error: --text: malformed search query (") and "Traceback" not in line
    if "x" in query and not exact:
        assert "NEAR's distance after the comma is a whole number, not 'x'" in line
    if "x" in query:
        assert line.endswith("as in NEAR(Regen Stadt, 5)") or line.endswith("write it as NEAR(Regen Stadt, 5)")


def test_punctuation_alone_is_a_malformed_search(db):
    result = run(db, "query", "sentences", "--text", "Film AND --")
    assert result.exit_code == 1 and "malformed search query" in result.output


@pytest.mark.parametrize("query", ["*", "* Gewalt", "Gewalt OR *", "(Gewalt) *", "NEAR(*)"])
@pytest.mark.parametrize("exact", [(), ("--exact",)], ids=["german", "exact"])
def test_a_star_without_letters_before_it_is_one_line_of_our_own(db, query, exact):
    for command in ("sentences", "reviews"):
        result = run(db, "query", command, "--text", query, *exact)
        assert result.exit_code == 1
        assert result.stderr == "Error: --text: '*' is no search query; a prefix needs letters before it, as in Gewalt*\n"


def test_a_prefix_still_searches(db):
    for query in ("Gewalt*", '"Gewalt" *', "Liebe OR Gew*"):
        assert run(db, "query", "sentences", "--text", query).exit_code == 0, query


# --- the keys, pure ------------------------------------------------------------------------

def test_keys_are_one_per_word_in_order():
    text = "Die Vater-Tochter-Geschichte (1996) spielt in d’Artagnans Straße_3 — schön!"
    found = keys(text).split(" ")
    assert len(found) == len(words(text)) == 12
    assert found[:4] == ["die", "vat", "tocht", "geschicht"]
    assert all(k and " " not in k for k in found)


def test_decomposed_umlauts_fold_like_composed_ones():
    assert key("Mu\u0308ller") == key("Müller") == key("Mueller") == key("Muller")
    assert words("Mu\u0308ller x") == [(0, 7), (8, 9)]


def test_the_query_is_translated_to_keys():
    assert parse('"die Strasse"').match.startswith('("die strass" OR "die strasst" OR ')  # and its verb forms
    assert parse("Gewalt*").match == '"gewalt"*'
    assert parse("Regen Dach").match.count(" AND ") == 1  # groups side by side need AND in FTS5
    assert parse("NEAR(Regen Stadt, 2)").match.startswith('(NEAR("reg" "stadt", 2) OR NEAR("reg" "stad", 2) OR ')
    assert parse("^Regen").match == '^"reg"'  # the sentence's first word: one key
    assert parse("Filme", exact=True).match == "Filme"


# --- the index kept in step -----------------------------------------------------------------

def index_rows(path) -> list[tuple[int, str]]:
    conn = sqlite3.connect(path)
    try:
        return conn.execute("SELECT rowid, text FROM sentence_stem ORDER BY rowid").fetchall()
    finally:
        conn.close()


def copy_of(db: str, path) -> str:
    """A copy of the module's archive at `path`, its write-ahead log folded in first,
    for a test that damages or changes it."""
    import shutil

    conn = sqlite3.connect(db)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    shutil.copy(db, path)
    return str(path)


def test_ingest_writes_one_index_row_per_sentence_with_its_keys(db):
    conn = sqlite3.connect(db)
    sentences = conn.execute("SELECT id, text FROM sentence ORDER BY id").fetchall()
    conn.close()
    assert index_rows(db) == [(i, keys(t)) for i, t in sentences]


def test_deleting_sentences_removes_their_index_rows_and_check_passes(db, tmp_path):
    copy = copy_of(db, tmp_path / "copy.db")
    conn = sqlite3.connect(copy, isolation_level=None)
    conn.execute("PRAGMA foreign_keys = ON")
    review = conn.execute("SELECT id FROM review WHERE source LIKE '%notiz.txt'").fetchone()[0]
    conn.execute("BEGIN")
    assert store.delete_sentences(conn, review) == 6
    conn.execute("DELETE FROM role WHERE review_id = ?", (review,))
    conn.execute("DELETE FROM person WHERE review_id = ?", (review,))
    conn.execute("DELETE FROM review WHERE id = ?", (review,))
    conn.execute("COMMIT")
    conn.close()
    assert len(index_rows(copy)) == 6
    assert run(copy, "check").exit_code == 0
    assert sentence_names(search(copy, "Regen OR Kino")) == {"A3"}


def test_check_reports_a_stem_index_out_of_step_or_damaged(db, tmp_path):
    for damage, needle in [
        ("DELETE FROM sentence_stem WHERE rowid = (SELECT min(rowid) FROM sentence_stem)", "sentence_stem"),
        ("UPDATE sentence_stem_data SET block = zeroblob(length(block)) WHERE id > 10", "sentence_stem"),
    ]:
        copy = copy_of(db, tmp_path / f"damaged-{len(needle)}-{hash(damage) & 0xffff}.db")
        conn = sqlite3.connect(copy)
        conn.execute(damage)
        conn.commit()
        conn.close()
        result = run(copy, "check")
        assert result.exit_code == 1, damage
        assert needle in result.stdout, result.output


def test_check_compares_each_stem_row_with_its_sentence_and_reindex_mends_it(db, tmp_path):
    """A row with other words passes the counts and FTS5's own check (an UPDATE keeps the
    index in step with the row), but search misses its sentence."""
    copy = copy_of(db, tmp_path / "wrong-keys.db")
    conn = sqlite3.connect(copy)
    a4, b5 = (conn.execute("SELECT id FROM sentence WHERE text LIKE ?", (f"{name} %",)).fetchone()[0]
              for name in ("A4", "B5"))
    conn.execute("UPDATE sentence_stem SET text = 'xxx' WHERE rowid = ?", (a4,))
    conn.execute("UPDATE sentence_stem SET text = 'b5 kameramann jonas web' WHERE rowid = ?", (b5,))  # words cut
    conn.execute("UPDATE sentence_stem_data SET block = zeroblob(length(block)) WHERE id > 10")  # and blocks zeroed
    conn.commit()
    conn.close()
    assert "A4" not in sentence_names(search(copy, "spielen"))
    result = run(copy, "check")
    assert result.exit_code == 1
    [line] = [line for line in result.stdout.splitlines() if line.startswith("German search index")]
    assert line == (f"German search index (sentence_stem) out of step with sentences, search misses them: "
                    f"sentence {a4}, {b5}; rebuild it with archive db reindex")
    mended = run(copy, "db", "reindex")
    assert mended.exit_code == 0, mended.output
    assert "2 rows of sentence_stem written again" in mended.stderr
    assert run(copy, "check").exit_code == 0
    assert sentence_names(search(copy, "spielen")) == {"A3", "A4"}
    assert sentence_names(search(copy, "Regen")) == {"B4", "B5"}


def test_reindex_of_a_sound_archive_changes_no_row(db, tmp_path):
    copy = copy_of(db, tmp_path / "sound.db")
    before = index_rows(copy)
    result = run(copy, "db", "reindex")
    assert result.exit_code == 0 and "0 rows of sentence_stem written again" in result.stderr
    assert index_rows(copy) == before
    missing = run(str(tmp_path / "none.db"), "db", "reindex")
    assert missing.exit_code == 1 and "Traceback" not in missing.output
    assert not (tmp_path / "none.db").exists()


def test_migration_0008_indexes_the_sentences_already_stored(tmp_path):
    from archive import db as archive_db

    path = str(tmp_path / "old.db")
    archive_db.upgrade(path, "0005")
    conn = sqlite3.connect(path)
    conn.executescript("""
        INSERT INTO review (id, source, sha256, body, ingested_at) VALUES (1, 'alt.txt', 'x',
          'Die Filme spielten in der Straße.', '2020-01-01T00:00:00+00:00');
        INSERT INTO sentence (id, review_id, position, start_char, end_char, text)
          VALUES (7, 1, 0, 0, 33, 'Die Filme spielten in der Straße.');
    """)
    conn.commit()
    conn.close()
    archive_db.upgrade(path)
    assert index_rows(path) == [(7, "die film spielt in der strass")]
    assert sentence_names(search(path, "Film AND Strasse")) == {"Die"}
    archive_db.downgrade(path, "0005")
    conn = sqlite3.connect(path)
    assert conn.execute("SELECT count(*) FROM sqlite_master WHERE name LIKE 'sentence_stem%'").fetchone() == (0,)
    assert conn.execute("SELECT count(*) FROM sentence").fetchone() == (1,)
    conn.close()


def test_reviews_with_the_best_hit_come_first(db):
    import json

    result = run(db, "query", "reviews", "--text", "Kino OR Regen", "--format", "json")
    # notiz.txt has "Ein Abend ohne Kino." (five words), kritik.txt only a long sentence
    # with Kino; kritik.txt was stored first, so by id it would come first.
    assert [row["source"].rsplit("/", 1)[-1] for row in json.loads(result.stdout)] == ["notiz.txt", "kritik.txt"]


def test_an_index_row_from_another_text_shows_the_sentence_unmarked(db, tmp_path):
    copy = copy_of(db, tmp_path / "shifted.db")
    conn = sqlite3.connect(copy)
    sentence_id = conn.execute("SELECT id FROM sentence WHERE text LIKE 'B1 %'").fetchone()[0]
    conn.execute("DELETE FROM sentence_stem WHERE rowid = ?", (sentence_id,))
    conn.execute("INSERT INTO sentence_stem (rowid, text) VALUES (?, 'ein abend ohne kino')", (sentence_id,))  # one word short
    conn.commit()
    conn.close()
    rows = search(copy, "Kino")
    assert {row["snippet"] for row in rows if row["text"].startswith("B1")} == {"B1 Ein Abend ohne Kino."}


# --- the short paths: one bare word, one word hit, a short sentence -----------------------------

def test_a_bare_word_is_translated_like_any_other_search():
    # The forms of a bare word (the verb's -t/-et), as the full reading of a search gives them
    # for the same word inside a larger search.
    assert parse("Walhalla").match == '("walhalla" OR "walhallat" OR "walhallaet")'
    assert parse("Walhalla OR Kino").match.startswith('("walhalla" OR "walhallat" OR "walhallaet") OR')
    assert parse("Walhalla", exact=True).match == "Walhalla"
    assert parse("1996").match == '"1996"'  # a number has no verb forms


def test_near_is_an_operator_only_before_a_bracket(db):
    assert parse("NEARBY").match == '("nearby" OR "nearbyt" OR "nearbyet")'  # was read as NEAR(
    assert parse("Regen NEARBY").match == '("reg" OR "regt" OR "reget") AND ("nearby" OR "nearbyt" OR "nearbyet")'
    for word in ("NEAR", "NEARBY"):
        assert search(db, word) == []  # a word no sentence has, not a syntax error


@pytest.mark.parametrize("word", ["AND", "OR", "NOT"])
def test_an_operator_alone_is_still_a_malformed_search(db, word):
    result = run(db, "query", "sentences", "--text", word)
    assert result.exit_code == 1 and "malformed search query" in result.output


def test_words_are_found_by_number_as_words_reads_them():
    from archive.text.stems import spans_of_words, word_span

    for text in ("Die Vater-Tochter-Geschichte (1996) spielt in d’Artagnans Straße_3 — schön!",
                 "Mu\u0308ller, Mu\u0308ller und \u0308Ko\u0308ln.", "  ", "", "__a__b", "Ein Wort"):
        found = words(text)
        for n in range(len(found) + 2):
            assert word_span(text, n) == (found[n] if n < len(found) else None), (text, n)
        assert spans_of_words(text, list(range(len(found)))[::-1]) == dict(enumerate(found))
        assert spans_of_words(text, [len(found)]) is None
    assert word_span("Mu\u0308ller dreht einen Film.", 3) == (20, 24)  # the mark does not split Müller
    assert word_span("Mu\u0308ller dreht einen Film.", 4) is None


def test_one_word_hit_is_marked_where_the_word_is():
    from archive.search import CLOSE, OPEN, marked_spans

    search = parse("Film")
    text = "Mu\u0308ller dreht einen Film."
    assert marked_spans(search, f"mull dreht ein {OPEN}film{CLOSE}", text) == [(20, 24)]
    assert marked_spans(search, f"{OPEN}mull{CLOSE} dreht ein film", text) == [(0, 7)]
    assert marked_spans(search, f"mull dreht {OPEN}film{CLOSE} film", text) == []  # keys of another text
    assert marked_spans(search, f"mull dreht ein film {OPEN}film{CLOSE}", text) == []  # one word more
    assert marked_spans(search, "mull dreht ein film", text) == []
    assert marked_spans(search, None, text) == []
    two = f"{OPEN}mull{CLOSE} dreht {OPEN}ein film{CLOSE}"
    assert marked_spans(search, two, text) == [(0, 7), (14, 24)]


def test_two_one_word_hits_are_marked_where_the_words_are():
    from archive.search import CLOSE, OPEN, marked_spans

    search = parse("NEAR(spielen Mutter, 3)")
    text = "Hier spielen Kinder, und die Mütter spielte mit."
    assert marked_spans(search, f"hier {OPEN}spiel{CLOSE} kind und die {OPEN}mutt{CLOSE} spielt mit", text) == [
        (5, 12), (29, 36)]
    assert marked_spans(search, f"{OPEN}hier{CLOSE} {OPEN}spiel{CLOSE} kind und", text) == [(0, 4), (5, 12)]
    assert marked_spans(search, f"hier spiel kind {OPEN}und{CLOSE} die mutt {OPEN}spielt{CLOSE} mit", text) == [
        (21, 24), (37, 44)]
    # the keys of another text, shifted by a word: unmarked, as for one word
    assert marked_spans(search, f"hier {OPEN}spiel{CLOSE} kind und {OPEN}mutt{CLOSE} spielt mit", text) == []
    assert marked_spans(search, f"hier spiel kind und die mutt spielt mit {OPEN}mit{CLOSE} {OPEN}x{CLOSE}", text) == []
    # three hits, or a hit of two words, take the general path, which agrees
    three = f"{OPEN}hier{CLOSE} {OPEN}spiel{CLOSE} kind und die {OPEN}mutt{CLOSE} spielt mit"
    assert marked_spans(search, three, text) == [(0, 4), (5, 12), (29, 36)]
    assert marked_spans(search, f"hier {OPEN}spiel kind{CLOSE} und die {OPEN}mutt{CLOSE} spielt mit", text) == [
        (5, 19), (29, 36)]


def test_a_short_sentence_is_shown_whole_with_its_marks():
    from archive.snippets import SNIPPET_CHARS, snippet

    text = "Kurz:  Ole  und Tom. "
    assert snippet(text, [(7, 10)], ("[", "]")) == "Kurz: [Ole] und Tom."  # white space tidied
    assert snippet(text, [(7, 10), (16, 19)], ("<", ">")) == "Kurz: <Ole> und <Tom>."
    assert snippet("Ein Film.", [(4, 8)], ("\x1b[1m", "\x1b[0m")) == "Ein \x1b[1mFilm\x1b[0m."
    long = "Wort " * 40 + "Film am Ende."
    shown = snippet(long, [(200, 204)], ("[", "]"))
    assert shown.startswith("…") and "[Film]" in shown and len(shown) <= SNIPPET_CHARS + 4
