"""Search adapter for documents: each published document's title and the text
extracted from its file (which arrives later, from the text job that follows its
preview)."""

from flask import url_for
from flask_babel import lazy_gettext as _l

from mektep.extensions import db
from tenants.documents.models import Document, StoredFile
from tenants.search.registry import Source, add_dependency, add_source


def document_texts(document, lang):
    if not document.is_published or document.in_trash:
        return None
    title = getattr(document, f"title_{lang}")
    return title, document.file.text or ""


def documents_showing(session, stored_file):
    return session.scalars(
        db.select(Document)
        .where(Document.file_id == stored_file.id)
        .execution_options(include_trashed=True)
    ).all()


def init_app(app):
    add_source(
        app,
        Source(
            kind="document",
            model=Document,
            label=_l("Document"),
            texts=document_texts,
            link=lambda ref: url_for("public.file_download", file_id=int(ref)),
            ref=lambda document: str(document.file_id),
        ),
    )
    add_dependency(app, StoredFile, documents_showing, columns=("text",))
