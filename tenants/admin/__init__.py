"""A school's admin, at /admin/ on the school's own host: one module of pages
per part of the school's site, each with the menu entry and dashboard panel it
adds from its `init_app`."""


def init_app(app):
    from tenants.admin import (
        accounts,
        audit,
        branding,
        content,
        discussion,
        documents,
        events,
        files,  # noqa: F401  (its pages have no menu entry)
        news,
        pages,
        report,
        routes,
        scans,
        schedule,
        staff,
    )
    from tenants.admin.blueprint import bp
    from tenants.admin.toolkit import history, translations, trash

    # In the order of their dashboard panels.
    for pages_of_area in (
        routes,
        branding,
        accounts,
        schedule,
        content,
        discussion,
        news,
        events,
        pages,
        staff,
        documents,
        scans,
        report,
        history,
        translations,
        trash,
        audit,
    ):
        pages_of_area.init_app(app)
    app.register_blueprint(bp)
