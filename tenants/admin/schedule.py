"""School admin: the update schedule (G2, regulation 1.8). Every subject with
its period, last update, last review and review-by date; an admin shortens
periods (never past the district's) and confirms a subject still right (a
review, audited), from here or from the subject's own admin page."""

from flask import abort, flash, g, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user
from flask_wtf import FlaskForm
from wtforms import SelectField, SubmitField

from mektep import audit
from mektep.extensions import db
from mektep.forms import confirmed_or_400
from tenants.admin.access import admin_only, admin_required
from tenants.admin.blueprint import bp
from tenants.admin.navigation import add_admin_entry, add_dashboard_panel
from tenants.admin.toolkit.saving import commit_settings
from tenants.schedule.freshness import DUE, OVERDUE, of_school
from tenants.schedule.models import Review, SchoolPeriod
from tenants.schedule.subjects import PERIODS, SUBJECTS, SUBJECTS_BY_KEY, period_label

# Where each subject is edited: a section's own page, the staff list, news, events.
SUBJECT_PAGES = {"managers": "admin.staff_index", "employees": "admin.staff_index"}
SUBJECT_PAGES.update(news="admin.news_list", events="admin.events_list")


def subject_url(key):
    endpoint = SUBJECT_PAGES.get(key)
    if endpoint:
        return url_for(endpoint)
    return url_for("admin.content_section", slug=key)


def schedule():
    """{subject key: Freshness} of the bound school, read once per request."""
    if "update_schedule" not in g:
        g.update_schedule = of_school(g.school)
    return g.update_schedule


def needs_attention():
    """The subjects overdue, then those due within two weeks, soonest first."""
    subjects = [item for item in schedule().values() if item.state in (OVERDUE, DUE)]
    return sorted(subjects, key=lambda item: item.review_by)


def periods_form(state):
    """The form of the periods: per subject, the district's period or a shorter one."""

    class PeriodsForm(FlaskForm):
        submit = SubmitField(_l("Save the periods"))

    for subject in SUBJECTS:
        item = state[subject.key]
        choices = [
            (
                str(days),
                _("%(period)s (the district's)", period=label)
                if days == item.district_days
                else str(label),
            )
            for days, label in PERIODS.items()
            if days <= item.district_days
        ]
        if item.district_days not in PERIODS:
            choices.append((str(item.district_days), str(period_label(item.district_days))))
        field = SelectField(
            str(subject.label), choices=choices, default=str(item.days), validate_choice=True
        )
        setattr(PeriodsForm, f"period_{subject.key}", field)
    return PeriodsForm


@bp.route("/schedule", methods=["GET", "POST"])
def schedule_page():
    state = schedule()
    form = periods_form(state)()
    if request.method == "POST":
        admin_only("schedule_periods")
        if form.validate_on_submit():
            return _save_periods(form, state)
    status = 400 if form.is_submitted() else 200
    return render_template(
        "schedule/page.html", subjects=SUBJECTS, state=state, form=form, subject_url=subject_url
    ), status


def _save_periods(form, state):
    own = {row.subject: row for row in db.session.scalars(db.select(SchoolPeriod))}
    changed = []
    for subject in SUBJECTS:
        days = int(form[f"period_{subject.key}"].data)
        if days == state[subject.key].days:
            continue
        changed.append(f"{subject.key}={days}")
        if days >= state[subject.key].district_days:
            if subject.key in own:
                db.session.delete(own[subject.key])
        elif subject.key in own:
            own[subject.key].days = days
        else:
            db.session.add(SchoolPeriod(subject=subject.key, days=days))
    commit_settings("schedule.periods", changed, _("The update periods are saved."))
    return redirect(url_for("admin.schedule_page"))


@bp.route("/schedule/<subject>/review", methods=["POST"])
@admin_required
def schedule_review(subject):
    """Confirm that a subject's published content is still right: a review."""
    if subject not in SUBJECTS_BY_KEY:
        abort(404)
    confirmed_or_400()
    item = schedule()[subject]
    if item.updated is None:
        abort(400)
    db.session.add(Review(subject=subject, reviewed_by_id=current_user.id))
    audit.record("schedule.review", subject)
    db.session.commit()
    flash(
        _(
            "Confirmed: «%(subject)s» is still right. The next review is due in %(period)s.",
            subject=SUBJECTS_BY_KEY[subject].label,
            period=period_label(item.days),
        ),
        "success",
    )
    back = url_for("admin.schedule_page") if request.args.get("back") == "schedule" else None
    return redirect(back or subject_url(subject))


def init_app(app):
    add_admin_entry(app, "admin.schedule_page", _l("Update schedule"), 15)
    add_dashboard_panel(app, "schedule/dashboard_panel.html")


@bp.context_processor
def schedule_helpers():
    return {
        "schedule_of": lambda key: schedule()[key],
        "needs_attention": needs_attention,
        "subject_url": subject_url,
        "period_label": period_label,
    }
