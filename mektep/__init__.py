"""Mektep: the official websites of every school in a district, from one deployment.

This package holds what exists once per deployment; `tenants` holds what exists
once per school. `create_app` assembles both.
"""

from flask import Flask, g
from werkzeug.middleware.proxy_fix import ProxyFix

from config import BASE_DIR, check_config, config_from_env
from mektep import request_input
from mektep.extensions import babel, compress, csrf, db, login_manager, migrate


def create_app(config=None):
    config = config or config_from_env()
    app = Flask(
        __name__,
        template_folder=str(BASE_DIR / "templates"),
        static_folder=str(BASE_DIR / "static"),
        instance_path=str(config.INSTANCE_DIR),
    )
    app.config.from_object(config)
    check_config(app.config)
    # Template tags leave no blank lines behind: public pages stay light (design.md).
    app.jinja_env.trim_blocks = True
    app.jinja_env.lstrip_blocks = True
    app.config["INSTANCE_DIR"].mkdir(parents=True, exist_ok=True)
    proxies = app.config["TRUSTED_PROXIES"]
    if proxies:
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=proxies, x_proto=proxies, x_host=proxies)

    # Every rule's `int` is bounded, so the converter is in place before any rule.
    request_input.init_app(app)
    # The tenant and language are known before any other hook (CSRF's) may answer.
    _register_request_hooks(app)
    _init_extensions(app)
    _register_blueprints(app)

    from mektep import cli, crawlers, errors, formatting, i18n, security

    crawlers.init_app(app)
    i18n.init_app(app)
    formatting.init_app(app)
    errors.init_app(app)
    security.init_app(app)
    cli.init_app(app)
    return app


def _init_extensions(app):
    from mektep import i18n, models  # noqa: F401  (models registers every table)
    from mektep.accounts.session import load_user

    db.init_app(app)
    migrate.init_app(app, db, directory=str(BASE_DIR / "migrations"), render_as_batch=True)
    csrf.init_app(app)
    # Registered before any later after_request hook (a page cache, say), so it
    # runs last: it compresses whatever such a hook leaves, cached pages included.
    compress.init_app(app)
    babel.init_app(app, locale_selector=i18n.get_locale, timezone_selector=None)
    login_manager.init_app(app)
    login_manager.user_loader(load_user)
    login_manager.login_view = "auth.login"
    login_manager.login_message = None


def _register_blueprints(app):
    from mektep.accounts import bp as auth_bp
    from mektep.district import bp as district_bp
    from mektep.home import bp as home_bp
    from tenants.admin import bp as admin_bp
    from tenants.api import bp as api_bp
    from tenants.public import bp as public_bp

    for blueprint in (auth_bp, district_bp, home_bp, admin_bp, public_bp, api_bp):
        app.register_blueprint(blueprint)

    @app.route("/")
    def index():
        """The apex shows the district's directory; a school's host its home page."""
        from mektep.home.routes import directory
        from tenants.public.routes import home

        return home() if g.school is not None else directory()


def _register_request_hooks(app):
    from tenants.resolver import resolve_tenant, site_url

    app.before_request(resolve_tenant)
    app.before_request(request_input.refuse_nul_bytes)
    app.jinja_env.globals["site_url"] = site_url
