"""stored files: whether an original may be shown in the browser, and what is
known wrong with its stored copy

Revision ID: 1000_storage_integrity
Revises: 0910_thumbs_text_job
Create Date: 2026-12-02 12:00:00

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '1000_storage_integrity'
down_revision = '0910_thumbs_text_job'
branch_labels = None
depends_on = None


def upgrade():
    # Files stored before this revision are offered as downloads until
    # `flask storage verify` has read them (it checks their first bytes too).
    with op.batch_alter_table('stored_file', schema=None) as batch_op:
        batch_op.add_column(
            sa.Column('inline', sa.Boolean(), nullable=False, server_default=sa.false())
        )
        batch_op.add_column(sa.Column('integrity', sa.String(length=20), nullable=True))
        batch_op.add_column(sa.Column('integrity_checked_at', sa.DateTime(), nullable=True))
        batch_op.create_index(batch_op.f('ix_stored_file_integrity'), ['integrity'], unique=False)


def downgrade():
    with op.batch_alter_table('stored_file', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_stored_file_integrity'))
        batch_op.drop_column('integrity_checked_at')
        batch_op.drop_column('integrity')
        batch_op.drop_column('inline')
