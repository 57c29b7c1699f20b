"""Reading a school's published values: sections, staff, and one value in one
language with its fallback (A6)."""

from functools import cache

from sqlalchemy import bindparam

from mektep.extensions import db
from mektep.i18n import fallback_order
from tenants.content.models import NOT_APPLICABLE, SectionContent, StaffMember


@cache
def _section_rows_query():
    """Every section row of a school (the parameter `school_id`): built once, on
    first use (the models must all be known), as public pages run it on every
    request; the tenant scoping and trash hooks still add their criteria."""
    return db.select(SectionContent).where(SectionContent.school_id == bindparam("school_id"))


def section_rows(school):
    """{slug: SectionContent} of `school`, drafts included."""
    rows = db.session.scalars(_section_rows_query(), {"school_id": school.id}).all()
    return {row.section: row for row in rows}


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
    """The values of `section` the public sees (the School's own fields included)."""
    if row is None:
        row = SectionContent(section=section.slug, values={}, school=school)
    return row.published_values()


def _staff_query(query, roles, published):
    query = query.order_by(StaffMember.position, StaffMember.id)
    if roles:
        query = query.where(StaffMember.role.in_(roles))
    if published:
        query = query.where(StaffMember.published_at.is_not(None))
    return query


def staff(school, roles=None, published=True):
    return db.session.scalars(_staff_query(StaffMember.for_school(school), roles, published)).all()


# Public pages read the published staff on every request: its statement is built
# once, with the school and the roles as parameters. It runs through the session
# like any other, so the tenant scoping and trash hooks add their criteria.
PUBLISHED_STAFF = _staff_query(
    db.select(StaffMember.role, StaffMember.data, StaffMember.published_at).where(
        StaffMember.school_id == bindparam("school_id"),
        StaffMember.role.in_(bindparam("roles", expanding=True)),
    ),
    roles=None,
    published=True,
)


def published_staff(school, roles):
    """The published staff of `roles` as plain rows (role, data, published_at), in
    order: what public pages read of them, without building a record for each."""
    return db.session.execute(PUBLISHED_STAFF, {"school_id": school.id, "roles": list(roles)}).all()


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
