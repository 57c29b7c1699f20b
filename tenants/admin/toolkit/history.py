"""History of any versioned content: its published versions, each one's text,
and restoring one (admins). Generic over every `Versioned` model, so a new kind
of content has its history here without code of its own."""

import json
from datetime import date, datetime

from flask import abort, flash, g, redirect, render_template, url_for
from flask_babel import format_date, format_datetime
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user

from mektep.extensions import db
from mektep.forms import confirmed_or_400
from mektep.richtext import as_html
from tenants import versioning
from tenants.admin.access import admin_required
from tenants.admin.blueprint import bp
from tenants.admin.navigation import add_admin_entry
from tenants.versioning import PublishRefused, Revision, field_labels, versioned_models

RECENT_VERSIONS = 50


def item_or_404(kind, item_id):
    """The bound school's item of versioned `kind`, else a 404."""
    model = versioned_models().get(kind)
    if model is None:
        abort(404)
    return model.get_for_school(item_id, g.school)


def published_revision_or_404(item, revision_id):
    """The published version `revision_id` of `item` (None: none yet), else a 404."""
    revision = Revision.get_for_school(revision_id, g.school)
    if item is None or revision.kind != item.version_kind or revision.item_id != item.id:
        abort(404)
    if revision.status != "published":
        abort(404)
    return revision


def field_label(model, name):
    return field_labels(model).get(name, name)


def shown_value(model, name, value):
    """A stored value as the history page shows it: a rich text field as the public
    page shows it (allow-listed HTML), dates and yes/no in the page's language,
    records as indented JSON, and the rest (titles too) as text, escaped."""
    if value is None or value == "":
        return ""
    if name in model.rich_fields and isinstance(value, str):
        return as_html(value)
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    column = model.__table__.columns.get(name)
    python_type = getattr(column.type, "python_type", None) if column is not None else None
    if isinstance(value, str) and python_type is datetime:
        return format_datetime(datetime.fromisoformat(value), "short")
    if isinstance(value, str) and python_type is date:
        return format_date(date.fromisoformat(value))
    if isinstance(value, int | float):
        return str(value)
    return json.dumps(value, ensure_ascii=False, indent=2)


@bp.route("/history")
def history_index():
    """The latest published versions of every kind, for finding an item's history."""
    revisions = db.session.scalars(
        db.select(Revision)
        .where(Revision.status == "published")
        .order_by(Revision.created_at.desc(), Revision.id.desc())
        .limit(RECENT_VERSIONS)
    ).all()
    models = versioned_models()
    items = {}
    for kind in {revision.kind for revision in revisions} & models.keys():
        ids = {revision.item_id for revision in revisions if revision.kind == kind}
        model = models[kind]
        for item in db.session.scalars(db.select(model).where(model.id.in_(ids))):
            items[kind, item.id] = item
    return render_template("admin/toolkit/history_index.html", revisions=revisions, items=items)


@bp.route("/history/<kind>/<int:item_id>")
def history(kind, item_id):
    item = item_or_404(kind, item_id)
    return render_template(
        "admin/toolkit/history.html", item=item, versions=versioning.history(item)
    )


@bp.route("/history/<kind>/<int:item_id>/<int:revision_id>")
def history_version(kind, item_id, revision_id):
    item = item_or_404(kind, item_id)
    revision = published_revision_or_404(item, revision_id)
    return _version_page(item, revision)


def _version_page(item, revision, status=200):
    current = item.snapshot()
    fields = [
        (
            field_label(type(item), name),
            shown_value(type(item), name, revision.data.get(name)),
            revision.data.get(name) != current.get(name),
        )
        for name in item.versioned_fields
    ]
    return render_template(
        "admin/toolkit/history_version.html", item=item, revision=revision, fields=fields
    ), status


@bp.route("/history/<kind>/<int:item_id>/<int:revision_id>/restore", methods=["POST"])
@admin_required
def history_restore(kind, item_id, revision_id):
    item = item_or_404(kind, item_id)
    revision = published_revision_or_404(item, revision_id)
    confirmed_or_400()
    try:
        versioning.restore(item, revision, current_user)
    except PublishRefused as refusal:
        db.session.rollback()
        flash(str(refusal), "error")
        return _version_page(item, revision, status=409)
    db.session.commit()
    flash(
        _(
            "The version of %(when)s is published again, as the newest version.",
            when=format_datetime(revision.created_at, "short"),
        ),
        "success",
    )
    return redirect(url_for("admin.history", kind=kind, item_id=item.id))


def init_app(app):
    add_admin_entry(app, "admin.history_index", _l("History"), 86)
