"""The district's faces on the apex host: the public directory of its schools,
and the console of its admins (schools, their admins and their domains,
compliance, the schools' look, stop words, the district's own administrators,
district alerts, the audit log). They span every school, so they may use what
schools own."""


def init_app(app):
    from mektep.district import (  # noqa: F401  (pages)
        admins,
        alerts,
        audit_log,
        branding,
        compliance,
        dashboard,
        domains,
        open_data,
        periods,
        routes,
        stop_words,
    )
    from mektep.district.blueprint import bp
    from mektep.district.digest import send_weekly_digest
    from mektep.jobs import add_sweep

    app.register_blueprint(bp)
    open_data.init_app(app)
    add_sweep(app, send_weekly_digest)
