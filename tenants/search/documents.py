"""Search adapter for documents: each published document's title and the text
extracted from its file (which arrives later, from the text job that follows its
preview)."""

from flask import url_for
from flask_babel import lazy_gettext as _l

from mektep.extensions import db
from tenants.documents.models import Document, StoredFile
from tenants.search.registry import Source, register_dependency, register_source


def document_texts(document, lang):
    if not document.is_published or document.in_trash:
        return None
    title = document.title_ru if lang == "ru" else document.title_ky
    return title, document.file.text or ""


def documents_showing(session, stored_file):
    return session.scalars(
        db.select(Document)
        .where(Document.file_id == stored_file.id)
        .execution_options(include_trashed=True)
    ).all()


register_source(
    Source(
        kind="document",
        model=Document,
        label=_l("Document"),
        texts=document_texts,
        link=lambda ref: url_for("public.file_download", file_id=int(ref)),
        ref=lambda document: str(document.file_id),
    )
)
register_dependency(StoredFile, documents_showing, columns=("text",))
