"""Template filters: dates and numbers in the page's locale and the district's
time zone, and stored rich text as allow-listed HTML (`rich_html`, never `|safe`)."""

from flask_babel import format_date, format_datetime, format_decimal

from tenants.news.district_time import to_district
from tenants.news.richtext import as_html


def machine_time(value):
    """A stored (naive UTC) time for a `datetime` attribute: the district's time to
    the second, with its zone, as people read it on the page (2026-11-21T16:26:05+06:00)."""
    return to_district(value).replace(microsecond=0).isoformat() if value else ""


def init_app(app):
    app.jinja_env.filters.update(
        date=lambda value, style="long": format_date(value, style) if value else "",
        datetime=lambda value, style="medium": format_datetime(value, style) if value else "",
        machine_time=machine_time,
        number=lambda value: format_decimal(value) if value is not None else "",
        rich_html=as_html,
    )
