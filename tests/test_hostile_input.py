"""Hostile values that used to end in a server error: integers beyond 64 bits in
paths and `page=`, query arguments that clash with building links, Host headers
that are not host names, and NUL characters (PostgreSQL stores none in text).
Each gets a 404 or a 400 page in the visitor's language, with the security
headers; the walk of every route (test_url_map_walk.py) throws these and more at
every rule."""

import pytest

from mektep.extensions import db
from tenants.discussion.models import Post
from tenants.news.models import NewsPost
from tests.test_security_headers import assert_security_headers

BIG = "9" * 30  # far beyond 64 bits
NOT_FOUND_RU = "Страница не найдена"
NOT_FOUND_KY = "Барак табылган жок"


@pytest.fixture
def news_id(admin_a):
    response = admin_a.submit(
        "/admin/news/new", {"title_ky": "Жаңылык", "body_ky": "Текст", "publish": "1"}
    )
    assert response.status_code == 302
    return int(response.headers["Location"].rsplit("/", 1)[1])


@pytest.fixture
def district(site, schools):
    client = site()
    client.login("district@mektep.kg")
    return client


def assert_not_found(response):
    assert response.status_code == 404
    assert NOT_FOUND_RU in response.get_data(as_text=True)
    assert_security_headers(response)


@pytest.mark.parametrize(
    "path",
    [
        f"/news/{BIG}",
        f"/files/{BIG}",
        f"/files/{BIG}/thumbnail-small.webp",
        f"/events/{BIG}",
        f"/events/{BIG}/12",
        f"/events/2026/{BIG}",
        f"/news/{2**63}",
        f"/news/{2**31}",
    ],
)
def test_huge_numbers_in_a_public_path_are_not_found(site, schools, path):
    assert_not_found(site("school-a").get(f"{path}?lang=ru"))


def test_huge_numbers_in_admin_and_district_paths_are_not_found(admin_a, district, news_id):
    for path in (f"/admin/news/{BIG}", f"/admin/files/{BIG}", f"/admin/history/news/{BIG}"):
        assert_not_found(admin_a.get(f"{path}?lang=ru"))
    assert admin_a.get(f"/admin/news/{news_id}").status_code == 200
    for path in (f"/district/schools/{BIG}/compliance", f"/district/schools/{BIG}/archive"):
        assert_not_found(district.get(f"{path}?lang=ru"))


@pytest.mark.parametrize("page", [BIG, str(2**63), "0", "-1", "abc", "1.5", "٣"])
def test_a_bad_page_number_is_not_found(site, admin_a, district, page):
    school = site("school-a")
    for start in ("/news/?", "/events/?", "/search?q=a&", "/discussion?"):
        assert_not_found(school.get(f"{start}page={page}&lang=ru"))
        assert school.get(f"{start}page=1").status_code == 200
    for path in ("/admin/audit", "/admin/discussion"):
        assert_not_found(admin_a.get(f"{path}?page={page}&lang=ru"))
        assert admin_a.get(f"{path}?page=1").status_code == 200
    assert_not_found(district.get(f"/district/audit?page={page}&lang=ru"))
    assert district.get("/district/audit?page=1").status_code == 200


def test_a_bad_school_filter_of_the_district_audit_is_not_found(district, schools):
    assert_not_found(district.get(f"/district/audit?school={BIG}&lang=ru"))
    assert district.get(f"/district/audit?school={schools['a']}").status_code == 200


def test_document_statuses_skip_ids_that_are_no_ids(admin_a):
    response = admin_a.get(f"/admin/documents/status?ids={BIG},²,٣,-1,1")
    assert response.status_code == 200
    assert response.get_json() == {}


def test_query_arguments_named_like_url_options_are_not_link_options(site, schools):
    for client in (site("school-a"), site()):
        response = client.get("/?_method=POST&_external=1&_anchor=x&lang=ru")
        assert response.status_code == 200
        page = response.get_data(as_text=True)
        assert 'hreflang="ky" href="http://' in page
        assert "_method" not in page and "_anchor" not in page


def test_query_arguments_named_like_path_values_do_not_replace_them(site, news_id):
    school = site("school-a")
    response = school.get(f"/news/{news_id}?item_id=abc")
    assert response.status_code == 200
    assert f'href="http://school-a.mektep.test/news/{news_id}?' in response.get_data(as_text=True)
    month = school.get("/events/2026/12?year=abc&month=x")
    assert month.status_code == 200
    assert 'href="http://school-a.mektep.test/events/2026/12?' in month.get_data(as_text=True)


@pytest.mark.parametrize(
    "host",
    [
        "a..mektep.test",
        ".mektep.test",
        "x" * 300 + ".mektep.test",
        "x" * 64 + ".mektep.test",
        "school-a.mektep.test:99999999",
        "школа.mektep.test",
    ],
)
def test_a_host_that_is_no_host_name_is_a_bad_request(app, schools, host):
    response = app.test_client().get("/?lang=ru", headers={"Host": host})
    assert response.status_code == 400
    page = response.get_data(as_text=True)
    assert "Неверный запрос" in page and "Адрес сайта (имя хоста) недействителен" in page
    assert_security_headers(response)


def test_the_longest_label_is_still_a_host_name(app, schools):
    response = app.test_client().get("/", headers={"Host": "x" * 63 + ".mektep.test"})
    assert response.status_code == 404
    assert "Бул даректе мектеп жок" in response.get_data(as_text=True)


def assert_nul_refused(response):
    assert response.status_code == 400
    page = response.get_data(as_text=True)
    assert "Недопустимый символ" in page and "символ NUL" in page
    assert_security_headers(response)


def test_a_nul_in_the_query_or_the_path_is_a_bad_request(site, schools):
    school = site("school-a")
    assert_nul_refused(school.get("/search?q=a%00b&lang=ru"))
    assert_nul_refused(school.get("/p/a%00b?lang=ru"))
    assert_nul_refused(school.get("/news/?lang=ru&x%00=1"))
    assert school.get("/search?q=ab").status_code == 200


def test_a_nul_in_a_sign_in_form_is_a_bad_request(site, schools):
    client = site("school-a")
    refused = client.submit("/login?lang=ru", {"email": "admin@a.kg\x00", "password": "x"})
    assert_nul_refused(refused)
    client.login("admin@a.kg")


def test_a_nul_in_a_visitors_question_stores_nothing(app, site, schools):
    visitor = site("school-a")
    form = {"kind": "question", "author_name": "Айбек", "author_email": "", "website": ""}
    refused = visitor.submit("/discussion/ask?lang=ru", {**form, "body": "Суроо\x00"})
    assert_nul_refused(refused)
    with app.app_context():
        assert db.session.scalar(db.select(db.func.count(Post.id))) == 0
    accepted = visitor.submit("/discussion/ask", {**form, "body": "Суроо"})
    assert accepted.status_code == 302
    with app.app_context():
        assert db.session.scalar(db.select(db.func.count(Post.id))) == 1


def test_a_nul_in_an_admin_form_changes_nothing(app, admin_a):
    refused = admin_a.submit(
        "/admin/news/new?lang=ru", {"title_ky": "Жаңылык\x00", "body_ky": "Текст"}
    )
    assert_nul_refused(refused)
    with app.app_context():
        assert db.session.scalar(db.select(db.func.count(NewsPost.id))) == 0
    saved = admin_a.submit("/admin/news/new", {"title_ky": "Жаңылык", "body_ky": "Текст"})
    assert saved.status_code == 302
