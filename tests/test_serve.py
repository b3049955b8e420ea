"""`archive serve`: the site Datasette makes of the archive, asked through Datasette's
own client (no network): metadata, canned queries, the review and entity pages, links.
What a browser shows is tests/test_serve_browser.py."""

from __future__ import annotations

import asyncio
import html
import json
import re
import socket
import sys

import pytest

from archive.cli.serve import INSTALL
from tests.conftest import ROOT


@pytest.fixture(scope="module")
def site(built):
    from archive.site import make_datasette

    return make_datasette(built.path)


def get(site, path: str):
    response = asyncio.run(site.client.get(path))
    return response


def rows(site, path: str) -> list[dict]:
    response = get(site, path + ("&" if "?" in path else "?") + "_shape=array")
    assert response.status_code == 200, response.text
    return response.json()


def text_of(markup: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", "", markup))


# --- metadata ------------------------------------------------------------------------------------

def test_the_descriptions_are_those_of_docs_schema_md():
    from archive.site import describe

    doc = (ROOT / "docs" / "schema.md").read_text(encoding="utf-8")
    assert describe.load() == describe.describe(doc), \
        "docs/schema.md changed: run python -m archive.site.describe docs/schema.md"


def test_shadow_tables_and_alembic_version_are_hidden(site, archive):
    listed = get(site, "/archive.json").json()
    hidden = {t["name"] for t in listed["tables"] if t["hidden"]}
    shown = {t["name"] for t in listed["tables"] if not t["hidden"]}
    assert {"alembic_version", "sentence_fts", "sentence_fts_data", "sentence_fts_idx", "sentence_fts_docsize",
            "sentence_fts_config"} <= hidden
    assert {"review", "sentence", "person", "film", "mention", "role"} <= shown
    # whatever else there is: FTS5 indexes and their storage hidden, every other table shown
    indexes = [name for (name,) in archive.sql("SELECT name FROM sqlite_master WHERE sql LIKE '%USING fts5%'")]
    assert all(any(name.startswith(index) for index in indexes) for name in hidden - {"alembic_version"})
    assert not any(name.startswith(index) for name in shown for index in indexes)
    assert {v["name"] for v in listed["views"]} >= {"mention_detail", "entity_count"}


@pytest.mark.parametrize("table, title, words", [
    ("review", "Reviews", "One ingested review text."),
    ("person", "People and characters", "told apart by kind"),
    ("mention_detail", "Mentions, with names and sentences", "One row per mention"),
    ("sentence", "Sentences", "Gewalt* OR Liebe"),
])
def test_table_pages_have_titles_and_descriptions(site, archive, table, title, words):
    page = get(site, f"/archive/{table}").text
    assert f"<h1" in page and title in page
    assert words in html.unescape(page)


def test_column_descriptions_come_from_the_doc(site, archive):
    page = html.unescape(get(site, "/archive/person").text)
    assert "name folded for lookups: lower case, no diacritics, ß → ss" in page


def test_facets_on_type_and_kind(site, archive):
    facets = get(site, "/archive/entity_count.json").json()["facet_results"]
    counts = {r["value"]: r["count"] for r in facets["type"]["results"]}
    expected = dict(archive.sql("SELECT 'film', count(*) FROM film UNION ALL "
                                "SELECT CASE kind WHEN 'character' THEN 'character' ELSE 'person' END, count(*) "
                                "FROM person GROUP BY kind"))
    assert counts == expected
    assert "kind" in get(site, "/archive/person.json").json()["facet_results"]


def test_foreign_keys_read_as_names_and_lead_to_the_pages(site, archive):
    page = get(site, "/archive/mention?_size=max").text
    (hueller,) = archive.sql("SELECT id FROM person WHERE name = 'Sandra Hüller'")[0]
    assert f'<a href="/-/person/{hueller}">Sandra Hüller</a>' in page
    (drive,) = archive.sql("SELECT id FROM film WHERE title = 'Drive'")[0]
    assert f'<a href="/-/film/{drive}">Drive</a>' in page
    source = archive.sql("SELECT source FROM review WHERE id = ?", (archive.ids["sturm"],))[0][0]
    assert f'<a href="/-/review/{archive.ids["sturm"]}">{html.escape(source, quote=False)}</a>' in page


# --- canned queries ------------------------------------------------------------------------------

def marks_of(snippet: str) -> list[str]:
    return re.findall(r"<mark>(.*?)</mark>", snippet)


def test_search_takes_the_archives_syntax_ranked_with_marks(site, archive):
    hits = rows(site, "/archive/search.json?q=Gewalt*%20OR%20Liebe")
    # by hand, on the search keys (docs/schema.md, sentence_stem): the stems of the words
    expected = archive.sql("""SELECT s.review_id, s.position FROM sentence_stem JOIN sentence s ON s.id = sentence_stem.rowid
                              WHERE sentence_stem MATCH '"gewalt"* OR "lieb"' ORDER BY bm25(sentence_stem)""")
    assert [(h["review_id"], h["position"]) for h in hits] == expected
    assert len(expected) >= 5
    for hit in hits:
        found = marks_of(hit["snippet"])
        assert found and all(w.casefold().startswith(("gewalt", "lieb")) for w in found)
        assert text_of(hit["snippet"]) in [t for (t,) in archive.sql("SELECT text FROM sentence")]


def test_search_finds_inflected_forms_and_spellings(site, archive):
    sentences = [t for (t,) in archive.sql("SELECT text FROM sentence")]
    film_forms = [t for t in sentences if re.search(r"\bFilm(e|s|en)?\b", t)]
    hits = rows(site, "/archive/search.json?q=Filme")
    assert sorted(text_of(h["snippet"]) for h in hits) == sorted(film_forms)
    assert {w for h in hits for w in marks_of(h["snippet"])} >= {"Film"}
    (street,) = rows(site, "/archive/search.json?q=Strasse")
    assert marks_of(street["snippet"]) == ["Straße"]
    assert rows(site, "/archive/search_exact.json?q=Strasse") == []  # as written: no ß for ss


GERMAN = {"gross.txt": "Der Film ist großartig, sagt Ryan Gosling.\nViele Filme dieser Art langweilen.\n",
          "written.txt": "Eine Straße im Regen, grossartig gefilmt.\nNichts davon hier.\n"}


def test_a_real_archive_serve_searches_as_query_sentences_does(tmp_path):
    """A real `archive serve` process on a free port: its search finds what `query
    sentences --text` finds (grossartig: großartig too; Film: Filme), the table's box
    only the words as written."""
    import urllib.parse
    import urllib.request

    from click.testing import CliRunner

    from archive.cli import cli
    from tests.test_serve_browser import start_server, stop

    pytest.importorskip("datasette")
    db = str(tmp_path / "archive.db")
    for name, text in GERMAN.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    assert CliRunner().invoke(cli, ["--db", db, "ingest", "-j", "1", *map(str, tmp_path.glob("*.txt"))]).exit_code == 0
    process, base = start_server(db, tmp_path / "serve.log")
    try:
        def served(path: str, q: str) -> list[str]:
            asked = {"_search" if path == "/archive/sentence.json" else "q": q, "_shape": "array"}
            url = f"{base}{path}?{urllib.parse.urlencode(asked)}"
            with urllib.request.urlopen(url, timeout=60) as response:
                return sorted(text_of(r.get("snippet") or r["text"]) for r in json.loads(response.read()))

        def cli_found(q: str) -> list[str]:
            result = CliRunner().invoke(cli, ["--db", db, "query", "sentences", "--text", q, "--format", "json"])
            return sorted(r["text"] for r in json.loads(result.stdout))

        assert served("/archive/search.json", "grossartig") == cli_found("grossartig") == [
            "Der Film ist großartig, sagt Ryan Gosling.", "Eine Straße im Regen, grossartig gefilmt."]
        assert served("/archive/search.json", "Film") == cli_found("Film") == [
            "Der Film ist großartig, sagt Ryan Gosling.", "Viele Filme dieser Art langweilen."]
        assert served("/archive/sentence.json", "grossartig") == ["Eine Straße im Regen, grossartig gefilmt."]
    finally:
        stop(process)


def test_exact_search_is_plain_fts5_on_the_words_as_written(site, archive):
    hits = rows(site, "/archive/search_exact.json?q=Gewalt*%20OR%20Liebe")
    expected = archive.sql("""SELECT s.review_id, s.position FROM sentence_fts JOIN sentence s ON s.id = sentence_fts.rowid
                              WHERE sentence_fts MATCH 'Gewalt* OR Liebe' ORDER BY bm25(sentence_fts)""")
    assert [(h["review_id"], h["position"]) for h in hits] == expected
    for hit in hits:
        found = marks_of(hit["snippet"])
        assert found and all(w.casefold().startswith("gewalt") or w.casefold() == "liebe" for w in found)
    assert rows(site, "/archive/search_exact.json?q=Filme") == []


def test_the_sentence_tables_search_box_takes_the_same_syntax(site, archive):
    found = rows(site, "/archive/sentence.json?_search=Gewalt*%20OR%20Liebe&_size=max")
    expected = archive.sql("SELECT rowid FROM sentence_fts WHERE sentence_fts MATCH 'Gewalt* OR Liebe'")
    assert sorted(r["id"] for r in found) == sorted(i for (i,) in expected)
    assert len(found) >= 5


@pytest.mark.parametrize("query", ["search", "search_exact"])
def test_search_ranks_the_denser_sentence_first(site, archive, query):
    hits = rows(site, f"/archive/{query}.json?q=Regen")
    assert text_of(hits[0]["snippet"]) == "Regen, Regen und noch einmal Regen."
    assert len(hits) == 2


@pytest.mark.parametrize("query", ["search", "search_exact"])
def test_search_with_nothing_asked_finds_nothing_and_a_bad_query_says_so(site, archive, query):
    assert rows(site, f"/archive/{query}.json?q=") == []
    response = get(site, f"/archive/{query}?q=%22offen")
    assert response.status_code == 400
    assert "malformed search query" in html.unescape(response.text)


@pytest.mark.parametrize("query, asked", [
    ("search", '"offen'), ("search", "*"), ("search", "(Regen OR Liebe"), ("search", "NEAR(Regen Liebe, x)"),
    ("search_exact", '"offen'), ("search_exact", "*"), ("search_exact", "NEAR(Regen Liebe, x)"),
])
def test_a_malformed_search_says_what_the_cli_says_on_the_page_and_as_an_error_status(site, archive, query, asked):
    from urllib.parse import quote

    cli = archive.run("query", "sentences", "--text", asked, *(["--exact"] if query == "search_exact" else []))
    assert cli.exit_code == 1 and cli.stderr.startswith("Error: --text: ")
    said = cli.stderr.strip().removeprefix("Error: --text: ")
    page = get(site, f"/archive/{query}?q={quote(asked)}")
    assert page.status_code == 400
    assert [html.unescape(m) for m in re.findall(r'<p class="message-error">(.*?)</p>', page.text)] == [said]
    assert 'name="q"' in page.text  # the form, to mend the search
    as_json = get(site, f"/archive/{query}.json?q={quote(asked)}")
    assert as_json.status_code == 400 and as_json.json()["error"] == said and as_json.json()["ok"] is False
    as_csv = get(site, f"/archive/{query}.csv?q={quote(asked)}")
    assert as_csv.status_code == 400 and as_csv.text == f"Error: {said}\n"


def test_a_sound_search_still_gives_its_csv(site, archive):
    as_csv = get(site, "/archive/search.csv?q=Gewalt")
    assert as_csv.status_code == 200 and as_csv.text.startswith("review_id,source,position,snippet")
    assert len(as_csv.text.splitlines()) > 1


def test_co_mentions_by_folded_or_written_name(site, archive):
    for asked in ("huller", "Hüller"):
        found = {r["name"] for r in rows(site, f"/archive/co_mentions.json?name={asked}")}
        assert {"Lars Eidinger", "Ryan Gosling", "Lena"} <= found, asked
        assert "Sandra Hüller" not in found
    mulligan = rows(site, "/archive/co_mentions.json?name=mulligan")
    # the people are those of `query persons --with mulligan`; films named beside her count too
    assert [r["name"] for r in mulligan if r["type"] != "film"] == ["Driver", "Irene", "Mark Romanek"]
    films = {r["name"] for r in mulligan if r["type"] == "film"}
    assert films and films <= {title for (title,) in archive.sql("SELECT title FROM film")}


def test_reviews_of_a_person(site, archive):
    found = rows(site, "/archive/reviews_of.json?name=h%C3%BCller")
    assert sorted(r["review_id"] for r in found) == sorted([archive.ids["sturm"], archive.ids["ufer"]])
    counts = dict(archive.sql("SELECT m.review_id, count(*) FROM mention m JOIN person p ON p.id = m.person_id "
                              "WHERE p.name = 'Sandra Hüller' GROUP BY m.review_id"))
    assert {r["review_id"]: r["mentions"] for r in found} == counts


def test_the_cast_of_a_film(site, archive):
    cast = rows(site, "/archive/cast.json?film=Drive")
    assert {(r["actor"], r["character"]) for r in cast} >= {("Carey Mulligan", "Irene"), ("Oscar Isaac", "Standard")}
    assert {r["film"] for r in cast} <= {"Drive", "Taxi Driver"}


def test_the_most_mentioned_first(site, archive):
    top = rows(site, "/archive/most_mentioned.json")
    counts = archive.sql("SELECT count(*) FROM mention GROUP BY coalesce(person_id, -film_id) ORDER BY 1 DESC")
    assert [r["mentions"] for r in top] == [c for (c,) in counts][:100]


# --- the review and entity pages -----------------------------------------------------------------

def review_text(page: str) -> str:
    return re.search(r'<div class="review-text">(.*?)</div>', page, re.S).group(1)


def test_a_review_page_shows_the_whole_text_with_each_mention_marked_and_linked(site, archive):
    review_id = archive.ids["sturm"]
    page = get(site, f"/-/review/{review_id}").text
    shown = review_text(page)
    assert text_of(shown) == archive.texts["sturm"]
    marks = re.findall(r'<mark class="entity (\w+)"[^>]*><a href="/-/(\w+)/(\d+)">(.*?)</a></mark>', shown)
    expected = archive.sql("""SELECT CASE WHEN m.film_id IS NOT NULL THEN 'film' WHEN p.kind = 'character'
                                     THEN 'character' ELSE 'person' END, coalesce(m.person_id, m.film_id), m.surface
                              FROM mention m LEFT JOIN person p ON p.id = m.person_id
                              WHERE m.review_id = ? ORDER BY m.start_char""", (review_id,))
    assert [(kind, int(i), html.unescape(s)) for kind, page_kind, i, s in marks] == expected
    assert all(kind == page_kind for kind, page_kind, _, _ in marks)


def test_an_entity_page_shows_every_mention_in_its_sentence(site, archive):
    (hueller,) = archive.sql("SELECT id FROM person WHERE name = 'Sandra Hüller'")[0]
    page = get(site, f"/-/person/{hueller}").text
    items = re.findall(r"<li>(.*?)</li>", page.split("Mentions in context")[1], re.S)
    sentences = archive.sql("""SELECT s.text FROM mention m JOIN sentence s ON s.id = m.sentence_id
                               WHERE m.person_id = ? ORDER BY m.review_id, m.start_char""", (hueller,))
    assert len(items) == len(sentences) == 4
    for item, (sentence,) in zip(items, sentences):
        assert text_of(item).startswith(sentence)
        assert re.search(rf'<mark class="entity person"[^>]*><a href="/-/person/{hueller}">', item)
    assert "Lena" in page.split("Mentions in context")[0]  # her role


def test_a_film_page_shows_its_cast(site, archive):
    (drive,) = archive.sql("SELECT id FROM film WHERE title = 'Drive'")[0]
    page = text_of(get(site, f"/-/film/{drive}").text)
    assert "Carey Mulligan as Irene" in page and "Oscar Isaac as Standard" in page


def test_a_character_page_says_who_plays_it(site, archive):
    (lena,) = archive.sql("SELECT id FROM person WHERE name = 'Lena' AND kind = 'character'")[0]
    response = get(site, f"/-/character/{lena}")
    assert response.status_code == 200
    page = text_of(response.text)
    assert "Sandra Hüller as Lena" in page and "Character in Der stille Sturm" in " ".join(page.split())


@pytest.mark.parametrize("path", ["/-/review/999999", "/-/person/999999", "/-/film/999999", "/-/character/999999"])
def test_a_missing_page_is_404(site, archive, path):
    assert get(site, path).status_code == 404


@pytest.mark.parametrize("path, said", [
    ("/-/review/abc", "There is no review abc"), ("/-/person/x1", "There is no person x1"),
    ("/-/film/99999999999999999999", "There is no film 99999999999999999999"),
])
def test_a_page_id_that_is_no_number_is_a_404_that_names_it(site, archive, path, said):
    response = get(site, path)
    assert response.status_code == 404
    assert said in response.text and "Database not found" not in response.text


def test_a_page_of_the_wrong_type_is_404_and_names_the_right_one(site, archive):
    (hueller,) = archive.sql("SELECT id FROM person WHERE name = 'Sandra Hüller'")[0]
    (lena,) = archive.sql("SELECT id FROM person WHERE name = 'Lena' AND kind = 'character'")[0]
    as_character = get(site, f"/-/character/{hueller}")
    assert as_character.status_code == 404
    assert f"There is no character {hueller}; {hueller} is a person: /-/person/{hueller}" in as_character.text
    assert get(site, f"/-/person/{lena}").status_code == 404
    assert get(site, f"/-/character/{lena}").status_code == 200 and get(site, f"/-/person/{hueller}").status_code == 200


def test_every_page_names_datasettes_version_in_its_footer(site, archive):
    from datasette.version import __version__

    (hueller,) = archive.sql("SELECT id FROM person WHERE name = 'Sandra Hüller'")[0]
    for path in ("/", "/archive", f"/-/review/{archive.ids['ufer']}", f"/-/person/{hueller}", "/-/review/999999",
                 "/nowhere"):
        page = get(site, path).text
        assert f'title="Datasette v{__version__}"' in page, path


def test_row_pages_lead_to_the_archives_pages(site, archive):
    page = get(site, f"/archive/review/{archive.ids['ufer']}").text
    assert f'href="/-/review/{archive.ids["ufer"]}"' in page


def test_names_in_views_link_to_their_pages(site, archive):
    page = get(site, "/archive/entity_count?type=film").text
    for film_id, title in archive.sql("SELECT id, title FROM film"):
        assert f'<a href="/-/film/{film_id}">{html.escape(title, quote=False)}</a>' in page


def test_the_site_names_a_dangerous_text_as_text(site, archive, tmp_path):
    """A review with markup in it is shown as written, never as markup."""
    copy = archive.copy(tmp_path / "markup.db")
    body = "<script>alert(1)</script> Lena (Sandra Hüller) & <b>Tom</b>.\n"
    (tmp_path / "markup.txt").write_text(body, encoding="utf-8")
    assert copy.run("ingest", str(tmp_path / "markup.txt")).exit_code == 0
    from archive.site import make_datasette

    (review_id,) = copy.sql("SELECT max(id) FROM review")[0]
    page = get(make_datasette(copy.path), f"/-/review/{review_id}").text
    assert "<script>alert" not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert text_of(review_text(page)) == body


# --- the command ---------------------------------------------------------------------------------

def test_without_datasette_one_line_says_how_to_install_it(archive, monkeypatch):
    monkeypatch.setitem(sys.modules, "datasette", None)  # import datasette now raises ImportError
    result = archive.run("serve")
    assert result.exit_code == 1
    assert result.stderr == f"Error: {INSTALL}\n"
    assert "pip install '.[serve]'" in result.stderr


def test_a_port_in_use_is_one_line(archive):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = archive.run("serve", "--port", str(port))
    assert result.exit_code == 1
    assert result.stderr.count("\n") == 1 and f"port {port}" in result.stderr and "--port" in result.stderr


def test_a_missing_archive_is_one_line(tmp_path):
    from click.testing import CliRunner

    from archive.cli import cli

    result = CliRunner().invoke(cli, ["--db", str(tmp_path / "none.db"), "serve"])
    assert result.exit_code == 1 and result.stderr.count("\n") == 1 and "no database" in result.stderr
    assert not (tmp_path / "none.db").exists()


# --- the keeper's review metadata, where the schema has it -----------------------------------------

@pytest.fixture(scope="module")
def with_metadata(built, tmp_path_factory):
    """The archive with review title, outlet and published columns, as the curation
    migration adds them (here by hand, so the test holds before and after it)."""
    copy = built.copy(tmp_path_factory.mktemp("metadata") / "archive.db")
    import sqlite3

    conn = sqlite3.connect(copy.path)
    for column in ("title", "outlet", "published"):
        if column not in [row[1] for row in conn.execute("PRAGMA table_info(review)")]:
            conn.execute(f"ALTER TABLE review ADD COLUMN {column} TEXT")
    conn.execute("UPDATE review SET title = NULL, outlet = NULL, published = NULL")
    conn.execute("UPDATE review SET title = 'Leere Bilder', outlet = 'Filmdienst', published = '2023-04-01'"
                 " WHERE id = ?", (copy.ids["ufer"],))
    conn.execute("UPDATE review SET outlet = 'Filmdienst', published = '2021-11-30' WHERE id = ?", (copy.ids["sturm"],))
    conn.execute("UPDATE review SET outlet = 'taz', published = '2021' WHERE id = ?", (copy.ids["drive"],))
    conn.commit()
    conn.close()
    from archive.site import make_datasette

    return make_datasette(copy.path), copy


def test_a_review_reads_as_its_title_or_else_its_source(with_metadata):
    site, copy = with_metadata
    page = get(site, "/archive/mention?_size=max").text
    assert f'<a href="/-/review/{copy.ids["ufer"]}">Leere Bilder</a>' in page
    source = copy.sql("SELECT source FROM review WHERE id = ?", (copy.ids["sturm"],))[0][0]
    assert f'<a href="/-/review/{copy.ids["sturm"]}">{html.escape(source, quote=False)}</a>' in page
    assert "<h1>Leere Bilder</h1>" in get(site, f"/-/review/{copy.ids['ufer']}").text


def test_reviews_facet_by_outlet_and_year(with_metadata):
    site, copy = with_metadata
    facets = get(site, "/archive/review.json").json()["facet_results"]
    assert {r["value"]: r["count"] for r in facets["outlet"]["results"]} == {"Filmdienst": 2, "taz": 1}
    years = {r["value"]: r["count"] for r in facets["published"]["results"]}
    assert years == {"2023": 1, "2021": 2}
    chosen = next(r for r in facets["published"]["results"] if r["value"] == "2021")
    picked = get(site, chosen["toggle_url"].replace("http://localhost", "") + "&_shape=objects").json()
    assert sorted(r["id"] for r in picked["rows"]) == sorted([copy.ids["sturm"], copy.ids["drive"]])


def test_a_review_ingested_while_the_site_is_up_shows_on_the_next_load(archive, tmp_path):
    from archive.site import make_datasette

    copy = archive.copy(tmp_path / "growing.db")
    site = make_datasette(copy.path)
    before = get(site, "/archive/review.json?_shape=objects").json()["filtered_table_rows_count"]
    (tmp_path / "neu.txt").write_text("Ein neuer Text über Ole (Ryan Gosling).\n", encoding="utf-8")
    assert copy.run("ingest", str(tmp_path / "neu.txt")).exit_code == 0
    assert get(site, "/archive/review.json?_shape=objects").json()["filtered_table_rows_count"] == before + 1
    (new_id,) = copy.sql("SELECT max(id) FROM review")[0]
    assert "Ryan Gosling" in text_of(review_text(get(site, f"/-/review/{new_id}").text))
