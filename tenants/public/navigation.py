"""The public site's main menu. Each part of the site adds its own entries from
its `init_app`, so the menu and the site map come from one list.

Fixed entries (`add_menu_entry`) are the same for every school; a menu source
(`add_menu_source`) yields the entries a school adds itself, such as its free
pages. The menu is built when a page asks for it, so admin pages never pay for it,
and the header's links (`menu_links`) once per school and generation.
"""

from typing import NamedTuple

from flask import request, url_for
from markupsafe import Markup

from mektep.pagecache import per_school
from mektep.registries import registry


class MenuEntry(NamedTuple):
    endpoint: str
    label: str
    order: float
    args: dict


def add_menu_entry(app, endpoint, label, order):
    registry("public_menu", app).append(MenuEntry(endpoint, label, order, {}))


def add_menu_source(app, source):
    """Add `source()`, which yields the bound school's own MenuEntry rows."""
    registry("public_menu_sources", app).append(source)


def main_menu():
    entries = list(registry("public_menu"))
    for source in registry("public_menu_sources"):
        entries.extend(source())
    return sorted(entries, key=lambda entry: entry.order)


CURRENT_PAGE = Markup(' aria-current="page"')


@per_school
def menu_links():
    """[(address, label)] of the main menu as the header shows it."""
    return [(url_for(entry.endpoint, **entry.args), str(entry.label)) for entry in main_menu()]


def current_page_mark(href):
    """The attribute that marks a menu's link to the page being shown, or nothing:
    a hole of the header, which is shared by every page (`holes.py`)."""
    return CURRENT_PAGE if request.path == href.split("?")[0] else ""
