"""The school's audit log, for its admins: who did what on this school's site."""

from flask import g, render_template
from flask_babel import lazy_gettext as _l

from mektep.audit import AuditEntry
from mektep.extensions import db
from mektep.request_input import page_argument
from tenants.admin.access import admin_required
from tenants.admin.blueprint import bp
from tenants.admin.navigation import add_admin_entry

PAGE_SIZE = 50


@bp.route("/audit")
@admin_required
def audit_log():
    query = (
        db.select(AuditEntry)
        .where(AuditEntry.school_id == g.school.id)
        .order_by(AuditEntry.created_at.desc(), AuditEntry.id.desc())
    )
    page = page_argument()
    entries = db.paginate(query, page=page, per_page=PAGE_SIZE, error_out=False)
    return render_template("accounts/audit.html", entries=entries)


def init_app(app):
    add_admin_entry(app, "admin.audit_log", _l("Audit log"), 85, role="admin")
