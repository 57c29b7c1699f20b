"""The audit log: who did what, when, in which school, from which host."""

from flask import abort, g, has_request_context, request
from flask_login import current_user

from mektep.clock import utcnow
from mektep.extensions import db


class AuditEntry(db.Model):
    page_cache_scope = "none"  # no public page shows it (mektep/pagecache/invalidation.py)

    id = db.Column(db.Integer, primary_key=True)
    created_at = db.Column(db.DateTime, nullable=False, default=utcnow, index=True)
    user_id = db.Column(db.ForeignKey("user.id"), index=True)
    school_id = db.Column(db.ForeignKey("school.id"), index=True)
    action = db.Column(db.String(80), nullable=False, index=True)
    detail = db.Column(db.String(1000), nullable=False, default="")
    host = db.Column(db.String(255), nullable=False, default="")
    address = db.Column(db.String(64), nullable=False, default="")

    user = db.relationship("User")
    school = db.relationship("School")


def record(action, detail="", user=None, school_id=None):
    """Add an audit entry to the session; it is committed with the action it records.

    In a request the user and the bound school are the default; outside one (the
    CLI, a worker) name them.
    """
    if has_request_context():
        if user is None and current_user.is_authenticated:
            user = current_user
        if school_id is None:
            school_id = g.get("school_id")
        host, address = request.host, request.remote_addr or ""
    else:
        host, address = "background", ""
    entry = AuditEntry(
        action=action,
        detail=str(detail)[:1000],
        host=host[:255],
        address=address[:64],
        user_id=user.id if user is not None else None,
        school_id=school_id,
    )
    db.session.add(entry)
    return entry


def refuse(action, detail=""):
    """Refuse the request with a 403 and write the refusal to the audit log (committed
    here, as the refusal ends the request); whatever the request changed is dropped."""
    db.session.rollback()
    record(action, detail)
    db.session.commit()
    abort(403)
