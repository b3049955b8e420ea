"""The archive's counts for `archive stats`: how much it holds, what it mentions most,
its reviews by outlet and by year. Plain SQL over sqlite3, as in queries.py."""

from __future__ import annotations

from archive.queries import Result, _run


def stats(conn, top: int = 10, version: str | None = None) -> tuple[Result, Result]:
    """Counts, and the most mentioned entities. `older analysis`: reviews made with
    another analysis than `version` (today's), which `archive reanalyse` brings up to date."""
    counts = conn.execute(
        "SELECT (SELECT count(*) FROM review), (SELECT count(*) FROM sentence),"
        " (SELECT count(*) FROM person WHERE kind = 'person'), (SELECT count(*) FROM person WHERE kind = 'character'),"
        " (SELECT count(*) FROM film), (SELECT count(*) FROM mention), (SELECT count(*) FROM role),"
        " (SELECT count(*) FROM review WHERE analysis_version IS NOT ?), (SELECT count(*) FROM curation)", (version,)
    ).fetchone()
    totals = Result(["what", "count"], list(zip(
        ("reviews", "sentences", "persons", "characters", "films", "mentions", "roles", "older analysis",
         "decisions"), counts)))
    # The most mentioned: count mentions of every entity (the index alone), cut at the
    # top's last count (ties kept), and count distinct reviews only for those few, which
    # halves the time of counting them for all. `counted` is used twice: SQLite computes
    # it once.
    ranked = _run(conn,
        "WITH counted AS ("
        " SELECT 'person' AS t, person_id AS id, count(*) AS mentions FROM mention WHERE person_id IS NOT NULL"
        "  GROUP BY person_id"
        " UNION ALL SELECT 'film', film_id, count(*) FROM mention WHERE film_id IS NOT NULL GROUP BY film_id),"
        " top AS (SELECT * FROM counted WHERE mentions >="
        "  coalesce((SELECT mentions FROM counted ORDER BY mentions DESC LIMIT 1 OFFSET ?), 0))"
        " SELECT type, name, mentions, reviews FROM ("
        " SELECT p.kind AS type, p.name AS name, top.mentions,"
        "  (SELECT count(DISTINCT review_id) FROM mention WHERE person_id = top.id) AS reviews"
        "  FROM top JOIN person p ON p.id = top.id WHERE top.t = 'person'"
        " UNION ALL SELECT 'film', f.title, top.mentions,"
        "  (SELECT count(DISTINCT review_id) FROM mention WHERE film_id = top.id)"
        "  FROM top JOIN film f ON f.id = top.id WHERE top.t = 'film')"
        " ORDER BY mentions DESC, name LIMIT ?", [top - 1, top])
    return totals, ranked


def stats_by_outlet_and_year(conn) -> tuple[Result, Result]:
    """Reviews per outlet and per year published (from their metadata; NULL: not given)."""
    by_outlet = _run(conn, "SELECT outlet, count(*) AS reviews, min(published) AS first, max(published) AS last"
                           " FROM review GROUP BY outlet ORDER BY reviews DESC, outlet", [])
    by_year = _run(conn, "SELECT CAST(substr(published, 1, 4) AS INTEGER) AS year, count(*) AS reviews,"
                         " count(DISTINCT outlet) AS outlets FROM review GROUP BY year ORDER BY year", [])
    return by_outlet, by_year
