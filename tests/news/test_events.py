"""Events: district time in forms, UTC in the database, month and list views, iCalendar."""

from datetime import datetime, timedelta

from icalendar import Calendar

from mektep.clock import utcnow
from tenants.events.models import Event
from tests.conftest import nothing_changes

from .conftest import event_fields, row


def event_form(**values):
    data = {"title_ky": "Ата-энелер жыйыны", "title_ru": "Родительское собрание"}
    data |= {"place_ky": "Акт залы", "place_ru": "Актовый зал", "description_ky": "Күн тартиби"}
    data |= {"starts_at": "2031-03-05T17:00", "ends_at": "2031-03-05T18:30"}
    return data | values


def test_times_typed_in_bishkek_are_stored_in_utc(admin_a, app, site):
    response = admin_a.submit("/admin/events/new", event_form(publish="1"))
    assert response.status_code == 302
    item_id = int(response.headers["Location"].rsplit("/", 1)[1])
    event = row(app, Event, item_id)
    assert event.starts_at == datetime(2031, 3, 5, 11, 0)
    assert event.ends_at == datetime(2031, 3, 5, 12, 30)
    form_page = admin_a.get(f"/admin/events/{item_id}").get_data(as_text=True)
    assert 'value="2031-03-05T17:00"' in form_page and "Asia/Bishkek" in form_page
    public = site("school-a").get(f"/events/{item_id}?lang=ru").get_data(as_text=True)
    assert "17:00" in public and "Актовый зал" in public


def test_an_event_cannot_end_before_it_starts(admin_a, app):
    with nothing_changes(app):
        response = admin_a.submit("/admin/events/new", event_form(ends_at="2031-03-05T16:00"))
    assert response.status_code == 400
    page = response.get_data(as_text=True)
    assert 'value="2031-03-05T16:00"' in page and "Ата-энелер жыйыны" in page


def test_a_start_time_is_required_and_must_be_a_time(admin_a, app):
    with nothing_changes(app):
        assert admin_a.submit("/admin/events/new", event_form(starts_at="")).status_code == 400
        response = admin_a.submit("/admin/events/new?lang=ru", event_form(starts_at="эртең"))
    assert response.status_code == 400
    assert "Укажите дату и время, например 2026-12-25 10:00." in response.get_data(as_text=True)


def test_list_shows_upcoming_published_events_of_this_school(make, site):
    make(Event, **event_fields("Келе жаткан майрам"))
    make(Event, **event_fields("Өткөн концерт", start_in_days=-10))
    make(Event, published=False, **event_fields("Даярдалууда"))
    make(Event, "school-b", **event_fields("Башка мектеп"))
    page = site("school-a").get("/events/").get_data(as_text=True)
    assert "Келе жаткан майрам" in page
    for absent in ("Өткөн концерт", "Даярдалууда", "Башка мектеп"):
        assert absent not in page


def test_month_view_shows_the_events_of_the_month(make, site):
    start = datetime(2031, 5, 24, 3, 0)  # 09:00 in Bishkek
    make(
        Event,
        **event_fields("Акыркы коңгуроо", starts_at=start, ends_at=start + timedelta(hours=3)),
    )
    page = site("school-a").get("/events/2031/5").get_data(as_text=True)
    assert "Акыркы коңгуроо" in page
    assert "Акыркы коңгуроо" not in site("school-a").get("/events/2031/6").get_data(as_text=True)
    assert site("school-a").get("/events/2031/13").status_code == 404
    assert site("school-a").get("/events/month").status_code == 200


def test_icalendar_feed_parses_and_holds_utc_times(make, site):
    start = (utcnow() + timedelta(days=2)).replace(microsecond=0)
    fields = event_fields("Спорт күнү", starts_at=start, ends_at=start + timedelta(hours=4))
    item_id = make(Event, place_ky="Стадион", **fields)
    make(Event, "school-b", **event_fields("Башка мектеп"))
    response = site("school-a").get("/events/calendar.ics")
    assert response.mimetype == "text/calendar"
    calendar = Calendar.from_ical(response.data)
    events = calendar.walk("VEVENT")
    assert [str(e["SUMMARY"]) for e in events] == ["Спорт күнү"]
    event = events[0]
    assert event.decoded("DTSTART").replace(tzinfo=None) == start
    assert event.decoded("DTSTART").utcoffset() == timedelta(0)
    assert str(event["LOCATION"]) == "Стадион"
    assert str(event["URL"]).endswith(f"/events/{item_id}")


def test_another_schools_event_is_not_found(make, site, admin_a, app):
    item_id = make(Event, "school-b", published=False, **event_fields("Б мектебинин иш-чарасы"))
    with nothing_changes(app):
        assert admin_a.get(f"/admin/events/{item_id}").status_code == 404
        for action in ("publish", "delete"):
            response = admin_a.submit(f"/admin/events/{item_id}/{action}", {}, "/admin/events")
            assert response.status_code == 404, action
    owner = site("school-b")
    owner.login("admin@b.kg")
    assert owner.get(f"/admin/events/{item_id}").status_code == 200
    assert owner.submit(f"/admin/events/{item_id}/publish", {}, "/admin/events").status_code == 302
    assert row(app, Event, item_id).published_at is not None
    assert site("school-a").get(f"/events/{item_id}").status_code == 404
    shown = site("school-b").get(f"/events/{item_id}")
    assert shown.status_code == 200 and "Б мектебинин иш-чарасы" in shown.get_data(as_text=True)
