"""The command line: parses options, calls the library, prints. One module per command.

Data goes to stdout in the format asked; messages go to stderr; an error is one
line and a non-zero exit (1 for what a user can fix, 2 for bad usage)."""

from __future__ import annotations

import os
import sqlite3
import sys
from typing import NoReturn

import click

from archive import __version__


class ArchiveGroup(click.Group):
    """Turns the library's errors into one clear line and exit status 1, and a closed
    pipe on stdout into a quiet exit 0."""

    def make_context(self, *args, **kwargs) -> click.Context:
        try:  # `archive --help | true`: the help is printed while the options are parsed
            return super().make_context(*args, **kwargs)
        except BrokenPipeError:
            _discard_stdout()
            raise click.exceptions.Exit(0) from None

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except (click.ClickException, click.exceptions.Exit, click.exceptions.Abort):
            raise
        except (Exception, KeyboardInterrupt) as exc:
            self._stopped(ctx)  # Ctrl-C or --timeout stopped a statement: that, not its error, is the news
            if isinstance(exc, KeyboardInterrupt):
                raise
            self._one_line(exc)

    @staticmethod
    def _stopped(ctx: click.Context) -> None:
        from archive.cli.interrupt import stopped

        watch = stopped(ctx)
        if watch is not None:
            message, code = watch.stop_message()
            if code == 1:
                raise click.ClickException(message) from None
            click.echo(f"Error: {message}", err=True)
            raise click.exceptions.Exit(code)

    @staticmethod
    def _one_line(exc: Exception) -> NoReturn:
        from archive.db import DatabaseError
        from archive.queries import QueryError

        if isinstance(exc, (DatabaseError, QueryError)):
            raise click.ClickException(str(exc)) from None
        if isinstance(exc, sqlite3.Error):
            raise click.ClickException(f"database error: {exc}") from None
        if isinstance(exc, BrokenPipeError):  # `archive query ... | head`: the reader has all it wants
            _discard_stdout()
            raise click.exceptions.Exit(0) from None
        if isinstance(exc, OSError):
            raise click.ClickException(str(exc)) from None
        if isinstance(exc, UnicodeEncodeError) and "surrogates not allowed" in str(exc):
            # An argument with bytes that are not UTF-8, past the options that check for them.
            raise click.UsageError("an argument is not UTF-8 text; give it in UTF-8") from None
        if os.environ.get("ARCHIVE_DEBUG"):
            raise exc
        # A bug, not the user's doing: still one line, and how to see the rest.
        message = " ".join(str(exc).split()) or "no message"
        raise click.ClickException(
            f"internal error: {type(exc).__name__}: {message} (ARCHIVE_DEBUG=1 shows the traceback)") from None


@click.group(cls=ArchiveGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--db", "db_path", metavar="PATH", envvar="ARCHIVE_DB", default="archive.db", show_default=True,
              help="The database file (also $ARCHIVE_DB).")
@click.version_option(__version__, prog_name="archive")
@click.pass_context
def cli(ctx: click.Context, db_path: str) -> None:
    """Keep German film reviews in one SQLite file and ask it questions.

    \b
      archive ingest reviews/              add reviews (files, folders, - for stdin)
      archive query persons                who is mentioned, how often
      archive query sentences --text Gewalt
      archive show 1                       a review with its mentions marked
      archive sql "SELECT * FROM person"   any read-only SQL
      archive entity merge 7 --into 3      fix an entity; kept for every later analysis
      archive reanalyse                    today's analysis over every stored review
      archive export backup.jsonl          everything, to `archive import` again
      archive serve                        browse it in a web browser
    """
    ctx.obj = db_path


def global_options_first(args: list[str]) -> list[str]:
    """`archive query persons --db other.db` means `archive --db other.db query persons`:
    a --db given after the command moves in front of it, where click looks for it
    (unless one is there already, or it follows `--`, after which all are arguments)."""
    for i, arg in enumerate(args):
        if arg == "--":
            break
        if arg == "--db" or arg.startswith("--db="):
            if i == 0:
                break
            width = 2 if arg == "--db" else 1
            return args[i : i + width] + args[:i] + args[i + width :]
    return args


def _register() -> None:
    from archive.cli import (check, curation, db, entity, export, import_, ingest, mention, query, reanalyse, rm,
                             serve, show, sql, stats)

    for module in (ingest, query, show, stats, sql, db, check, entity, mention, curation, reanalyse, rm, export,
                   import_, serve):
        cli.add_command(module.command)


_register()


def _discard_stdout() -> None:
    """The reader of stdout has gone (`| head -1`, `| true`): what is still buffered for it
    goes nowhere, so neither the exit nor Python's last flush fails with a broken pipe."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError):  # no real file descriptor (a test runner's stream)
        pass


def main() -> None:
    """The console script. A closed pipe on stdout is no error (exit 0, nothing said),
    as `head` expects, wherever it is noticed: in a command or in the last flush."""
    code = 0
    try:
        cli(args=global_options_first(sys.argv[1:]), prog_name="archive")
    except SystemExit as exc:
        code = exc.code
    except BrokenPipeError:  # noticed outside a command (click writing its own help or errors)
        _discard_stdout()
    try:
        sys.stdout.flush()
    except BrokenPipeError:
        _discard_stdout()
    sys.exit(code)
