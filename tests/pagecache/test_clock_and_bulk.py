"""Pages that change by the clock alone are kept no longer than until they
change; bulk writes (no flush sees their rows) invalidate too."""

import time
from datetime import timedelta

from mektep.accounts.models import User
from mektep.clock import utcnow
from mektep.extensions import db
from mektep.pagecache import page_store
from mektep.pagecache.entries import Entry
from tenants.events.models import Event
from tenants.models import School
from tenants.news.models import NewsPost
from tenants.public.events import PER_PAGE
from tenants.scoping import bind_school
from tenants.versioning import publish

from .conftest import max_age, post_important_notice, state, text


def test_a_page_with_an_expiring_banner_is_kept_only_until_it_expires(app, site, schools):
    post_important_notice(app, schools["a"], "Шашылыш", seconds=30)
    first = site("school-a").get("/")
    assert "Шашылыш" in text(first) and state(first) == "miss"
    assert max_age(first) <= 30
    hit = site("school-a").get("/")
    assert state(hit) == "hit" and max_age(hit) <= 30
    # Positive control: the other school has no banner, so its page is kept the usual time.
    assert max_age(site("school-b").get("/")) == 60
    # The stored page itself expires then: once that moment has passed, it is
    # rendered anew (here the moment is moved into the past, as time would).
    store = page_store(app)
    key = store.pages_key(schools["a"])
    client = store._connect()
    for field, value in client.hgetall(key).items():
        entry = Entry.decode(value)
        assert entry.expires <= time.time() + 31
        client.hset(key, field, entry._replace(expires=int(time.time()) - 1).encode())
    assert state(site("school-a").get("/")) == "miss"


def test_a_later_page_of_events_is_kept_until_an_event_of_an_earlier_page_ends(app, site, schools):
    with app.app_context():
        bind_school(db.session.get(School, schools["a"]))
        admin = db.session.scalar(db.select(User).where(User.email == "admin@a.kg"))
        start = utcnow() - timedelta(hours=1)
        for number in range(PER_PAGE + 1):
            # The first event (page 1) ends in 30 seconds, the others in days.
            ends = start + (timedelta(hours=1, seconds=30) if number == 0 else timedelta(days=3))
            event = Event(
                title_ky=f"Иш-чара {number}",
                title_ru=f"Мероприятие {number}",
                starts_at=start + timedelta(minutes=number),
                ends_at=ends,
            )
            db.session.add(event)
            db.session.flush()
            publish(event, admin)
        db.session.commit()
    second = site("school-a").get("/events/?page=2")
    assert second.status_code == 200 and state(second) == "miss"
    assert "Иш-чара 20" in text(second) and max_age(second) <= 30
    # Positive control: the other school's list is kept the usual time.
    assert max_age(site("school-b").get("/events/")) == 60


def test_a_bulk_update_invalidates_the_bound_school_only(app, site, schools):
    for slug in ("school-a", "school-b"):
        site(slug).get("/")
        assert state(site(slug).get("/")) == "hit"
    with app.app_context():
        bind_school(db.session.get(School, schools["a"]))
        db.session.execute(db.update(NewsPost).values(pinned=False))
        db.session.commit()
    assert state(site("school-a").get("/")) == "miss"
    assert state(site("school-b").get("/")) == "hit"


def test_a_bulk_update_of_no_bound_school_invalidates_every_school(app, site, schools):
    for slug in ("school-a", "school-b"):
        site(slug).get("/")
        assert state(site(slug).get("/")) == "hit"
    with app.app_context():
        db.session.execute(
            db.update(NewsPost).values(pinned=False).execution_options(synchronize_session=False)
        )
        db.session.commit()
    assert state(site("school-a").get("/")) == "miss"
    assert state(site("school-b").get("/")) == "miss"
