"""archive ingest: add reviews from files, folders and standard input."""

from __future__ import annotations

import signal
import sys

import click

from archive.ingest import JOBS_PER_CORE, max_jobs
from archive.sources import MAX_BYTES

INTERRUPTED = 130  # the exit status of a command ended by SIGINT, and so by SIGTERM here


HELP = f"""Add reviews: files, folders (every *.txt and *.md inside, sorted) and - for stdin.

Each review is stored whole in one transaction, with its sentences, persons,
characters, films and mentions. A review is its file: a file edited and ingested
again replaces its review ("updated", the same id); the same text at another path
is "unchanged", or "moved" when its old file is gone. From stdin, a review is its
text. Metadata comes from a YAML front-matter block at the top of the file, from
NAME.meta.json or NAME.meta.yaml beside it, and from --meta (later ones win).

A file that is empty, binary, not text, larger than {MAX_BYTES / 2**20:g} MiB or not a regular
file (a pipe, a device) is refused; the others still go in. Text that is not UTF-8
is read as Windows-1252, with a warning. {{binary}}

One line per file and a summary go to stderr; exit status 1 if any was refused.
On a terminal, more than a few files also get a progress bar (done, rate, time left).

Ctrl-C or SIGTERM stops between reviews (exit status 130); a database locked by
another process for longer than the busy timeout (30 s), full or read-only stops the
call with one line (exit status 1). Either way every review stored is whole, and the
same ingest run again adds the rest.
"""


class _IngestCommand(click.Command):
    """Puts the decoder's rule for binary data into the help when the help is shown:
    importing the analysis package for every command would cost a tenth of a second."""

    def format_help_text(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        from archive.text.decode import RULE

        self.help = HELP.format(binary=RULE)
        super().format_help_text(ctx, formatter)


@click.command("ingest", cls=_IngestCommand, help=HELP, short_help="Add reviews: files, folders, - for stdin.")
@click.argument("paths", nargs=-1, required=True, metavar="PATH...")
@click.option("-q", "--quiet", is_flag=True, help="No line per file, only the summary and problems.")
@click.option("-j", "--jobs", type=click.IntRange(min=1, max=max_jobs()), default=None, metavar="N",
              help=f"Worker processes for analysis (default: one per core, for many files; "
                   f"at most {JOBS_PER_CORE} per core, {max_jobs()} here).")
@click.option("--batch", "batch_size", type=click.IntRange(min=1), default=200, show_default=True, metavar="N",
              help="Reviews per transaction: a crash loses at most the batch under way, never part of a review.")
@click.option("--meta", "meta", multiple=True, metavar="KEY=VALUE",
              help="Metadata for every review of this call (repeatable): title, film, year, director, cast, "
                   "author, outlet, published, url, rating, language, tags, or any other key.")
@click.pass_context
def command(ctx: click.Context, paths: tuple[str, ...], quiet: bool, jobs: int | None, batch_size: int,
            meta: tuple[str, ...]) -> None:
    from archive.cli.progress import Progress
    from archive.ingest import Interrupted, Stopped, default_jobs, run
    from archive.meta import MetaError, parse_assignments
    from archive.terminal import visible

    try:
        given = parse_assignments(meta)
    except MetaError as exc:
        raise click.UsageError(str(exc)) from None

    progress: Progress | None = None

    def on_start(total: int) -> None:
        nonlocal progress
        progress = Progress.for_terminal(total)

    def say(line: str) -> None:
        if progress:
            progress.clear()
        click.echo(line, err=True)

    def on_outcome(outcome) -> None:
        name = visible(outcome.source.label)
        if outcome.status == "refused":
            say(f"refused {name}: {outcome.message}")
        elif not quiet:
            detail = f" ({outcome.sentences} sentences, {outcome.mentions} mentions)" \
                if outcome.status in ("added", "updated") else ""
            note = f": {outcome.message}" if outcome.message else ""
            say(f"{outcome.status} {name} review {outcome.review_id}{detail}{note}")

    def on_progress(done: int) -> None:
        if progress:
            progress.advance(done)

    def on_warning(source, message: str) -> None:
        say(f"warning {visible(source.label)}: {message}")

    def on_wait() -> None:
        if on_terminal():
            from archive.db import BUSY_TIMEOUT_MS

            say(f"waiting: {visible(db_path)} is locked by another process (up to {BUSY_TIMEOUT_MS / 1000:g} s)…")

    def summary(counts: dict[str, int]) -> None:
        if progress:
            progress.clear()
        changed = "".join(f", {counts[s]} {s}" for s in ("updated", "moved") if counts.get(s))
        click.echo(f"{counts['added']} added{changed}, {counts['unchanged']} unchanged, {counts['refused']} refused",
                   err=True)

    db_path = ctx.find_root().obj
    many = len(paths) > 1 or any(p != "-" and not p.endswith((".txt", ".md")) for p in paths)
    previous = signal.signal(signal.SIGTERM, _interrupt)  # SIGTERM ends an ingest as Ctrl-C does
    try:
        counts = run(paths, db_path, batch_size=batch_size, jobs=jobs or (default_jobs() if many else 1),
                     on_start=on_start, on_outcome=on_outcome, on_progress=on_progress, on_warning=on_warning,
                     on_wait=on_wait, meta=given or None)
    except (Interrupted, KeyboardInterrupt) as exc:
        signal.signal(signal.SIGINT, signal.SIG_IGN)  # a second Ctrl-C must not cut the message short
        if isinstance(exc, Interrupted):
            summary(exc.counts)
        click.echo("interrupted: every review stored is whole; the same ingest run again adds the rest", err=True)
        ctx.exit(INTERRUPTED)
    except Stopped as stop:
        summary(stop.counts)
        stored = stop.counts["added"] + stop.counts.get("updated", 0)
        raise click.ClickException(f"{visible(str(stop))}; {stored} review{'s' * (stored != 1)} stored before it, "
                                   "whole; the same ingest run again adds the rest") from None
    finally:
        signal.signal(signal.SIGTERM, previous)
    summary(counts)
    if counts["refused"]:
        ctx.exit(1)


def on_terminal() -> bool:
    return sys.stderr.isatty()


def _interrupt(signum, frame) -> None:
    raise KeyboardInterrupt

