"""The trash page: everything deleted on this school's site, of every `Trashable`
kind, with who deleted it and when; restore it, or delete it for good (admins).
Generic over the shared mixin, so a new kind of content appears without code here."""

from datetime import timedelta

from flask import abort, flash, g, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user
from sqlalchemy.exc import IntegrityError

from mektep import audit
from mektep.accounts.models import User
from mektep.extensions import db
from mektep.forms import ConfirmForm, confirmed_or_400
from tenants.admin.access import admin_required
from tenants.admin.blueprint import bp
from tenants.admin.navigation import add_admin_entry
from tenants.admin.toolkit.saving import confirm_page
from tenants.trash import (
    TRASH_DAYS,
    get_trashed_or_404,
    restore_from_trash,
    trashable_models,
    trashed,
)


def _models_by_kind():
    return {model.__tablename__: model for model in trashable_models()}


def _trashed_item_or_404(kind, item_id):
    model = _models_by_kind().get(kind)
    if model is None:
        abort(404)
    return get_trashed_or_404(model, item_id)


@bp.route("/trash")
@admin_required
def trash():
    entries = [
        (kind, item)
        for kind, model in _models_by_kind().items()
        for item in db.session.scalars(trashed(model))
    ]
    entries.sort(key=lambda entry: entry[1].deleted_at, reverse=True)
    deleter_ids = {item.deleted_by_id for _kind, item in entries} - {None}
    deleters = {
        user.id: user
        for user in db.session.scalars(db.select(User).where(User.id.in_(deleter_ids)))
    }
    return render_template(
        "admin/toolkit/trash.html",
        entries=entries,
        deleters=deleters,
        purge_after=timedelta(days=TRASH_DAYS),
        trash_days=TRASH_DAYS,
    )


@bp.route("/trash/<kind>/<int:item_id>/restore", methods=["POST"])
@admin_required
def trash_restore(kind, item_id):
    item = _trashed_item_or_404(kind, item_id)
    confirmed_or_400()
    restore_from_trash(item)
    db.session.commit()
    flash(
        _("Restored: «%(title)s» is back where it was.", title=item.display_title(g.lang)),
        "success",
    )
    return redirect(url_for("admin.trash"))


@bp.route("/trash/<kind>/<int:item_id>/purge", methods=["GET", "POST"])
@admin_required
def trash_purge(kind, item_id):
    """GET asks for confirmation, so one misclick never deletes for good."""
    item = _trashed_item_or_404(kind, item_id)
    title = str(item.display_title(g.lang))
    form = ConfirmForm()
    if not form.validate_on_submit():
        return confirm_page(
            form,
            question=_("Delete for good?"),
            consequence=_(
                "«%(title)s» and all its earlier versions will be deleted for good. "
                "This cannot be undone.",
                title=title,
            ),
            action=(_("Delete for good"), url_for("admin.trash_purge", kind=kind, item_id=item_id)),
            back=(_("Keep it in the trash"), url_for("admin.trash")),
        )
    # Its versions and translation marks go with it (tenants.versioning).
    db.session.delete(item)
    audit.record(f"{kind}.purge", f"#{item_id} {title}", user=current_user)
    try:
        db.session.commit()
    except IntegrityError:
        db.session.rollback()
        flash(
            _("«%(title)s» is still used elsewhere and cannot be deleted for good.", title=title),
            "error",
        )
        return trash(), 409
    flash(_("Deleted for good: «%(title)s».", title=title), "success")
    return redirect(url_for("admin.trash"))


def init_app(app):
    add_admin_entry(app, "admin.trash", _l("Trash"), 88, role="admin")
