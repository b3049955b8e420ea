"""The archive in a browser: Datasette on the archive file, with the archive's own
metadata (titles, descriptions, canned queries, facets), pages and links.

Datasette opens the file read-only (`mode=ro`, Datasette's normal mode), not as
immutable: an archive keeps growing, `archive ingest` may write while the site is up,
and new reviews then show on the next page load. Immutable mode (`datasette -i`)
would promise SQLite the file never changes, and would not read what is still in
the write-ahead log. Nothing of the site writes to the file."""

from __future__ import annotations

import sqlite3
from pathlib import Path

TEMPLATES = Path(__file__).with_name("templates")
# A canned query on a large archive (a million sentences) may take a few seconds.
# A review's body is cut at 300 characters in tables (its own page shows it whole).
SETTINGS = {"sql_time_limit_ms": 5000, "facet_time_limit_ms": 500, "suggest_facets": False,
            "truncate_cells_html": 300}


def make_datasette(path: str):
    """A Datasette serving the archive at `path` as the database `archive`, with the
    plugin registered and the metadata fitted to the file's schema."""
    from datasette.app import Datasette
    from datasette.database import Database
    from datasette.plugins import pm

    from archive.site import metadata, plugin

    if not pm.is_registered(plugin):
        pm.register(plugin, name="archive-site")
    conn = sqlite3.connect(f"{Path(path).resolve().as_uri()}?mode=ro", uri=True)
    try:
        site_metadata = metadata.build(conn)
    finally:
        conn.close()
    datasette = Datasette(metadata=site_metadata, template_dir=str(TEMPLATES), settings=SETTINGS)
    # The footer's tooltip names the version; Datasette gives it to its own views only,
    # so the archive's pages and every error page said `Datasette v`.
    from datasette.version import __version__

    datasette.jinja_env.globals["datasette_version"] = __version__
    datasette.remove_database("_memory")  # made when Datasette is given no files
    datasette.add_database(Database(datasette, path=str(Path(path).resolve()), is_mutable=True),
                           name=metadata.DATABASE)
    return datasette


def serve(path: str, host: str, port: int) -> None:
    """Serve until interrupted (uvicorn, one worker, as `datasette serve` does)."""
    import asyncio

    import uvicorn

    datasette = make_datasette(path)
    asyncio.run(datasette.invoke_startup())
    uvicorn.run(datasette.app(), host=host, port=port, log_level="warning", lifespan="on", workers=1)
