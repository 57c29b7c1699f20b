"""discussion: visitors' posts, answers, the district's stop words

Revision ID: 0400_discussion
Revises: 0002_revisions
Create Date: 2026-11-26 07:50:00

"""

import sqlalchemy as sa
from alembic import op

revision = "0400_discussion"
down_revision = "0002_revisions"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "stop_word",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("lang", sa.String(length=2), nullable=False),
        sa.Column("phrase", sa.String(length=100), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_stop_word")),
        sa.UniqueConstraint("lang", "phrase", name=op.f("uq_stop_word_lang")),
    )
    op.create_table(
        "discussion_post",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=10), nullable=False),
        sa.Column("author_name", sa.String(length=100), nullable=False),
        sa.Column("author_email", sa.String(length=254), nullable=True),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("lang", sa.String(length=2), nullable=False),
        sa.Column("status", sa.String(length=10), nullable=False),
        sa.Column("flags", sa.JSON(), nullable=False),
        sa.Column("address", sa.String(length=64), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("moderated_at", sa.DateTime(), nullable=True),
        sa.Column("moderated_by_id", sa.Integer(), nullable=True),
        sa.Column("school_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["moderated_by_id"], ["user.id"], name=op.f("fk_discussion_post_moderated_by_id_user")
        ),
        sa.ForeignKeyConstraint(
            ["school_id"], ["school.id"], name=op.f("fk_discussion_post_school_id_school")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_discussion_post")),
    )
    with op.batch_alter_table("discussion_post") as batch_op:
        batch_op.create_index(
            "ix_discussion_post_status", ["school_id", "status", "created_at"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_discussion_post_school_id"), ["school_id"], unique=False
        )
    op.create_table(
        "discussion_answer",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("post_id", sa.Integer(), nullable=False),
        sa.Column("body_ky", sa.Text(), nullable=False),
        sa.Column("body_ru", sa.Text(), nullable=False),
        sa.Column("school_id", sa.Integer(), nullable=False),
        sa.Column("published_at", sa.DateTime(), nullable=True),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("published_by_id", sa.Integer(), nullable=True),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.Column("deleted_by_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["post_id"],
            ["discussion_post.id"],
            name=op.f("fk_discussion_answer_post_id_discussion_post"),
        ),
        sa.ForeignKeyConstraint(
            ["school_id"], ["school.id"], name=op.f("fk_discussion_answer_school_id_school")
        ),
        sa.ForeignKeyConstraint(
            ["published_by_id"], ["user.id"], name=op.f("fk_discussion_answer_published_by_id_user")
        ),
        sa.ForeignKeyConstraint(
            ["deleted_by_id"], ["user.id"], name=op.f("fk_discussion_answer_deleted_by_id_user")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_discussion_answer")),
        sa.UniqueConstraint("post_id", name=op.f("uq_discussion_answer_post_id")),
    )
    with op.batch_alter_table("discussion_answer") as batch_op:
        batch_op.create_index(
            batch_op.f("ix_discussion_answer_school_id"), ["school_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_discussion_answer_deleted_at"), ["deleted_at"], unique=False
        )


def downgrade():
    op.drop_table("discussion_answer")
    op.drop_table("discussion_post")
    op.drop_table("stop_word")
