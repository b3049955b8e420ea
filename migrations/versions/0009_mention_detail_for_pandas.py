"""mention_detail gains entity_id and the mentioned film's year

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-01

A pandas user joining mentions to `entity_count` had to coalesce `person_id` and
`film_id` first, and to join `film` for its year. The view now carries both: `entity_id`
(the `person.id` or `film.id` of the mention, as in `entity_count`) and `year` (the film's
year, for a film mention whose year the text gives; NULL otherwise). The old columns keep
their names and places; the two new ones come last, so `SELECT *` readers by position
still work. Only the view changes: no rows are touched either way.
"""
from alembic import op

revision = '0009'
down_revision = '0008'
branch_labels = None
depends_on = None

_COLUMNS_0002 = """m.id AS mention_id, m.review_id, r.source, m.sentence_id, s.position AS sentence_position,
               m.start_char, m.end_char, m.surface,
               CASE WHEN m.film_id IS NOT NULL THEN 'film'
                    WHEN p.kind = 'character' THEN 'character' ELSE 'person' END AS type,
               coalesce(p.name, f.title) AS name, m.person_id, m.film_id, s.text AS sentence"""

_JOINS = """FROM mention m
        JOIN review r ON r.id = m.review_id
        JOIN sentence s ON s.id = m.sentence_id
        LEFT JOIN person p ON p.id = m.person_id
        LEFT JOIN film f ON f.id = m.film_id"""


def upgrade() -> None:
    op.execute("DROP VIEW mention_detail")
    op.execute(f"""CREATE VIEW mention_detail AS
        SELECT {_COLUMNS_0002},
               coalesce(m.person_id, m.film_id) AS entity_id, f.year AS year
        {_JOINS}""")


def downgrade() -> None:
    op.execute("DROP VIEW mention_detail")
    op.execute(f"""CREATE VIEW mention_detail AS
        SELECT {_COLUMNS_0002}
        {_JOINS}""")
