"""A school's admin, at /admin/ on the school's own host."""

from flask import Blueprint, g

bp = Blueprint("admin", __name__, url_prefix="/admin")


@bp.context_processor
def admin_menu():
    from tenants.admin.navigation import DASHBOARD_PANELS, visible_entries

    return {"admin_menu": visible_entries(g.get("role")), "dashboard_panels": DASHBOARD_PANELS}


from tenants.admin import (  # noqa: E402, F401
    access,
    accounts,
    audit,
    content,
    discussion,
    documents,
    events,
    history,
    news,
    pages,
    routes,
    staff,
    trash,
)
