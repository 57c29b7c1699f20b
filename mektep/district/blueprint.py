"""The `district` blueprint (`/district/` on the apex) and who may enter it:
district admins; anyone else signed in is refused and audited."""

from flask import Blueprint, abort, g, request
from flask_login import current_user

from mektep import audit
from mektep.accounts.settings import remember_page_language
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
    remember_page_language(current_user)
    return None
