"""schools' own domains (one primary host per school) and their look (accent colour, logo; the district's default and lock)

Revision ID: 1300_domains_branding
Revises: 1101_lowvision_translations
Create Date: 2026-12-02 12:00:00

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '1300_domains_branding'
down_revision = '1101_lowvision_translations'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('district_branding',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('accent', sa.String(length=7), nullable=True),
    sa.Column('locked', sa.Boolean(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_district_branding'))
    )
    op.create_table('school_branding',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('accent', sa.String(length=7), nullable=True),
    sa.Column('logo_file_id', sa.Integer(), nullable=True),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('school_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['logo_file_id'], ['stored_file.id'], name=op.f('fk_school_branding_logo_file_id_stored_file')),
    sa.ForeignKeyConstraint(['school_id'], ['school.id'], name=op.f('fk_school_branding_school_id_school')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_school_branding')),
    sa.UniqueConstraint('school_id', name='uq_school_branding_school_id')
    )
    with op.batch_alter_table('school_branding', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_school_branding_logo_file_id'), ['logo_file_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_school_branding_school_id'), ['school_id'], unique=False)

    # Domains added before this revision redirected to the subdomain: none is primary.
    with op.batch_alter_table('domain', schema=None) as batch_op:
        batch_op.add_column(sa.Column('is_primary', sa.Boolean(), nullable=False, server_default=sa.false()))
        batch_op.add_column(sa.Column('created_at', sa.DateTime(), nullable=False, server_default=sa.func.current_timestamp()))
    with op.batch_alter_table('domain', schema=None) as batch_op:
        batch_op.alter_column('is_primary', server_default=None)
        batch_op.alter_column('created_at', server_default=None)
        batch_op.create_index('uq_domain_primary_school', ['school_id'], unique=True, sqlite_where=sa.text('is_primary'), postgresql_where=sa.text('is_primary'))


def downgrade():
    with op.batch_alter_table('domain', schema=None) as batch_op:
        batch_op.drop_index('uq_domain_primary_school', sqlite_where=sa.text('is_primary'), postgresql_where=sa.text('is_primary'))
        batch_op.drop_column('created_at')
        batch_op.drop_column('is_primary')

    with op.batch_alter_table('school_branding', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_school_branding_school_id'))
        batch_op.drop_index(batch_op.f('ix_school_branding_logo_file_id'))

    op.drop_table('school_branding')
    op.drop_table('district_branding')
