"""What every page of a school shows around its content (footer, banners, menu)
is kept per process under the school's generations, with the page cache's pages
off as well: reused while nothing changed, computed again after any commit that
changes the school's (or every school's) public pages, and bounded by the
clock like the pages themselves."""

from datetime import timedelta

from mektep.alerts.models import DistrictAlert
from mektep.clock import utcnow
from mektep.extensions import db
from tenants.models import School

from .conftest import commit, counted_queries, max_age, post_important_notice, state, text


def test_the_parts_are_computed_once_and_again_after_a_commit(app, site, schools, pages_off):
    first = site("school-a").get("/news/")
    assert state(first) is None and "info@a.kg" not in text(first)
    with counted_queries(app) as again:
        second = site("school-a").get("/news/")
    with counted_queries(app) as other_school:
        site("school-b").get("/news/")
    # Reused: the footer's contacts, the banners, the menu and the look cost no
    # query the second time; the other school's page computes its own.
    assert second.data == first.data
    assert len(again) < len(other_school)

    def set_email():
        db.session.get(School, schools["a"]).contact_email = "info@a.kg"

    commit(app, set_email)
    changed = site("school-a").get("/news/")
    assert "mailto:info@a.kg" in text(changed)
    assert "info@a.kg" not in text(site("school-b").get("/news/"))


def test_a_district_alert_reaches_every_school_at_once(app, site, schools, pages_off):
    for slug in ("school-a", "school-b"):
        assert "Катуу суук" not in text(site(slug).get("/"))

    def post_alert():
        now = utcnow()
        db.session.add(
            DistrictAlert(
                text_ky="Катуу суук",
                text_ru="Сильный мороз",
                starts_at=now - timedelta(minutes=1),
                ends_at=now + timedelta(days=1),
            )
        )

    commit(app, post_alert)
    for slug in ("school-a", "school-b"):
        assert "Катуу суук" in text(site(slug).get("/"))
        assert "Сильный мороз" in text(site(slug).get("/?lang=ru"))


def test_a_reused_banner_still_bounds_the_page_by_its_end(app, site, schools, pages_off):
    post_important_notice(app, schools["a"], "Шашылыш", seconds=30)
    computed = site("school-a").get("/news/")
    reused = site("school-a").get("/news/")
    assert "Шашылыш" in text(reused)
    assert max_age(computed) <= 30 and max_age(reused) <= 30
    # Positive control: the other school's page, without a banner, is kept the usual time.
    assert max_age(site("school-b").get("/news/")) > 30
