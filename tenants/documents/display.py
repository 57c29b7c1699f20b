"""How file facts read on a page: sizes in the page's language."""

from flask_babel import format_decimal
from flask_babel import gettext as _


def file_size(size):
    if size < 1024 * 1024:
        return _("%(size)s KB", size=format_decimal(max(1, round(size / 1024))))
    return _("%(size)s MB", size=format_decimal(round(size / (1024 * 1024), 1)))
