"""Template filters: dates and numbers in the page's locale and the district's
time zone, and stored rich text as allow-listed HTML (`rich_html`, never `|safe`)."""

from flask_babel import format_date, format_datetime, format_decimal

from mektep.richtext import as_html


def init_app(app):
    app.jinja_env.filters.update(
        date=lambda value, style="long": format_date(value, style) if value else "",
        datetime=lambda value, style="medium": format_datetime(value, style) if value else "",
        number=lambda value: format_decimal(value) if value is not None else "",
        rich_html=as_html,
    )
