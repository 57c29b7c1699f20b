"""Open data: a school's published mandated information as JSON (docs/api.md)."""

from flask import Blueprint, abort, g

bp = Blueprint("api", __name__, url_prefix="/api/v1")


@bp.before_request
def schools_only():
    if g.school is None:
        abort(404)


from tenants.api import routes  # noqa: E402, F401
