"""A school's public site, read by parents, pupils and inspectors."""

from flask import Blueprint, abort, g

bp = Blueprint("public", __name__)


@bp.before_request
def schools_only():
    if g.school is None:
        abort(404)


@bp.record_once
def add_template_helpers(state):
    """Template globals, set once rather than by a context processor on every render."""
    from tenants.documents.links import documents_for_field
    from tenants.public.navigation import main_menu
    from tenants.public.sharing import template_globals

    state.app.jinja_env.globals.update(main_menu=main_menu, documents_for_field=documents_for_field)
    state.app.jinja_env.globals.update(template_globals())


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
