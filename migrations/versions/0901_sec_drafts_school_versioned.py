"""a school's own name and e-mail are versioned content: who published them, when

Revision ID: 0901_sec_drafts_school_versioned
Revises: 0900_sec_pending_membership
Create Date: 2026-11-30 11:30:03

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0901_sec_drafts_school_versioned'
down_revision = "0900_sec_pending_membership"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('school', schema=None) as batch_op:
        batch_op.add_column(sa.Column('published_at', sa.DateTime(), nullable=True))
        batch_op.add_column(sa.Column('updated_at', sa.DateTime(), nullable=True))
        batch_op.add_column(sa.Column('published_by_id', sa.Integer(), nullable=True))
        batch_op.create_foreign_key(batch_op.f('fk_school_published_by_id_user'), 'user', ['published_by_id'], ['id'])
    # An existing school's name was last changed, as far as anyone knows, when it was created.
    op.execute("UPDATE school SET updated_at = created_at")
    with op.batch_alter_table('school', schema=None) as batch_op:
        batch_op.alter_column('updated_at', existing_type=sa.DateTime(), nullable=False)


def downgrade():
    with op.batch_alter_table('school', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('fk_school_published_by_id_user'), type_='foreignkey')
        batch_op.drop_column('published_by_id')
        batch_op.drop_column('updated_at')
        batch_op.drop_column('published_at')
