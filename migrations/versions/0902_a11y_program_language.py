"""languages of instruction per program: the school-wide value moves into each program

The current edition of the regulation's machine-readable names states the
languages of instruction per program (`eduLang`). The school-wide
`education.languageEl` value becomes the `eduLang` of each program of
`education.eduOp` that has none, in the published values and in every stored
version, so no school loses what it published.

Revision ID: 0902_a11y_program_language
Revises: 0901_sec_drafts_school_versioned
Create Date: 2026-11-30 12:00:00

"""
import json

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0902_a11y_program_language'
down_revision = "0901_sec_drafts_school_versioned"
branch_labels = None
depends_on = None

section_content = sa.table(
    "section_content",
    sa.column("id", sa.Integer),
    sa.column("section", sa.String),
    sa.column("values", sa.JSON),
)
revision_table = sa.table(
    "revision",
    sa.column("id", sa.Integer),
    sa.column("kind", sa.String),
    sa.column("item_id", sa.Integer),
    sa.column("data", sa.JSON),
)


def _per_program(values):
    values = dict(values or {})
    language = values.pop("languageEl", None)
    if language:
        values["eduOp"] = [
            {**program, "eduLang": program.get("eduLang") or language}
            for program in values.get("eduOp") or []
        ]
    return values


def _school_wide(values):
    values = dict(values or {})
    languages = [program.pop("eduLang", None) for program in values.get("eduOp") or []]
    if languages and languages[0]:
        values["languageEl"] = languages[0]
    return values


def _convert(change):
    bind = op.get_bind()
    rows = bind.execute(
        sa.select(section_content.c.id, section_content.c["values"]).where(
            section_content.c.section == "education"
        )
    ).all()
    for row_id, values in rows:
        values = json.loads(values) if isinstance(values, str) else values
        bind.execute(
            section_content.update()
            .where(section_content.c.id == row_id)
            .values({"values": change(values)})
        )
        versions = bind.execute(
            sa.select(revision_table.c.id, revision_table.c.data).where(
                revision_table.c.kind == "section", revision_table.c.item_id == row_id
            )
        ).all()
        for version_id, data in versions:
            data = json.loads(data) if isinstance(data, str) else dict(data)
            if "values" in data:
                data["values"] = change(data["values"])
                bind.execute(
                    revision_table.update()
                    .where(revision_table.c.id == version_id)
                    .values(data=data)
                )


def upgrade():
    _convert(_per_program)


def downgrade():
    _convert(_school_wide)
