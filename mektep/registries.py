"""The lists that parts of the product fill from their `init_app(app)`: sweeps,
menu entries, search sources, file owners, kinds of content...

Each list is kept on the app (`app.extensions`), never in a module global, so
an app holds exactly what its factory wired into it, in the factory's order,
and importing a module registers nothing.
"""

from flask import current_app


def registry(name, app=None):
    """The list `name` of `app` (default: the current app), created empty on first use."""
    app = app or current_app
    return app.extensions.setdefault(f"mektep.{name}", [])
