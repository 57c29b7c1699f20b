"""What the open data shows of a school: its published values of every section,
keyed by the shared schema, with each section's last update, review-by date
and whether it is overdue. Read for one school (`/api/v1/info` on its host) or
a page of many (`/api/v1/schools` on the apex) in a fixed number of queries.

With a language (`?lang=ky`), every text is that language's string (or null)
instead of an object of both."""

from flask import url_for
from flask_babel import force_locale

from config import LANGUAGES
from mektep.extensions import db
from mektep.hosts import site_url
from mektep.schema import SECTIONS
from tenants.content.completeness import checklist_from, summary
from tenants.content.models import NOT_APPLICABLE, SectionContent, StaffMember
from tenants.content.values import published_values
from tenants.documents.models import Document
from tenants.schedule.freshness import freshness
from tenants.schedule.subjects import SUBJECTS


def iso(moment):
    """A stored (naive UTC) time as ISO 8601 with a Z, or None."""
    return moment.replace(microsecond=0).isoformat() + "Z" if moment else None


class SchoolData:
    """The published data of `schools`, read at once; `school_json(school)` per school."""

    def __init__(self, schools, lang=None):
        self.lang = lang
        ids = [school.id for school in schools]
        self.rows, self.people, self.documents = {}, {}, {}
        for row in db.session.scalars(
            db.select(SectionContent).where(SectionContent.school_id.in_(ids))
        ):
            self.rows.setdefault(row.school_id, {})[row.section] = row
        for person in db.session.scalars(
            db.select(StaffMember)
            .where(StaffMember.school_id.in_(ids), StaffMember.published_at.is_not(None))
            .order_by(StaffMember.position, StaffMember.id)
        ):
            self.people.setdefault(person.school_id, []).append(person)
        for document in db.session.scalars(
            db.select(Document)
            .where(
                Document.school_id.in_(ids),
                Document.published_at.is_not(None),
                Document.field_key.is_not(None),
            )
            .order_by(Document.issued_on.desc().nulls_last(), Document.id.desc())
        ):
            by_field = self.documents.setdefault(document.school_id, {})
            by_field.setdefault(document.field_key, []).append(document)
        self.freshness = freshness(ids)
        # The same for every school: translated once, not once per school.
        self.titles = {schema.slug: self.text(_titles(schema.title)) for schema in SECTIONS}

    def text(self, value):
        """A text of both languages ({lang: text}) as this answer gives it."""
        value = value if isinstance(value, dict) else {}
        if self.lang:
            return value.get(self.lang) or None
        return {lang: value[lang] for lang in LANGUAGES if value.get(lang)}

    def _value(self, school, field, value):
        if field.is_document:
            return [
                {
                    "title": self.text({lang: getattr(doc, f"title_{lang}") for lang in LANGUAGES}),
                    "url": site_url(
                        school, url_for("public.file_download", file_id=doc.file_id, lang=None)
                    ),
                }
                for doc in self.documents.get(school.id, {}).get(field.key, [])
            ]
        if field.translated and value is not None:
            return self.text(value)
        return value

    def _record(self, school, fields, record):
        return {f.name: self._value(school, f, (record or {}).get(f.name)) for f in fields}

    def _person(self, school, member, person):
        names = {lang: person.full_name(lang) for lang in LANGUAGES}
        return {"fio": self.text(names), **self._record(school, member.fields, person.data)}

    def _section(self, school, schema):
        values = published_values(school, schema, self.rows.get(school.id, {}).get(schema.slug))
        people = self.people.get(school.id, [])
        members = {}
        for member in schema.members:
            if member.member_type == "field":
                members[member.name] = self._value(school, member, values.get(member.name))
            elif member.member_type == "group":
                members[member.name] = [
                    self._record(school, member.fields, record)
                    for record in values.get(member.name) or []
                ]
            else:
                members[member.name] = [
                    self._person(school, member, person)
                    for person in people
                    if person.role in member.roles
                ]
        return {
            "title": self.titles[schema.slug],
            **self.schedule(school, schema.slug),
            "not_applicable": values.get(NOT_APPLICABLE) or [],
            "values": members,
        }

    def schedule(self, school, key):
        item = self.freshness[school.id][key]
        return {
            "updated": iso(item.updated),
            "review_by": item.review_by.isoformat() if item.review_by else None,
            "overdue": item.overdue,
        }

    def completeness(self, school):
        rows, people = self.rows.get(school.id, {}), self.people.get(school.id, [])
        documented = set(self.documents.get(school.id, {}))
        percent = summary(checklist_from(school, rows, people, documented))
        return {lang: percent[lang]["percent"] for lang in LANGUAGES}

    def school_json(self, school):
        return {
            "school": {
                "slug": school.slug,
                "name": self.text({lang: getattr(school, f"name_{lang}") for lang in LANGUAGES}),
                "url": site_url(school),
            },
            "completeness": self.completeness(school),
            "sections": {schema.slug: self._section(school, schema) for schema in SECTIONS},
            "updates": {
                subject.key: self.schedule(school, subject.key)
                for subject in SUBJECTS
                if subject.section is None
            },
        }


def _titles(title):
    titles = {}
    for lang in LANGUAGES:
        with force_locale(lang):
            titles[lang] = str(title)
    return titles
