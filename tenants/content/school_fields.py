"""The school's own name and contact e-mail: stored once, on the School row (P2),
shown by the mandated section "common" and edited from it and from the settings
page alike, through one path: the School's drafts and versions (`save_school_fields`).

A section never keeps these fields: its forms show them from the School (or
the School's pending draft) and hand them back here.
"""

from config import LANGUAGES
from tenants.versioning import editable_data, pending_draft, publish, save_draft


def _school_value(school_data, source):
    if source == "school.name":
        return {lang: school_data[f"name_{lang}"] for lang in LANGUAGES}
    return school_data["contact_email"]


def school_members(schema):
    """The fields of a section whose record is the School row (its names, e-mail)."""
    return [member for member in schema.fields if member.source]


def with_school_values(schema, values, school_data):
    """`values` showing the School's own fields as `school_data` (the School's
    versioned fields: its columns, or a draft of them) has them."""
    values = dict(values)
    for member in school_members(schema):
        values[member.name] = _school_value(school_data, member.source)
    return values


def without_school_values(schema, values):
    """`values` without the School's own fields, which are never the section's to keep."""
    names = {member.name for member in school_members(schema)}
    return {name: value for name, value in values.items() if name not in names}


def school_data_from(schema, values, school_data):
    """`school_data` changed by what `values` holds for the School's own fields
    (a name left empty keeps the one there is)."""
    data = dict(school_data)
    for member in school_members(schema):
        if member.name not in values:
            continue
        value = values[member.name]
        if member.source == "school.name":
            value = value or {}
            for lang in LANGUAGES:
                data[f"name_{lang}"] = value.get(lang) or data[f"name_{lang}"]
        else:
            data["contact_email"] = value
    return data


def save_school_fields(school, data, user, publishing):
    """Publish (`publishing`) or draft the School's versioned fields `data`, if
    that changes anything; returns the version or draft made, or None."""
    if publishing:
        if data == school.snapshot() and pending_draft(school) is None:
            return None
        return publish(school, user, data=data)
    if data == editable_data(school):
        return None
    return save_draft(school, data, user)
