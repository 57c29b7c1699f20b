"""Search on each school's public site.

One index table (`SearchEntry`) holds, per school, per item and per language,
the published text of everything searchable; each area adds sources that say
how its kind of item turns into entries (`registry.add_source`), so every kind
is indexed the same way. The index is kept current by SQLAlchemy events and can
be rebuilt with `flask search reindex`. Matching uses the database's own
full-text search: an FTS5 table on SQLite, a GIN-indexed tsvector on
PostgreSQL (`backends`).
"""


def init_app(app):
    from tenants.search.cli import search_cli

    app.cli.add_command(search_cli)
