"""The district's open data (issue 11.5): `/api/v1/schools` on the apex, a page
at a time in a stable order, published data only; the console's CSV and XLSX."""

import csv
import io

import openpyxl

from mektep.extensions import db
from mektep.schema import SECTIONS_BY_SLUG
from tenants.models import School
from tests.conftest import make_school, nothing_changes
from tests.district.conftest import publish_section
from tests.schema.conftest import section_form


def test_every_active_school_with_its_published_sections(app, site, schools, admin_a):
    publish_section(admin_a, "vacant")
    draft = {
        **section_form(SECTIONS_BY_SLUG["common"], tag="-draft"),
        "save": "1",
    }
    assert admin_a.submit("/admin/content/common", draft).status_code == 302
    with app.app_context():
        make_school("school-c", status="suspended")
        db.session.commit()
    response = site().get("/api/v1/schools")
    assert response.status_code == 200
    assert response.headers["Access-Control-Allow-Origin"] == "*"
    data = response.get_json()
    assert (data["total"], data["page"], data["pages"], data["next"]) == (2, 1, 1, None)
    listed = {entry["school"]["slug"]: entry for entry in data["schools"]}
    assert list(listed) == ["school-a", "school-b"]
    a = listed["school-a"]
    assert a["school"]["url"] == "http://school-a.mektep.test/"
    assert a["sections"]["vacant"]["updated"] and a["sections"]["vacant"]["overdue"] is False
    assert a["sections"]["common"]["updated"] is None
    assert "-draft" not in response.get_data(as_text=True)
    assert set(a["updates"]) == {"news", "events"}
    # The same figures as the school's own answer.
    own = site("school-a").get("/api/v1/info").get_json()
    assert own["sections"] == a["sections"] and own["completeness"] == a["completeness"]
    ru = site().get("/api/v1/schools?lang=ru").get_json()["schools"][0]
    assert ru["school"]["name"] == "Школа school-a"
    assert ru["sections"]["vacant"]["title"] == "Вакантные места"
    ky = site().get("/api/v1/schools?lang=ky").get_json()["schools"][0]
    assert ky["school"]["name"] == "school-a мектеби"


def test_pages_are_stable_and_bounded(app, site, schools):
    with app.app_context():
        for n in range(5):
            make_school(f"extra-{n}")
        db.session.commit()
        order = db.session.scalars(db.select(School.slug).order_by(School.id)).all()
    seen, url = [], "/api/v1/schools?per_page=3"
    while url:
        data = site().get(url.removeprefix("http://mektep.test")).get_json()
        assert data["total"] == 7 and data["pages"] == 3 and len(data["schools"]) <= 3
        seen += [entry["school"]["slug"] for entry in data["schools"]]
        url = data["next"]
    assert seen == order
    last = site().get("/api/v1/schools?per_page=3&page=3").get_json()
    assert last["previous"].endswith("page=2&per_page=3")
    for bad in ("per_page=101", "per_page=0", "page=0", "page=x", "lang=en", "lang=fr"):
        assert site().get(f"/api/v1/schools?{bad}").status_code in (400, 404), bad
    assert site().get("/api/v1/schools?per_page=101").status_code == 400
    assert site().get("/api/v1/schools?page=9").get_json()["schools"] == []
    # Not on a school's host; the school's own API is not on the apex.
    assert site("school-a").get("/api/v1/schools").status_code == 404
    assert site().get("/api/v1/info").status_code == 404


def test_the_console_downloads_the_same_figures(app, site, schools, admin_a):
    publish_section(admin_a, "vacant")
    district = site()
    district.login("district@mektep.kg")
    dashboard = district.get("/district/dashboard").get_data(as_text=True)
    assert all(link in dashboard for link in ('href="/api/v1/schools"', "/district/open-data.csv"))
    response = district.get("/district/open-data.csv?lang=ru")
    assert response.status_code == 200
    assert "attachment" in response.headers["Content-Disposition"]
    rows = list(csv.reader(io.StringIO(response.data.decode("utf-8-sig"))))
    assert rows[0][0] == "Адрес школы" and "Проверить до" in rows[0]
    vacant = [row for row in rows if row[0] == "school-a" and "vacant" in row]
    assert len(vacant) == 1 and vacant[0][-1] in ("False", "0", "нет", "false")
    assert {row[0] for row in rows[1:]} == {"school-a", "school-b"}
    book = openpyxl.load_workbook(io.BytesIO(district.get("/district/open-data.xlsx?lang=ky").data))
    sheet = book.active
    assert sheet.cell(1, 1).value == "Мектептин дареги"
    assert sheet.max_row == len(rows)
    school_admin = site("school-a")
    school_admin.login("admin@a.kg")
    school_admin.carry_session_to("mektep.test")
    with nothing_changes(app):
        assert school_admin.get("/district/open-data.csv").status_code == 403
    assert site().get("/district/open-data.csv").status_code == 302
