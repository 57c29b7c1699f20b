"""The school admin's side menu. Each part of the admin adds its own entry, with
the lowest role that may open it."""

from flask_babel import lazy_gettext as _l

# (endpoint, label, order, role): role "editor" means editors and admins.
ADMIN_MENU = [
    ("admin.dashboard", _l("Dashboard"), 0, "editor"),
    ("admin.settings", _l("Settings"), 90, "editor"),
]


def add_admin_entry(endpoint, label, order, role="editor"):
    ADMIN_MENU.append((endpoint, label, order, role))
    ADMIN_MENU.sort(key=lambda entry: entry[2])


def visible_entries(role):
    return [entry for entry in ADMIN_MENU if role == "admin" or entry[3] == "editor"]


# Templates included as panels on the dashboard, in order.
DASHBOARD_PANELS = []


def add_dashboard_panel(template):
    DASHBOARD_PANELS.append(template)
