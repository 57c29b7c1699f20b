"""Who may enter a school's admin, and who may do what there.

Members of the school enter with their role; a district admin enters as an
admin, and each such visit is written to the audit log. Nobody else enters.
Every refusal of a signed-in person (no role here, or an editor pressing an
admin's button) is a 403 with an audit entry (`audit.refuse`).
"""

from functools import wraps

from flask import abort, g, request, session
from flask_login import current_user

from mektep import audit
from mektep.accounts.settings import remember_page_language
from mektep.extensions import db, login_manager


def members_only():
    """before_request of the admin blueprint: a member enters with their role, a
    district admin as an admin (audited); anyone else is refused."""
    if g.school is None:
        abort(404)
    if not current_user.is_authenticated:
        return login_manager.unauthorized()
    role = current_user.role_in(g.school)
    if role is None and current_user.is_district_admin:
        role = "admin"
        _audit_district_visit()
    if role is None:
        audit.refuse("admin.denied", f"no role here: {request.endpoint}")
    g.role = role
    remember_page_language(current_user)
    return None


def _audit_district_visit():
    """One audit entry per district admin per school per session."""
    visited = session.setdefault("district_visits", [])
    if g.school.id in visited:
        return
    audit.record("district.visit_admin", g.school.slug)
    db.session.commit()
    session["district_visits"] = [*visited, g.school.id]


def admin_only(action):
    """Refuse (and audit) unless the signed-in person is the school's admin: for
    an admin's button on a page that editors may also use."""
    if g.role != "admin":
        audit.refuse("admin.denied", action)


def admin_required(view):
    """Only the school's admins (not editors) may use this view."""

    @wraps(view)
    def guarded(*args, **kwargs):
        admin_only(view.__name__)
        return view(*args, **kwargs)

    guarded.admin_only = True  # lets the role tests find every admin-only view
    return guarded
