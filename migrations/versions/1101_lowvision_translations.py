"""stale translations: a text whose other language changed, until updated or confirmed

Revision ID: 1101_lowvision_translations
Revises: 1100_lowvision_district_alerts
Create Date: 2026-11-30 14:54:15.494889

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '1101_lowvision_translations'
down_revision = '1100_lowvision_district_alerts'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('stale_translation',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=40), nullable=False),
    sa.Column('item_id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('lang', sa.String(length=2), nullable=False),
    sa.Column('marked_at', sa.DateTime(), nullable=False),
    sa.Column('school_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['school_id'], ['school.id'], name=op.f('fk_stale_translation_school_id_school')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_stale_translation')),
    sa.UniqueConstraint('school_id', 'kind', 'item_id', 'name', 'lang', name=op.f('uq_stale_translation_school_id'))
    )
    with op.batch_alter_table('stale_translation', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_stale_translation_school_id'), ['school_id'], unique=False)



def downgrade():
    with op.batch_alter_table('stale_translation', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_stale_translation_school_id'))

    op.drop_table('stale_translation')
