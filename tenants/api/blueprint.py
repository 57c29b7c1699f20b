"""The `api` blueprint (`/api/v1/` on a school's host)."""

from flask import Blueprint, abort, g, request

from config import LANGUAGES

bp = Blueprint("api", __name__, url_prefix="/api/v1")


@bp.before_request
def schools_only():
    if g.school is None:
        abort(404)


def language_argument():
    """`?lang=` of an open-data request: one official language, or None (both);
    anything else is a 400."""
    lang = request.args.get("lang")
    if lang in (None, ""):
        return None
    if lang not in LANGUAGES:
        abort(400)
    return lang
