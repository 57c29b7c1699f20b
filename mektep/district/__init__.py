"""The district's faces on the apex host: the public directory of its schools,
and the console of its admins (schools, their admins and their domains,
compliance, the schools' look, stop words, the audit log). They span every
school, so they may use what schools own."""


def init_app(app):
    from mektep.district import (  # noqa: F401  (pages)
        branding,
        compliance,
        domains,
        routes,
        stop_words,
    )
    from mektep.district.blueprint import bp

    app.register_blueprint(bp)
