"""sentences enter the full-text index from the writer, not from a trigger

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-26

An FTS5 insert per row from a trigger cost two thirds of storing a review; the writer
now adds a review's sentences to `sentence_fts` with one executemany in the same
transaction. The delete and update triggers stay. Anyone inserting sentences by hand
rebuilds the index with `INSERT INTO sentence_fts (sentence_fts) VALUES ('rebuild')`;
`archive check` reports an index out of step.
"""
from alembic import op

revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute("DROP TRIGGER sentence_fts_insert")


def downgrade() -> None:
    op.execute("""CREATE TRIGGER sentence_fts_insert AFTER INSERT ON sentence BEGIN
        INSERT INTO sentence_fts (rowid, text) VALUES (new.id, new.text); END""")
