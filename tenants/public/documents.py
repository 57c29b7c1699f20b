"""The public document centre of a school, and its published files and thumbnails."""

from flask import abort, g, render_template, request
from flask_babel import lazy_gettext as _l

from mektep.extensions import db
from mektep.pagecache import page_arguments
from tenants.documents.models import KINDS, Document, StoredFile
from tenants.documents.owners import is_public
from tenants.documents.serving import send_stored_file, send_thumbnail
from tenants.public.blueprint import bp
from tenants.public.navigation import add_menu_entry


def published_documents():
    return (
        db.select(Document)
        .where(Document.published_at.is_not(None))
        .order_by(Document.issued_on.desc().nulls_last(), Document.id.desc())
    )


@bp.route("/documents")
@page_arguments(kind=KINDS)
def documents():
    items = db.session.scalars(published_documents()).all()
    present_kinds = [kind for kind in KINDS if any(item.kind == kind for item in items)]
    kind = request.args.get("kind")
    if kind is not None and kind not in KINDS:
        abort(404)
    shown = [item for item in items if item.kind == kind] if kind else items
    return render_template(
        "documents/centre.html",
        documents=shown,
        kinds=KINDS,
        present_kinds=present_kinds,
        kind=kind,
    )


def _public_file_or_404(file_id):
    stored = StoredFile.get_for_school(file_id, g.school)
    if not is_public(stored):
        abort(404)
    return stored


@bp.route("/files/<int:file_id>")
def file_download(file_id):
    return send_stored_file(_public_file_or_404(file_id), public=True)


@bp.route("/files/<int:file_id>/thumbnail-<size>.<fmt>")
def file_thumbnail(file_id, size, fmt):
    return send_thumbnail(_public_file_or_404(file_id), size, fmt, public=True)


def init_app(app):
    add_menu_entry(app, "public.documents", _l("Documents"), 40)
