"""full-text index of sentences and views for plain SQL

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-25

`sentence_fts` is an FTS5 index over sentence.text (external content, kept in step by
triggers; diacritics folded so `Asthetik` finds Ästhetik). Datasette recognises it as
the full-text index of `sentence` by its `content="sentence"`.
`mention_detail` spares the joins for every mention; `entity_count` counts per entity.
"""
from alembic import op

revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute(
        """CREATE VIRTUAL TABLE sentence_fts USING fts5(
            text, content="sentence", content_rowid="id", tokenize="unicode61 remove_diacritics 2")"""
    )
    op.execute("""CREATE TRIGGER sentence_fts_insert AFTER INSERT ON sentence BEGIN
        INSERT INTO sentence_fts (rowid, text) VALUES (new.id, new.text); END""")
    op.execute("""CREATE TRIGGER sentence_fts_delete AFTER DELETE ON sentence BEGIN
        INSERT INTO sentence_fts (sentence_fts, rowid, text) VALUES ('delete', old.id, old.text); END""")
    op.execute("""CREATE TRIGGER sentence_fts_update AFTER UPDATE OF text ON sentence BEGIN
        INSERT INTO sentence_fts (sentence_fts, rowid, text) VALUES ('delete', old.id, old.text);
        INSERT INTO sentence_fts (rowid, text) VALUES (new.id, new.text); END""")
    op.execute("INSERT INTO sentence_fts (sentence_fts) VALUES ('rebuild')")
    op.execute(
        """CREATE VIEW mention_detail AS
        SELECT m.id AS mention_id, m.review_id, r.source, m.sentence_id, s.position AS sentence_position,
               m.start_char, m.end_char, m.surface,
               CASE WHEN m.film_id IS NOT NULL THEN 'film'
                    WHEN p.kind = 'character' THEN 'character' ELSE 'person' END AS type,
               coalesce(p.name, f.title) AS name, m.person_id, m.film_id, s.text AS sentence
        FROM mention m
        JOIN review r ON r.id = m.review_id
        JOIN sentence s ON s.id = m.sentence_id
        LEFT JOIN person p ON p.id = m.person_id
        LEFT JOIN film f ON f.id = m.film_id"""
    )
    op.execute(
        """CREATE VIEW entity_count AS
        SELECT CASE p.kind WHEN 'real' THEN 'person' ELSE 'character' END AS type, p.id AS entity_id,
               p.name AS name, count(m.id) AS mentions, count(DISTINCT m.review_id) AS reviews
        FROM person p LEFT JOIN mention m ON m.person_id = p.id GROUP BY p.id
        UNION ALL
        SELECT 'film', f.id, f.title, count(m.id), count(DISTINCT m.review_id)
        FROM film f LEFT JOIN mention m ON m.film_id = f.id GROUP BY f.id"""
    )


def downgrade() -> None:
    op.execute("DROP VIEW entity_count")
    op.execute("DROP VIEW mention_detail")
    op.execute("DROP TRIGGER sentence_fts_update")
    op.execute("DROP TRIGGER sentence_fts_delete")
    op.execute("DROP TRIGGER sentence_fts_insert")
    op.execute("DROP TABLE sentence_fts")
