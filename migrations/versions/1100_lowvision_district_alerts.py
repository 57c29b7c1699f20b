"""district alerts: a notice in every official language on every school's
pages, from a start to an end

Revision ID: 1100_lowvision_district_alerts
Revises: 1300_mail_messages
Create Date: 2026-11-30 14:23:05.949710

"""

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = "1100_lowvision_district_alerts"
down_revision = '1300_mail_messages'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "district_alert",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("starts_at", sa.DateTime(), nullable=False),
        sa.Column("ends_at", sa.DateTime(), nullable=False),
        sa.Column("state", sa.String(length=10), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("created_by_id", sa.Integer(), nullable=True),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("text_ky", sa.String(length=500), nullable=False),
        sa.Column("text_ru", sa.String(length=500), nullable=False),
        sa.ForeignKeyConstraint(
            ["created_by_id"], ["user.id"], name=op.f("fk_district_alert_created_by_id_user")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_district_alert")),
    )
    with op.batch_alter_table("district_alert", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_district_alert_ends_at"), ["ends_at"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_district_alert_starts_at"), ["starts_at"], unique=False
        )


def downgrade():
    with op.batch_alter_table("district_alert", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_district_alert_starts_at"))
        batch_op.drop_index(batch_op.f("ix_district_alert_ends_at"))

    op.drop_table("district_alert")
