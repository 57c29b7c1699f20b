"""news posts get a cover photo (a stored file of the documents' pipeline)

Revision ID: 0301_news_cover
Revises: 0300_news, 0200_documents
Create Date: 2026-11-26 07:55:00

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0301_news_cover'
down_revision = ('0300_news', '0200_documents')
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('news_post', schema=None) as batch_op:
        batch_op.add_column(sa.Column('cover_file_id', sa.Integer(), nullable=True))
        batch_op.create_index(batch_op.f('ix_news_post_cover_file_id'), ['cover_file_id'], unique=False)
        batch_op.create_foreign_key(batch_op.f('fk_news_post_cover_file_id_stored_file'), 'stored_file', ['cover_file_id'], ['id'])


def downgrade():
    with op.batch_alter_table('news_post', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('fk_news_post_cover_file_id_stored_file'), type_='foreignkey')
        batch_op.drop_index(batch_op.f('ix_news_post_cover_file_id'))
        batch_op.drop_column('cover_file_id')
