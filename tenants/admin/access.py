"""Who may enter a school's admin, and who may do what there.

Members of the school enter with their role; a district admin enters as an
admin, and each such visit is written to the audit log. Nobody else enters.
"""

from functools import wraps

from flask import abort, g, session
from flask_login import current_user

from mektep import audit
from mektep.extensions import db, login_manager
from tenants.admin import bp


@bp.before_request
def members_only():
    if g.school is None:
        abort(404)
    if not current_user.is_authenticated:
        return login_manager.unauthorized()
    role = current_user.role_in(g.school)
    if role is None and current_user.is_district_admin:
        role = "admin"
        _audit_district_visit()
    if role is None:
        abort(403)
    g.role = role
    return None


def _audit_district_visit():
    """One audit entry per district admin per school per session."""
    visited = session.setdefault("district_visits", [])
    if g.school.id in visited:
        return
    audit.record("district.visit_admin", g.school.slug)
    db.session.commit()
    session["district_visits"] = [*visited, g.school.id]


def admin_required(view):
    """Only the school's admins (not editors) may use this view."""

    @wraps(view)
    def guarded(*args, **kwargs):
        if g.role != "admin":
            audit.record("admin.denied", view.__name__)
            db.session.commit()
            abort(403)
        return view(*args, **kwargs)

    guarded.admin_only = True  # lets the role tests find every admin-only view
    return guarded
