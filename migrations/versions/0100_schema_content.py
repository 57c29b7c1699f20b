"""schema content: section values and staff records

Revision ID: 0100_schema_content
Revises: 0002_revisions
Create Date: 2026-11-26 08:00:00

"""

import sqlalchemy as sa
from alembic import op

revision = "0100_schema_content"
down_revision = "0002_revisions"
branch_labels = None
depends_on = None


def _versioned_columns(table):
    return [
        sa.Column("published_at", sa.DateTime(), nullable=True),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("published_by_id", sa.Integer(), nullable=True),
        sa.Column("school_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["published_by_id"], ["user.id"], name=op.f(f"fk_{table}_published_by_id_user")
        ),
        sa.ForeignKeyConstraint(
            ["school_id"], ["school.id"], name=op.f(f"fk_{table}_school_id_school")
        ),
    ]


def upgrade():
    op.create_table(
        "section_content",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("section", sa.String(length=40), nullable=False),
        sa.Column("values", sa.JSON(), nullable=False),
        *_versioned_columns("section_content"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_section_content")),
        sa.UniqueConstraint("school_id", "section", name=op.f("uq_section_content_school_id")),
    )
    with op.batch_alter_table("section_content") as batch_op:
        batch_op.create_index(batch_op.f("ix_section_content_school_id"), ["school_id"])

    op.create_table(
        "staff_member",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("role", sa.String(length=10), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("data", sa.JSON(), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.Column("deleted_by_id", sa.Integer(), nullable=True),
        *_versioned_columns("staff_member"),
        sa.ForeignKeyConstraint(
            ["deleted_by_id"], ["user.id"], name=op.f("fk_staff_member_deleted_by_id_user")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_staff_member")),
    )
    with op.batch_alter_table("staff_member") as batch_op:
        batch_op.create_index(batch_op.f("ix_staff_member_school_id"), ["school_id"])
        batch_op.create_index(batch_op.f("ix_staff_member_position"), ["position"])
        batch_op.create_index(batch_op.f("ix_staff_member_deleted_at"), ["deleted_at"])


def downgrade():
    op.drop_table("staff_member")
    op.drop_table("section_content")
