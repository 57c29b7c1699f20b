"""Documents attached to fields of the shared schema (the charter as `ustavDocLink`, ...).

The contract between the schema and the documents: `documents_for_field(key)`
returns the published documents of a school (the bound one unless named)
attached to the schema field `key`, newest first; the template
`documents/field_documents.html` shows them for a field on public pages. One
query per request and school finds every attached document, however many
fields a page shows.
"""

from flask import g, has_request_context, request

from mektep.extensions import db
from tenants.documents.models import Document

_CACHE_KEY = "mektep.attached_documents"


def _attached_documents(school):
    by_field = {}
    documents = db.session.scalars(
        Document.for_school(school)
        .where(Document.published_at.is_not(None), Document.field_key.is_not(None))
        .order_by(Document.issued_on.desc().nulls_last(), Document.id.desc())
    )
    for document in documents:
        by_field.setdefault(document.field_key, []).append(document)
    return by_field


def documents_for_field(field_key, school=None):
    school = school or g.get("school")
    if school is None:
        return []
    if not has_request_context():
        return _attached_documents(school).get(field_key, [])
    # Kept with the request (not in `g`, which may outlive it), by school.
    by_school = request.environ.setdefault(_CACHE_KEY, {})
    if school.id not in by_school:
        by_school[school.id] = _attached_documents(school)
    return by_school[school.id].get(field_key, [])
