"""archive query: ask who, what and where. Every subcommand prints rows in --format."""

from __future__ import annotations

import click

from archive.cli.options import (NAME, format_option, limit_option, print_result, reader, require_review,
                                 review_option)


@click.group("query")
def command() -> None:
    """Ask the archive: reviews, persons, films, sentences, mentions, cast.

    Names given as filters match without regard to case or diacritics, and by part:
    `--person gosling` finds Ryan Gosling, `--person muller` finds Müller. Where a
    filter matches several entities, all are used: stderr says which, and the
    `matched` column says which one each row mentions.
    """


@command.command("reviews")
@click.option("--person", "persons", multiple=True, type=NAME, metavar="NAME",
              help="Mentions this person (repeatable: all of them).")
@click.option("--film", "films", multiple=True, type=NAME, metavar="TITLE",
              help="Mentions this film (repeatable: all of them).")
@click.option("--text", type=NAME, metavar="QUERY", help="Has a sentence matching this full-text query.")
@format_option
@limit_option
@click.pass_context
def reviews(ctx, persons, films, text, fmt, limit):
    """Reviews, with their film and counts; filters combine with AND."""
    from archive import queries

    conn = reader(ctx)
    result = queries.reviews(conn, [queries.match_persons(conn, p) for p in persons],
                             [queries.match_films(conn, f) for f in films], text, limit)
    print_result(result, fmt)


@command.command("persons")
@click.option("--kind", type=click.Choice(["real", "character"]), help="Only real persons or only characters.")
@click.option("--with", "with_", type=NAME, metavar="NAME",
              help="Who is mentioned in the same sentences as NAME, most often first.")
@click.option("--film", type=NAME, metavar="TITLE", help="Only in reviews that mention this film.")
@review_option
@format_option
@limit_option
@click.pass_context
def persons(ctx, kind, with_, film, review, fmt, limit):
    """Persons and characters with their mention and review counts."""
    from archive import queries

    conn = reader(ctx)
    require_review(conn, review)
    result = queries.persons(
        conn, kind, queries.match_persons(conn, with_, option="--with") if with_ else None,
        queries.match_films(conn, film) if film else None, review, limit)
    print_result(result, fmt)


@command.command("films")
@click.option("--person", type=NAME, metavar="NAME", help="Only films named in reviews that mention this person.")
@review_option
@format_option
@limit_option
@click.pass_context
def films(ctx, person, review, fmt, limit):
    """Films with their year when known, and mention and review counts."""
    from archive import queries

    conn = reader(ctx)
    require_review(conn, review)
    result = queries.films(conn, queries.match_persons(conn, person) if person else None, review, limit)
    print_result(result, fmt)


@command.command("sentences")
@click.option("--text", type=NAME, metavar="QUERY",
              help='Full-text search: words, "phrases", prefix*, AND/OR/NOT; ranked by relevance.')
@click.option("--person", "persons", multiple=True, type=NAME, metavar="NAME",
              help="Sentences that mention this person, real or character (repeatable: all of them).")
@click.option("--character", "characters", multiple=True, type=NAME, metavar="NAME",
              help="Sentences that mention this character (repeatable: all of them).")
@click.option("--film", "films", multiple=True, type=NAME, metavar="TITLE",
              help="Sentences that mention this film (repeatable: all of them).")
@review_option
@format_option
@limit_option
@click.pass_context
def sentences(ctx, text, persons, characters, films, review, fmt, limit):
    """Sentences, found by words or by who and what they mention; filters combine
    with AND (`--person hüller --person friedel`: sentences that name both).

    The table shows each sentence's review and a snippet with the hit marked; json,
    csv and ndjson also carry the whole sentence text.
    """
    from archive import queries

    conn = reader(ctx)
    require_review(conn, review)
    people = [queries.match_persons(conn, p) for p in persons]
    people += [queries.match_persons(conn, c, "character", "--character") for c in characters]
    result = queries.sentences(conn, text, people, [queries.match_films(conn, f) for f in films], review, limit,
                               highlight=("\033[1m", "\033[0m") if fmt == "table" and _tty() else ("[", "]"))
    print_result(result, fmt, hide_in_table=("text", "sentence_id"))


@command.command("mentions")
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


@command.command("cast")
@click.option("--film", type=NAME, metavar="TITLE", help="Only characters of this film.")
@format_option
@limit_option
@click.pass_context
def cast(ctx, film, fmt, limit):
    """Characters and the actors who play them, as the reviews say (`Irene (Carey Mulligan)`)."""
    from archive import queries

    conn = reader(ctx)
    print_result(queries.cast(conn, queries.match_films(conn, film) if film else None, limit), fmt)


def _tty() -> bool:
    import sys

    return sys.stdout.isatty()
