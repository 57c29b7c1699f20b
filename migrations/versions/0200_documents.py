"""documents: stored files with thumbnail status, and documents

Revision ID: 0200_documents
Revises: 0002_revisions
Create Date: 2026-11-26 07:55:00

"""
from alembic import op
import sqlalchemy as sa


revision = '0200_documents'
down_revision = '0002_revisions'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('stored_file',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('sha256', sa.String(length=64), nullable=False),
    sa.Column('file_type', sa.String(length=10), nullable=False),
    sa.Column('mime_type', sa.String(length=100), nullable=False),
    sa.Column('size', sa.Integer(), nullable=False),
    sa.Column('original_name', sa.String(length=255), nullable=False),
    sa.Column('status', sa.String(length=12), nullable=False),
    sa.Column('failure', sa.String(length=40), nullable=True),
    sa.Column('attempts', sa.Integer(), nullable=False),
    sa.Column('status_changed_at', sa.DateTime(), nullable=False),
    sa.Column('has_preview', sa.Boolean(), nullable=False),
    sa.Column('page_count', sa.Integer(), nullable=True),
    sa.Column('width', sa.Integer(), nullable=True),
    sa.Column('height', sa.Integer(), nullable=True),
    sa.Column('text', sa.Text(), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('uploaded_by_id', sa.Integer(), nullable=True),
    sa.Column('school_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['school_id'], ['school.id'], name=op.f('fk_stored_file_school_id_school')),
    sa.ForeignKeyConstraint(['uploaded_by_id'], ['user.id'], name=op.f('fk_stored_file_uploaded_by_id_user')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_stored_file'))
    )
    with op.batch_alter_table('stored_file', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_stored_file_school_id'), ['school_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_stored_file_status'), ['status'], unique=False)

    op.create_table('document',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=30), nullable=False),
    sa.Column('title_ky', sa.String(length=300), nullable=False),
    sa.Column('title_ru', sa.String(length=300), nullable=False),
    sa.Column('issued_on', sa.Date(), nullable=True),
    sa.Column('field_key', sa.String(length=80), nullable=True),
    sa.Column('file_id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('published_at', sa.DateTime(), nullable=True),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('published_by_id', sa.Integer(), nullable=True),
    sa.Column('deleted_at', sa.DateTime(), nullable=True),
    sa.Column('deleted_by_id', sa.Integer(), nullable=True),
    sa.Column('school_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['deleted_by_id'], ['user.id'], name=op.f('fk_document_deleted_by_id_user')),
    sa.ForeignKeyConstraint(['file_id'], ['stored_file.id'], name=op.f('fk_document_file_id_stored_file')),
    sa.ForeignKeyConstraint(['published_by_id'], ['user.id'], name=op.f('fk_document_published_by_id_user')),
    sa.ForeignKeyConstraint(['school_id'], ['school.id'], name=op.f('fk_document_school_id_school')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_document'))
    )
    with op.batch_alter_table('document', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_document_deleted_at'), ['deleted_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_document_field_key'), ['field_key'], unique=False)
        batch_op.create_index(batch_op.f('ix_document_file_id'), ['file_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_document_kind'), ['kind'], unique=False)
        batch_op.create_index(batch_op.f('ix_document_school_id'), ['school_id'], unique=False)


def downgrade():
    op.drop_table('document')
    op.drop_table('stored_file')
