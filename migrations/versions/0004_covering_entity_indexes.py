"""mention indexes by entity cover the review too

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-26

`(person_id, review_id)` and `(film_id, review_id)` replace the single-column indexes:
counting an entity's mentions and reviews (`query persons`, `query films`, `stats`) then
reads only the index. Measured on 1M mentions: persons 905 -> 275 ms, films 291 -> 51 ms.
"""
from alembic import op

revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_mention_person_review", "mention", ["person_id", "review_id"])
    op.create_index("ix_mention_film_review", "mention", ["film_id", "review_id"])
    op.drop_index("ix_mention_person_id", table_name="mention")
    op.drop_index("ix_mention_film_id", table_name="mention")


def downgrade() -> None:
    op.create_index("ix_mention_person_id", "mention", ["person_id"])
    op.create_index("ix_mention_film_id", "mention", ["film_id"])
    op.drop_index("ix_mention_film_review", table_name="mention")
    op.drop_index("ix_mention_person_review", table_name="mention")
