"""Search sources of the mandated /sveden/ content: each published section's
values, and each published staff record, on the page that shows them."""

from flask import url_for
from flask_babel import force_locale
from flask_babel import lazy_gettext as _l

from mektep.richtext import plain_text
from mektep.schema import SECTIONS, STAFF_FIELDS
from tenants.content.models import SectionContent, StaffMember
from tenants.content.values import published_values
from tenants.search.registry import Source, add_source


def _value_text(field, value, lang):
    if field.member_type == "group":
        return "; ".join(filter(None, (_record_text(field, record, lang) for record in value)))
    if field.translated:
        text = value.get(lang, "") if isinstance(value, dict) else ""
        return plain_text(text) if field.kind == "richtext" else text
    if field.choices:
        return str(field.choice_label(value))
    return str(value)


def _record_text(group, record, lang):
    """One record of a group as the public page shows it («2024 — course»)."""
    parts = (
        _value_text(sub, record.get(sub.name), lang)
        for sub in group.fields
        if record.get(sub.name) not in (None, "")
    )
    return " — ".join(part for part in parts if part)


def _words(field, value, lang):
    """A filled value in `lang` with its label («Телефон +996 ...»), so a visitor
    finds it by what it is as well as by what it says; no fallback language."""
    if value is None or value == "" or field.is_document:
        return ""
    text = _value_text(field, value, lang)
    return f"{field.label} {text}" if text else ""


def section_texts(row, lang):
    if not row.is_published or row.section not in {s.slug for s in SECTIONS}:
        return None
    schema = row.schema
    values = published_values(row.school, schema, row)
    with force_locale(lang):
        title = str(schema.title)
        words = [_words(field, values.get(field.name), lang) for field in schema.fields]
        for group in schema.groups:
            for record in values.get(group.name) or []:
                words += [_words(field, record.get(field.name), lang) for field in group.fields]
    return title, " ".join(word for word in words if word)


def staff_section(role):
    """The slug of the /sveden/ page that lists staff of `role`."""
    return next(
        (
            section.slug
            for section in SECTIONS
            for staff in section.staff_lists
            if role in staff.roles
        ),
        "employees",
    )


def staff_texts(person, lang):
    if not person.is_published or person.in_trash:
        return None

    with force_locale(lang):
        words = [_words(field, person.value(name), lang) for name, field in STAFF_FIELDS.items()]
    return person.full_name(lang), " ".join(word for word in words if word)


def sveden_page(slug):
    """Where a result links: the /sveden/ page that shows the item."""
    return url_for("public.sveden_section", slug=slug)


def init_app(app):
    add_source(
        app,
        Source(
            kind="sveden",
            model=SectionContent,
            label=_l("Information about the school"),
            texts=section_texts,
            link=sveden_page,
            ref=lambda row: row.section,
        ),
    )
    add_source(
        app,
        Source(
            kind="staff",
            model=StaffMember,
            label=_l("Staff"),
            texts=staff_texts,
            link=sveden_page,
            ref=lambda person: staff_section(person.role),
        ),
    )
