"""Public events: the upcoming list, a month view, an event page and an iCalendar feed."""

import calendar
from datetime import UTC, date, datetime, time, timedelta

from babel.dates import get_day_names
from flask import Response, abort, current_app, g, render_template
from flask_babel import get_locale
from flask_babel import lazy_gettext as _l
from icalendar import Calendar
from icalendar import Event as CalendarEvent

from mektep.clock import district_zone, to_district, to_utc, utcnow
from mektep.extensions import db
from mektep.hosts import external_url
from mektep.pagecache import PAGE_NUMBER, cache_until, page_arguments
from mektep.request_input import page_argument
from mektep.richtext import plain_text
from tenants.events.models import Event, published_events
from tenants.public.blueprint import bp
from tenants.public.navigation import add_menu_entry
from tenants.public.news import page_of

PER_PAGE = 20
FEED_PAST_DAYS = 92
YEARS = range(2000, 2101)


def district_today():
    """The district's date; a page showing it changes by itself at midnight."""
    today = to_district(utcnow()).date()
    cache_until(to_utc(datetime.combine(today + timedelta(days=1), time())))
    return today


def until_one_ends(events):
    """A list of events still to come changes when one of them ends."""
    if events:
        cache_until(min(event.ends_at for event in events))
    return events


@bp.route("/events/")
@page_arguments(page=PAGE_NUMBER)
def events_list():
    number = page_argument()
    now = utcnow()
    events, has_next = page_of(published_events(start=now), number, PER_PAGE)
    if number > 1 and not events:
        abort(404)
    if number == 1:
        until_one_ends(events)
    else:  # an event of an earlier page that ends moves this page's events up
        up_to_here = published_events(start=now).limit(number * PER_PAGE).subquery()
        first_end = db.session.scalar(db.select(db.func.min(up_to_here.c.ends_at)))
        if first_end is not None:
            cache_until(first_end)
    today = district_today()
    return render_template(
        "events/list.html", events=events, page=number, has_next=has_next, today=today
    )


def month_bounds(year, month):
    """The UTC start and end of a month of the district's calendar."""
    first = datetime(year, month, 1)
    following = (first + timedelta(days=32)).replace(day=1)
    return to_utc(first), to_utc(following)


def events_by_day(events):
    """{district date: [events on that day]}, a multi-day event on each of its days."""
    days = {}
    for event in events:
        day, last = to_district(event.starts_at).date(), to_district(event.ends_at).date()
        while day <= last:
            days.setdefault(day, []).append(event)
            day += timedelta(days=1)
    return days


def weekday_names():
    """Abbreviated weekday names, Monday first (as `calendar.Calendar()` weeks are)."""
    names = get_day_names("abbreviated", locale=get_locale())
    return [names[day] for day in range(7)]


@bp.route("/events/<int:year>/<int:month>")
def events_month(year, month):
    if year not in YEARS or not 1 <= month <= 12:
        abort(404)
    start, end = month_bounds(year, month)
    events = db.session.scalars(published_events(start=start, end=end)).all()
    first = date(year, month, 1)
    return render_template(
        "events/month.html",
        first=first,
        weeks=calendar.Calendar().monthdatescalendar(year, month),
        day_names=weekday_names(),
        days=events_by_day(events),
        previous=(first - timedelta(days=1)),
        following=(first + timedelta(days=32)).replace(day=1),
        today=district_today(),
    )


@bp.route("/events/month")
def events_this_month():
    today = district_today()
    return events_month(today.year, today.month)


@bp.route("/events/<int:item_id>")
def event(item_id):
    item = Event.get_for_school(item_id, g.school)
    if not item.is_published or item.in_trash:
        abort(404)
    return render_template("events/event.html", event=item)


def _utc(value):
    return value.replace(tzinfo=UTC)


@bp.route("/events/calendar.ics")
def events_feed():
    since = utcnow() - timedelta(days=FEED_PAST_DAYS)
    events = db.session.scalars(published_events(start=since)).all()
    if events:  # an event leaves the feed this long after it ends
        cache_until(min(event.ends_at for event in events) + timedelta(days=FEED_PAST_DAYS))
    feed = Calendar()
    feed.add("prodid", "-//Mektep//school events//")
    feed.add("version", "2.0")
    feed.add("x-wr-calname", g.school.name(g.lang))
    feed.add("x-wr-timezone", str(district_zone()))
    for item in events:
        entry = CalendarEvent()
        entry.add("uid", f"{g.school.slug}-event-{item.id}@{current_app.config['BASE_DOMAIN']}")
        entry.add("summary", item.display_title(g.lang))
        entry.add("dtstart", _utc(item.starts_at))
        entry.add("dtend", _utc(item.ends_at))
        entry.add("dtstamp", _utc(item.updated_at))
        place = item.localized("place", g.lang)[0]
        if place:
            entry.add("location", place)
        description = plain_text(item.localized("description", g.lang)[0])
        if description:
            entry.add("description", description)
        entry.add("url", external_url("public.event", item_id=item.id))
        feed.add_component(entry)
    return Response(
        feed.to_ical(),
        mimetype="text/calendar",
        headers={"Content-Disposition": 'inline; filename="events.ics"'},
    )


def upcoming_events(count=5):
    return until_one_ends(db.session.scalars(published_events(start=utcnow()).limit(count)).all())


def init_app(app):
    add_menu_entry(app, "public.events_list", _l("Events"), 22)
    # The home page (served by `index`, outside the blueprint) lists them.
    app.jinja_env.globals["upcoming_events"] = upcoming_events
