"""Query latency on an archive of about a million sentences: every `archive query`
subcommand, `archive show` and `archive stats`, each three ways, and start-up time.

    python3 benchmarks/queries.py                # builds .cache/archive-s1-40000.db once
    python3 benchmarks/queries.py --plans        # also EXPLAIN QUERY PLAN of every case
    python3 benchmarks/queries.py --db other.db  # any archive

For each case:

- library: the archive.queries call the command makes (name matching included) on an
  open connection, median of several runs;
- hand SQL: one hand-written statement giving the same rows, on the same connection
  [library <= 2x this], run in turns with the library call; the ratio by wall clock
  and by this process's CPU time (what a loaded machine disturbs least);
- CLI: the whole command (`archive --db DB query ...`, table format, stdout to a
  pipe), median of several runs [<= 0.35 s];

and `archive --help` [<= 0.15 s] beside `python3 -c pass` and bare imports. Cases over
a target get their statements' query plans printed (every case with --plans).

The archive is built once from 40,000 generated reviews (benchmarks/generate.py) with
`archive ingest --jobs 2` and kept under benchmarks/.cache/ (git-ignored).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import sqlite3
import statistics
import subprocess
import sys
import time
from pathlib import Path

from common import CACHE, archive_cmd, corpus, machine, run_measured, table, verdict

TARGET_LIB_RATIO = 2.0
TARGET_CLI = 0.35
TARGET_HELP = 0.15


def build(n: int, seed: int) -> Path:
    """The cached archive of n generated reviews, built with archive's own ingest."""
    db = CACHE / f"archive-s{seed}-{n}.db"
    if db.exists():  # built by an older archive perhaps: bring its schema up to date
        done = subprocess.run(archive_cmd() + ["--db", str(db), "db", "upgrade"], capture_output=True, text=True)
        if done.returncode != 0:
            sys.exit(f"archive db upgrade failed: {done.stderr.strip()}")
        return db
    folder = corpus(n, seed)
    partial = CACHE / f"building-{db.name}"
    for suffix in ("", "-wal", "-shm"):
        Path(f"{partial}{suffix}").unlink(missing_ok=True)
    print(f"# building {db.name}: archive ingest --jobs 2 of {n} reviews (minutes)", file=sys.stderr)
    seconds, peak, done = run_measured(archive_cmd() + ["--db", str(partial), "ingest", "-q", "--jobs", "2", str(folder)])
    if done.returncode != 0:
        sys.exit(f"ingest failed ({done.returncode}): {done.stderr[-2000:]}")
    conn = sqlite3.connect(partial)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    for suffix in ("-wal", "-shm"):
        Path(f"{partial}{suffix}").unlink(missing_ok=True)
    partial.rename(db)
    (CACHE / f"{db.name}.json").write_text(json.dumps({"reviews": n, "seconds": seconds, "peak_rss_mib": peak}))
    print(f"# built in {seconds:.0f} s, peak RSS {peak} MiB", file=sys.stderr)
    return db


def pick(conn) -> dict:
    """Arguments that make each query do real work: the most mentioned person and film
    (a part of their name, as a user types it), a mid-ranked person, a review in the middle."""
    top_person = conn.execute(
        "SELECT p.name FROM mention m JOIN person p ON p.id = m.person_id WHERE p.kind = 'person'"
        " GROUP BY m.person_id ORDER BY count(*) DESC LIMIT 1").fetchone()[0]
    mid_person = conn.execute(
        "SELECT p.name FROM mention m JOIN person p ON p.id = m.person_id WHERE p.kind = 'person' AND p.name LIKE '% %'"
        " GROUP BY m.person_id ORDER BY count(*) DESC LIMIT 1 OFFSET 200").fetchone()[0]
    top_film = conn.execute(
        "SELECT f.title FROM mention m JOIN film f ON f.id = m.film_id WHERE f.title LIKE '% %'"
        " GROUP BY m.film_id ORDER BY count(*) DESC LIMIT 1").fetchone()[0]
    top_character = conn.execute(
        "SELECT p.name FROM role r JOIN person p ON p.id = r.character_id GROUP BY p.name ORDER BY count(*) DESC"
        " LIMIT 1").fetchone()[0]
    reviews = conn.execute("SELECT max(id) FROM review").fetchone()[0]
    # The most words a search may have (archive.search.MAX_TERMS), of middling frequency.
    from archive.search import MAX_TERMS

    conn.execute("CREATE VIRTUAL TABLE IF NOT EXISTS temp.words USING fts5vocab(main, sentence_fts, row)")
    many = " OR ".join(w for (w,) in conn.execute(
        "SELECT term FROM temp.words WHERE term GLOB '[a-z]*' AND length(term) > 4 ORDER BY doc DESC"
        " LIMIT ? OFFSET 200", (MAX_TERMS,)))
    return {"many": many, "person": top_person.lower(), "mid_person": mid_person.lower(), "film": top_film.lower(),
            "character": top_character, "review": reviews // 2, "word": "Verfolgungsjagd", "rare": "Walhalla"}


def cases(a: dict) -> list[dict]:
    """name, CLI arguments, the library call, and the hand-written SQL with its parameters."""
    from archive import counts
    from archive import queries as q
    from archive.search import parse

    def stemmed(text: str) -> str:  # the FTS5 query on sentence_stem, as one would write it by hand
        return parse(text).match

    P, MP, F, R = a["person"], a["mid_person"], a["film"], a["review"]
    like = lambda s: f"%{s}%"  # noqa: E731  (the names picked are plain: no folding or escaping needed)
    person_ids = "SELECT id FROM person WHERE name_key LIKE ?"
    film_ids = "SELECT id FROM film WHERE title_key LIKE ?"
    counts = "r.sentence_count, r.mention_count"  # stored with each review (migration 0005)
    kind = "p.kind"
    return [
        dict(name="query reviews --limit 50", cli=["query", "reviews", "--limit", "50"],
             lib=lambda c: q.reviews(c, limit=50),
             sql=(f"SELECT r.id, r.source, f.title, {counts}, r.ingested_at FROM review r"
                  " LEFT JOIN film f ON f.id = r.film_id ORDER BY r.id LIMIT 50", [])),
        dict(name="query reviews (all)", cli=["query", "reviews"], lib=lambda c: q.reviews(c),
             sql=(f"SELECT r.id, r.source, f.title, {counts}, r.ingested_at FROM review r"
                  " LEFT JOIN film f ON f.id = r.film_id ORDER BY r.id", [])),
        dict(name=f"query reviews --person '{P}'", cli=["query", "reviews", "--person", P],
             lib=lambda c: q.reviews(c, [q.match_persons(c, P)]),
             sql=(f"WITH hit AS (SELECT DISTINCT review_id FROM mention WHERE person_id IN ({person_ids}))"
                  f" SELECT r.id, r.source, f.title, {counts}, (SELECT group_concat(DISTINCT p.name) FROM mention m"
                  f" JOIN person p ON p.id = m.person_id WHERE m.review_id = r.id AND p.id IN ({person_ids})),"
                  " r.ingested_at FROM hit JOIN review r ON r.id = hit.review_id LEFT JOIN film f ON f.id = r.film_id"
                  " ORDER BY r.id", [like(P), like(P)])),
        dict(name=f"query reviews --person '{P}' --film '{F}'", cli=["query", "reviews", "--person", P, "--film", F],
             lib=lambda c: q.reviews(c, [q.match_persons(c, P)], [q.match_films(c, F)]),
             sql=(f"WITH hit AS (SELECT review_id FROM mention WHERE person_id IN ({person_ids})"
                  f" INTERSECT SELECT review_id FROM mention WHERE film_id IN ({film_ids}))"
                  f" SELECT r.id, r.source, f.title, {counts}, (SELECT group_concat(DISTINCT coalesce(p.name, f2.title))"
                  " FROM mention m LEFT JOIN person p ON p.id = m.person_id LEFT JOIN film f2 ON f2.id = m.film_id"
                  f" WHERE m.review_id = r.id AND (m.person_id IN ({person_ids}) OR m.film_id IN ({film_ids}))),"
                  " r.ingested_at FROM hit JOIN review r ON r.id = hit.review_id"
                  " LEFT JOIN film f ON f.id = r.film_id ORDER BY r.id", [like(P), like(F), like(P), like(F)])),
        dict(name=f"query reviews --text {a['word']}", cli=["query", "reviews", "--text", a["word"]],
             lib=lambda c: q.reviews(c, text=a["word"]),
             sql=(f"SELECT r.id, r.source, f.title, {counts}, r.ingested_at FROM review r"
                  " JOIN (SELECT s.review_id, min(sentence_stem.rank) AS score FROM sentence_stem JOIN sentence s"
                  " ON s.id = sentence_stem.rowid WHERE sentence_stem MATCH ? GROUP BY s.review_id) hit"
                  " ON hit.review_id = r.id LEFT JOIN film f ON f.id = r.film_id ORDER BY hit.score, r.id",
                  [stemmed(a["word"])])),
        dict(name=f"query reviews --text {a['word']} --exact", cli=["query", "reviews", "--text", a["word"], "--exact"],
             lib=lambda c: q.reviews(c, text=a["word"], exact=True),
             sql=(f"SELECT r.id, r.source, f.title, {counts}, r.ingested_at FROM review r"
                  " JOIN (SELECT s.review_id, min(sentence_fts.rank) AS score FROM sentence_fts JOIN sentence s"
                  " ON s.id = sentence_fts.rowid WHERE sentence_fts MATCH ? GROUP BY s.review_id) hit"
                  " ON hit.review_id = r.id LEFT JOIN film f ON f.id = r.film_id ORDER BY hit.score, r.id",
                  [a["word"]])),
        dict(name="query persons --limit 50", cli=["query", "persons", "--limit", "50"],
             lib=lambda c: q.persons(c, limit=50),
             sql=(f"SELECT p.id, p.name, {kind}, f.title, n.mentions, n.reviews FROM (SELECT person_id,"
                  " count(*) AS mentions, count(DISTINCT review_id) AS reviews FROM mention WHERE person_id IS NOT NULL"
                  " GROUP BY person_id) n JOIN person p ON p.id = n.person_id LEFT JOIN film f ON f.id = p.film_id"
                  " ORDER BY n.mentions DESC, p.name LIMIT 50", [])),
        dict(name=f"query persons --with '{MP}'", cli=["query", "persons", "--with", MP],
             lib=lambda c: q.persons(c, with_=q.match_persons(c, MP, option="--with")),
             sql=(f"WITH w AS ({person_ids}) SELECT p.id, p.name, {kind}, count(DISTINCT m2.sentence_id) AS together,"
                  " count(DISTINCT m2.review_id), group_concat(DISTINCT p1.name) FROM mention m1"
                  " JOIN mention m2 ON m2.sentence_id = m1.sentence_id JOIN person p ON p.id = m2.person_id"
                  " JOIN person p1 ON p1.id = m1.person_id WHERE m1.person_id IN w AND m2.person_id NOT IN w"
                  " GROUP BY p.id ORDER BY together DESC, p.name", [like(MP)])),
        dict(name=f"query persons --review {R}", cli=["query", "persons", "--review", str(R)],
             lib=lambda c: q.persons(c, review=R),
             sql=(f"SELECT p.id, p.name, {kind}, f.title, count(*) AS n, count(DISTINCT m.review_id) FROM mention m"
                  " JOIN person p ON p.id = m.person_id LEFT JOIN film f ON f.id = p.film_id WHERE m.review_id = ?"
                  " GROUP BY p.id ORDER BY n DESC, p.name", [R])),
        dict(name=f"query persons --film '{F}' --limit 50", cli=["query", "persons", "--film", F, "--limit", "50"],
             lib=lambda c: q.persons(c, film=q.match_films(c, F), limit=50),
             sql=(f"SELECT p.id, p.name, {kind}, f.title, count(*) AS n, count(DISTINCT m.review_id) FROM mention m"
                  " JOIN person p ON p.id = m.person_id LEFT JOIN film f ON f.id = p.film_id WHERE m.review_id IN"
                  f" (SELECT review_id FROM mention WHERE film_id IN ({film_ids}))"
                  " GROUP BY p.id ORDER BY n DESC, p.name LIMIT 50", [like(F)])),
        dict(name="query films --limit 50", cli=["query", "films", "--limit", "50"],
             lib=lambda c: q.films(c, limit=50),
             sql=("SELECT f.id, f.title, f.year, n.mentions, n.reviews FROM (SELECT film_id, count(*) AS mentions,"
                  " count(DISTINCT review_id) AS reviews FROM mention WHERE film_id IS NOT NULL GROUP BY film_id) n"
                  " JOIN film f ON f.id = n.film_id ORDER BY n.mentions DESC, f.title LIMIT 50", [])),
        dict(name=f"query films --person '{P}' --limit 50", cli=["query", "films", "--person", P, "--limit", "50"],
             lib=lambda c: q.films(c, q.match_persons(c, P), limit=50),
             sql=("SELECT f.id, f.title, f.year, count(*) AS n, count(DISTINCT m.review_id) FROM mention m"
                  " JOIN film f ON f.id = m.film_id WHERE m.review_id IN (SELECT review_id FROM mention WHERE person_id IN"
                  f" ({person_ids})) GROUP BY f.id ORDER BY n DESC, f.title LIMIT 50", [like(P)])),
        *[dict(name=f"query sentences --text {w if len(w) < 40 else 'W1 OR … W64'}" + (f" --limit {n}" if n else "")
               + (" --exact" if exact else ""),
               cli=["query", "sentences", "--text", w] + (["--limit", str(n)] if n else []) + (["--exact"] if exact else []),
               lib=lambda c, w=w, n=n, exact=exact: q.sentences(c, w, limit=n, exact=exact),
               sql=(f"SELECT s.review_id, s.id, s.position, snippet({t}, 0, '[', ']', '…', 12), s.text"
                    f" FROM {t} JOIN sentence s ON s.id = {t}.rowid WHERE {t} MATCH ?"
                    f" ORDER BY {t}.rank, s.id" + (f" LIMIT {n}" if n else ""), [w if exact else stemmed(w)]))
          for w, n, exact in ((a["rare"], None, False), (a["word"], 20, False), (a["word"], 20, True),
                              ("Film", 20, False), ("Filme", None, False), ('Gewalt* OR "höchst effektiven"', 20, False),
                              ('"gespielt von"', 20, False), ("NEAR(spielen weiss, 5)", None, False),  # verb forms
                              (a["many"], 20, False))
          for t in ["sentence_fts" if exact else "sentence_stem"]],
        dict(name=f"query sentences --person '{MP}'", cli=["query", "sentences", "--person", MP],
             lib=lambda c: q.sentences(c, persons=[q.match_persons(c, MP)]),
             sql=("SELECT s.review_id, s.id, s.position, m.start_char - s.start_char, m.end_char - s.start_char,"
                  " p.name, s.text FROM mention m JOIN sentence s ON s.id = m.sentence_id JOIN person p"
                  f" ON p.id = m.person_id WHERE m.person_id IN ({person_ids}) ORDER BY s.review_id, s.position,"
                  " m.start_char", [like(MP)])),
        dict(name=f"query sentences --person '{P}' --limit 20",
             cli=["query", "sentences", "--person", P, "--limit", "20"],
             lib=lambda c: q.sentences(c, persons=[q.match_persons(c, P)], limit=20),
             sql=("SELECT s.review_id, s.id, s.position, m.start_char - s.start_char, m.end_char - s.start_char,"
                  " p.name, s.text FROM mention m JOIN sentence s ON s.id = m.sentence_id JOIN person p"
                  f" ON p.id = m.person_id WHERE m.sentence_id IN (SELECT DISTINCT sentence_id FROM mention WHERE"
                  f" person_id IN ({person_ids}) ORDER BY sentence_id LIMIT 20) AND m.person_id IN ({person_ids})"
                  " ORDER BY s.review_id, s.position, m.start_char", [like(P), like(P)])),
        dict(name=f"query sentences --film '{F}'", cli=["query", "sentences", "--film", F],
             lib=lambda c: q.sentences(c, films=[q.match_films(c, F)]),
             sql=("SELECT s.review_id, s.id, s.position, m.start_char - s.start_char, m.end_char - s.start_char,"
                  " f.title, s.text FROM mention m JOIN sentence s ON s.id = m.sentence_id JOIN film f"
                  f" ON f.id = m.film_id WHERE m.film_id IN ({film_ids}) ORDER BY s.review_id, s.position,"
                  " m.start_char", [like(F)])),
        dict(name=f"query mentions --review {R}", cli=["query", "mentions", "--review", str(R)],
             lib=lambda c: q.mentions(c, review=R),
             sql=("SELECT m.review_id, m.sentence_id, m.start_char, m.end_char, m.surface, CASE WHEN m.film_id IS NOT NULL"
                  " THEN 'film' WHEN p.kind = 'character' THEN 'character' ELSE 'person' END, coalesce(p.name, f.title),"
                  " coalesce(m.person_id, m.film_id) FROM mention m LEFT JOIN person p ON p.id = m.person_id"
                  " LEFT JOIN film f ON f.id = m.film_id WHERE m.review_id = ? ORDER BY m.start_char", [R])),
        dict(name="query mentions --limit 50", cli=["query", "mentions", "--limit", "50"],
             lib=lambda c: q.mentions(c, limit=50),
             sql=("SELECT m.review_id, m.sentence_id, m.start_char, m.end_char, m.surface, CASE WHEN m.film_id IS NOT NULL"
                  " THEN 'film' WHEN p.kind = 'character' THEN 'character' ELSE 'person' END, coalesce(p.name, f.title),"
                  " coalesce(m.person_id, m.film_id) FROM mention m LEFT JOIN person p ON p.id = m.person_id"
                  " LEFT JOIN film f ON f.id = m.film_id ORDER BY m.review_id, m.start_char LIMIT 50", [])),
        dict(name="query cast --limit 50", cli=["query", "cast", "--limit", "50"], lib=lambda c: q.cast(c, limit=50),
             sql=("SELECT c.name, a.name, f.title, r.review_id FROM role r JOIN person c ON c.id = r.character_id"
                  " JOIN person a ON a.id = r.actor_id LEFT JOIN film f ON f.id = c.film_id ORDER BY f.title, c.name"
                  " LIMIT 50", [])),
        dict(name=f"query cast --film '{F}'", cli=["query", "cast", "--film", F],
             lib=lambda c: q.cast(c, q.match_films(c, F)),
             sql=("SELECT c.name, a.name, f.title, r.review_id FROM person c JOIN role r ON r.character_id = c.id"
                  " JOIN person a ON a.id = r.actor_id JOIN film f ON f.id = c.film_id"
                  f" WHERE c.film_id IN ({film_ids}) ORDER BY f.title, c.name", [like(F)])),
        dict(name=f"show {R}", cli=["show", str(R)], lib=lambda c: q.review_detail(c, R),
             sql=("SELECT r.body, f.title, s.id, s.position, s.start_char, s.end_char, m.start_char, m.end_char,"
                  " m.surface, coalesce(p.name, f2.title), p.kind FROM review r LEFT JOIN film f ON f.id = r.film_id"
                  " JOIN sentence s ON s.review_id = r.id LEFT JOIN mention m ON m.sentence_id = s.id"
                  " LEFT JOIN person p ON p.id = m.person_id LEFT JOIN film f2 ON f2.id = m.film_id WHERE r.id = ?"
                  " ORDER BY s.position, m.start_char", [R])),
        dict(name="stats", cli=["stats"], lib=lambda c: counts.stats(c),
             sql=("SELECT (SELECT count(*) FROM review), (SELECT count(*) FROM sentence), (SELECT count(*) FROM person"
                  " WHERE kind = 'person'), (SELECT count(*) FROM person WHERE kind = 'character'), (SELECT count(*)"
                  " FROM film), (SELECT count(*) FROM mention), (SELECT count(*) FROM role), (SELECT group_concat(name)"
                  " FROM (SELECT p.name AS name, count(*) AS n, count(DISTINCT m.review_id) FROM mention m"
                  " JOIN person p ON p.id = m.person_id GROUP BY m.person_id UNION ALL SELECT f.title, count(*),"
                  " count(DISTINCT m.review_id) FROM mention m JOIN film f ON f.id = m.film_id GROUP BY m.film_id"
                  " ORDER BY n DESC, name LIMIT 10))", [])),
    ]


def timed_pair(lib, sql, repeat: int) -> tuple[list[float], object, object]:
    """Medians of the library call and the hand SQL, wall and CPU seconds, the two run in
    turns (lib, SQL, lib, SQL, ...) so that a change in the machine's load falls on both.
    CPU time (this process's) is what other processes on a loaded machine disturb least;
    both calls run in this process, so it counts all their work."""
    lib_result, sql_result = lib(), sql()  # warm: the page cache, SQLite's cache, imports
    wall: dict = {lib: [], sql: []}
    cpu: dict = {lib: [], sql: []}
    for _ in range(repeat):
        for fn in (lib, sql):
            started, started_cpu = time.perf_counter(), time.process_time()
            result = fn()
            wall[fn].append(time.perf_counter() - started)
            cpu[fn].append(time.process_time() - started_cpu)
            lib_result, sql_result = (result, sql_result) if fn is lib else (lib_result, result)
    return ([statistics.median(wall[lib]), statistics.median(wall[sql]), statistics.median(cpu[lib]),
             statistics.median(cpu[sql])], lib_result, sql_result)


def rows_of(result) -> int:
    if isinstance(result, tuple):  # review_detail: (review, sentences, mentions); stats: (totals, ranked)
        return sum(len(r.rows) for r in result if hasattr(r, "rows"))
    return len(result.rows)


def cli_time(db: Path, args: list[str], repeat: int) -> float:
    cmd = archive_cmd() + ["--db", str(db)] + args
    env = dict(os.environ, COLUMNS="120")
    subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=env)
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def statements(conn, fn) -> list[str]:
    """The SQL a library call runs, with its values in place (Python 3.11's trace gives them expanded)."""
    seen: list[str] = []
    conn.set_trace_callback(seen.append)
    try:
        fn(conn)
    finally:
        conn.set_trace_callback(None)
    return [s for s in seen if s.lstrip().upper().startswith(("SELECT", "WITH"))]


def plan(conn, sql: str) -> list[str]:
    try:
        rows = conn.execute("EXPLAIN QUERY PLAN " + sql).fetchall()
    except sqlite3.Error as exc:
        return [f"(cannot explain: {exc})"]
    depth = {0: 0}
    out = []
    for node, parent, _, detail in rows:
        depth[node] = depth.get(parent, 0) + 1
        out.append("  " * depth[node] + detail)
    return out


def startup(repeat: int) -> list[list]:
    py = sys.executable
    rows = []
    for label, cmd in (("python3 -c pass", [py, "-c", "pass"]),
                       ("python3 -c 'import click'", [py, "-c", "import click"]),
                       ("python3 -c 'import archive.cli'", [py, "-c", "import archive.cli"]),
                       ("archive --help", archive_cmd() + ["--help"]),
                       ("archive --version", archive_cmd() + ["--version"]),
                       ("archive query --help", archive_cmd() + ["query", "--help"]),
                       ("archive --help, through PATH", [shutil.which("archive") or "archive", "--help"])):
        subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        times = []
        for _ in range(repeat):
            started = time.perf_counter()
            subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            times.append(time.perf_counter() - started)
        rows.append([label, statistics.median(times)])
    return rows


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", type=Path, help="an existing archive (default: build or reuse the cached one)")
    parser.add_argument("-n", type=int, default=40_000, help="reviews in the built archive (default 40,000)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--repeat", type=int, default=5, help="runs per measurement (median)")
    parser.add_argument("--plans", action="store_true", help="query plans of every case, not only the slow ones")
    parser.add_argument("--only", help="only cases whose name contains this")
    args = parser.parse_args(argv)

    print(f"# machine: {machine()}")
    db = args.db or build(args.n, args.seed)
    conn = sqlite3.connect(f"{db.resolve().as_uri()}?mode=ro", uri=True, isolation_level=None)
    conn.execute("PRAGMA foreign_keys = ON")
    sizes = {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in ("review", "sentence", "mention", "person", "film", "role")}
    print(f"\n## Queries on {db.name}: " + ", ".join(f"{v:,} {k}s" for k, v in sizes.items())
          + f"; {db.stat().st_size / 2**20:.0f} MiB\n")
    chosen = pick(conn)
    print("arguments: " + ", ".join(f"{k}={v!r}" for k, v in chosen.items() if k != "many")
          + f"; W1 … W64: {chosen['many'][:60]}…\n")

    rows, slow = [], []
    for case in cases(chosen):
        if args.only and args.only not in case["name"]:
            continue
        print(f"# {case['name']}", file=sys.stderr)
        sql, params = case["sql"]
        (lib_s, sql_s, lib_cpu, sql_cpu), lib_result, sql_rows = timed_pair(
            lambda: case["lib"](conn), lambda: conn.execute(sql, params).fetchall(), args.repeat)
        cli_s = cli_time(db, case["cli"], args.repeat)
        ratio = lib_s / sql_s if sql_s > 0 else float("inf")
        cpu_ratio = lib_cpu / sql_cpu if sql_cpu > 0 else float("inf")
        rows.append([f"archive {case['name']}", rows_of(lib_result), len(sql_rows), lib_s * 1000, sql_s * 1000,
                     ratio, cpu_ratio, cli_s, "" if ratio <= TARGET_LIB_RATIO and cli_s <= TARGET_CLI else "over"])
        if args.plans or ratio > TARGET_LIB_RATIO or cli_s > TARGET_CLI:
            slow.append(case)
    table(["command", "rows lib", "rows SQL", "library ms", "hand SQL ms", "lib/SQL", "by CPU", "CLI s", ""], rows)
    print("\n(rows differ where the library returns one row per sentence or review and the hand SQL one per mention,"
          " or where show/stats return several result sets; the work is the same)\n")

    start = startup(max(args.repeat, 10))
    table(["start-up", "seconds"], start)
    print()

    help_s = next(s for label, s in start if label == "archive --help")
    over_ratio = [r for r in rows if r[5] > TARGET_LIB_RATIO]
    over_cli = [r for r in rows if r[7] > TARGET_CLI]
    table(["target", "measured", "verdict"], [
        [f"library <= {TARGET_LIB_RATIO}x hand SQL", f"{len(rows) - len(over_ratio)} of {len(rows)} cases; worst "
         f"{max(r[5] for r in rows):.1f}x", verdict(not over_ratio)],
        [f"whole CLI call <= {TARGET_CLI} s", f"{len(rows) - len(over_cli)} of {len(rows)} cases; worst "
         f"{max(r[7] for r in rows):.2f} s", verdict(not over_cli)],
        [f"archive --help <= {TARGET_HELP} s", f"{help_s:.3f} s", verdict(help_s <= TARGET_HELP)],
    ])

    if slow:
        print("\n## Query plans" + (" (cases over a target)" if not args.plans else "") + "\n")
        for case in slow:
            print(f"### archive {case['name']}\n")
            shapes: dict[str, list[str]] = {}  # the same statement in chunks (IN lists) once, with a count
            for sql in statements(conn, case["lib"]):
                shapes.setdefault(re.sub(r"\d+(?:,\d+)*", "N", sql), []).append(sql)
            for same in shapes.values():
                sql = same[0]
                times = f"  (x{len(same)}, in chunks)" if len(same) > 1 else ""
                print("    " + (sql if len(sql) <= 300 else sql[:300] + " …") + times)
                for line in plan(conn, sql):
                    print("    " + line)
                print()
    conn.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
