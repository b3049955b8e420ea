"""the archive as a curated collection: review metadata, films reviewed, the keeper's
decisions, and one word for a real person's type

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-01

- `review` gains the metadata a keeper gives (title, author, outlet, published, url,
  rating, language), every key as JSON (`meta`), the file's front matter as written,
  and the analysis version it was made with; `review_film` links a review to the films
  it is about, `credit` to its director and cast; `curation` keeps every merge, rename, retype, alias and dropped mention.
- `person.kind` says `person` where it said `real`: the type is `person`, `character`
  or `film` everywhere. SQLite cannot change a CHECK constraint, and copying the table
  (Alembic's batch mode) fails: `mention` and `role` point at `person`, and dropping it
  inside the migration's transaction breaks their foreign keys. The text of the two
  CHECKs is changed in place instead, as https://www.sqlite.org/lang_altertable.html
  describes for constraint changes that do not touch the stored rows.
- The views say `p.kind` as the type, and `review_detail` shows every review's metadata.
"""
import sqlalchemy as sa
from alembic import op

revision = '0006'
down_revision = '0005'
branch_labels = None
depends_on = None

META_COLUMNS = ("title", "author", "outlet", "published", "url", "rating", "language", "meta", "front_matter",
                "analysis_version")

ENTITY_COUNT = """CREATE VIEW entity_count AS
        SELECT {kind} AS type, p.id AS entity_id,
               p.name AS name, count(m.id) AS mentions, count(DISTINCT m.review_id) AS reviews
        FROM person p LEFT JOIN mention m ON m.person_id = p.id GROUP BY p.id
        UNION ALL
        SELECT 'film', f.id, f.title, count(m.id), count(DISTINCT m.review_id)
        FROM film f LEFT JOIN mention m ON m.film_id = f.id GROUP BY f.id"""

REVIEW_DETAIL = """CREATE VIEW review_detail AS
        SELECT r.id AS review_id, r.source, r.title, r.author, r.outlet, r.published, r.url, r.rating, r.language,
               (SELECT group_concat(title, '; ') FROM (SELECT f2.title FROM review_film rf
                 JOIN film f2 ON f2.id = rf.film_id WHERE rf.review_id = r.id ORDER BY rf.position)) AS reviewed,
               f.title AS film, r.sentence_count AS sentences, r.mention_count AS mentions,
               r.analysis_version, r.ingested_at, r.meta
        FROM review r LEFT JOIN film f ON f.id = r.film_id"""


def _set_person_kind(old: str, new: str) -> None:
    """Change the stored value and the CHECKs that name it, in one transaction."""
    op.execute("DROP INDEX IF EXISTS ux_person_real")
    op.execute("DROP INDEX IF EXISTS ux_person_person")
    version = op.get_bind().exec_driver_sql("PRAGMA schema_version").scalar()
    op.execute("PRAGMA writable_schema = ON")
    op.execute(f"UPDATE sqlite_master SET sql = replace(sql, '''{old}''', '''{new}''')"
               " WHERE type = 'table' AND name = 'person'")
    op.execute(f"PRAGMA schema_version = {version + 1}")  # every connection reads the schema again
    op.execute("PRAGMA writable_schema = OFF")
    op.execute(f"UPDATE person SET kind = '{new}' WHERE kind = '{old}'")
    index = "ux_person_person" if new == "person" else "ux_person_real"
    op.execute(f"CREATE UNIQUE INDEX {index} ON person (name) WHERE kind = '{new}'")


def upgrade() -> None:
    op.execute("DROP VIEW entity_count")
    _set_person_kind("real", "person")
    op.execute(ENTITY_COUNT.format(kind="p.kind"))
    for column in META_COLUMNS:
        op.execute(f"ALTER TABLE review ADD COLUMN {column} TEXT")
    op.drop_index("ix_review_listing", table_name="review")
    op.create_index("ix_review_listing", "review", ["id", "source", "film_id", "sentence_count", "mention_count",
                                                     "ingested_at", "title", "author", "outlet", "published"])
    op.create_index("ix_review_source", "review", ["source"])
    op.create_index("ix_review_identity", "review", ["sha256", "meta"])
    op.create_table(
        "review_film",
        sa.Column("review_id", sa.Integer(), nullable=False),
        sa.Column("film_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["review_id"], ["review.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["film_id"], ["film.id"]),
        sa.PrimaryKeyConstraint("review_id", "film_id"),
    )
    op.create_index("ix_review_film_film_id", "review_film", ["film_id"])
    op.create_table(
        "credit",
        sa.Column("review_id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("job", sa.String(8), nullable=False),
        sa.CheckConstraint("job IN ('director', 'cast')", name="ck_credit_job"),
        sa.ForeignKeyConstraint(["review_id"], ["review.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["person_id"], ["person.id"]),
        sa.PrimaryKeyConstraint("review_id", "person_id", "job"),
    )
    op.create_index("ix_credit_person_id", "credit", ["person_id"])
    op.create_table(
        "curation",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("action", sa.String(12), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=True),
        sa.Column("film_id", sa.Integer(), nullable=True),
        sa.Column("name", sa.Text(), nullable=True),
        sa.Column("type", sa.String(9), nullable=True),
        sa.Column("value", sa.Text(), nullable=True),
        sa.Column("review_id", sa.Integer(), nullable=True),
        sa.Column("start_char", sa.Integer(), nullable=True),
        sa.Column("end_char", sa.Integer(), nullable=True),
        sa.Column("surface", sa.Text(), nullable=True),
        sa.Column("made_at", sa.Text(), nullable=False),
        sa.CheckConstraint("action IN ('merge', 'rename', 'retype', 'alias', 'drop-mention')",
                           name="ck_curation_action"),
        sa.CheckConstraint(
            "(action = 'drop-mention' AND review_id IS NOT NULL AND start_char IS NOT NULL AND end_char IS NOT NULL)"
            " OR (action <> 'drop-mention' AND (person_id IS NULL) <> (film_id IS NULL) AND name IS NOT NULL)",
            name="ck_curation_target"),
        sa.ForeignKeyConstraint(["person_id"], ["person.id"]),
        sa.ForeignKeyConstraint(["film_id"], ["film.id"]),
        sa.ForeignKeyConstraint(["review_id"], ["review.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_curation_person_id", "curation", ["person_id"])
    op.create_index("ix_curation_film_id", "curation", ["film_id"])
    op.create_index("ix_curation_review_id", "curation", ["review_id"])
    op.execute(REVIEW_DETAIL)


def downgrade() -> None:
    # The decisions and the films reviewed have no place below 0006; reviews, entities
    # and mentions keep every row.
    op.execute("DROP VIEW review_detail")
    op.drop_table("curation")
    op.drop_table("credit")
    op.drop_table("review_film")
    op.drop_index("ix_review_identity", table_name="review")
    op.drop_index("ix_review_source", table_name="review")
    op.drop_index("ix_review_listing", table_name="review")
    op.create_index("ix_review_listing", "review",
                    ["id", "source", "film_id", "sentence_count", "mention_count", "ingested_at"])
    for column in reversed(META_COLUMNS):
        op.execute(f"ALTER TABLE review DROP COLUMN {column}")
    op.execute("DROP VIEW entity_count")
    _set_person_kind("person", "real")
    op.execute(ENTITY_COUNT.format(kind="CASE p.kind WHEN 'real' THEN 'person' ELSE 'character' END"))
