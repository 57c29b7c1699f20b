"""Storage of a school's values of the shared schema.

`SectionContent` holds one section's values as JSON keyed by the schema's
member names: a translated field as {"ky": ..., "ru": ...}, other fields as one
value, a group as a list of records, and `_na` the names marked "not
applicable". Fields whose `source` is the School row (its names and e-mail,
P2) are read from that row and changed through the School's own drafts and
versions (the School is versioned content too), never kept in the section.

`StaffMember` is one person (I14, I15), ordered by the admin.
"""

from sqlalchemy.orm.attributes import flag_modified

from mektep.extensions import db
from mektep.i18n import fallback_order
from mektep.schema import SECTIONS_BY_SLUG
from mektep.schema.staff import NAME_FIELDS
from tenants.content.school_fields import (
    save_school_fields,
    school_data_from,
    school_members,
    with_school_values,
    without_school_values,
)
from tenants.scoping import TenantOwned
from tenants.trash import Trashable
from tenants.versioning import Versioned, editable_data

NOT_APPLICABLE = "_na"


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
        # A version records the School's own fields as the public saw them with
        # it; they are the School's content (versioned on the School), never applied.
        return {
            "values": with_school_values(self.schema, self.values or {}, self.school.snapshot())
        }

    def apply(self, data):
        if "values" not in data:
            return
        self.values = without_school_values(self.schema, data["values"])
        flag_modified(self, "values")

    def save_carried(self, data, user, publishing):
        values = data.get("values") or {}
        if not any(member.name in values for member in school_members(self.schema)):
            return
        school = school_data_from(self.schema, values, editable_data(self.school))
        save_school_fields(self.school, school, user, publishing)


def full_name(data, lang):
    """A person's name from a staff record's `data`, each part in `lang` or else
    in the other language (public pages read `data` alone, without the record)."""
    data = data or {}
    order = fallback_order(lang)
    parts = []
    for name in NAME_FIELDS:
        value = data.get(name)
        if not value:
            continue
        for code in order:
            text = value.get(code)
            if text:
                parts.append(text)
                break
    return " ".join(parts)


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
        return full_name(self.data, lang)

    def display_title(self, lang):
        return self.full_name(lang) or f"#{self.id}"

    def apply(self, data):
        super().apply(data)
        flag_modified(self, "data")
