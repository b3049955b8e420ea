"""archive ingest: add reviews from files, folders and standard input."""

from __future__ import annotations

import sys

import click


@click.command("ingest")
@click.argument("paths", nargs=-1, required=True, metavar="PATH...")
@click.option("-q", "--quiet", is_flag=True, help="No line per file, only the summary and problems.")
@click.option("-j", "--jobs", type=click.IntRange(min=1), default=None, metavar="N",
              help="Worker processes for analysis (default: one per core, for many files).")
@click.option("--batch", "batch_size", type=click.IntRange(min=1), default=200, show_default=True, metavar="N",
              help="Reviews per transaction: a crash loses at most the batch under way, never part of a review.")
@click.pass_context
def command(ctx: click.Context, paths: tuple[str, ...], quiet: bool, jobs: int | None, batch_size: int) -> None:
    """Add reviews: files, folders (every *.txt and *.md inside, sorted) and - for stdin.

    Each review is stored whole in one transaction, with its sentences, persons,
    characters, films and mentions. The same text twice is stored once ("unchanged").
    A file that is empty, binary or not text is refused; the others still go in.
    One line per file and a summary go to stderr; exit status 1 if any was refused.
    """
    from archive.ingest import default_jobs, run

    counts = {"added": 0, "unchanged": 0, "refused": 0}
    progress = _Progress() if sys.stderr.isatty() else None

    def on_outcome(outcome) -> None:
        counts[outcome.status] += 1
        if progress:
            progress.clear()
        if outcome.status == "refused":
            click.echo(f"refused {outcome.source.label}: {outcome.message}", err=True)
        elif not quiet:
            detail = f" ({outcome.sentences} sentences, {outcome.mentions} mentions)" if outcome.status == "added" else ""
            click.echo(f"{outcome.status} {outcome.source.label} review {outcome.review_id}{detail}", err=True)
        if progress:
            progress.show(sum(counts.values()))

    def on_warning(source, message: str) -> None:
        click.echo(f"warning {source.label}: {message}", err=True)

    many = len(paths) > 1 or any(p != "-" and not p.endswith((".txt", ".md")) for p in paths)
    run(paths, ctx.find_root().obj, batch_size=batch_size, jobs=jobs or (default_jobs() if many else 1),
        on_outcome=on_outcome, on_warning=on_warning)
    if progress:
        progress.clear()
    click.echo(f"{counts['added']} added, {counts['unchanged']} unchanged, {counts['refused']} refused", err=True)
    if counts["refused"]:
        ctx.exit(1)


class _Progress:
    """A one-line progress display on a terminal: reviews done and rate."""

    def __init__(self) -> None:
        import time

        self.clock = time.monotonic
        self.started = self.clock()

    def show(self, done: int) -> None:
        elapsed = max(self.clock() - self.started, 1e-9)
        sys.stderr.write(f"\r{done} reviews, {done / elapsed:.0f}/s, {elapsed:.0f}s")
        sys.stderr.flush()

    def clear(self) -> None:
        sys.stderr.write("\r\033[K")
