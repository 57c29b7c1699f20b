"""`/api/v1/info`: the published values of every section, in both languages,
keyed by the shared schema (section slug, then member name)."""

from flask import g, jsonify
from flask_babel import force_locale

from config import LANGUAGES
from mektep.hosts import external_url, site_url
from mektep.schema import SECTIONS
from tenants.api.blueprint import bp
from tenants.content.completeness import checklist, summary
from tenants.content.models import NOT_APPLICABLE
from tenants.content.values import published_values, section_rows, staff
from tenants.documents.links import documents_for_field


def _value(field, value):
    if field.is_document:
        return [
            {
                "title": {lang: getattr(doc, f"title_{lang}") or None for lang in LANGUAGES},
                "url": external_url("public.file_download", file_id=doc.file_id),
            }
            for doc in documents_for_field(field.key)
        ]
    return value


def _record(fields, record):
    return {f.name: _value(f, (record or {}).get(f.name)) for f in fields}


def _person(member, person):
    names = {lang: person.full_name(lang) or None for lang in LANGUAGES}
    return {"fio": names, **_record(member.fields, person.data)}


def _section(schema, row, people):
    values = published_values(g.school, schema, row)
    members = {}
    for member in schema.members:
        if member.member_type == "field":
            members[member.name] = _value(member, values.get(member.name))
        elif member.member_type == "group":
            members[member.name] = [
                _record(member.fields, record) for record in values.get(member.name) or []
            ]
        else:
            members[member.name] = [
                _person(member, person) for person in people if person.role in member.roles
            ]
    published = row.published_at if row is not None and row.is_published else None
    return {
        "title": {lang: _title(schema, lang) for lang in LANGUAGES},
        "updated": published.replace(microsecond=0).isoformat() + "Z" if published else None,
        "not_applicable": values.get(NOT_APPLICABLE) or [],
        "values": members,
    }


def _title(schema, lang):
    with force_locale(lang):
        return str(schema.title)


@bp.route("/info")
def info():
    rows = section_rows(g.school)
    people = staff(g.school)
    completeness = summary(checklist(g.school))
    response = jsonify(
        {
            "school": {
                "slug": g.school.slug,
                "name": {lang: getattr(g.school, f"name_{lang}") for lang in LANGUAGES},
                "url": site_url(g.school, "/"),
            },
            "completeness": {lang: completeness[lang]["percent"] for lang in LANGUAGES},
            "sections": {s.slug: _section(s, rows.get(s.slug), people) for s in SECTIONS},
        }
    )
    response.headers["Access-Control-Allow-Origin"] = "*"
    return response
