"""merge the areas

Revision ID: 0500_merge_areas
Revises: 0100_schema_content, 0301_news_cover, 0400_discussion
Create Date: 2026-11-26 08:14:37.069735

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0500_merge_areas'
down_revision = ('0100_schema_content', '0301_news_cover', '0400_discussion')
branch_labels = None
depends_on = None


def upgrade():
    pass


def downgrade():
    pass
