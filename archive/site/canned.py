"""The canned queries of `archive serve`: the questions people ask of the archive, as
SQL a visitor can read, change and run again. Each is a Datasette canned query: its
`:parameters` become a form."""

from __future__ import annotations

# The entities whose name or title contains :name, by the name as written or folded
# (`hüller` and `huller` both find Sandra Hüller). Serves every query asked by name.
CHOSEN = """chosen(type, id) AS (
  SELECT CASE kind WHEN 'character' THEN 'character' ELSE 'person' END, id FROM person
  WHERE :name <> '' AND (name LIKE '%' || :name || '%' OR name_key LIKE '%' || :name || '%')
  UNION ALL
  SELECT 'film', id FROM film
  WHERE :name <> '' AND (title LIKE '%' || :name || '%' OR title_key LIKE '%' || :name || '%')
)"""
# Their mentions, by the covering indexes on mention(person_id, …) and (film_id, …).
CHOSEN_MENTIONS = """chosen_mention AS (
  SELECT m.* FROM mention m WHERE m.person_id IN (SELECT id FROM chosen WHERE type <> 'film')
  UNION ALL
  SELECT m.* FROM mention m WHERE m.film_id IN (SELECT id FROM chosen WHERE type = 'film')
)"""

# The search of `archive query sentences --text`: archive_match() (the site's SQL
# function, archive.search.parse) turns the words into their search keys for
# sentence_stem, archive_marked() puts <mark> around the words found in the sentence as
# written. The site shows them highlighted; JSON and CSV readers get the same tags.
SEARCH = """SELECT s.review_id, r.source, s.position,
  archive_marked(:q, highlight(sentence_stem, 0, char(2), char(3)), s.text) AS snippet
FROM sentence_stem
JOIN sentence s ON s.id = sentence_stem.rowid
JOIN review r ON r.id = s.review_id
WHERE :q <> '' AND sentence_stem MATCH archive_match(:q)
ORDER BY rank
LIMIT 200"""

# The words as written (`--exact`): plain FTS5 on sentence_fts, its own snippet().
SEARCH_EXACT = """SELECT s.review_id, r.source, s.position,
  snippet(sentence_fts, 0, '<mark>', '</mark>', '…', 16) AS snippet
FROM sentence_fts
JOIN sentence s ON s.id = sentence_fts.rowid
JOIN review r ON r.id = s.review_id
WHERE :q <> '' AND sentence_fts MATCH :q
ORDER BY rank
LIMIT 200"""

CO_MENTIONS = f"""WITH {CHOSEN},
{CHOSEN_MENTIONS}
SELECT d.type, d.entity_id, d.name,
  count(DISTINCT d.sentence_id) AS sentences_together, count(DISTINCT d.review_id) AS reviews
FROM mention_detail d
WHERE d.sentence_id IN (SELECT sentence_id FROM chosen_mention)
  AND NOT EXISTS (SELECT 1 FROM chosen c WHERE c.type = d.type AND c.id = d.entity_id)
GROUP BY d.type, d.entity_id
ORDER BY sentences_together DESC, d.name
LIMIT 200"""

REVIEWS_OF = f"""WITH {CHOSEN},
{CHOSEN_MENTIONS}
SELECT r.id AS review_id, r.source, f.title AS film, count(*) AS mentions,
  group_concat(DISTINCT coalesce(p.name, mf.title)) AS matched
FROM chosen_mention m
JOIN review r ON r.id = m.review_id
LEFT JOIN film f ON f.id = r.film_id
LEFT JOIN person p ON p.id = m.person_id
LEFT JOIN film mf ON mf.id = m.film_id
GROUP BY r.id
ORDER BY mentions DESC, r.id
LIMIT 500"""

CAST = """SELECT f.id AS film_id, f.title AS film, f.year, a.id AS actor_id, a.name AS actor, c.id AS character_id,
  c.name AS character, role.review_id
FROM role
JOIN person c ON c.id = role.character_id
JOIN person a ON a.id = role.actor_id
LEFT JOIN film f ON f.id = c.film_id
WHERE :film = '' OR f.title LIKE '%' || :film || '%' OR f.title_key LIKE '%' || :film || '%'
ORDER BY f.title, a.name, c.name
LIMIT 500"""

MOST_MENTIONED = """SELECT type, entity_id, name, mentions, reviews
FROM entity_count
ORDER BY mentions DESC, reviews DESC, name
LIMIT 100"""

QUERIES = {
    "search": {
        "title": "Search the sentences",
        "description": "Full-text search as archive query sentences --text does it: words, \"phrases\", prefix*,"
                       " AND, OR, NOT (in capitals), NEAR(a b, 5); Gewalt* OR Liebe finds either. German-aware:"
                       " Film finds Filme and Films, spielen finds spielt, Strasse finds Straße, Mueller finds"
                       " Müller. Best hits first, the words found marked. The words exactly as written: the next"
                       " query.",
        "sql": SEARCH,
        "hide_sql": True,  # the search box first; "show" reveals the SQL
    },
    "search_exact": {
        "title": "Search the sentences, words as written",
        "description": "The same syntax on the words as written (archive query sentences --text … --exact):"
                       " Film finds Film only; case and accents still do not matter (Asthetik finds Ästhetik)."
                       " This is plain FTS5 on sentence_fts, as any SQLite tool can ask it.",
        "sql": SEARCH_EXACT,
        "hide_sql": True,
    },
    "co_mentions": {
        "title": "Who is mentioned with whom",
        "description": "The people, characters and films named in the same sentences as the entities whose"
                       " name contains the text given (hüller and huller both find Sandra Hüller),"
                       " most sentences together first.",
        "sql": CO_MENTIONS,
        "hide_sql": True,
    },
    "reviews_of": {
        "title": "Reviews of a person or film",
        "description": "The reviews that mention a person, character or film whose name contains the text"
                       " given, the most mentions first.",
        "sql": REVIEWS_OF,
        "hide_sql": True,
    },
    "cast": {
        "title": "The cast of a film",
        "description": "Who plays whom, as the reviews say it, for the films whose title contains the text"
                       " given (empty: every film).",
        "sql": CAST,
        "hide_sql": True,
    },
    "most_mentioned": {
        "title": "The most mentioned",
        "description": "People, characters and films by how often the reviews name them.",
        "sql": MOST_MENTIONED,
    },
}
