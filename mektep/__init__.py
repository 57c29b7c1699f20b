"""Mektep: the official websites of every school in a district, from one deployment.

This package holds what exists once per deployment; `tenants` holds what exists
once per school. `create_app` assembles both: it calls each part's
`init_app(app)` in one visible order (`_parts`), and a part registers what it
adds (blueprints, CLI commands, template helpers, sweeps, search sources, menu
entries, file owners) there and nowhere else.
"""

from flask import Flask, g
from werkzeug.middleware.proxy_fix import ProxyFix

from config import BASE_DIR, check_config, config_from_env
from mektep import request_input, request_log
from mektep.extensions import babel, compress, csrf, db, migrate
from mektep.pagecache.fast import FastHits


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
    # Pages the page cache holds go out before Flask handles the request;
    # inside ProxyFix, which gives it the real host and scheme.
    app.wsgi_app = FastHits(app, app.wsgi_app)
    proxies = app.config["TRUSTED_PROXIES"]
    if proxies:
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=proxies, x_proto=proxies, x_host=proxies)

    # The request log's clock starts before, and its line is written after, every other hook.
    request_log.init_app(app)
    # Every rule's `int` is bounded, so the converter is in place before any rule.
    request_input.init_app(app)
    # The tenant and language are known before any other hook (CSRF's) may answer.
    _register_request_hooks(app)
    _init_extensions(app)
    for part in _parts():
        part.init_app(app)
    _register_template_helpers(app)
    _register_index(app)
    return app


def _parts():
    """Every part of the product, in the order the app is wired."""
    from mektep import (
        accounts,
        alerts,
        backup,
        cli,
        district,
        errors,
        formatting,
        health,
        i18n,
        mail,
        pagecache,
        security,
        upload_limits,
        workers,
    )
    from tenants import (
        admin,
        api,
        branding,
        content,
        crawlers,
        discussion,
        documents,
        domains,
        events,
        news,
        pages,
        public,
        schedule,
        search,
        stats,
        transfer,
        trash,
    )

    return (
        # The platform: what exists once per deployment.
        i18n,
        formatting,
        errors,
        security,
        upload_limits,
        health,
        workers,
        mail,
        accounts,
        alerts,
        district,
        cli,
        backup,
        # After the security headers' hook, so that it runs before them: a page
        # it sends gets them too.
        pagecache,
        # What each school owns: the mechanisms, then area by area (sweeps,
        # search sources, file owners, commands).
        trash,
        search,
        domains,
        documents,
        content,
        news,
        events,
        pages,
        discussion,
        schedule,
        stats,
        branding,
        # Every school's records at once: the portable archive of a school.
        transfer,
        # The faces: every host's robots.txt and icon, then the school's admin,
        # public site and open data, with their menu entries and template helpers.
        crawlers,
        admin,
        public,
        api,
    )


def _init_extensions(app):
    from mektep import i18n

    db.init_app(app)
    migrate.init_app(app, db, directory=str(BASE_DIR / "migrations"), render_as_batch=True)
    csrf.init_app(app)
    # Registered before any later after_request hook (a page cache, say), so it
    # runs last: it compresses whatever such a hook leaves, cached pages included.
    compress.init_app(app)
    babel.init_app(app, locale_selector=i18n.get_locale, timezone_selector=None)


def _register_request_hooks(app):
    from mektep.pagecache.serving import serve_from_cache
    from tenants import known_hosts
    from tenants.resolver import resolve_tenant

    known_hosts.init_app(app)
    # A page the page cache holds is sent before anything else runs: no query.
    app.before_request(serve_from_cache)
    app.before_request(resolve_tenant)
    app.before_request(request_input.refuse_nul_bytes)


def _register_template_helpers(app):
    """Helpers the templates of several faces share: links between hosts (errors,
    the directory, the district console), the public menu, what shared links and
    search engines see of a page (the public site, the district's directory), and
    the mandated section's values, shown on public pages and on the admin's
    version pages."""
    from mektep.hosts import site_url
    from mektep.schema.validation import display_phone
    from tenants.content.display import staff_table
    from tenants.content.values import in_language
    from tenants.documents.links import documents_for_field
    from tenants.public import sharing
    from tenants.public.navigation import current_page_mark, menu_links

    helpers = (
        site_url,
        menu_links,
        current_page_mark,
        documents_for_field,
        in_language,
        display_phone,
        staff_table,
    )
    app.jinja_env.globals.update({helper.__name__: helper for helper in helpers})
    app.jinja_env.globals.update(sharing.template_globals())


def _register_index(app):
    @app.route("/")
    def index():
        """The apex shows the district's directory; a school's host its home page."""
        from mektep.district.directory import directory
        from tenants.public.routes import home

        return home() if g.school is not None else directory()
