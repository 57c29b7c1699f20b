"""update schedule (district and school periods, reviews), once-per-period runs,
visits per page per day, daily snapshots of schools and the district, and the
scan flag and text recognition of stored files

Revision ID: 1100_district_schedule_stats
Revises: 1000_storage_integrity
Create Date: 2026-11-30 14:25:11.119407

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '1100_district_schedule_stats'
down_revision = '1000_storage_integrity'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('district_period',
    sa.Column('subject', sa.String(length=40), nullable=False),
    sa.Column('days', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('subject', name=op.f('pk_district_period'))
    )
    op.create_table('district_snapshot',
    sa.Column('day', sa.Date(), nullable=False),
    sa.Column('compliance', sa.JSON(), nullable=False),
    sa.Column('overdue_sections', sa.Integer(), nullable=False),
    sa.Column('schools', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('day', name=op.f('pk_district_snapshot'))
    )
    op.create_table('periodic_run',
    sa.Column('name', sa.String(length=80), nullable=False),
    sa.Column('period_start', sa.DateTime(), nullable=False),
    sa.Column('ran_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('name', name=op.f('pk_periodic_run'))
    )
    op.create_table('page_visit',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('day', sa.Date(), nullable=False),
    sa.Column('path', sa.String(length=300), nullable=False),
    sa.Column('count', sa.Integer(), nullable=False),
    sa.Column('school_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['school_id'], ['school.id'], name=op.f('fk_page_visit_school_id_school')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_page_visit')),
    sa.UniqueConstraint('school_id', 'day', 'path', name=op.f('uq_page_visit_school_id'))
    )
    with op.batch_alter_table('page_visit', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_page_visit_day'), ['day'], unique=False)
        batch_op.create_index(batch_op.f('ix_page_visit_school_id'), ['school_id'], unique=False)

    op.create_table('review',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('subject', sa.String(length=40), nullable=False),
    sa.Column('reviewed_at', sa.DateTime(), nullable=False),
    sa.Column('reviewed_by_id', sa.Integer(), nullable=True),
    sa.Column('school_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['reviewed_by_id'], ['user.id'], name=op.f('fk_review_reviewed_by_id_user')),
    sa.ForeignKeyConstraint(['school_id'], ['school.id'], name=op.f('fk_review_school_id_school')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_review'))
    )
    with op.batch_alter_table('review', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_review_school_id'), ['school_id'], unique=False)
        batch_op.create_index('ix_review_subject', ['school_id', 'subject', 'reviewed_at'], unique=False)

    op.create_table('school_period',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('subject', sa.String(length=40), nullable=False),
    sa.Column('days', sa.Integer(), nullable=False),
    sa.Column('school_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['school_id'], ['school.id'], name=op.f('fk_school_period_school_id_school')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_school_period')),
    sa.UniqueConstraint('school_id', 'subject', name=op.f('uq_school_period_school_id'))
    )
    with op.batch_alter_table('school_period', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_school_period_school_id'), ['school_id'], unique=False)

    op.create_table('school_snapshot',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('day', sa.Date(), nullable=False),
    sa.Column('compliance', sa.JSON(), nullable=False),
    sa.Column('overdue_sections', sa.Integer(), nullable=False),
    sa.Column('overdue_days', sa.Integer(), nullable=False),
    sa.Column('last_published_at', sa.DateTime(), nullable=True),
    sa.Column('failed_previews', sa.Integer(), nullable=False),
    sa.Column('scanned_documents', sa.Integer(), nullable=False),
    sa.Column('pending_questions', sa.Integer(), nullable=False),
    sa.Column('backfilled', sa.Boolean(), nullable=False),
    sa.Column('school_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['school_id'], ['school.id'], name=op.f('fk_school_snapshot_school_id_school')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_school_snapshot')),
    sa.UniqueConstraint('school_id', 'day', name=op.f('uq_school_snapshot_school_id'))
    )
    with op.batch_alter_table('school_snapshot', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_school_snapshot_day'), ['day'], unique=False)
        batch_op.create_index(batch_op.f('ix_school_snapshot_school_id'), ['school_id'], unique=False)

    with op.batch_alter_table('stored_file', schema=None) as batch_op:
        batch_op.add_column(sa.Column('pages_without_text', sa.Integer(), nullable=False, server_default='0'))
        batch_op.add_column(sa.Column('scanned', sa.Boolean(), nullable=False, server_default=sa.false()))
        batch_op.add_column(sa.Column('ocr_status', sa.String(length=12), nullable=True))
        batch_op.add_column(sa.Column('ocr_attempts', sa.Integer(), nullable=False, server_default='0'))
        batch_op.add_column(sa.Column('ocr_status_changed_at', sa.DateTime(), nullable=True))
        batch_op.add_column(sa.Column('ocr_pages_read', sa.Integer(), nullable=False, server_default='0'))
        batch_op.create_index(batch_op.f('ix_stored_file_ocr_status'), ['ocr_status'], unique=False)
        batch_op.create_index(batch_op.f('ix_stored_file_scanned'), ['scanned'], unique=False)
    # PDFs read before this revision without finding any text may be scans: the
    # worker's sweep reads them again, which finds out.
    op.execute(
        "UPDATE stored_file SET text_status = 'pending', text_pages_read = 0, text_attempts = 0"
        " WHERE text_status = 'ready' AND file_type = 'pdf' AND (text IS NULL OR TRIM(text) = '')"
    )


def downgrade():
    with op.batch_alter_table('stored_file', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_stored_file_scanned'))
        batch_op.drop_index(batch_op.f('ix_stored_file_ocr_status'))
        batch_op.drop_column('ocr_pages_read')
        batch_op.drop_column('ocr_status_changed_at')
        batch_op.drop_column('ocr_attempts')
        batch_op.drop_column('ocr_status')
        batch_op.drop_column('scanned')
        batch_op.drop_column('pages_without_text')

    with op.batch_alter_table('school_snapshot', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_school_snapshot_school_id'))
        batch_op.drop_index(batch_op.f('ix_school_snapshot_day'))

    op.drop_table('school_snapshot')
    with op.batch_alter_table('school_period', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_school_period_school_id'))

    op.drop_table('school_period')
    with op.batch_alter_table('review', schema=None) as batch_op:
        batch_op.drop_index('ix_review_subject')
        batch_op.drop_index(batch_op.f('ix_review_school_id'))

    op.drop_table('review')
    with op.batch_alter_table('page_visit', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_page_visit_school_id'))
        batch_op.drop_index(batch_op.f('ix_page_visit_day'))

    op.drop_table('page_visit')
    op.drop_table('periodic_run')
    op.drop_table('district_snapshot')
    op.drop_table('district_period')
