"""How complete a school's published mandated content is, per language (A5, A6).

One computation serves the school's dashboard checklist and the district's
compliance column, so the two figures always agree.
"""

import re
from dataclasses import dataclass

from config import LANGUAGES
from mektep.extensions import db
from mektep.schema import SECTIONS, STAFF_FIELDS, Field, Group, StaffList
from tenants.content.models import SectionContent, StaffMember
from tenants.content.values import is_filled, is_not_applicable, published_values
from tenants.documents.models import Document

FILLED, MISSING, NOT_APPLICABLE = "filled", "missing", "na"


@dataclass
class Entry:
    """One required member of the schema and its state in each language."""

    section: object
    member: object
    status: dict

    @property
    def item(self):
        return self.member.item


def checklist(school):
    """Every required member of every mandatory section, with its state per language."""
    return checklists([school])[school.id]


def checklists(schools):
    """{school id: checklist} for every school in `schools`, in three queries
    however many schools (the district lists them all)."""
    ids = [school.id for school in schools]
    rows, people, documented = {}, {}, {}
    for row in db.session.scalars(
        db.select(SectionContent).where(SectionContent.school_id.in_(ids))
    ):
        rows.setdefault(row.school_id, {})[row.section] = row
    for person in db.session.scalars(
        db.select(StaffMember).where(
            StaffMember.school_id.in_(ids), StaffMember.published_at.is_not(None)
        )
    ):
        people.setdefault(person.school_id, []).append(person)
    for school_id, key in db.session.execute(
        db.select(Document.school_id, Document.field_key).where(
            Document.school_id.in_(ids),
            Document.published_at.is_not(None),
            Document.field_key.is_not(None),
        )
    ):
        documented.setdefault(school_id, set()).add(key)
    return {
        school.id: checklist_from(
            school,
            rows.get(school.id, {}),
            people.get(school.id, []),
            documented.get(school.id, set()),
        )
        for school in schools
    }


def checklist_from(school, rows, people, documented_keys):
    """The checklist of `school` from its section rows ({slug: SectionContent}),
    its published staff and the keys of the fields with a published document
    (the present state, or a past one rebuilt from versions)."""
    entries = []
    for section in SECTIONS:
        if section.optional:
            continue
        values = published_values(school, section, rows.get(section.slug))
        for member in section.members:
            if member.required:
                status = _status(member, values, people, documented_keys)
                entries.append(Entry(section, member, status))
    return entries


def _status(member, values, people, documented_keys):
    if not isinstance(member, StaffList) and is_not_applicable(values, member):
        return dict.fromkeys(LANGUAGES, NOT_APPLICABLE)
    return {
        lang: FILLED if _filled(member, values, people, documented_keys, lang) else MISSING
        for lang in LANGUAGES
    }


def _filled(member, values, people, documented_keys, lang):
    if isinstance(member, Field):
        if member.is_document:
            return member.key in documented_keys
        return is_filled(member, values.get(member.name), lang)
    if isinstance(member, Group):
        return is_filled(member, values.get(member.name), lang)
    listed = [person for person in people if person.role in member.roles]
    return bool(listed) and all(
        is_filled(field, person.value(field.name), lang)
        for person in listed
        for field in _staff_fields(member)
    )


def _staff_fields(member):
    return [STAFF_FIELDS[name] for name in member.required_names]


def summary(entries):
    """{lang: {"done", "total", "percent"}}: filled or not applicable, over all required."""
    total = len(entries)
    result = {}
    for lang in LANGUAGES:
        done = sum(1 for entry in entries if entry.status[lang] != MISSING)
        result[lang] = {
            "done": done,
            "total": total,
            "percent": round(100 * done / total) if total else 100,
        }
    return result


def by_item(entries):
    """[(I-item, entries)] in the regulation's order (members without an item first)."""
    items = {}
    for entry in entries:
        items.setdefault(entry.item or "", []).append(entry)
    return sorted(items.items(), key=lambda pair: _item_number(pair[0]))


def _item_number(item):
    """3 for "I3", 4 for "I4–I6", 0 for none."""
    digits = re.match(r"I(\d+)", item)
    return int(digits.group(1)) if digits else 0
