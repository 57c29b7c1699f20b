"""The school of a host is kept per process under the school's generations
(tenants/known_hosts.py): anonymous pages stop asking the database for it once
it is kept, and any change to the school or its domains is seen by the very
next request. The page cache keeps no pages here (`pages_off`), so every
request goes through the resolver."""

from mektep.extensions import db
from tenants.models import Domain, School

from .conftest import commit, counted_queries, state, text


def school_reads(statements):
    return [s for s in statements if "FROM school" in s and "school.slug =" in s]


def get(client, path="/?lang=ru"):
    response = client.get(path)
    assert state(response) is None, "rendered: the page cache keeps no pages here"
    return response


def test_a_host_is_read_twice_then_its_school_is_kept(app, site, schools, pages_off):
    school_a, school_b = site("school-a"), site("school-b")
    pages, reads = [], []
    for _ in range(4):
        with counted_queries(app) as statements:
            pages.append(text(get(school_a)))
        reads.append(len(school_reads(statements)))
    # Noted, then kept: the rest ask nothing. (An earlier test's note of the
    # same host and id, as SQLite reuses ids, may make it kept at the first.)
    assert reads[0] == 1 and reads[2:] == [0, 0], reads
    assert all("Школа school-a" in page for page in pages)
    # Another school's host is never answered with the kept school.
    page_b = text(get(school_b))
    assert "Школа school-b" in page_b and "Школа school-a" not in page_b


def test_a_change_to_a_kept_school_is_seen_by_the_next_request(app, site, schools, pages_off):
    school_a = site("school-a")
    for _ in range(3):
        get(school_a)

    def rename():
        db.session.get(School, schools["a"]).name_ru = "Гимназия имени Абая"

    commit(app, rename)
    assert "Гимназия имени Абая" in text(get(school_a))

    def suspend():
        db.session.get(School, schools["a"]).status = "suspended"

    commit(app, suspend)
    assert school_a.get("/?lang=ru").status_code == 503


def test_a_domain_given_to_another_school_answers_for_it_at_once(app, site, schools, pages_off):
    with app.app_context():
        db.session.add(Domain(school_id=schools["a"], hostname="www.school.kg", is_primary=True))
        db.session.commit()
    client = app.test_client()
    for _ in range(3):
        response = client.get("/?lang=ru", headers={"Host": "www.school.kg"})
        assert "Школа school-a" in text(response)

    def move():
        domain = db.session.scalar(db.select(Domain).where(Domain.hostname == "www.school.kg"))
        domain.school_id = schools["b"]

    commit(app, move)
    page = text(client.get("/?lang=ru", headers={"Host": "www.school.kg"}))
    assert "Школа school-b" in page and "Школа school-a" not in page


def test_a_kept_host_that_is_not_the_primary_one_still_redirects(app, site, schools, pages_off):
    with app.app_context():
        db.session.add(Domain(school_id=schools["a"], hostname="www.school.kg", is_primary=True))
        db.session.commit()
    for _ in range(3):
        response = site("school-a").get("/news/?lang=ru")
        assert response.status_code == 301
        assert response.headers["Location"].startswith("http://www.school.kg")


def test_signed_in_visitors_always_read_their_school(app, admin_a, pages_off):
    with counted_queries(app) as statements:
        for _ in range(3):
            assert admin_a.get("/?lang=ru").status_code == 200
    assert len(school_reads(statements)) == 3
