"""School admin pages: the dashboard and the school's settings.

The school's name and contact e-mail are content the public reads on every
page: saving them publishes a version of the School (with who and when), the
same path the mandated section's edit takes (`save_school_fields`).
"""

from flask import abort, flash, g, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user

from mektep import audit
from mektep.extensions import db
from tenants.admin.access import admin_required
from tenants.admin.blueprint import bp
from tenants.admin.forms import SchoolSettingsForm
from tenants.admin.navigation import add_admin_entry
from tenants.content.school_fields import save_school_fields
from tenants.models import School
from tenants.versioning import editable_data, pending_draft


@bp.route("/")
def dashboard():
    return render_template("admin/dashboard.html")


@bp.route("/settings", methods=["GET", "POST"])
def settings():
    shown = editable_data(g.school) | {"default_language": g.school.default_language}
    form = SchoolSettingsForm(data=shown)
    if form.validate_on_submit():
        return _save_settings(form)
    status = 400 if form.is_submitted() else 200
    return render_template("admin/settings.html", form=form, draft=pending_draft(g.school)), status


@bp.route("/settings/<int:item_id>")
def settings_item(item_id):
    """The school's versions link back here (every versioned kind has an edit view by id)."""
    if item_id != g.school.id:
        abort(404)
    return redirect(url_for("admin.settings"))


@admin_required
def _save_settings(form):
    data = {name: form[name].data or None for name in School.versioned_fields}
    save_school_fields(g.school, data, current_user, publishing=True)
    g.school.default_language = form.default_language.data
    audit.record("school.settings", "name, language, contact e-mail")
    db.session.commit()
    flash(_("Settings saved."), "success")
    return redirect(url_for("admin.settings"))


def init_app(app):
    add_admin_entry(app, "admin.dashboard", _l("Dashboard"), 0)
    add_admin_entry(app, "admin.settings", _l("Settings"), 90)
