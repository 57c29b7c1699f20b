"""The `public` blueprint: a school's public site, on the school's host only."""

from flask import Blueprint, abort, g

bp = Blueprint("public", __name__)


@bp.before_request
def schools_only():
    if g.school is None:
        abort(404)
