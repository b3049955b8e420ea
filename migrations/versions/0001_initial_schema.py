"""initial schema: review, sentence, person, film, mention, role

Revision ID: 0001
Revises: 
Create Date: 2026-11-25
"""
from alembic import op
import sqlalchemy as sa


revision = '0001'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('film',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('title', sa.Text(), nullable=False),
    sa.Column('year', sa.Integer(), nullable=True),
    sa.Column('title_key', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('film', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_film_title_key'), ['title_key'], unique=False)
    # A film is one row per title and year; a film whose year is not known has year NULL.
    op.execute("CREATE UNIQUE INDEX ux_film_title_year ON film (title, ifnull(year, 0))")

    op.create_table('review',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('source', sa.Text(), nullable=False),
    sa.Column('sha256', sa.String(length=64), nullable=False),
    sa.Column('body', sa.Text(), nullable=False),
    sa.Column('ingested_at', sa.Text(), nullable=False),
    sa.Column('film_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['film_id'], ['film.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('sha256')
    )
    with op.batch_alter_table('review', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_review_film_id'), ['film_id'], unique=False)

    op.create_table('person',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.Text(), nullable=False),
    sa.Column('kind', sa.String(length=9), nullable=False),
    sa.Column('name_key', sa.Text(), nullable=False),
    sa.Column('film_id', sa.Integer(), nullable=True),
    sa.Column('review_id', sa.Integer(), nullable=True),
    sa.CheckConstraint("(kind = 'real' AND film_id IS NULL AND review_id IS NULL) OR (kind = 'character' AND (film_id IS NULL) <> (review_id IS NULL))", name='ck_person_owner'),
    sa.CheckConstraint("kind IN ('real', 'character')", name='ck_person_kind'),
    sa.ForeignKeyConstraint(['film_id'], ['film.id'], ),
    sa.ForeignKeyConstraint(['review_id'], ['review.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('person', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_person_film_id'), ['film_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_person_name_key'), ['name_key'], unique=False)
        batch_op.create_index(batch_op.f('ix_person_review_id'), ['review_id'], unique=False)
        batch_op.create_index('ux_person_character_film', ['name', 'film_id'], unique=True, sqlite_where=sa.text("kind = 'character' AND film_id IS NOT NULL"))
        batch_op.create_index('ux_person_character_review', ['name', 'review_id'], unique=True, sqlite_where=sa.text("kind = 'character' AND review_id IS NOT NULL"))
        batch_op.create_index('ux_person_real', ['name'], unique=True, sqlite_where=sa.text("kind = 'real'"))

    op.create_table('sentence',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('review_id', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('start_char', sa.Integer(), nullable=False),
    sa.Column('end_char', sa.Integer(), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.CheckConstraint('0 <= start_char AND start_char < end_char', name='ck_sentence_offsets'),
    sa.ForeignKeyConstraint(['review_id'], ['review.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('review_id', 'position', name='uq_sentence_review_position')
    )
    op.create_table('mention',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('review_id', sa.Integer(), nullable=False),
    sa.Column('sentence_id', sa.Integer(), nullable=False),
    sa.Column('start_char', sa.Integer(), nullable=False),
    sa.Column('end_char', sa.Integer(), nullable=False),
    sa.Column('surface', sa.Text(), nullable=False),
    sa.Column('person_id', sa.Integer(), nullable=True),
    sa.Column('film_id', sa.Integer(), nullable=True),
    sa.CheckConstraint('(person_id IS NULL) <> (film_id IS NULL)', name='ck_mention_one_entity'),
    sa.CheckConstraint('0 <= start_char AND start_char < end_char', name='ck_mention_offsets'),
    sa.ForeignKeyConstraint(['film_id'], ['film.id'], ),
    sa.ForeignKeyConstraint(['person_id'], ['person.id'], ),
    sa.ForeignKeyConstraint(['review_id'], ['review.id'], ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['sentence_id'], ['sentence.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('mention', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_mention_film_id'), ['film_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_mention_person_id'), ['person_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_mention_review_id'), ['review_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_mention_sentence_id'), ['sentence_id'], unique=False)

    op.create_table('role',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('character_id', sa.Integer(), nullable=False),
    sa.Column('actor_id', sa.Integer(), nullable=False),
    sa.Column('review_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['actor_id'], ['person.id'], ),
    sa.ForeignKeyConstraint(['character_id'], ['person.id'], ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['review_id'], ['review.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('character_id', 'actor_id', name='uq_role_character_actor')
    )
    with op.batch_alter_table('role', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_role_actor_id'), ['actor_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_role_review_id'), ['review_id'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('role', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_role_review_id'))
        batch_op.drop_index(batch_op.f('ix_role_actor_id'))

    op.drop_table('role')
    with op.batch_alter_table('mention', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_mention_sentence_id'))
        batch_op.drop_index(batch_op.f('ix_mention_review_id'))
        batch_op.drop_index(batch_op.f('ix_mention_person_id'))
        batch_op.drop_index(batch_op.f('ix_mention_film_id'))

    op.drop_table('mention')
    op.drop_table('sentence')
    with op.batch_alter_table('person', schema=None) as batch_op:
        batch_op.drop_index('ux_person_real', sqlite_where=sa.text("kind = 'real'"))
        batch_op.drop_index('ux_person_character_review', sqlite_where=sa.text("kind = 'character' AND review_id IS NOT NULL"))
        batch_op.drop_index('ux_person_character_film', sqlite_where=sa.text("kind = 'character' AND film_id IS NOT NULL"))
        batch_op.drop_index(batch_op.f('ix_person_review_id'))
        batch_op.drop_index(batch_op.f('ix_person_name_key'))
        batch_op.drop_index(batch_op.f('ix_person_film_id'))

    op.drop_table('person')
    with op.batch_alter_table('review', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_review_film_id'))

    op.drop_table('review')
    op.execute("DROP INDEX ux_film_title_year")
    with op.batch_alter_table('film', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_film_title_key'))

    op.drop_table('film')
