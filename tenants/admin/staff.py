"""School admin: staff records (I14 the head and deputies, I15 teaching staff),
ordered by the admin, drafted by editors and published by admins."""

from flask import abort, flash, g, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user

from mektep import audit
from mektep.extensions import db
from mektep.forms import ConfirmForm
from mektep.schema import ROLES, STAFF_FIELDS
from tenants import versioning
from tenants.admin.access import admin_only, admin_required
from tenants.admin.blueprint import bp
from tenants.admin.navigation import add_admin_entry
from tenants.admin.staff_forms import form_to_person, person_to_form, staff_form
from tenants.content.models import StaffMember
from tenants.content.values import staff
from tenants.trash import move_to_trash


@bp.route("/staff/")
def staff_index():
    people = staff(g.school, published=False)
    return render_template(
        "content/staff_list.html",
        people=people,
        roles=dict(ROLES),
        drafts=set(versioning.drafts_of(StaffMember.version_kind)),
    )


@bp.route("/staff/new", methods=["GET", "POST"])
def staff_new():
    return _edit(None)


@bp.route("/staff/<int:item_id>", methods=["GET", "POST"])
def staff_edit(item_id):
    return _edit(StaffMember.get_for_school(item_id, g.school))


def _edit(person):
    form_class = staff_form()
    if request.method == "POST":
        form = form_class()
        if form.validate_on_submit() and _one_head(person, form):
            return _save(person, form)
        status = 400
    else:
        data = {"role": "teacher"}
        if person is not None:
            editable = versioning.editable_data(person)
            data = person_to_form(StaffMember(role=editable["role"], data=editable["data"]))
        form, status = form_class(data=data), 200
    return render_template(
        "content/staff_edit.html",
        form=form,
        person=person,
        fields=STAFF_FIELDS,
        draft=versioning.pending_draft(person) if person else None,
    ), status


def _one_head(person, form):
    """Only one record is the head (P2: the head's contacts come from one record)."""
    if form.role.data != "head":
        return True
    heads = [p for p in staff(g.school, roles=("head",), published=False) if p is not person]
    if not heads:
        return True
    form.role.errors = [
        _(
            "%(name)s is already marked as the head. Mark that record as a deputy first.",
            name=heads[0].display_title(g.lang),
        )
    ]
    return False


def _save(person, form):
    publishing = "publish" in request.form
    if publishing:
        admin_only("staff_publish")
    if person is None:
        last = max((p.position for p in staff(g.school, published=False)), default=0)
        person = StaffMember(role="teacher", data={}, position=last + 1)
        db.session.add(person)
        db.session.flush()
    data = form_to_person(form)
    if publishing:
        versioning.publish(person, current_user, data=data)
        message = _("Published: the public now sees this record.")
    else:
        versioning.save_draft(person, data, current_user)
        message = _("Draft saved. The public does not see it until an administrator publishes it.")
    db.session.commit()
    flash(message, "success")
    return redirect(url_for("admin.staff_edit", item_id=person.id))


@bp.route("/staff/<int:item_id>/move/<any(up, down):direction>", methods=["POST"])
@admin_required
def staff_move(item_id, direction):
    person = StaffMember.get_for_school(item_id, g.school)
    if not ConfirmForm().validate_on_submit():
        abort(400)
    people = staff(g.school, published=False)
    index = people.index(person)
    other = index - 1 if direction == "up" else index + 1
    if 0 <= other < len(people):
        people[index], people[other] = people[other], people[index]
        for position, each in enumerate(people, start=1):
            each.position = position
        audit.record("staff.move", f"#{person.id} {direction}")
        db.session.commit()
    return redirect(url_for("admin.staff_index"))


@bp.route("/staff/<int:item_id>/delete", methods=["POST"])
@admin_required
def staff_delete(item_id):
    person = StaffMember.get_for_school(item_id, g.school)
    if not ConfirmForm().validate_on_submit():
        abort(400)
    move_to_trash(person, current_user)
    db.session.commit()
    flash(_("%(name)s is moved to the trash.", name=person.display_title(g.lang)), "success")
    return redirect(url_for("admin.staff_index"))


def init_app(app):
    add_admin_entry(app, "admin.staff_index", _l("Staff"), 12)
