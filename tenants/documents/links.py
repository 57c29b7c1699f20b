"""Documents attached to fields of the shared schema (the charter as `ustavDocLink`, ...).

The contract between the schema and the documents: `documents_for_field(key)`
returns the published documents of the bound school attached to the schema
field `key`, newest first; the template `documents/field_documents.html` shows
them for a field on public pages. One query per request finds every attached
document, however many fields a page shows.
"""

from flask import g

from mektep.extensions import db
from tenants.documents.models import Document


def _attached_documents():
    if "attached_documents" not in g:
        rows = db.session.scalars(
            db.select(Document)
            .where(Document.published_at.is_not(None), Document.field_key.is_not(None))
            .order_by(Document.issued_on.desc().nulls_last(), Document.id.desc())
        ).all()
        by_field = {}
        for document in rows:
            by_field.setdefault(document.field_key, []).append(document)
        g.attached_documents = by_field
    return g.attached_documents


def documents_for_field(field_key):
    if g.get("school") is None:
        return []
    return _attached_documents().get(field_key, [])
