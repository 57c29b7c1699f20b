"""The district console's alerts (`mektep.alerts`): list, post, edit, end now and
delete, each audited. Times are typed and read in the district's time zone."""

from flask import flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user
from flask_wtf import FlaskForm
from wtforms import SubmitField, TextAreaField
from wtforms.validators import DataRequired, InputRequired, Optional

from config import LANGUAGES
from mektep import audit
from mektep.alerts.models import ENDED, LIVE, SCHEDULED, TEXT_MAX_LENGTH, DistrictAlert, all_alerts
from mektep.clock import utcnow
from mektep.district.blueprint import bp
from mektep.extensions import db
from mektep.forms import ConfirmForm, confirmed_or_400, max_length, strip_filter, with_inputs
from tenants.admin.toolkit.fields import DistrictDateTimeField

TEXT_LABELS = {"ky": _l("Text in Kyrgyz"), "ru": _l("Text in Russian")}
STATE_LABELS = {SCHEDULED: _l("Scheduled"), LIVE: _l("Shown now"), ENDED: _l("Ended")}
STATE_BADGES = {SCHEDULED: "warn", LIVE: "ok", ENDED: "archived"}


@with_inputs(
    {
        f"text_{lang}": TextAreaField(
            TEXT_LABELS[lang],
            validators=[
                DataRequired(message=_l("Write the alert in both languages.")),
                max_length(TEXT_MAX_LENGTH),
            ],
            filters=[strip_filter],
        )
        for lang in LANGUAGES
    }
)
class AlertForm(FlaskForm):
    starts_at = DistrictDateTimeField(
        _l("Shown from"),
        validators=[Optional()],
        description=_l("Leave empty to show it at once."),
    )
    ends_at = DistrictDateTimeField(
        _l("Shown until"),
        validators=[InputRequired(message=_l("Say until when the alert is shown."))],
        description=_l("Every school's pages stop showing it then."),
    )
    submit = SubmitField(_l("Save the alert"))
    inputs = (*(f"text_{lang}" for lang in LANGUAGES), "starts_at", "ends_at")

    def validate(self, extra_validators=None):
        valid = super().validate(extra_validators)
        starts = self.starts_at.data or utcnow()
        if valid and self.ends_at.data <= starts:
            self.ends_at.errors.append(_l("The end must come after the start."))
            valid = False
        return valid


def _excerpt(alert):
    return alert.text(LANGUAGES[0])[0][:80]


@bp.route("/alerts")
def alerts():
    return render_template(
        "district/alerts.html",
        alerts=all_alerts(),
        now=utcnow(),
        confirm=ConfirmForm(),
        state_labels=STATE_LABELS,
        state_badges=STATE_BADGES,
    )


@bp.route("/alerts/new", methods=["GET", "POST"])
def new_alert():
    return _edit(None)


@bp.route("/alerts/<int:alert_id>", methods=["GET", "POST"])
def edit_alert(alert_id):
    return _edit(db.get_or_404(DistrictAlert, alert_id))


def _edit(alert):
    form = AlertForm(obj=alert)
    if form.validate_on_submit():
        is_new = alert is None
        if is_new:
            alert = DistrictAlert(created_by_id=current_user.id)
            db.session.add(alert)
        form.populate_obj(alert)
        alert.starts_at = form.starts_at.data or utcnow()
        alert.state = alert.state_at(utcnow())
        db.session.flush()
        audit.record(
            f"district.alert_{'new' if is_new else 'edit'}", f"#{alert.id} {_excerpt(alert)}"
        )
        db.session.commit()
        flash(_saved_message(alert), "success")
        return redirect(url_for("district.alerts"))
    status = 400 if form.is_submitted() else 200
    return render_template("district/alert_form.html", form=form, alert=alert), status


def _saved_message(alert):
    state = alert.current_state
    if state == LIVE:
        return _("The alert is saved. Every school's pages show it now.")
    if state == SCHEDULED:
        return _("The alert is saved. Every school's pages show it from its start.")
    return _("The alert is saved. Its end has passed, so no page shows it.")


@bp.route("/alerts/<int:alert_id>/end", methods=["POST"])
def end_alert(alert_id):
    alert = db.get_or_404(DistrictAlert, alert_id)
    confirmed_or_400()
    if alert.current_state != ENDED:
        alert.end_now()
        audit.record("district.alert_end", f"#{alert.id} {_excerpt(alert)}")
        db.session.commit()
    flash(_("The alert has ended: no school's page shows it any more."), "success")
    return redirect(url_for("district.alerts"))


@bp.route("/alerts/<int:alert_id>/delete", methods=["GET", "POST"])
def delete_alert(alert_id):
    """Deleting cannot be undone, so it is asked for first."""
    alert = db.get_or_404(DistrictAlert, alert_id)
    form = ConfirmForm()
    if form.validate_on_submit():
        audit.record("district.alert_delete", f"#{alert.id} {_excerpt(alert)}")
        db.session.delete(alert)
        db.session.commit()
        flash(_("The alert is deleted."), "success")
        return redirect(url_for("district.alerts"))
    status = 400 if form.is_submitted() else 200
    return render_template("district/alert_delete.html", alert=alert, confirm=form), status
