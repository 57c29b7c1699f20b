"""School admin: upload documents, watch their previews get made, edit, publish,
retry a failed preview, move to the trash (the toolkit's pages, with an upload
of many files in place of a "new" form)."""

from flask import flash, g, jsonify, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_babel import ngettext
from flask_login import current_user

from mektep import audit
from mektep.extensions import db
from mektep.forms import confirmed_or_400
from mektep.request_input import parse_int
from tenants.admin.access import admin_only
from tenants.admin.blueprint import bp
from tenants.admin.document_forms import EditForm, UploadForm
from tenants.admin.navigation import add_admin_entry
from tenants.admin.toolkit.kinds import KindAdmin
from tenants.documents.fields import accept_uploads, has_upload, upload_help
from tenants.documents.integrity import problem_count
from tenants.documents.jobs import retry
from tenants.documents.models import KINDS, Document
from tenants.documents.uploads import title_from_filename
from tenants.versioning import publish


class DocumentsAdmin(KindAdmin):
    name, url, model, form_class = "document", "/documents", Document, EditForm
    titles = {"list": _l("Documents"), "new": _l("Upload documents")}
    templates = {"list": "documents/admin_list.html", "form": "documents/admin_edit.html"}
    views = ("list", "edit", "publish", "delete")
    endpoints = {"list": "documents"}
    # An editor may move their own draft to the trash (`refuse_trash`).
    admin_views = ("publish",)

    @staticmethod
    def kind_shown():
        kind = request.args.get("kind")
        return kind if kind in KINDS else None

    def list_query(self):
        query = db.select(Document).order_by(Document.created_at.desc(), Document.id.desc())
        kind = self.kind_shown()
        return query.where(Document.kind == kind) if kind else query

    def list_context(self):
        return {"kinds": KINDS, "kind": self.kind_shown(), "copy_problems": problem_count()}

    def new_url(self):
        return url_for("admin.document_upload")

    def publishing(self, form):
        """An admin's save publishes the document; an editor's waits as a draft."""
        return g.role == "admin"

    def after_save_url(self, document):
        return url_for(self.endpoint("list"))

    def refuse_trash(self, document):
        if document.is_published:
            admin_only("document_delete")


documents_admin = DocumentsAdmin()
documents_admin.add_routes(bp)


def _new_document(stored, form):
    name_title = title_from_filename(stored.original_name)
    document = Document(
        file_id=stored.id,
        kind=form.kind.data,
        title_ky=(form.title_ky.data or "").strip() or name_title,
        title_ru=(form.title_ru.data or "").strip() or name_title,
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


@bp.route("/documents/<int:item_id>/retry", methods=["POST"])
def document_retry(item_id):
    document = documents_admin.get(item_id)
    confirmed_or_400()
    if document.file.status == "failed":
        retry(document.file)
        audit.record("document.retry", f"#{document.id}")
        db.session.commit()
        flash(_("The preview will be made again."), "success")
    return redirect(url_for("admin.documents"))


def _status_of(document):
    stored = document.file
    return {
        "status": stored.status,
        "badge": stored.badge,
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


def init_app(app):
    add_admin_entry(app, "admin.documents", _l("Documents"), 30)
