"""archive check: verify a database and report what is wrong."""

from __future__ import annotations

import click


@click.command("check", short_help="Verify the database and both search indexes.")
@click.pass_context
def command(ctx) -> None:
    """Verify the database: SQLite integrity, foreign keys, mention offsets, counts,
    and both full-text indexes: sentence_fts (the words as written) and sentence_stem
    (the German index that --text searches), each by FTS5's own check, and each row of
    sentence_stem against the keys of its sentence. `archive db reindex` mends either.

    Only reads the archive (the full-text check runs on a temporary copy of the index).
    Exit status 1 with a report, one line per problem, when anything is wrong.
    """
    from archive.cli.options import reader
    from archive.verify import verify

    problems, counts = verify(reader(ctx))
    click.echo(", ".join(f"{n} {what}" for what, n in counts.items()), err=True)
    for problem in problems:
        click.echo(problem)
    if problems:
        raise click.ClickException(f"{len(problems)} problem(s) found")
    click.echo("ok", err=True)
