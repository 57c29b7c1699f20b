"""Demo mandated content: school №35 filled in completely in ky and ru, school
№5 with visible gaps (a missing Russian address, no founding date, a head
without phone or Russian name), so both states of the checklist can be seen."""

from flask import g

from mektep.accounts.models import User
from mektep.demo import demo_loader
from mektep.demo.data import SCHOOLS
from mektep.demo.schema_data import SCHOOL5, SCHOOL35
from mektep.demo.staff_data import PROF_DEVELOPMENT, STAFF35, TEACHERS35
from mektep.extensions import db
from mektep.schema import SECTIONS_BY_SLUG, STAFF_FIELDS
from mektep.schema.validation import clean_value
from tenants.content.models import NOT_APPLICABLE, SectionContent, StaffMember
from tenants.content.values import section_row
from tenants.scoping import bind_school
from tenants.versioning import publish


def _admin_of(slug):
    spec = next(spec for spec in SCHOOLS if spec["slug"] == slug)
    email = spec["accounts"]["admin"]["email"]
    return db.session.scalar(db.select(User).where(User.email == email))


def _clean(field, raw):
    """A demo value as the admin form would store it (phones normalized, rich text sanitized)."""
    if field.translated:
        ky, ru = raw
        value = {"ky": clean_value(field, ky), "ru": clean_value(field, ru)}
        return {lang: text for lang, text in value.items() if text}
    return clean_value(field, str(raw))


def _record(members, raw):
    by_name = {member.name: member for member in members}
    record = {}
    for name, value in raw.items():
        member = by_name[name]
        if member.member_type == "group":
            record[name] = [_record(member.fields, row) for row in value]
        else:
            record[name] = _clean(member, value)
    return record


def _section_values(slug, raw):
    section = SECTIONS_BY_SLUG[slug]
    names = {field.name for field in section.fields}
    values = _record(section.fields, {k: v for k, v in raw.items() if k in names})
    for group in section.groups:
        values[group.name] = [_record(group.fields, r) for r in raw.get(group.name, [])]
    values[NOT_APPLICABLE] = raw.get(NOT_APPLICABLE, [])
    return values


def _person(position, role, raw):
    person = StaffMember(role=role, position=position, data={})
    db.session.add(person)
    db.session.flush()
    return person, {"role": role, "data": _record(STAFF_FIELDS.values(), raw)}


def _staff35():
    for (
        role,
        surname,
        first,
        patronymic,
        post,
        subjects,
        level,
        category,
        specialty,
        pd,
        total,
        spec,
        phone,
        email,
    ) in STAFF35:  # noqa: E501
        yield role, {
            "surname": surname, "first_name": first, "patronymic": patronymic, "post": post,
            "teachingDiscipline": subjects, "teachingLevel": level, "qualification": category,
            "employeeQualification": specialty, "profDevelopment": pd, "genExperience": total,
            "specExperience": spec, "telephone": phone, "email": email,
        }  # fmt: skip
    for surname, first, patronymic, subjects, post, total, spec in TEACHERS35:
        yield "teacher", {
            "surname": surname, "first_name": first, "patronymic": patronymic, "post": post,
            "teachingDiscipline": subjects, "teachingLevel": "higher", "qualification": "first",
            "employeeQualification": (f"{subjects[0]}, {post[0]}", f"{subjects[1]}, {post[1]}"),
            "profDevelopment": PROF_DEVELOPMENT, "genExperience": total, "specExperience": spec,
        }  # fmt: skip


_STAFF5 = [
    ("head", {
        "surname": ("Мамытова", ""), "first_name": ("Жылдыз", ""), "post": ("директор", ""),
        "email": "director5@mektep.kg",
    }),
]  # fmt: skip


def _load_school(school, admin, sections, people):
    for slug, raw in sections.items():
        publish(
            section_row(school, slug, create=True), admin, {"values": _section_values(slug, raw)}
        )
    for position, (role, raw) in enumerate(people, start=1):
        person, data = _person(position, role, raw)
        publish(person, admin, data)


@demo_loader
def load_mandated_content(schools):
    plans = {"school35": (SCHOOL35, list(_staff35())), "school5": (SCHOOL5, _STAFF5)}
    previous = g.get("school")
    try:
        for slug, (sections, people) in plans.items():
            school = schools.get(slug)
            if school is None:
                continue
            bind_school(school)
            if db.session.scalar(db.select(SectionContent.id).limit(1)):
                yield f"{slug}: mandated information already there"
                continue
            _load_school(school, _admin_of(slug), sections, people)
            db.session.commit()
            yield f"{slug}: mandated information, {len(people)} staff records"
    finally:
        bind_school(previous)
