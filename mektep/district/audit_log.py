"""The district's one audit log: every school's and the console's entries,
newest first, filtered by school, person and action, a page at a time.

Filters are query arguments, so a filtered page can be bookmarked and each
page link keeps them: `school` (a school's id, or `district` for the console's
own entries), `person` (part of an e-mail address or a name) and `action` (an
action's name, or its area before the dot, e.g. `accounts`).
"""

from flask import abort, render_template, request
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import SearchField, SelectField

from mektep.accounts.models import User
from mektep.audit import AuditEntry
from mektep.district.blueprint import bp
from mektep.district.directory import natural_key
from mektep.extensions import db
from mektep.request_input import page_argument, parse_int
from tenants.models import School

PAGE_SIZE = 50
DISTRICT = "district"


class AuditFilterForm(FlaskForm):
    class Meta:
        csrf = False  # a GET form: it only reads

    school = SelectField(_l("School"), default="")
    person = SearchField(_l("Person"), description=_l("Part of an e-mail address or a name."))
    action = SelectField(_l("Action"), default="")


def _school_choices():
    schools = db.session.execute(db.select(School.id, School.slug)).all()
    schools.sort(key=lambda row: natural_key(row.slug))
    return [
        ("", _l("Every school and the console")),
        (DISTRICT, _l("The district's console only")),
        *((str(row.id), row.slug) for row in schools),
    ]


def _action_choices():
    """Every action the log holds, each area (before the dot) first."""
    actions = db.session.scalars(db.select(AuditEntry.action).distinct()).all()
    areas = sorted({action.partition(".")[0] for action in actions})
    choices = [("", _l("Every action"))]
    for area in areas:
        choices.append((area, f"{area}.*"))
        choices += [(action, action) for action in sorted(actions) if action.startswith(area + ".")]
    return choices


def _filtered(query, form):
    school = form.school.data
    if school == DISTRICT:
        query = query.where(AuditEntry.school_id.is_(None))
    elif school:
        query = query.where(AuditEntry.school_id == parse_int(school))
    person = (form.person.data or "").strip()
    if person:
        people = db.select(User.id).where(
            db.or_(
                db.func.lower(User.email).contains(person.lower(), autoescape=True),
                db.func.lower(User.display_name).contains(person.lower(), autoescape=True),
            )
        )
        query = query.where(AuditEntry.user_id.in_(people))
    action = form.action.data
    if action and "." in action:
        query = query.where(AuditEntry.action == action)
    elif action:
        query = query.where(AuditEntry.action.startswith(action + ".", autoescape=True))
    return query


@bp.route("/audit")
def audit_log():
    """The log, filtered. A school that does not exist is a 404, like any missing
    row; an action that is not among the choices (an old bookmark, a typed
    value) is a 400 with the form marking it."""
    form = AuditFilterForm(request.args)
    form.school.choices = _school_choices()
    form.action.choices = _action_choices()
    page = page_argument()
    if form.school.data not in {value for value, _label in form.school.choices}:
        abort(404)
    if not form.validate():
        return render_template("district/audit.html", entries=None, form=form), 400
    query = db.select(AuditEntry).order_by(AuditEntry.created_at.desc(), AuditEntry.id.desc())
    entries = db.paginate(_filtered(query, form), page=page, per_page=PAGE_SIZE, error_out=False)
    filtered = any((form.school.data, form.person.data, form.action.data))
    return render_template("district/audit.html", entries=entries, form=form, filtered=filtered)
