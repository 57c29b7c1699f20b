"""The public search page of a school's site."""

from flask import g, render_template, request
from flask_babel import lazy_gettext as _l

from mektep.request_input import page_argument
from tenants.public.blueprint import bp
from tenants.public.navigation import add_menu_entry
from tenants.search.service import search as run_search

QUERY_MAX = 200


@bp.route("/search")
def search():
    query = request.args.get("q", "").strip()
    number = page_argument()
    too_long = len(query) > QUERY_MAX
    results, has_next = ([], False)
    if query and not too_long:
        results, has_next = run_search(g.school, g.lang, query, page=number)
    return render_template(
        "search/results.html",
        query=query,
        results=results,
        has_next=has_next,
        page=number,
        too_long=too_long,
        query_max=QUERY_MAX,
    ), (400 if too_long else 200)


def init_app(app):
    add_menu_entry(app, "public.search", _l("Search"), 95)
