"""archive ingest: add reviews from files, folders and standard input."""

from __future__ import annotations

import click


@click.command("ingest")
@click.argument("paths", nargs=-1, required=True, metavar="PATH...")
@click.option("-q", "--quiet", is_flag=True, help="No line per file, only the summary and problems.")
@click.option("-j", "--jobs", type=click.IntRange(min=1), default=None, metavar="N",
              help="Worker processes for analysis (default: one per core, for many files).")
@click.option("--batch", "batch_size", type=click.IntRange(min=1), default=200, show_default=True, metavar="N",
              help="Reviews per transaction: a crash loses at most the batch under way, never part of a review.")
@click.option("--meta", "meta", multiple=True, metavar="KEY=VALUE",
              help="Metadata for every review of this call (repeatable): title, film, year, director, cast, "
                   "author, outlet, published, url, rating, language, tags, or any other key.")
@click.pass_context
def command(ctx: click.Context, paths: tuple[str, ...], quiet: bool, jobs: int | None, batch_size: int,
            meta: tuple[str, ...]) -> None:
    """Add reviews: files, folders (every *.txt and *.md inside, sorted) and - for stdin.

    Each review is stored whole in one transaction, with its sentences, persons,
    characters, films and mentions. A review is its file: a file edited and ingested
    again replaces its review ("updated", the same id); the same text at another path
    is "unchanged", or "moved" when its old file is gone. From stdin, a review is its
    text. Metadata comes from a YAML front-matter block at the top of the file, from
    NAME.meta.json or NAME.meta.yaml beside it, and from --meta (later ones win).
    A file that is empty, binary or not text is refused; the others still go in.
    One line per file and a summary go to stderr; exit status 1 if any was refused.
    On a terminal, more than a few files also get a progress bar (done, rate, time left).
    """
    from archive.cli.progress import Progress
    from archive.ingest import default_jobs, run
    from archive.meta import MetaError, parse_assignments

    try:
        given = parse_assignments(meta)
    except MetaError as exc:
        raise click.BadParameter(str(exc), param_hint="--meta") from None

    progress: Progress | None = None

    def on_start(total: int) -> None:
        nonlocal progress
        progress = Progress.for_terminal(total)

    def say(line: str) -> None:
        if progress:
            progress.clear()
        click.echo(line, err=True)

    def on_outcome(outcome) -> None:
        if outcome.status == "refused":
            say(f"refused {outcome.source.label}: {outcome.message}")
        elif not quiet:
            detail = f" ({outcome.sentences} sentences, {outcome.mentions} mentions)" \
                if outcome.status in ("added", "updated") else ""
            say(f"{outcome.status} {outcome.source.label} review {outcome.review_id}{detail}")

    def on_progress(done: int) -> None:
        if progress:
            progress.advance(done)

    def on_warning(source, message: str) -> None:
        say(f"warning {source.label}: {message}")

    many = len(paths) > 1 or any(p != "-" and not p.endswith((".txt", ".md")) for p in paths)
    counts = run(paths, ctx.find_root().obj, batch_size=batch_size, jobs=jobs or (default_jobs() if many else 1),
        on_start=on_start, on_outcome=on_outcome, on_progress=on_progress, on_warning=on_warning, meta=given or None)
    if progress:
        progress.clear()
    changed = "".join(f", {counts[s]} {s}" for s in ("updated", "moved") if counts[s])
    click.echo(f"{counts['added']} added{changed}, {counts['unchanged']} unchanged, {counts['refused']} refused", err=True)
    if counts["refused"]:
        ctx.exit(1)
