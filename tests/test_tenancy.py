"""How a request finds its school: hosts, statuses, and which face answers where."""

import pytest
from flask_babel import force_locale

from mektep.extensions import db
from tenants.models import Domain, School, slug_problem
from tests.conftest import assert_sent_to_sign_in


def test_each_school_host_shows_its_own_school(site, schools):
    page_a = site("school-a").get("/").get_data(as_text=True)
    page_b = site("school-b").get("/").get_data(as_text=True)
    assert "school-a мектеби" in page_a and "school-b мектеби" not in page_a
    assert "school-b мектеби" in page_b and "school-a мектеби" not in page_b


def test_apex_lists_active_schools_only(app, site, schools):
    with app.app_context():
        db.session.get(School, schools["b"]).status = "suspended"
        db.session.commit()
    page = site().get("/").get_data(as_text=True)
    assert "school-a мектеби" in page
    assert "school-b мектеби" not in page


@pytest.mark.parametrize(
    "host", ["SCHOOL-A.MEKTEP.TEST", "school-a.mektep.test:8080", "School-A.Mektep.Test.:443"]
)
def test_host_case_port_and_trailing_dot_are_ignored(app, schools, host):
    response = app.test_client().get("/", headers={"Host": host})
    assert response.status_code == 200
    assert "school-a мектеби" in response.get_data(as_text=True)


@pytest.mark.parametrize("host", ["nosuch.mektep.test", "a.school-a.mektep.test", "example.org"])
def test_unknown_host_gets_a_404_page(app, schools, host):
    response = app.test_client().get("/", headers={"Host": host})
    assert response.status_code == 404
    assert "Бул даректе мектеп жок" in response.get_data(as_text=True)


@pytest.mark.parametrize(
    "host",
    ["bad_host", "school a.mektep.test", "-x.mektep.test", "school-a.mektep.test:port", "<script>"],
)
def test_malformed_host_is_a_400(app, schools, host):
    response = app.test_client().get("/", headers={"Host": host})
    assert response.status_code == 400
    assert "Туура эмес сурам" in response.get_data(as_text=True)


def test_custom_domain_redirects_to_canonical_host(app, schools):
    with app.app_context():
        db.session.add(Domain(school_id=schools["a"], hostname="school35.edu.kg"))
        db.session.commit()
    response = app.test_client().get("/?lang=ru", headers={"Host": "School35.edu.kg"})
    assert response.status_code == 301
    assert response.headers["Location"] == "http://school-a.mektep.test/?lang=ru"


def test_suspended_school_shows_notice_but_staff_can_sign_in(app, site, schools):
    with app.app_context():
        db.session.get(School, schools["a"]).status = "suspended"
        db.session.commit()
    visitor = site("school-a")
    response = visitor.get("/")
    assert response.status_code == 503
    assert "убактылуу жеткиликсиз" in response.get_data(as_text=True)
    assert_sent_to_sign_in(visitor.get("/admin/"))
    visitor.login("admin@a.kg")
    assert visitor.get("/admin/").status_code == 200
    assert visitor.get("/").status_code == 503


def test_archived_school_is_gone_even_for_its_admins(app, site, schools):
    admin = site("school-a")
    admin.login("admin@a.kg")
    assert admin.get("/admin/").status_code == 200
    with app.app_context():
        db.session.get(School, schools["a"]).status = "archived"
        db.session.commit()
    assert admin.get("/admin/").status_code == 410
    assert admin.get("/admin/settings").status_code == 410
    client = site("school-a")
    assert client.get("/").status_code == 410
    assert client.get("/login").status_code == 410
    assert site("school-b").get("/").status_code == 200


def test_each_face_answers_only_on_its_own_host(site, schools):
    assert site("school-a").get("/district/").status_code == 404
    assert site().get("/admin/").status_code == 404
    assert site().get("/admin/settings").status_code == 404
    # Signed in as the district admin, who may use both faces, each on its own host.
    on_school = site("school-a")
    on_school.login("district@mektep.kg")
    assert on_school.get("/admin/settings").status_code == 200
    assert on_school.get("/district/").status_code == 404
    apex = site()
    apex.login("district@mektep.kg")
    assert apex.get("/district/").status_code == 200
    assert apex.get("/admin/settings").status_code == 404


def test_apex_admin_is_404_for_a_signed_in_district_admin(site, schools):
    apex = site()
    apex.login("district@mektep.kg")
    assert apex.get("/admin/").status_code == 404


@pytest.mark.parametrize(
    "slug, problem",
    [
        ("a", "Use 2 to 63"),
        ("-ab", "Use 2 to 63"),
        ("ab-", "Use 2 to 63"),
        ("Ab", "Use 2 to 63"),
        ("a" * 64, "Use 2 to 63"),
        ("шк35", "Use 2 to 63"),
        ("www", "reserved"),
        ("district", "reserved"),
        ("school-a", "already exists"),
        ("school-35", None),
    ],
)
def test_slug_rules(app, schools, slug, problem):
    with app.test_request_context(headers={"Host": "mektep.test"}), force_locale("en"):
        found = slug_problem(slug)
    if problem is None:
        assert found is None
    else:
        assert problem in str(found)


def test_directory_orders_school_numbers_naturally(app, site, schools):
    with app.app_context():
        for slug, name in (("s12", "№12 гимназия"), ("s5", "№5 мектеби")):
            db.session.add(School(slug=slug, name_ky=name, name_ru=name))
        db.session.commit()
    page = site().get("/").get_data(as_text=True)
    assert page.index("№5 мектеби") < page.index("№12 гимназия")
