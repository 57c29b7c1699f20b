"""A school's public site, read by parents, pupils and inspectors."""

from flask import Blueprint, abort, g

bp = Blueprint("public", __name__)


@bp.before_request
def schools_only():
    if g.school is None:
        abort(404)


@bp.app_context_processor
def public_helpers():
    from tenants.documents.links import documents_for_field
    from tenants.public.navigation import main_menu

    return {"main_menu": main_menu, "documents_for_field": documents_for_field}


from tenants.public import (  # noqa: E402, F401
    discussion,
    documents,
    events,
    news,
    pages,
    routes,
    search,
    sveden,
)
