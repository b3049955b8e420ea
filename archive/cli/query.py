"""archive query: ask who, what and where. Every subcommand prints rows in --format."""

from __future__ import annotations

import click

from archive.cli.options import (DATE, NAME, colour, entity_filter, format_option, limit_option, print_result, reader,
                                 require_review, review_option)
from archive.output import HIGHLIGHT


def exact_option(f):
    return click.option("--exact", is_flag=True,
                        help="With --text: search the words as written: no stems, no ss/ß or ue/ü (case and"
                             " accents still ignored).")(f)


def _exact_needs_text(text: str | None, exact: bool) -> None:
    """--exact says how --text searches; alone it would be ignored without a word."""
    if exact and not text:
        raise click.UsageError("--exact says how --text searches; give --text QUERY with it, or leave --exact out")


@click.group("query", short_help="Ask: reviews, persons, films, sentences, mentions, cast.")
def command() -> None:
    """Ask the archive: reviews, persons, films, sentences, mentions, cast.

    Names given as filters match without regard to case or diacritics, and by part:
    `--person gosling` finds Ryan Gosling, `--person muller` finds Müller. `=NAME`
    takes the whole name only (`--film '=Her'`: Her, not Sherlock), `#ID` the entity
    with that id (`--person '#12'`). Where a filter matches several entities, all are
    used: stderr says which, and the `matched` column says which one each row mentions.
    """


@command.command("reviews", short_help="Reviews with their metadata, film and counts.")
@entity_filter("--person", "persons", multiple=True, type="person",
               help="Mentions this person or character; repeatable: all of them")
@entity_filter("--character", "characters", multiple=True, type="character",
               help="Mentions this character; repeatable: all of them")
@entity_filter("--film", "films", multiple=True, type="film", help="Mentions this film; repeatable: all of them")
@click.option("--text", type=NAME, metavar="QUERY",
              help="Has a sentence matching this full-text query (as for `query sentences`); best first.")
@exact_option
@click.option("--author", type=NAME, metavar="NAME", help="Written by this author (part of the name).")
@click.option("--outlet", type=NAME, metavar="NAME", help="Published in this outlet (part of the name).")
@click.option("--since", type=DATE, metavar="DATE", help="Published on or after DATE (2013, 2013-07, 2013-07-18).")
@click.option("--until", type=DATE, metavar="DATE", help="Published on or before DATE (2013: to the year's end).")
@entity_filter("--reviewed", type="film", help="About this film (its metadata's film, or the analysis')")
@format_option
@limit_option
@click.pass_context
def reviews(ctx, persons, characters, films, text, exact, author, outlet, since, until, reviewed, fmt, limit):
    """Reviews, with their metadata (title, author, outlet, published), film and
    counts; filters combine with AND."""
    from archive import queries

    _exact_needs_text(text, exact)
    conn = reader(ctx)
    people = [queries.match_persons(conn, p) for p in persons]
    people += [queries.match_persons(conn, c, "character", "--character") for c in characters]
    result = queries.reviews(conn, people,
                             [queries.match_films(conn, f) for f in films], text, limit, author, outlet, since, until,
                             queries.match_films(conn, reviewed, "--reviewed") if reviewed else None, exact=exact)
    print_result(result, fmt)


@command.command("persons", short_help="Persons and characters, how often mentioned.")
@entity_filter("--person", "only", type="person", help="Only these persons or characters")
@click.option("--type", "--kind", "kind", type=click.Choice(["person", "character", "real"]),
              metavar="[person|character]",
              help="Only persons or only characters (--kind real: the old spelling of --type person).")
@entity_filter("--with", "with_", type="person",
               help="Who is mentioned in the same sentences as this person or character, most often first")
@entity_filter("--film", type="film", help="Only in reviews that mention this film")
@review_option
@format_option
@limit_option
@click.pass_context
def persons(ctx, only, kind, with_, film, review, fmt, limit):
    """Persons and characters with their mention and review counts."""
    from archive import queries

    conn = reader(ctx)
    require_review(conn, review)
    kind = "person" if kind == "real" else kind
    result = queries.persons(
        conn, kind, queries.match_persons(conn, with_, option="--with") if with_ else None,
        queries.match_films(conn, film) if film else None, review, limit,
        queries.match_persons(conn, only) if only else None)
    print_result(result, fmt)


@command.command("films", short_help="Films with their year, how often mentioned.")
@entity_filter("--film", "only", type="film", help="Only these films")
@entity_filter("--person", type="person", help="Only films named in reviews that mention this person or character")
@review_option
@format_option
@limit_option
@click.pass_context
def films(ctx, only, person, review, fmt, limit):
    """Films with their year when known, and mention and review counts."""
    from archive import queries

    conn = reader(ctx)
    require_review(conn, review)
    result = queries.films(conn, queries.match_persons(conn, person) if person else None, review, limit,
                           queries.match_films(conn, only) if only else None)
    print_result(result, fmt)


@command.command("sentences", short_help="Sentences, by their words or what they mention.")
@click.option("--text", type=NAME, metavar="QUERY",
              help='Full-text search: words, "phrases", prefix*, AND/OR/NOT, NEAR(a b, 5); best first.'
                   " German-aware: finds inflected forms (Film: Filme, Films), ss for ß, ue for ü (its limits:"
                   " in the description above).")
@exact_option
@entity_filter("--person", "persons", multiple=True, type="person",
               help="Sentences that mention this person or character; repeatable: all of them")
@entity_filter("--character", "characters", multiple=True, type="character",
               help="Sentences that mention this character; repeatable: all of them")
@entity_filter("--film", "films", multiple=True, type="film",
               help="Sentences that mention this film; repeatable: all of them")
@review_option
@format_option(snippets="snippets")
@limit_option
@click.pass_context
def sentences(ctx, text, exact, persons, characters, films, review, fmt, limit):
    """Sentences, found by words or by who and what they mention; filters combine
    with AND (`--person hüller --person friedel`: sentences that name both).

    --text finds a word's inflected forms and its spellings: `Film` finds Filme,
    Films, Filmen; `spielen` finds spielt, spielte, in a phrase and NEAR too
    ("spielen Carey": spielt Carey); `Strasse` finds Straße, `Mueller` Müller. With
    --exact, only the words as written (case and accents still ignored). At most 64
    words in one search.

    The forms are the Snowball German stemmer's, which has limits: a plural it does
    not fold is another word (`Kino` does not find Kinos: search `Kino*` or `Kino OR
    Kinos`), and so is a strong verb's other vowel (`gelten` does not find gilt or
    galt); a prefix is folded like a word, so `Muel*` (mul*) also finds Mulligan.

    The table shows each sentence's review and a snippet with the hit marked; json,
    csv and ndjson also carry the whole sentence text.
    """
    from archive import queries

    _exact_needs_text(text, exact)
    conn = reader(ctx)
    require_review(conn, review)
    people = [queries.match_persons(conn, p) for p in persons]
    people += [queries.match_persons(conn, c, "character", "--character") for c in characters]
    bold = fmt == "table" and colour()  # the table escapes the text, then makes the stand-ins bold
    result = queries.sentences(conn, text, people, [queries.match_films(conn, f) for f in films], review, limit,
                               highlight=HIGHLIGHT if bold else ("[", "]"), exact=exact)
    print_result(result, fmt, hide_in_table=("text", "sentence_id"), highlight=bold)


@command.command("mentions", short_help="Every mention with its offsets.")
@review_option
@click.option("--type", "type_", type=click.Choice(["person", "character", "film"]), help="Only this type.")
@format_option
@limit_option
@click.pass_context
def mentions(ctx, review, type_, fmt, limit):
    """Every mention with its offsets into the review text (0-based, end exclusive)."""
    from archive import queries

    conn = reader(ctx)
    require_review(conn, review)
    print_result(queries.mentions(conn, review, type_, limit), fmt)


@command.command("cast", short_help="Characters and the actors who play them.")
@entity_filter("--film", type="film", help="Only characters of this film")
@entity_filter("--person", type="person", help="Only roles of this person, as actor or character: whom an actor played")
@entity_filter("--character", type="character", help="Only this character: who played it")
@format_option
@limit_option
@click.pass_context
def cast(ctx, film, person, character, fmt, limit):
    """Characters and the actors who play them, as the reviews say (`Irene (Carey Mulligan)`)."""
    from archive import queries

    conn = reader(ctx)
    print_result(queries.cast(conn, queries.match_films(conn, film) if film else None, limit,
                              queries.match_persons(conn, person) if person else None,
                              queries.match_persons(conn, character, "character", "--character") if character else None),
                 fmt)
