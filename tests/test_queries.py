"""What the questions answer: name filters, co-mentions, reviews with all entities,
full-text search, mentions and casts, on the small archive of conftest.py.

Expected values come from the review texts (one sentence per line there), never from
the program's own output."""

from __future__ import annotations

import json
import re
import sqlite3
from pathlib import Path

import pytest

from archive import queries, snippets
from tests.conftest import lines, words


def norm(text: str) -> str:
    return " ".join(text.split())


def found_sentences(archive, rows) -> set[tuple[str, str]]:
    return {(archive.name_of(r["review_id"]), norm(r["text"])) for r in rows}


def expected_sentences(archive, keep) -> set[tuple[str, str]]:
    return {(name, norm(line)) for name, text in archive.texts.items() for line in lines(text) if keep(line)}


# --- names: case, diacritics, part ----------------------------------------------------------

@pytest.mark.parametrize("given", ["muller", "MÜLLER", "Jan  Müller", "jan mul"])
def test_person_filter_ignores_case_diacritics_and_takes_a_part(archive, given):
    rows = archive.json("query", "sentences", "--person", given)
    assert found_sentences(archive, rows) == expected_sentences(archive, lambda line: "Müller" in line)


@pytest.mark.parametrize("args, needles", [
    (["--person", "mulligan", "--character", "irene"], ["Mulligan", "Irene"]),
    (["--person", "mulligan", "--person", "irene"], ["Mulligan", "Irene"]),
    (["--person", "gosling", "--person", "mulligan"], ["Gosling", "Mulligan"]),
])
def test_sentence_filters_repeat_and_combine_with_and(archive, args, needles):
    rows = archive.json("query", "sentences", *args)
    assert found_sentences(archive, rows) == expected_sentences(
        archive, lambda line: all(n in line for n in needles))


def test_diacritic_in_the_filter_finds_the_plain_name_too(archive):
    # "hüller" and "huller" are the same filter: Sandra Hüller, in both reviews that name her.
    with_umlaut = archive.json("query", "sentences", "--person", "hüller")
    without = archive.json("query", "sentences", "--person", "huller")
    assert with_umlaut == without
    assert found_sentences(archive, without) == expected_sentences(archive, lambda line: "Hüller" in line)


def test_a_filter_matching_several_entities_uses_all_and_says_which(archive):
    result = archive.run("query", "sentences", "--person", "ller", "--format", "json")
    assert result.exit_code == 0
    # "ller" is part of Jan Müller and of Sandra Hüller (and of no other name in the texts).
    assert "Jan Müller" in result.stderr and "Sandra Hüller" in result.stderr
    rows = json.loads(result.stdout)
    assert found_sentences(archive, rows) == expected_sentences(
        archive, lambda line: "Müller" in line or "Hüller" in line)
    for row in rows:
        named = set(row["matched"].split("; "))
        assert named <= {"Jan Müller", "Sandra Hüller"}
        assert ("Jan Müller" in named) == ("Müller" in row["text"])
        assert ("Sandra Hüller" in named) == ("Hüller" in row["text"])


def test_character_filter_finds_only_characters(archive):
    rows = archive.json("query", "sentences", "--character", "irene")
    assert found_sentences(archive, rows) == expected_sentences(archive, lambda line: "Irene" in line)
    result = archive.run("query", "sentences", "--character", "mulligan", "--format", "json")
    assert result.exit_code == 0 and result.stdout.strip() == "[]"
    assert "matches nothing" in result.stderr


def test_film_filter_and_snippet_marks_the_mention(archive):
    rows = archive.json("query", "sentences", "--film", "stille sturm")
    assert found_sentences(archive, rows) == expected_sentences(archive, lambda line: "„Der stille Sturm“" in line)
    for row in rows:
        assert "[Der stille Sturm]" in row["snippet"]


def test_film_filter_matching_two_films(archive):
    # "drive" is part of Drive and of Taxi Driver.
    result = archive.run("query", "sentences", "--film", "drive", "--format", "json")
    assert "Drive" in result.stderr and "Taxi Driver" in result.stderr
    matched = {row["matched"] for row in json.loads(result.stdout)}
    assert matched == {"Drive", "Taxi Driver"}


@pytest.mark.parametrize("hostile", ["x' OR 1=1 --", "%", "_", '"; DROP TABLE person; --', "\\"])
def test_hostile_or_wildcard_names_match_nothing_and_harm_nothing(archive, hostile):
    before = archive.sql("SELECT count(*) FROM person")
    for command in (["query", "sentences", "--person", hostile], ["query", "reviews", "--person", hostile],
                    ["query", "reviews", "--film", hostile], ["query", "persons", "--with", hostile],
                    ["query", "films", "--person", hostile], ["query", "cast", "--film", hostile]):
        result = archive.run(*command, "--format", "json")
        assert result.exit_code == 0, (command, result.output)
        assert result.stdout.strip() == "[]", command
        assert "matches nothing" in result.stderr
    assert archive.sql("SELECT count(*) FROM person") == before


ENTITY_FILTERS = [("query", "reviews", "--person"), ("query", "reviews", "--character"), ("query", "reviews", "--film"),
                  ("query", "reviews", "--reviewed"), ("query", "sentences", "--person"),
                  ("query", "sentences", "--character"), ("query", "sentences", "--film"),
                  ("query", "persons", "--person"), ("query", "persons", "--with"), ("query", "persons", "--film"),
                  ("query", "films", "--film"), ("query", "films", "--person"), ("query", "cast", "--film"),
                  ("query", "cast", "--person"), ("query", "cast", "--character")]


@pytest.mark.parametrize("command", ENTITY_FILTERS, ids=" ".join)
@pytest.mark.parametrize("given", ["#abc", "#", "#-3", "#1.5", "#\u00b2"])
def test_a_hash_without_a_number_is_bad_usage(archive, command, given):
    result = archive.run(*command, given)
    assert result.exit_code == 2, result.output
    (error,) = [line for line in result.stderr.splitlines() if line.startswith("Error:")]
    assert f"'{given}': # takes a number" in error and "'#12'" in error
    assert "matches nothing" not in result.stderr


def test_a_hash_in_a_search_or_an_author_is_no_id(archive):
    assert archive.run("query", "reviews", "--author", "#abc").exit_code == 0
    assert archive.run("query", "sentences", "--text", '"#abc"').exit_code == 0


def test_match_functions_bind_and_fold(built):
    conn = sqlite3.connect(f"{Path(built.path).as_uri()}?mode=ro", uri=True)
    assert queries.match_persons(conn, "MULLER").names == ("Jan Müller",)
    assert queries.match_persons(conn, "irene", kind="person").ids == ()
    assert queries.match_films(conn, "kalte").names == ("Kalte Ufer",)
    note = queries.match_persons(conn, "nobody at all").note()
    assert "nobody at all" in note and "nothing" in note
    conn.close()


# --- reviews with all given entities ----------------------------------------------------------

def review_names(archive, *args) -> set[str]:
    return {archive.name_of(r["id"]) for r in archive.json("query", "reviews", *args)}


def containing(archive, *needles) -> set[str]:
    return {name for name, text in archive.texts.items() if all(n in text for n in needles)}


@pytest.mark.parametrize("args, needles", [
    (["--person", "hüller"], ["Hüller"]),
    (["--person", "gosling"], ["Gosling"]),
    (["--person", "hüller", "--person", "gosling"], ["Hüller", "Gosling"]),
    (["--person", "gosling", "--film", "sturm"], ["Gosling", "„Der stille Sturm“"]),
    (["--person", "eidinger", "--person", "gosling"], ["Eidinger", "Gosling"]),
    (["--film", "kalte ufer"], ["„Kalte Ufer“"]),
    (["--text", "Regen"], ["Regen"]),
    (["--text", "Ästhetik", "--person", "müller"], ["Ästhetik", "Müller"]),
])
def test_reviews_mention_all_given_entities(archive, args, needles):
    assert review_names(archive, *args) == containing(archive, *needles)


def test_reviews_counts_and_matched(archive):
    rows = {archive.name_of(r["id"]): r for r in archive.json("query", "reviews")}
    for name, text in archive.texts.items():
        assert rows[name]["sentences"] == len(lines(text))
    assert rows["regen"]["mentions"] == 0
    both = archive.json("query", "reviews", "--person", "hüller", "--person", "gosling")
    assert [set(r["matched"].split("; ")) for r in both] == [{"Sandra Hüller", "Ryan Gosling"}]


def test_review_counts_are_stored_and_counted_for_reviews_inserted_by_hand(archive, tmp_path):
    stored = archive.sql("SELECT r.id, r.sentence_count, r.mention_count, (SELECT count(*) FROM sentence s"
                         " WHERE s.review_id = r.id), (SELECT count(*) FROM mention m WHERE m.review_id = r.id)"
                         " FROM review r")
    assert all(s == s2 and m == m2 for _, s, m, s2, m2 in stored) and any(m for _, _, m, _, _ in stored)
    copy = archive.copy(tmp_path / "by-hand.db")
    conn = sqlite3.connect(copy.path)
    conn.execute("UPDATE review SET sentence_count = NULL, mention_count = NULL")  # as plain INSERTs leave them
    conn.commit()
    conn.close()
    assert copy.json("query", "reviews") == archive.json("query", "reviews")


# --- persons, co-mentions, films -------------------------------------------------------------

def test_persons_counts_mentions_and_reviews(archive):
    rows = {r["name"]: r for r in archive.json("query", "persons")}
    for name, surname in (("Lars Eidinger", "Eidinger"), ("Sandra Hüller", "Hüller"), ("Jan Müller", "Müller")):
        assert rows[name]["mentions"] == sum(t.count(surname) for t in archive.texts.values())
        assert rows[name]["reviews"] == len(containing(archive, surname))
        assert rows[name]["type"] == "person"
    mentions = [r["mentions"] for r in rows.values()]
    assert mentions == sorted(mentions, reverse=True)


def test_persons_kind(archive):
    characters = archive.json("query", "persons", "--kind", "character")
    real = archive.json("query", "persons", "--kind", "real")
    assert {"Lena", "Tom", "Ole", "Irene", "Driver"} <= {r["name"] for r in characters}
    assert {r["type"] for r in characters} == {"character"}
    assert {"Sandra Hüller", "Lars Eidinger", "Ryan Gosling"} <= {r["name"] for r in real}
    assert {r["type"] for r in real} == {"person"}


def test_persons_with_lists_co_mentions_most_often_first(archive):
    rows = archive.json("query", "persons", "--with", "eidinger")
    names = [r["name"] for r in rows]
    assert "Lars Eidinger" not in names
    together = {r["name"]: r["sentences_together"] for r in rows}
    sturm = lines(archive.texts["sturm"])
    assert together["Sandra Hüller"] == sum("Eidinger" in s and "Hüller" in s for s in sturm) == 2
    assert together["Lena"] == sum("Eidinger" in s and "Lena" in s for s in sturm) == 1
    assert names[0] == "Sandra Hüller"
    assert [r["sentences_together"] for r in rows] == sorted(together.values(), reverse=True)
    assert {r["together_with"] for r in rows} == {"Lars Eidinger"}
    # Nobody from a review without Eidinger.
    assert not {"Ryan Gosling", "Carey Mulligan", "Ole"} & set(names)


def test_persons_with_counts_across_reviews(archive):
    rows = {r["name"]: r for r in archive.json("query", "persons", "--with", "Sandra Hüller")}
    both = [(n, s) for n, t in archive.texts.items() for s in lines(t) if "Hüller" in s and "Gosling" in s]
    assert rows["Ryan Gosling"]["sentences_together"] == len(both)
    assert rows["Ryan Gosling"]["reviews"] == len({n for n, _ in both})


def test_persons_by_review_and_by_film(archive):
    in_sturm = {r["name"] for r in archive.json("query", "persons", "--review", str(archive.ids["sturm"]))}
    assert {"Jan Müller", "Sandra Hüller", "Lars Eidinger", "Lena", "Tom"} <= in_sturm
    assert not {"Ryan Gosling", "Irene", "Ole"} & in_sturm
    by_film = {r["name"] for r in archive.json("query", "persons", "--film", "kalte")}
    assert {"Ryan Gosling", "Ole", "Sandra Hüller"} <= by_film
    assert not {"Lena", "Carey Mulligan"} & by_film
    assert archive.json("query", "persons", "--review", str(archive.ids["regen"])) == []


def test_films(archive):
    rows = {r["title"]: r for r in archive.json("query", "films")}
    assert rows["Walhalla Rising"]["year"] == 2009  # "Walhalla Rising (2009)"
    assert rows["Taxi Driver"]["year"] == 1976  # "Taxi Driver von 1976"
    assert rows["Der stille Sturm"]["mentions"] == 2 and rows["Der stille Sturm"]["reviews"] == 2
    only = archive.json("query", "films", "--person", "eidinger")
    assert {r["title"] for r in only} == {"Der stille Sturm"}
    assert {"Drive", "Kalte Ufer"} <= {r["title"] for r in archive.json("query", "films", "--person", "gosling")}
    assert archive.json("query", "films", "--review", str(archive.ids["regen"])) == []


# --- full-text search ---------------------------------------------------------------------------

def text_search(archive, query, *more):
    """--exact: the words as written (the German-aware default is tested in test_search.py)."""
    return found_sentences(archive, archive.json("query", "sentences", "--text", query, "--exact", *more))


@pytest.mark.parametrize("query", ["Pusher-Reihe", "pusher-reihe", "Pusher-Rei*", "Pusher-Reihe AND Drogenmilieu"])
def test_hyphenated_words_are_searched_as_written(archive, query):
    assert text_search(archive, query) == expected_sentences(archive, lambda s: "Pusher-Reihe" in s)



def test_fts_word(archive):
    assert text_search(archive, "Gewalt") == expected_sentences(archive, lambda s: "gewalt" in words(s))


def test_fts_prefix(archive):
    expected = expected_sentences(archive, lambda s: any(w.startswith("gewalt") for w in words(s)))
    assert text_search(archive, "Gewalt*") == expected
    assert expected != expected_sentences(archive, lambda s: "gewalt" in words(s))  # the * matters


def test_fts_phrase(archive):
    expected = expected_sentences(archive, lambda s: re.search(r"Carey\s+Mulligan", s) is not None)
    assert text_search(archive, '"Carey Mulligan"') == expected
    # Both words, not as a phrase: more sentences (Mulligan alone, later on) do not count.
    assert text_search(archive, '"Mulligan Carey"') == set()


@pytest.mark.parametrize("query, keep", [
    ("Gewalt AND Ästhetik", lambda w: "gewalt" in w and "ästhetik" in w),
    ("Hüller OR Eidinger", lambda w: "hüller" in w or "eidinger" in w),
    ("Gewalt NOT Ästhetik", lambda w: "gewalt" in w and "ästhetik" not in w),
    ("Regen Dach", lambda w: "regen" in w and "dach" in w),
])
def test_fts_operators(archive, query, keep):
    expected = expected_sentences(archive, lambda s: keep(words(s)))
    assert expected  # each case finds something
    assert text_search(archive, query) == expected


@pytest.mark.parametrize("query", ["Asthetik", "ASTHETIK", "ästhetik"])
def test_fts_folds_diacritics(archive, query):
    assert text_search(archive, query) == expected_sentences(archive, lambda s: "ästhetik" in words(s))
    assert len(text_search(archive, query)) == 2  # the sample review and Der stille Sturm


def test_fts_ranks_by_relevance(archive):
    rows = archive.json("query", "sentences", "--text", "Regen", "--exact")
    regen = lines(archive.texts["regen"])
    most = max(regen, key=lambda s: words(s).count("regen"))
    assert norm(rows[0]["text"]) == norm(most)
    assert len(rows) == sum("regen" in words(s) for s in regen) == 2


def test_fts_with_filters_and_snippet(archive):
    rows = archive.json("query", "sentences", "--text", "Gewalt", "--person", "gosling", "--exact")
    assert found_sentences(archive, rows) == expected_sentences(
        archive, lambda s: "gewalt" in words(s) and "Gosling" in s)
    for row in archive.json("query", "sentences", "--text", "gewalt", "--exact"):
        marked = re.findall(r"\[([^\]]*)\]", row["snippet"])
        assert marked and {m.casefold() for m in marked} == {"gewalt"}
    only = archive.json("query", "sentences", "--text", "Gewalt", "--review", str(archive.ids["sturm"]), "--exact")
    assert found_sentences(archive, only) == {("sturm", norm(s)) for s in lines(archive.texts["sturm"])
                                              if "gewalt" in words(s)}


# --- mentions and cast --------------------------------------------------------------------------

def test_mention_offsets_are_the_text_at_those_places(archive):
    rows = archive.json("query", "mentions")
    assert rows
    for m in rows:
        body = archive.texts[archive.name_of(m["review_id"])]
        assert body[m["start_char"] : m["end_char"]] == m["text"]


@pytest.mark.parametrize("review, surface, start_of, type_, name", [
    ("sturm", "Jan Müller", "Jan Müller", "person", "Jan Müller"),
    ("sturm", "Müller", "Müller zeigt", "person", "Jan Müller"),
    ("sturm", "Lena", "Lena", "character", "Lena"),
    ("sturm", "Der stille Sturm", "Der stille Sturm", "film", "Der stille Sturm"),
    ("ufer", "Kalte Ufer", "Kalte Ufer", "film", "Kalte Ufer"),
    ("ufer", "Gosling", "Gosling spielt", "person", "Ryan Gosling"),
    ("drive", "Irene", "Irene (Carey", "character", "Irene"),
])
def test_known_mentions_at_offsets_found_in_the_text(archive, review, surface, start_of, type_, name):
    text = archive.texts[review]
    start = text.index(start_of)
    rows = archive.json("query", "mentions", "--review", str(archive.ids[review]))
    assert {"review_id": archive.ids[review], "start_char": start, "end_char": start + len(surface),
            "text": surface, "type": type_, "name": name}.items() <= next(
        (m for m in rows if m["start_char"] == start), {}).items()


def test_mentions_by_type(archive):
    for type_ in ("person", "character", "film"):
        rows = archive.json("query", "mentions", "--type", type_)
        assert rows and {m["type"] for m in rows} == {type_}
    films = archive.json("query", "mentions", "--type", "film", "--review", str(archive.ids["sturm"]))
    assert [(m["start_char"], m["text"]) for m in films] == [
        (archive.texts["sturm"].index("Der stille Sturm"), "Der stille Sturm")]
    assert archive.json("query", "mentions", "--review", str(archive.ids["regen"])) == []


def test_every_mention_satisfies_the_invariant_in_sql(archive):
    total = archive.sql("SELECT count(*) FROM mention")[0][0]
    assert total > 30
    assert archive.sql("SELECT count(*) FROM mention m JOIN review r ON r.id = m.review_id"
                       " WHERE substr(r.body, m.start_char + 1, m.end_char - m.start_char) = m.surface") == [(total,)]
    assert archive.sql("SELECT count(*) FROM mention m JOIN sentence s ON s.id = m.sentence_id"
                       " WHERE m.start_char >= s.start_char AND m.end_char <= s.end_char") == [(total,)]


def test_cast(archive):
    pairs = {(r["character"], r["actor"]) for r in archive.json("query", "cast")}
    assert {("Lena", "Sandra Hüller"), ("Tom", "Lars Eidinger"), ("Irene", "Carey Mulligan"),
            ("Standard", "Oscar Isaac"), ("Ole", "Ryan Gosling")} <= pairs
    sturm = archive.json("query", "cast", "--film", "stille sturm")
    assert {(r["character"], r["actor"], r["film"]) for r in sturm} == {
        ("Lena", "Sandra Hüller", "Der stille Sturm"), ("Tom", "Lars Eidinger", "Der stille Sturm")}
    assert archive.json("query", "cast", "--film", "no such film") == []


# --- the snippet for entity filters -------------------------------------------------------------

def test_snippet_marks_spans_and_cuts_long_text():
    text = "Anfang " + "viel Text dazwischen " * 10 + "hier Jan Müller am Ende " + "und noch mehr Text " * 10
    start = text.index("Jan Müller")
    snippet = snippets.snippet(text, [(start, start + len("Jan Müller"))], ("<", ">"))
    assert "<Jan Müller>" in snippet
    assert snippet.startswith("…") and snippet.endswith("…")
    assert len(snippet) <= snippets.SNIPPET_CHARS + 4
    short = "Kurz: Ole."
    assert snippets.snippet(short, [(6, 9)], ("[", "]")) == "Kurz: [Ole]."
    assert snippets.snippet(short, [], ("[", "]")) == short


# --- exact selection: =NAME (the whole name, folded) and #ID, in every entity filter ----------

def test_an_equals_sign_selects_the_whole_name_only(archive):
    part = archive.run("query", "films", "--film", "drive", "--format", "json")
    whole = archive.run("query", "films", "--film", "=DRIVE", "--format", "json")
    assert {r["title"] for r in json.loads(part.stdout)} >= {"Drive", "Taxi Driver"}
    assert [r["title"] for r in json.loads(whole.stdout)] == ["Drive"]
    assert "--film '=DRIVE' matches: Drive\n" == whole.stderr
    folded = archive.json("query", "persons", "--person", "=jan muller")  # case and diacritics folded
    assert [r["name"] for r in folded] == ["Jan Müller"]
    assert archive.json("query", "persons", "--person", "=muller") == []  # not part of the name


def test_a_hash_selects_by_id(archive):
    (hueller,), = archive.sql("SELECT id FROM person WHERE name = 'Sandra Hüller'")
    rows = archive.json("query", "sentences", "--person", f"#{hueller}")
    assert rows and all("Hüller" in r["text"] for r in rows)
    (drive,), = archive.sql("SELECT id FROM film WHERE title = 'Drive'")
    assert [r["title"] for r in archive.json("query", "films", "--film", f"#{drive}")] == ["Drive"]
    reviews = archive.json("query", "reviews", "--film", f"#{drive}")
    assert [r["id"] for r in reviews] == [archive.ids["drive"]]


def test_cast_answers_whom_an_actor_played_and_who_played_a_character(archive):
    played = archive.json("query", "cast", "--person", "=sandra hüller")
    assert {(r["character"], r["actor"]) for r in played} == {("Lena", "Sandra Hüller")}
    by = archive.json("query", "cast", "--character", "=irene")
    assert [r["actor"] for r in by] == ["Carey Mulligan"]


def test_reviews_by_character(archive):
    rows = archive.json("query", "reviews", "--character", "=lena")
    assert [r["id"] for r in rows] == [archive.ids["sturm"]]
