"""The district console on the apex host: schools, their admins, the audit log."""

from flask import Blueprint, abort, g, request
from flask_login import current_user

from mektep import audit
from mektep.extensions import login_manager

bp = Blueprint("district", __name__, url_prefix="/district")


@bp.before_request
def district_admins_only():
    if g.school is not None:
        abort(404)
    if not current_user.is_authenticated:
        return login_manager.unauthorized()
    if not current_user.is_district_admin:
        audit.refuse("district.denied", request.endpoint)
    return None


from mektep.district import compliance, routes  # noqa: E402, F401
from mektep.moderation import district_pages  # noqa: E402, F401
