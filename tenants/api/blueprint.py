"""The `api` blueprint (`/api/v1/` on a school's host)."""

from flask import Blueprint, abort, g

bp = Blueprint("api", __name__, url_prefix="/api/v1")


@bp.before_request
def schools_only():
    if g.school is None:
        abort(404)
