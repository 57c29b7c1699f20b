"""School admin pages: the dashboard and the school's settings."""

from flask import flash, g, redirect, render_template, url_for
from flask_babel import gettext as _

from mektep import audit
from mektep.extensions import db
from tenants.admin import bp
from tenants.admin.access import admin_required
from tenants.admin.forms import SchoolSettingsForm


@bp.route("/")
def dashboard():
    return render_template("admin/dashboard.html")


@bp.route("/settings", methods=["GET", "POST"])
def settings():
    form = SchoolSettingsForm(obj=g.school)
    if form.validate_on_submit():
        return _save_settings(form)
    status = 400 if form.is_submitted() else 200
    return render_template("admin/settings.html", form=form), status


@admin_required
def _save_settings(form):
    for name in ("name_ky", "name_ru", "default_language", "contact_email"):
        setattr(g.school, name, getattr(form, name).data or None)
    audit.record("school.settings", "name, language, contact e-mail")
    db.session.commit()
    flash(_("Settings saved."), "success")
    return redirect(url_for("admin.settings"))
