"""The district console's page of the schools' look: the district's default
accent colour and its lock, and the colour and logo of every school."""

from flask import flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import BooleanField, SubmitField

from mektep import audit
from mektep.branding.colours import PALETTE_COLOURS, PLATFORM_ACCENT
from mektep.branding.forms import chosen_colour, colour_fields, colour_form_data, ratio
from mektep.branding.models import district_branding, editable_district_branding
from mektep.district.blueprint import bp
from mektep.extensions import db
from tenants.branding.look import looks_of
from tenants.models import School


class DistrictBrandingForm(FlaskForm):
    choice, custom = colour_fields(_l("The platform's colour"), label=_l("The district's colour"))
    locked = BooleanField(
        _l("Every school shows the district's colour"),
        description=_l(
            "Schools then cannot choose a colour of their own; the colours they chose are "
            "kept, and come back if you allow them again. Their logos stay theirs."
        ),
    )
    submit = SubmitField(_l("Save"))


@bp.route("/look", methods=["GET", "POST"])
def look():
    current = district_branding()
    form = DistrictBrandingForm(data=colour_form_data(current.accent) | {"locked": current.locked})
    if form.validate_on_submit():
        ok, colour = chosen_colour(form.choice, form.custom)
        if ok:
            row = editable_district_branding()
            row.accent, row.locked = colour, form.locked.data
            state = "locked" if row.locked else "schools choose"
            audit.record("district.look", f"colour {colour or 'platform'}, {state}")
            db.session.commit()
            flash(_("The district's colour is saved."), "success")
            return redirect(url_for("district.look"))
    schools = db.session.scalars(db.select(School).order_by(School.slug)).all()
    return render_template(
        "district/look.html",
        form=form,
        palette=PALETTE_COLOURS,
        ratio=ratio,
        unset_colour=PLATFORM_ACCENT,
        looks=looks_of(schools),
    ), 400 if form.is_submitted() else 200
