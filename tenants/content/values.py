"""Reading a school's published values: sections, staff, and one value in one
language with its fallback (A6)."""

from datetime import datetime
from typing import NamedTuple

from sqlalchemy import bindparam

from mektep.extensions import db
from mektep.i18n import fallback_order
from tenants.content.models import NOT_APPLICABLE, SectionContent, StaffMember
from tenants.content.school_fields import with_school_values
from tenants.scoping import school_rows, school_select


def section_rows(school):
    """{slug: SectionContent} of `school`, drafts included."""
    rows = db.session.scalars(SectionContent.for_school(school)).all()
    return {row.section: row for row in rows}


class PublicSection(NamedTuple):
    """A section's row as public pages read it: what `published_values` needs."""

    section: str
    values: dict
    published_at: datetime | None

    @property
    def is_published(self):
        return self.published_at is not None


# Public pages read the section rows on every request: the columns of a PublicSection.
PUBLIC_SECTIONS = school_select(SectionContent, *PublicSection._fields)


def public_sections(school):
    """{slug: PublicSection} of `school`."""
    return {row.section: PublicSection(*row) for row in school_rows(PUBLIC_SECTIONS, school)}


def section_row(school, slug, create=False):
    row = db.session.scalars(
        SectionContent.for_school(school).where(SectionContent.section == slug)
    ).first()
    if row is None and create:
        row = SectionContent(section=slug, values={}, school=school, school_id=school.id)
        db.session.add(row)
        db.session.flush()
    return row


def published_values(school, section, row=None):
    """The values of `section` the public sees in `row` (a SectionContent or a
    PublicSection; none when it is None or unpublished), with the School's own
    fields."""
    values = dict(row.values or {}) if row is not None and row.is_published else {}
    return with_school_values(section, values, school.snapshot())


def staff(school, roles=None, published=True):
    query = StaffMember.for_school(school).order_by(StaffMember.position, StaffMember.id)
    if roles:
        query = query.where(StaffMember.role.in_(roles))
    if published:
        query = query.where(StaffMember.published_at.is_not(None))
    return db.session.scalars(query).all()


# Public pages read the published staff on every request, as plain rows.
_STAFF_COLUMNS = StaffMember.__table__.c
PUBLISHED_STAFF = (
    school_select(StaffMember, "role", "data", "published_at")
    .where(
        _STAFF_COLUMNS.role.in_(bindparam("roles", expanding=True)),
        _STAFF_COLUMNS.published_at.is_not(None),
    )
    .order_by(_STAFF_COLUMNS.position, _STAFF_COLUMNS.id)
)


def published_staff(school, roles):
    """The published staff of `roles` as plain rows (role, data, published_at), in
    order: what public pages read of them, without building a record for each."""
    return school_rows(PUBLISHED_STAFF, school, roles=list(roles))


def head_of_school(school):
    """The one published staff record marked as the head (P2), or None."""
    heads = staff(school, roles=("head",))
    return heads[0] if heads else None


def is_not_applicable(values, member):
    return member.name in (values.get(NOT_APPLICABLE) or [])


def in_language(field, value, lang):
    """(value, its language) for `lang`: a translated value falls back to the
    other language; a language-neutral one has no language of its own."""
    if value is None or value == "":
        return None, None
    if not field.translated:
        return value, None
    if not isinstance(value, dict):
        return None, None
    return first_filled(value, fallback_order(lang))


def first_filled(translations, order):
    """(text, its language) of the first language in `order` that the dict
    `translations` has filled in, or (None, None)."""
    for code in order:
        text = translations.get(code)
        if text:
            return text, code
    return None, None


def is_filled(field, value, lang):
    """Whether `value` exists in `lang` itself (no fallback), for completeness; a
    group's records must each have their required fields."""
    if field.member_type == "group":
        return bool(value) and all(
            is_filled(sub, record.get(sub.name), lang)
            for record in value
            for sub in field.fields
            if sub.required
        )
    if field.translated:
        return bool(isinstance(value, dict) and value.get(lang))
    return value not in (None, "")
