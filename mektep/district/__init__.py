"""The district's faces on the apex host: the public directory of its schools,
and the console of its admins (schools, their admins, compliance, stop words,
alerts, the audit log). They span every school, so they may use what schools own."""


def init_app(app):
    from mektep.district import alerts, compliance, routes, stop_words  # noqa: F401  (pages)
    from mektep.district.blueprint import bp

    app.register_blueprint(bp)
