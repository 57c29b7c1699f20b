"""Storage of a school's values of the shared schema.

`SectionContent` holds one section's values as JSON keyed by the schema's
member names: a translated field as {"ky": ..., "ru": ...}, other fields as one
value, a group as a list of records, and `_na` the names marked "not
applicable". Fields whose `source` is the School row (its names and e-mail,
P2) are read from and written to that row, never copied.

`StaffMember` is one person (I14, I15), ordered by the admin.
"""

from sqlalchemy.orm.attributes import flag_modified

from mektep.extensions import db
from mektep.schema import SECTIONS_BY_SLUG
from tenants.scoping import TenantOwned
from tenants.trash import Trashable
from tenants.versioning import Versioned

NOT_APPLICABLE = "_na"


def _school_value(school, source):
    if source == "school.name":
        return {"ky": school.name_ky, "ru": school.name_ru}
    return school.contact_email


def _set_school_value(school, source, value):
    if source == "school.name":
        value = value or {}
        school.name_ky = value.get("ky") or school.name_ky
        school.name_ru = value.get("ru") or school.name_ru
    else:
        school.contact_email = value


class SectionContent(TenantOwned, Versioned, db.Model):
    __table_args__ = (db.UniqueConstraint("school_id", "section"),)
    version_kind = "section"
    versioned_fields = ("values",)
    admin_endpoint = "admin.content_item"

    id = db.Column(db.Integer, primary_key=True)
    section = db.Column(db.String(40), nullable=False)
    values = db.Column(db.JSON, nullable=False, default=dict)

    school = db.relationship("School")

    @property
    def schema(self):
        return SECTIONS_BY_SLUG[self.section]

    def display_title(self, lang):
        return str(self.schema.title)

    def snapshot(self):
        values = dict(self.values or {})
        for member in self.schema.fields:
            if member.source:
                values[member.name] = _school_value(self.school, member.source)
        return {"values": values}

    def apply(self, data):
        if "values" not in data:
            return
        values = dict(data["values"])
        for member in self.schema.fields:
            if member.source and member.name in values:
                _set_school_value(self.school, member.source, values.pop(member.name))
        self.values = values
        flag_modified(self, "values")

    def published_values(self):
        """What the public sees: the published values, with the School's own fields."""
        values = dict(self.values or {}) if self.is_published else {}
        for member in self.schema.fields:
            if member.source:
                values[member.name] = _school_value(self.school, member.source)
        return values


class StaffMember(TenantOwned, Versioned, Trashable, db.Model):
    version_kind = "staff"
    versioned_fields = ("role", "data")
    admin_endpoint = "admin.staff_edit"

    id = db.Column(db.Integer, primary_key=True)
    role = db.Column(db.String(10), nullable=False, default="teacher")
    position = db.Column(db.Integer, nullable=False, default=0, index=True)
    data = db.Column(db.JSON, nullable=False, default=dict)

    def value(self, name):
        return (self.data or {}).get(name)

    def full_name(self, lang):
        parts = []
        for name in ("surname", "first_name", "patronymic"):
            value = self.value(name) or {}
            text = value.get(lang) or value.get("ru" if lang == "ky" else "ky")
            if text:
                parts.append(text)
        return " ".join(parts)

    def display_title(self, lang):
        return self.full_name(lang) or f"#{self.id}"

    def apply(self, data):
        super().apply(data)
        flag_modified(self, "data")
