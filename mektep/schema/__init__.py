"""The shared schema of mandated content (design.md, Data), declared once.

Admin forms, public /sveden/ pages, completeness, the JSON API and microdata are
all generated from `SECTIONS`; nothing about a field is repeated elsewhere.
"""

from mektep.schema.fields import Field, Group, Section  # noqa: F401
from mektep.schema.sections import SECTIONS
from mektep.schema.staff import ROLES, STAFF_FIELDS, StaffList  # noqa: F401

SECTIONS_BY_SLUG = {section.slug: section for section in SECTIONS}


def section(slug):
    return SECTIONS_BY_SLUG.get(slug)


def document_fields():
    """(key, label) of every document-link field, for attaching an upload to one."""
    return [
        (member.key, member.label)
        for section in SECTIONS
        for member in section.fields
        if member.is_document
    ]
