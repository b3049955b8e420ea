"""every mention records the rule that found it

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-01

`mention.rule` names the extraction rule that made the mention (`character.bracket`,
`film.quoted`, `occurrence`: found again after a rule found it elsewhere), so a wrong
mention leads to the rule to fix (`archive show ID --why`). Mentions stored before this
revision have NULL: no rule was recorded for them. A downgrade leaves the column in
place (0005 ignores it), so a downgrade and an upgrade lose nothing.
"""
from alembic import op

revision = '0007'
down_revision = '0006'
branch_labels = None
depends_on = None


def upgrade() -> None:
    columns = [row[1] for row in op.get_bind().exec_driver_sql("PRAGMA table_info(mention)")]
    if "rule" not in columns:  # kept by a downgrade: its values come back with it
        op.execute("ALTER TABLE mention ADD COLUMN rule TEXT")


def downgrade() -> None:
    # The column stays: revision 0005 neither reads it nor needs it (its writer leaves it
    # NULL), and an upgrade again keeps the rules recorded before the downgrade.
    pass
