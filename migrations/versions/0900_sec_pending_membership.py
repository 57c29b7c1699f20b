"""pending memberships: an invitation to an existing account waits for its owner

Revision ID: 0900_sec_pending_membership
Revises: 0500_merge_areas
Create Date: 2026-11-30 11:30:00

Every membership that exists already counts as accepted.
"""

import sqlalchemy as sa
from alembic import op

revision = "0900_sec_pending_membership"
down_revision = "0500_merge_areas"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("membership", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("pending", sa.Boolean(), server_default=sa.false(), nullable=False)
        )


def downgrade():
    with op.batch_alter_table("membership", schema=None) as batch_op:
        batch_op.drop_column("pending")
