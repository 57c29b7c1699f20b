"""The public site's main menu. Each part of the site adds its own entries here,
so the menu and the site map come from one list.

Fixed entries (`add_menu_entry`) are the same for every school; a menu source
(`add_menu_source`) yields the entries a school adds itself, such as its free
pages. The menu is built when a page asks for it, so admin pages never pay for it.
"""

from typing import NamedTuple

from flask_babel import lazy_gettext as _l


class MenuEntry(NamedTuple):
    endpoint: str
    label: str
    order: float
    args: dict


_FIXED = [MenuEntry("index", _l("Home"), 0, {})]
_SOURCES = []


def add_menu_entry(endpoint, label, order):
    _FIXED.append(MenuEntry(endpoint, label, order, {}))


def add_menu_source(source):
    """Register `source()`, which yields the bound school's own MenuEntry rows."""
    _SOURCES.append(source)
    return source


def main_menu():
    entries = list(_FIXED)
    for source in _SOURCES:
        entries.extend(source())
    return sorted(entries, key=lambda entry: entry.order)
