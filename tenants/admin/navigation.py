"""The school admin's side menu and dashboard. Each part of the admin adds its
own entry from its `init_app`, with the lowest role that may open it, and its
panel for the dashboard."""

from typing import NamedTuple

from mektep.registries import registry


class AdminEntry(NamedTuple):
    endpoint: str
    label: str
    order: int
    role: str  # "editor": editors and admins; "admin": admins only


def add_admin_entry(app, endpoint, label, order, role="editor"):
    registry("admin_menu", app).append(AdminEntry(endpoint, label, order, role))


def admin_menu():
    return sorted(registry("admin_menu"), key=lambda entry: entry.order)


def visible_entries(role):
    return [entry for entry in admin_menu() if role == "admin" or entry.role == "editor"]


def add_dashboard_panel(app, template):
    """Include `template` as a panel of the dashboard, after those added before it."""
    registry("dashboard_panels", app).append(template)


def dashboard_panels():
    return registry("dashboard_panels")


def kind_label(model):
    """What kind of content `model` is, in words: the label of its admin menu entry
    (the one whose endpoint shares its edit view's prefix), or "" if none."""
    prefix = model.admin_endpoint.rsplit("_", 1)[0]
    return next((entry.label for entry in admin_menu() if entry.endpoint.startswith(prefix)), "")
