"""The district console's update periods: how often each /sveden/ section, the
news and the events must be updated at least (G2). Schools may shorten them
for themselves, never lengthen them (tenants.schedule)."""

from flask import flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import SelectField, SubmitField

from mektep import audit
from mektep.district.blueprint import bp
from mektep.extensions import db
from tenants.schedule.freshness import district_periods
from tenants.schedule.models import DistrictPeriod
from tenants.schedule.subjects import PERIODS, SUBJECTS


def periods_form(current):
    class DistrictPeriodsForm(FlaskForm):
        submit = SubmitField(_l("Save the periods"))

    choices = [(str(days), str(label)) for days, label in PERIODS.items()]
    for subject in SUBJECTS:
        field = SelectField(str(subject.label), choices=choices, default=str(current[subject.key]))
        setattr(DistrictPeriodsForm, f"period_{subject.key}", field)
    return DistrictPeriodsForm()


@bp.route("/schedule", methods=["GET", "POST"])
def periods():
    current = district_periods()
    form = periods_form(current)
    if form.validate_on_submit():
        stored = {row.subject: row for row in db.session.scalars(db.select(DistrictPeriod))}
        changed = []
        for subject in SUBJECTS:
            days = int(form[f"period_{subject.key}"].data)
            if subject.key in stored:
                stored[subject.key].days = days
            else:
                db.session.add(DistrictPeriod(subject=subject.key, days=days))
            if days != current[subject.key]:
                changed.append(f"{subject.key}={days}")
        audit.record("district.periods", ", ".join(changed) or "unchanged")
        db.session.commit()
        flash(_("The update periods are saved; every school's schedule follows them."), "success")
        return redirect(url_for("district.periods"))
    status = 400 if form.is_submitted() else 200
    return render_template("district/periods.html", form=form, subjects=SUBJECTS), status
