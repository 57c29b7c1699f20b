"""The public site's main menu. Each part of the site adds its own entry here,
so the menu, the site map and the footer links come from one list."""

from flask_babel import lazy_gettext as _l

# (endpoint, label, order); `index` is the school's home page.
MAIN_MENU = [("index", _l("Home"), 0)]


def add_menu_entry(endpoint, label, order):
    MAIN_MENU.append((endpoint, label, order))
    MAIN_MENU.sort(key=lambda entry: entry[2])
