"""What a request may carry, checked once for every route rather than per view.

- `<int:...>` in any rule is the bounded `BoundedIntegerConverter`: ASCII digits
  up to the largest id a table can hold, so a 30-digit number is a 404, not a
  database overflow.
- `page_argument()` and `int_argument()` read integers from the query the same
  way: anything but a number in range is a 404 (there is no such page).
- `refuse_nul_bytes` answers 400 to a NUL character anywhere in the query, a
  form field or the path: PostgreSQL cannot store one in text, and no person
  types it.
"""

import re

from flask import abort, request
from flask_babel import lazy_gettext as _l
from werkzeug.routing import IntegerConverter

from mektep.errors import render_error

# Ids are PostgreSQL `integer` columns; years and months are far below it.
MAX_INTEGER = 2**31 - 1
DIGITS = re.compile(r"[0-9]{1,10}")


def parse_int(text, minimum=0):
    """`text` as an int in minimum..MAX_INTEGER, or None."""
    if not isinstance(text, str) or not DIGITS.fullmatch(text):
        return None
    number = int(text)
    return number if minimum <= number <= MAX_INTEGER else None


class BoundedIntegerConverter(IntegerConverter):
    """Werkzeug's `int`, limited to ASCII digits and to MAX_INTEGER."""

    regex = r"[0-9]+"

    def __init__(self, map, fixed_digits=0, min=None, max=MAX_INTEGER, signed=False):
        super().__init__(map, fixed_digits=fixed_digits, min=min, max=max, signed=signed)


def int_argument(name, default=None, minimum=0):
    """The query argument `name` as a bounded int; `default` when absent, 404 when
    it is anything but a number in range."""
    text = request.args.get(name)
    if text is None or text == "":
        return default
    number = parse_int(text, minimum)
    if number is None:
        abort(404)
    return number


def page_argument():
    """The `page` query argument of a paged list: 1 when absent, 404 unless 1 or more."""
    return int_argument("page", default=1, minimum=1)


def _has_nul(value):
    return "\x00" in value if isinstance(value, str) else False


def refuse_nul_bytes():
    """before_request: a NUL character in the query, a form field or the path gets
    a 400 page before any view (or the database) sees it. (Uploaded files' names
    are cleaned by the upload pipeline, control characters and all.)"""
    values = [*request.args.items(multi=True), *(request.view_args or {}).items()]
    if request.method not in ("GET", "HEAD", "OPTIONS"):
        values += request.form.items(multi=True)
    if not any(_has_nul(name) or _has_nul(value) for name, value in values):
        return None
    return render_error(
        400,
        _l("Invalid character"),
        _l(
            "The address or the form contains a NUL character, which no text may "
            "contain. Remove it and try again."
        ),
    )


def init_app(app):
    app.url_map.converters["int"] = BoundedIntegerConverter
