"""The `admin` blueprint (`/admin/` on a school's host): who may enter it, and what
every admin page's template gets (the menu, the dashboard's panels, the one
confirm form of its post buttons, links to history)."""

from flask import Blueprint, g, url_for

from mektep.forms import ConfirmForm
from tenants.admin.access import members_only
from tenants.admin.navigation import dashboard_panels, kind_label, visible_entries

bp = Blueprint("admin", __name__, url_prefix="/admin")
bp.before_request(members_only)


def history_url(item):
    """Link to `item`'s history, for the edit pages of every kind."""
    return url_for("admin.history", kind=item.version_kind, item_id=item.id)


@bp.context_processor
def admin_page_helpers():
    return {
        "admin_menu": visible_entries(g.get("role")),
        "dashboard_panels": dashboard_panels(),
        "confirm_form": ConfirmForm(),
        "kind_label": kind_label,
        "history_url": history_url,
    }
