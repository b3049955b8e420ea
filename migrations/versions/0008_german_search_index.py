"""a German-aware full-text index: sentence_stem, the search keys of every sentence

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-01

`sentence_stem` is an FTS5 table with the same rowid as `sentence`; its one column holds
the sentence's words as search keys (archive.text.stems: Snowball German stem, case and
diacritics folded), space-separated, so `Filme` finds `Films` and `Strasse` finds
`Straße`. The writer fills it beside `sentence_fts`; a trigger removes a sentence's row
when the sentence is deleted; this migration fills it for the sentences already stored.
`sentence_fts` (the words as written) is unchanged.
"""
from alembic import op

revision = '0008'
down_revision = '0007'
branch_labels = None
depends_on = None

CHUNK = 5_000


def upgrade() -> None:
    from archive.text.stems import keys

    op.execute('CREATE VIRTUAL TABLE sentence_stem USING fts5(text, tokenize="unicode61")')
    op.execute("""CREATE TRIGGER sentence_stem_delete AFTER DELETE ON sentence BEGIN
        DELETE FROM sentence_stem WHERE rowid = old.id; END""")
    conn = op.get_bind().connection.driver_connection  # the sqlite3 connection, in the migration's transaction
    last = 0
    while True:
        rows = conn.execute("SELECT id, text FROM sentence WHERE id > ? ORDER BY id LIMIT ?", (last, CHUNK)).fetchall()
        if not rows:
            break
        conn.executemany("INSERT INTO sentence_stem (rowid, text) VALUES (?, ?)",
                         [(sentence_id, keys(text)) for sentence_id, text in rows])
        last = rows[-1][0]


def downgrade() -> None:
    op.execute("DROP TRIGGER sentence_stem_delete")
    op.execute("DROP TABLE sentence_stem")
