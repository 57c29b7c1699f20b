"""reading a document's text for search is a job of its own, after the preview

Revision ID: 0910_thumbs_text_job
Revises: 0902_a11y_program_language
Create Date: 2026-12-01 12:00:00

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0910_thumbs_text_job'
down_revision = '0902_a11y_program_language'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('stored_file', schema=None) as batch_op:
        batch_op.add_column(sa.Column('text_status', sa.String(length=12), nullable=True))
        batch_op.add_column(sa.Column('text_attempts', sa.Integer(), nullable=False, server_default='0'))
        batch_op.add_column(sa.Column('text_status_changed_at', sa.DateTime(), nullable=True))
        batch_op.add_column(sa.Column('text_pages_read', sa.Integer(), nullable=False, server_default='0'))
        batch_op.create_index(batch_op.f('ix_stored_file_text_status'), ['text_status'], unique=False)
    # A preview made before this revision read the text in the same job.
    op.execute(
        "UPDATE stored_file SET text_status = 'ready', text_status_changed_at = status_changed_at"
        " WHERE status = 'ready' AND text IS NOT NULL"
    )
    # A picture's preview now includes a JPEG (a shared link's picture): the
    # worker's sweep makes the previews of pictures again.
    op.execute(
        "UPDATE stored_file SET status = 'pending', attempts = 0"
        " WHERE status = 'ready' AND file_type IN ('jpeg', 'png', 'webp')"
    )


def downgrade():
    with op.batch_alter_table('stored_file', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_stored_file_text_status'))
        batch_op.drop_column('text_pages_read')
        batch_op.drop_column('text_status_changed_at')
        batch_op.drop_column('text_attempts')
        batch_op.drop_column('text_status')
