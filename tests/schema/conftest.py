"""Helpers of the schema tests: a complete, valid form of any section or staff
record, with a distinct value per field and language, generated from the schema."""

import pytest

from mektep.extensions import db
from mektep.schema import STAFF_FIELDS

SAMPLES = {
    "date": ("1965-09-01", None),
    "phone": ("0312 54 12 34", "+996 312 541 234"),
    "email": ("info@school.kg", "info@school.kg"),
    "url": ("https://edu.gov.kg/standards", "https://edu.gov.kg/standards"),
    "number": ("25", "25"),
}


def sample(field, lang=None, tag=""):
    """(what to type, what the public page shows) for `field`."""
    if field.translated:
        text = f"{field.name}{tag} {'кыргызча' if lang == 'ky' else 'по-русски'}"
        return text, text
    if field.kind == "choice":
        key, label = field.choices[0]
        return key, None
    if field.kind == "number":
        number = str(max(25, field.min_value or 0))
        return number, number
    return SAMPLES[field.kind]


def fill(fields, prefix="", tag=""):
    data = {}
    for field in fields:
        if field.member_type == "group":
            data.update(fill(field.fields, prefix=f"{prefix}{field.name}-0-", tag=tag))
            continue
        if field.is_document:
            continue
        if field.translated:
            for lang in ("ky", "ru"):
                data[f"{prefix}{field.name}_{lang}"] = sample(field, lang, tag)[0]
        else:
            data[f"{prefix}{field.name}"] = sample(field)[0]
    return data


def section_form(section, tag=""):
    data = fill(section.fields, tag=tag)
    for group in section.groups:
        data.update(fill(group.fields, prefix=f"{group.name}-0-", tag=tag))
    return data


def staff_form(role="teacher", tag=""):
    data = fill(STAFF_FIELDS.values(), tag=tag)
    data.update(role=role, genExperience="20", specExperience="15")
    return data


@pytest.fixture
def publish(admin_a):
    def run(slug, data, client=admin_a):
        path = f"/admin/content/{slug}"
        response = client.submit(path, {**data, "publish": "1"})
        assert response.status_code == 302, response.get_data(as_text=True)[:3000]
        return response

    return run


@pytest.fixture
def publish_as_admin():
    """The admin user of `school`, for publishing rows made in a test's app context."""

    def admin_of(school):
        from mektep.accounts.models import Membership

        return (
            db.session.scalars(
                db.select(Membership).where(
                    Membership.school_id == school.id, Membership.role == "admin"
                )
            )
            .first()
            .user
        )

    return admin_of
