"""The update schedule (issue 11.2, regulation 1.8): review-by dates, overdue
sections on the dashboard and in /api/v1/info, reviews, the school's shorter
periods and the district's defaults, the weekly reminder."""

import re
from datetime import timedelta

from mektep.accounts.models import Membership, User
from mektep.audit import AuditEntry
from mektep.extensions import db
from tenants.content.models import SectionContent, StaffMember
from tenants.schedule.freshness import district_today
from tenants.schedule.models import DistrictPeriod, Review, SchoolPeriod
from tests.conftest import assert_redirect, nothing_changes
from tests.district.conftest import backdate, messages, publish_section
from tests.pagecache.conftest import state
from tests.schema.conftest import staff_form


def info(client, lang=None):
    response = client.get("/api/v1/info" + (f"?lang={lang}" if lang else ""))
    assert response.status_code == 200
    return response.get_json()


def today_plus(app, days):
    with app.app_context():
        return (district_today() + timedelta(days=days)).isoformat()


def test_a_published_section_is_due_a_period_after_its_update(app, site, admin_a):
    publish_section(admin_a, "vacant")
    for lang in (None, "ky", "ru"):
        sections = info(site("school-a"), lang)["sections"]
        assert sections["vacant"]["updated"].endswith("Z")
        assert sections["vacant"]["review_by"] == today_plus(app, 30)
        assert sections["vacant"]["overdue"] is False
        assert sections["common"] == {**sections["common"], "updated": None, "review_by": None}
    # The other school has published nothing.
    assert info(site("school-b"))["sections"]["vacant"]["updated"] is None
    page = admin_a.get("/admin/schedule?lang=ru").get_data(as_text=True)
    assert "График обновления" in page and "актуально" in page
    page = admin_a.get("/admin/schedule?lang=ky").get_data(as_text=True)
    assert "Жаңыртуу графиги" in page and "жаңыртылган" in page


def test_staff_sections_are_updated_by_their_people(app, site, admin_a):
    """Employees and managers have no values of their own: their update is their staff's."""
    response = admin_a.submit("/admin/staff/new", {**staff_form("teacher"), "publish": "1"})
    assert response.status_code == 302
    admin_a.submit("/admin/staff/new", {**staff_form("head", tag="-d"), "publish": "1"})
    sections = info(site("school-a"))["sections"]
    assert sections["employees"]["updated"] and sections["employees"]["review_by"] == today_plus(
        app, 91
    )
    assert sections["managers"]["updated"]
    assert sections["vacant"]["updated"] is None


def test_an_overdue_section_is_listed_and_a_review_clears_it(
    app, site, admin_a, editor_a, admin_b_on_a, schools
):
    publish_section(admin_a, "vacant")
    backdate(app, SectionContent, days=40, section="vacant")
    assert info(site("school-a"))["sections"]["vacant"]["overdue"] is True
    dashboard = admin_a.get("/admin/?lang=ru").get_data(as_text=True)
    assert "просрочено на 10 дней" in dashboard
    assert "10 күн кечикти" in admin_a.get("/admin/?lang=ky").get_data(as_text=True)

    review = "/admin/schedule/vacant/review"
    with nothing_changes(app):
        assert editor_a.submit(review, {}, form_page="/admin/").status_code == 403
        assert admin_b_on_a.submit(review, {}).status_code == 403
        assert admin_a.post(review, data={}).status_code == 400  # no CSRF token
    response = admin_a.submit(review, {}, form_page="/admin/")
    assert_redirect(response, "/admin/content/vacant")
    assert info(site("school-a"))["sections"]["vacant"] == {
        **info(site("school-a"))["sections"]["vacant"],
        "overdue": False,
        "review_by": today_plus(app, 30),
    }
    with app.app_context():
        (row,) = db.session.scalars(db.select(Review)).all()
        assert (row.school_id, row.subject) == (schools["a"], "vacant")
        actions = db.session.scalars(db.select(AuditEntry.action)).all()
        assert "schedule.review" in actions
        assert actions.count("admin.denied") == 2
    assert "просрочено" not in admin_a.get("/admin/?lang=ru").get_data(as_text=True)


def test_a_section_never_published_cannot_be_reviewed(app, admin_a):
    with nothing_changes(app):
        response = admin_a.submit("/admin/schedule/common/review", {}, form_page="/admin/")
    assert response.status_code == 400
    assert admin_a.submit("/admin/schedule/nope/review", {}, "/admin/").status_code == 404


def periods_of(client):
    """The periods form as it stands, every select at its current value."""
    import re

    page = client.get("/admin/schedule").get_data(as_text=True)
    data = {}
    for name, block in re.findall(
        r'<select[^>]*name="(period_\w+)"[^>]*>(.*?)</select>', page, re.S
    ):
        data[name] = re.search(
            r'<option selected value="(\d+)"|<option value="(\d+)" selected', block
        ).group(1)
    assert data
    return data


def test_a_school_shortens_a_period_but_never_lengthens_it(app, site, admin_a, editor_a):
    publish_section(admin_a, "vacant")
    current = periods_of(admin_a)
    assert current["period_vacant"] == "30"
    with nothing_changes(app):
        longer = admin_a.submit("/admin/schedule", {**current, "period_vacant": "365"})
        assert longer.status_code == 400
        assert (
            editor_a.submit("/admin/schedule", {**current, "period_vacant": "7"}).status_code == 403
        )
    response = admin_a.submit("/admin/schedule", {**current, "period_vacant": "7"})
    assert_redirect(response, "/admin/schedule")
    assert info(site("school-a"))["sections"]["vacant"]["review_by"] == today_plus(app, 7)
    assert info(site("school-b"))["sections"]["vacant"]["review_by"] is None
    with app.app_context():
        assert [(p.subject, p.days) for p in db.session.scalars(db.select(SchoolPeriod))] == [
            ("vacant", 7)
        ]


def test_the_district_sets_every_schools_default(app, site, admin_a, schools):
    publish_section(admin_a, "vacant")
    district = site()
    district.login("district@mektep.kg")
    page = district.get("/district/schedule?lang=ru").get_data(as_text=True)
    assert "Периоды обновления" in page
    import re

    data = dict(re.findall(r'name="(period_\w+)".*?<option selected value="(\d+)"', page, re.S))
    assert data["period_vacant"] == "30"
    with nothing_changes(app):
        school_admin = site("school-a")
        school_admin.login("admin@a.kg")
        school_admin.carry_session_to("mektep.test")
        assert (
            school_admin.submit("/district/schedule", {**data, "period_vacant": "7"}).status_code
            == 403
        )
    response = district.submit("/district/schedule", {**data, "period_vacant": "7"})
    assert_redirect(response, "/district/schedule")
    assert info(site("school-a"))["sections"]["vacant"]["review_by"] == today_plus(app, 7)
    # The school may no longer choose a month.
    assert (
        'value="30"'
        not in admin_a.get("/admin/schedule")
        .get_data(as_text=True)
        .split('name="period_vacant"')[1]
        .split("</select>")[0]
    )


def reminders(app):
    """The messages sent to schools (the district's digest goes out the same Monday)."""
    return [message for message in messages(app) if message[0] != "district@mektep.kg"]


def test_the_weekly_reminder_goes_to_the_school_admins_once(
    app, site, schools, admin_a, run_worker
):
    with app.app_context():
        # Invited, not yet set up: cannot sign in to act on it, so gets no reminder.
        invited = User(email="invited@a.kg", display_name="invited")
        db.session.add(Membership(user=invited, school_id=schools["a"], role="admin"))
        db.session.commit()
    publish_section(admin_a, "vacant")
    backdate(app, SectionContent, days=40, section="vacant")
    run_worker()
    assert messages(app) == []  # weekly e-mail off (tests' default): nothing sent
    run_worker(TEST_WEEKLY_MAIL="1")
    sent = reminders(app)
    assert [to for to, _subject, _body in sent] == ["admin@a.kg"]
    to, subject, body = sent[0]
    assert "school-a" in subject  # the school's name, in its language
    assert "/admin/schedule" in body and "school-a.mektep.test" in body
    run_worker(TEST_WEEKLY_MAIL="1")
    assert len(reminders(app)) == 1  # once a week, however many sweeps


def test_staff_published_long_ago_make_the_staff_overdue(app, site, admin_a):
    admin_a.submit("/admin/staff/new", {**staff_form("teacher"), "publish": "1"})
    backdate(app, StaffMember, days=100)
    assert info(site("school-a"))["sections"]["employees"]["overdue"] is True


def test_reviews_and_periods_leave_the_public_pages_cached(app, site, admin_a):
    """No public page shows a review or a period (only the admin and the open
    data, which the page cache does not keep): they must not empty the cache."""
    publish_section(admin_a, "vacant")
    visitor = site("school-a")
    page = "/sveden/vacant/?lang=ru"
    visitor.get(page)
    assert state(visitor.get(page)) == "hit"

    review = admin_a.submit("/admin/schedule/vacant/review", {}, form_page="/admin/")
    assert_redirect(review, "/admin/content/vacant")
    periods = admin_a.submit("/admin/schedule", {**periods_of(admin_a), "period_vacant": "7"})
    assert_redirect(periods, "/admin/schedule")
    district = site()
    district.login("district@mektep.kg")
    form = district.get("/district/schedule").get_data(as_text=True)
    defaults = dict(re.findall(r'name="(period_\w+)".*?<option selected value="(\d+)"', form, re.S))
    response = district.submit("/district/schedule", {**defaults, "period_news": "7"})
    assert_redirect(response, "/district/schedule")
    with app.app_context():
        assert db.session.scalar(db.select(db.func.count()).select_from(Review)) == 1
        assert db.session.scalar(db.select(DistrictPeriod.days).filter_by(subject="news")) == 7
    assert state(visitor.get(page)) == "hit"

    # Publishing does change the page.
    publish_section(admin_a, "vacant", tag="again")
    assert state(visitor.get(page)) == "miss"


def test_a_review_on_another_schools_host_is_that_schools_own(app, site, schools, admin_a):
    """School B's admin, on B's host, reviewing "vacant" reviews B's, never A's."""
    publish_section(admin_a, "vacant")
    backdate(app, SectionContent, days=40, section="vacant")
    admin_b = site("school-b")
    admin_b.login("admin@b.kg")
    review = "/admin/schedule/vacant/review"
    with nothing_changes(app):
        assert (
            admin_b.submit(review, {}, form_page="/admin/").status_code == 400
        )  # B's: never published
    assert info(site("school-a"))["sections"]["vacant"]["overdue"] is True
    publish_section(admin_b, "vacant")
    assert_redirect(admin_b.submit(review, {}, form_page="/admin/"), "/admin/content/vacant")
    with app.app_context():
        assert db.session.scalars(db.select(Review.school_id)).all() == [schools["b"]]
    assert info(site("school-a"))["sections"]["vacant"]["overdue"] is True
