"""Template filters: dates and numbers in the page's locale and the district's
time zone, and stored rich text as allow-listed HTML (`rich_html`, never `|safe`).
What Babel formatted is kept (`lru_cache`) where a page repeats it: Babel takes
tens of µs a date or number, and a site shows the same few again and again."""

from datetime import date, datetime
from functools import lru_cache

from babel import dates, numbers
from flask_babel import format_datetime, format_decimal, get_locale, to_user_timezone

from mektep.clock import to_district
from mektep.richtext import as_html


def machine_time(value):
    """A stored (naive UTC) time for a `datetime` attribute: the district's time to
    the second, with its zone, as people read it on the page (2026-11-21T16:26:05+06:00)."""
    return to_district(value).replace(microsecond=0).isoformat() if value else ""


@lru_cache(maxsize=4096)
def _day_in(day, style, locale):
    return dates.format_date(day, style, locale=locale)


@lru_cache(maxsize=4096)
def grouped_number(value, locale):
    """`value` with the digit grouping of `locale` (a name such as "ru")."""
    return numbers.format_decimal(value, locale=locale)


def day(value, style="long"):
    """The `date` filter: a date, or the day of a stored time in the district,
    in the page's language (as Flask-Babel's `format_date`)."""
    if not value:
        return ""
    if isinstance(value, datetime):
        value = to_user_timezone(value).date()
    return _day_in(value, style, str(get_locale()))


def init_app(app):
    app.jinja_env.filters.update(
        date=day,
        isodate=lambda value: day(date.fromisoformat(value)),
        datetime=lambda value, style="medium": format_datetime(value, style) if value else "",
        machine_time=machine_time,
        number=lambda value: format_decimal(value) if value is not None else "",
        rich_html=as_html,
    )
