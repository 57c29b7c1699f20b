"""Documents attached to fields of the shared schema (the charter as `ustavDocLink`, ...).

The contract between the schema and the documents: `documents_for_field(key)`
returns the published documents of the bound school attached to the schema
field `key`, newest first; the template `documents/field_documents.html` shows
them for a field on public pages. One query per request finds every attached
document, however many fields a page shows.
"""

from flask import g, has_request_context, request

from mektep.extensions import db
from tenants.documents.models import Document

CACHE_KEY = "mektep.attached_documents"


def _attached_documents():
    by_field = {}
    documents = db.session.scalars(
        db.select(Document)
        .where(Document.published_at.is_not(None), Document.field_key.is_not(None))
        .order_by(Document.issued_on.desc().nulls_last(), Document.id.desc())
    )
    for document in documents:
        by_field.setdefault(document.field_key, []).append(document)
    return by_field


def documents_for_field(field_key):
    if g.get("school") is None:
        return []
    if not has_request_context():
        return _attached_documents().get(field_key, [])
    # Kept with the request (not in `g`, which may outlive it), one query per page.
    if CACHE_KEY not in request.environ:
        request.environ[CACHE_KEY] = _attached_documents()
    return request.environ[CACHE_KEY].get(field_key, [])
