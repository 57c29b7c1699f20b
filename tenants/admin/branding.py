"""The school's look (admins only): its logo and its accent colour, within the
district's rule (a default colour, perhaps locked: then the colour is not the
school's to change, and a posted one is ignored). Saved is public at once,
like the settings."""

from flask import g, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user
from flask_wtf import FlaskForm
from wtforms import BooleanField, SubmitField

from mektep.branding.colours import PALETTE_COLOURS, PLATFORM_ACCENT, measure
from mektep.branding.forms import chosen_colour, colour_fields, colour_form_data, ratio
from mektep.extensions import db
from tenants.admin.access import admin_required
from tenants.admin.blueprint import bp
from tenants.admin.navigation import add_admin_entry
from tenants.admin.toolkit.saving import commit_settings
from tenants.branding.look import branding_of, look_of
from tenants.branding.models import SchoolBranding
from tenants.documents.fields import accept_upload, has_upload, upload_field, upload_help


class BrandingForm(FlaskForm):
    choice, custom = colour_fields(_l("The district's colour"))
    logo = upload_field(_l("Logo"), pictures_only=True)
    remove_logo = BooleanField(_l("Remove the logo"))
    submit = SubmitField(_l("Save the look"))


@bp.route("/look", methods=["GET", "POST"])
@admin_required
def branding():
    own = branding_of(g.school)
    look = look_of(g.school)
    form = BrandingForm(data=colour_form_data(own.accent if own else None))
    form.logo.description = upload_help(pictures_only=True)
    if form.validate_on_submit():
        saved = _save(form, own or SchoolBranding(school_id=g.school.id), look.locked)
        if saved:
            return saved
    status = 400 if form.is_submitted() else 200
    return render_template(
        "admin/branding.html",
        form=form,
        look=look,
        own=own,
        figures=measure(look.accent),
        palette=PALETTE_COLOURS,
        ratio=ratio,
        unset_colour=look.district_accent or PLATFORM_ACCENT,
    ), status


def _save(form, row, locked):
    """Save the form; a redirect, or None when the form shows why it cannot."""
    ok, colour = (True, row.accent) if locked else chosen_colour(form.choice, form.custom)
    if not ok:
        return None
    stored = None
    if has_upload(form.logo):
        stored = accept_upload(form.logo, current_user, pictures_only=True)
        if stored is None:
            return None
    changes = []
    if colour != row.accent:
        row.accent = colour
        changes.append(f"colour {colour or 'district'}")
    if stored is not None:
        row.logo_file_id = stored.id
        changes.append(f"logo {stored.original_name}")
    elif form.remove_logo.data and row.logo_file_id is not None:
        row.logo_file_id = None
        changes.append("logo removed")
    if changes:
        db.session.add(row)
    commit_settings("school.look", changes, _("The look is saved."))
    return redirect(url_for("admin.branding"))


def init_app(app):
    add_admin_entry(app, "admin.branding", _l("Look"), 91, role="admin")
