"""Open data: a school's published mandated information as JSON (docs/api.md)."""


def init_app(app):
    from tenants.api import routes  # noqa: F401  (its pages)
    from tenants.api.blueprint import bp

    app.register_blueprint(bp)
