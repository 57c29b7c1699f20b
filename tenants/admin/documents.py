"""School admin: upload documents, watch their previews get made, edit, publish,
retry a failed preview, move to the trash; and the staff's view of stored files."""

import io
from datetime import date

from flask import flash, g, jsonify, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_babel import ngettext
from flask_login import current_user
from flask_wtf import FlaskForm

from mektep import audit
from mektep.errors import render_error
from mektep.extensions import db
from mektep.request_input import parse_int
from tenants.admin.access import admin_only, admin_required
from tenants.admin.blueprint import bp
from tenants.admin.document_forms import EditForm, UploadForm
from tenants.admin.navigation import add_admin_entry
from tenants.documents.fields import accept_uploads, has_upload, upload_help
from tenants.documents.jobs import retry
from tenants.documents.models import KINDS, Document, StoredFile
from tenants.documents.serving import send_stored_file, send_thumbnail
from tenants.documents.uploads import title_from_filename, upload_limit, upload_limit_mb
from tenants.trash import move_to_trash
from tenants.versioning import drafts_of, editable_data, pending_draft, publish, save_draft

# A request over the limit is read to its end (up to this much) before the
# answer, so the browser sees the page instead of a reset connection.
DRAIN_FACTOR = 8


def _consume_body(length):
    """Read the refused body to its end, then leave the request an empty one, so
    that nothing rendering the answer tries to parse it again."""
    stream = request.environ.get("wsgi.input")
    if stream is not None and length <= DRAIN_FACTOR * upload_limit():
        remaining = length
        while remaining > 0:
            chunk = stream.read(min(remaining, 1024 * 1024))
            if not chunk:
                break
            remaining -= len(chunk)
    request.environ["wsgi.input"] = io.BytesIO()
    request.environ["CONTENT_LENGTH"] = "0"


@bp.errorhandler(413)
def upload_too_large(error):
    length = request.content_length or 0
    _consume_body(length)
    response, status = render_error(
        413,
        _("File too large"),
        _(
            "Files of up to %(mb)s MB are accepted, and this upload was %(size)s MB. "
            "Reduce the file (for a scan, a lower resolution is enough) and upload it again.",
            mb=upload_limit_mb(),
            size=max(1, round(length / (1024 * 1024))),
        ),
    )
    return response, status, {"Connection": "close"}


@bp.route("/documents")
def documents():
    kind = request.args.get("kind")
    query = db.select(Document).order_by(Document.created_at.desc(), Document.id.desc())
    if kind in KINDS:
        query = query.where(Document.kind == kind)
    items = db.session.scalars(query).all()
    drafts = set(drafts_of(Document.version_kind))
    return render_template(
        "documents/admin_list.html",
        documents=items,
        drafts=drafts,
        kinds=KINDS,
        kind=kind if kind in KINDS else None,
        action_form=FlaskForm(),
    )


def _new_document(stored, form):
    name_title = title_from_filename(stored.original_name)
    document = Document(
        file_id=stored.id,
        kind=form.kind.data,
        title_ky=form.title_ky.data.strip() or name_title,
        title_ru=form.title_ru.data.strip() or name_title,
        issued_on=form.issued_on.data,
        field_key=form.field_key.data or None,
    )
    db.session.add(document)
    db.session.flush()
    if g.role == "admin" and form.publish.data:
        publish(document, current_user)
    return document


@bp.route("/documents/upload", methods=["GET", "POST"])
def document_upload():
    form = UploadForm()
    form.fill_field_choices()
    if form.validate_on_submit():
        if not has_upload(form.files):
            form.files.errors = [_("Choose one or more files to upload.")]
        else:
            stored_files = accept_uploads(form.files, current_user)
            for stored in stored_files:
                _new_document(stored, form)
            if stored_files:
                names = ", ".join(stored.original_name for stored in stored_files)
                audit.record("document.upload", names)
                db.session.commit()
                flash(
                    ngettext(
                        "%(num)d file uploaded. Its preview is being made; "
                        "the list shows when it is ready.",
                        "%(num)d files uploaded. Their previews are being made; "
                        "the list shows when they are ready.",
                        len(stored_files),
                    ),
                    "success",
                )
            if not form.files.errors:
                return redirect(url_for("admin.documents"))
    status = 400 if form.is_submitted() else 200
    return render_template(
        "documents/admin_upload.html", form=form, upload_help=upload_help()
    ), status


def _edit_form_data(document):
    data = dict(editable_data(document))
    if isinstance(data.get("issued_on"), str):
        data["issued_on"] = date.fromisoformat(data["issued_on"])
    return data


@bp.route("/documents/<int:item_id>", methods=["GET", "POST"])
def document_edit(item_id):
    document = Document.get_for_school(item_id, g.school)
    form = EditForm() if request.method == "POST" else EditForm(data=_edit_form_data(document))
    form.fill_field_choices()
    if form.validate_on_submit():
        data = {
            "kind": form.kind.data,
            "title_ky": form.title_ky.data.strip(),
            "title_ru": form.title_ru.data.strip(),
            "issued_on": form.issued_on.data.isoformat() if form.issued_on.data else None,
            "field_key": form.field_key.data or None,
        }
        if g.role == "admin":
            publish(document, current_user, data=data)
            message = _("Changes saved and published.")
        else:
            save_draft(document, data, current_user)
            message = _("Changes saved as a draft. An administrator will publish them.")
        db.session.commit()
        flash(message, "success")
        return redirect(url_for("admin.documents"))
    status = 400 if form.is_submitted() else 200
    return render_template(
        "documents/admin_edit.html",
        form=form,
        document=document,
        has_draft=pending_draft(document) is not None,
        action_form=FlaskForm(),
    ), status


@bp.route("/documents/<int:item_id>/publish", methods=["POST"])
@admin_required
def document_publish(item_id):
    document = Document.get_for_school(item_id, g.school)
    if FlaskForm().validate_on_submit():
        publish(document, current_user)
        db.session.commit()
        flash(_("«%(title)s» is published.", title=document.display_title(g.lang)), "success")
    return redirect(url_for("admin.documents"))


@bp.route("/documents/<int:item_id>/retry", methods=["POST"])
def document_retry(item_id):
    document = Document.get_for_school(item_id, g.school)
    if FlaskForm().validate_on_submit() and document.file.status == "failed":
        retry(document.file)
        audit.record("document.retry", f"#{document.id}")
        db.session.commit()
        flash(_("The preview will be made again."), "success")
    return redirect(url_for("admin.documents"))


@bp.route("/documents/<int:item_id>/delete", methods=["POST"])
def document_delete(item_id):
    document = Document.get_for_school(item_id, g.school)
    if document.is_published:
        admin_only("document_delete")
    if FlaskForm().validate_on_submit():
        move_to_trash(document, current_user)
        db.session.commit()
        flash(
            _(
                "«%(title)s» is in the trash. An administrator can restore it from there.",
                title=document.display_title(g.lang),
            ),
            "success",
        )
    return redirect(url_for("admin.documents"))


def _status_of(document):
    stored = document.file
    return {
        "status": stored.status,
        "label": str(stored.status_label),
        "failure": str(stored.failure_message) if stored.status == "failed" else "",
        "thumbnail": url_for("admin.file_thumbnail", file_id=stored.id, size="small", fmt="webp")
        if stored.shows_thumbnail
        else None,
        "pages": stored.page_count,
    }


@bp.route("/documents/status")
def documents_status():
    """Statuses of the documents `?ids=1,2`, for the list to update itself."""
    parts = request.args.get("ids", "").split(",")[:200]
    ids = [number for number in map(parse_int, parts) if number is not None]
    found = db.session.scalars(db.select(Document).where(Document.id.in_(ids))).all()
    response = jsonify({str(document.id): _status_of(document) for document in found})
    response.cache_control.no_store = True
    return response


@bp.route("/files/<int:file_id>")
def file_download(file_id):
    return send_stored_file(StoredFile.get_for_school(file_id, g.school), public=False)


@bp.route("/files/<int:file_id>/thumbnail-<size>.<fmt>")
def file_thumbnail(file_id, size, fmt):
    stored = StoredFile.get_for_school(file_id, g.school)
    return send_thumbnail(stored, size, fmt, public=False)


def init_app(app):
    add_admin_entry(app, "admin.documents", _l("Documents"), 30)
