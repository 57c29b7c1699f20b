"""School admin: staff records (I14 the head and deputies, I15 teaching staff),
ordered by the admin, drafted by editors and published by admins: the
toolkit's pages, with a form generated from the schema's staff fields."""

from flask import g, redirect, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from mektep import audit
from mektep.extensions import db
from mektep.forms import confirmed_or_400
from mektep.schema import ROLES, STAFF_FIELDS
from tenants.admin.access import admin_required
from tenants.admin.blueprint import bp
from tenants.admin.navigation import add_admin_entry
from tenants.admin.staff_forms import person_to_form, staff_form
from tenants.admin.toolkit.kinds import KindAdmin
from tenants.admin.toolkit.saving import form_values
from tenants.content.models import StaffMember
from tenants.content.values import staff


class StaffAdmin(KindAdmin):
    name, url, model = "staff", "/staff", StaffMember
    titles = {"list": _l("Staff"), "new": _l("Add a person")}
    checks_stop_words = True
    templates = {"list": "content/staff_list.html", "form": "content/staff_edit.html"}
    views = ("list", "new", "edit", "delete")
    endpoints = {"list": "staff_index"}
    rules = {"list": "/staff/"}
    admin_views = ("delete",)
    schedule_subjects = ("managers", "employees")

    @property
    def form_class(self):
        return staff_form()

    def list_query(self):
        return StaffMember.for_school(g.school).order_by(StaffMember.position, StaffMember.id)

    def list_context(self):
        return {"roles": dict(ROLES)}

    def new_item(self):
        last = max((person.position for person in staff(g.school, published=False)), default=0)
        return StaffMember(role="teacher", data={}, position=last + 1)

    def form_data(self, person):
        if person is None:
            return {"role": "teacher"}
        return person_to_form(StaffMember(**form_values(person)))

    def check(self, person, form):
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

    def form_context(self, person):
        return {"fields": STAFF_FIELDS}


staff_admin = StaffAdmin()
staff_admin.add_routes(bp)


@bp.route("/staff/<int:item_id>/move/<any(up, down):direction>", methods=["POST"])
@admin_required
def staff_move(item_id, direction):
    person = staff_admin.get(item_id)
    confirmed_or_400()
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


def init_app(app):
    add_admin_entry(app, "admin.staff_index", _l("Staff"), 12)
