"""The district's dashboard (issue 11.3): every school's figures, sorted and
filtered, one school's drill-down, CSV/XLSX, charts drawn as SVG with their
figures as tables, daily snapshots and the weekly digest; a fixed number of
queries however many schools."""

import csv
import io
import re
from datetime import timedelta

import openpyxl
import pytest
from sqlalchemy import event

from mektep.extensions import db
from tenants.content.models import SectionContent
from tenants.models import School
from tenants.stats.models import DistrictSnapshot, SchoolSnapshot
from tenants.versioning import Revision
from tests.conftest import make_school, nothing_changes
from tests.discussion.conftest import visitor_post
from tests.district.conftest import backdate, messages, publish_section


@pytest.fixture
def district(site, schools):
    apex = site()
    apex.login("district@mektep.kg")
    return apex


@pytest.fixture
def troubles(app, site, admin_a):
    """School A has an overdue section; school B a question waiting."""
    publish_section(admin_a, "vacant")
    backdate(app, SectionContent, days=40, section="vacant")
    assert visitor_post(site("school-b")).status_code == 302


def listed(page):
    return re.findall(
        r'<td class="card-head"><a href="/district/schools/\d+[^"]*">([^<]+)</a>', page
    )


def test_every_school_with_its_figures_sorted_and_filtered(app, district, schools, troubles):
    page = district.get("/district/dashboard?lang=ru").get_data(as_text=True)
    assert "Сводка по школам" in page
    assert listed(page) == ["Школа school-a", "Школа school-b"]  # most overdue first
    assert '<span class="badge badge-bad">1</span>' in page
    by_name = district.get("/district/dashboard?sort=name&order=desc&lang=ru")
    assert listed(by_name.get_data(as_text=True)) == ["Школа school-b", "Школа school-a"]
    waiting = district.get("/district/dashboard?sort=questions&lang=ru").get_data(as_text=True)
    assert listed(waiting)[0] == "Школа school-b"
    for query, expected in (
        ("problem=overdue", ["Школа school-a"]),
        ("problem=questions", ["Школа school-b"]),
        ("problem=scans", []),
        ("q=SCHOOL-B", ["Школа school-b"]),
        ("below=5", ["Школа school-b"]),  # nothing published yet: 3 %, against 6 %
        ("below=50", ["Школа school-a", "Школа school-b"]),
        ("below=0", []),
    ):
        page = district.get(f"/district/dashboard?{query}&lang=ru").get_data(as_text=True)
        assert listed(page) == expected, query
        if not expected:
            assert "Ни одна действующая школа не подходит" in page
    ky = district.get("/district/dashboard?lang=ky").get_data(as_text=True)
    assert "Мектептердин көрсөткүчтөрү" in ky and listed(ky)[0] == "school-a мектеби"
    # Unknown values fall back to the defaults; a bad number is refused.
    assert district.get("/district/dashboard?sort=evil&order=up").status_code == 200
    assert district.get("/district/dashboard?below=abc").status_code == 404


def test_one_schools_drill_down(app, district, schools, troubles):
    page = district.get(f"/district/schools/{schools['a']}?lang=ru").get_data(as_text=True)
    assert "Просрочено обновление" in page and "просрочено на 10 дней" in page
    assert "Вакантные места" in page
    other = district.get(f"/district/schools/{schools['b']}?lang=ky").get_data(as_text=True)
    assert "Мөөнөтү өткөн эч нерсе жок." in other
    assert district.get("/district/schools/999999").status_code == 404


def test_downloads_of_the_listed_schools(app, district, site, schools, troubles):
    response = district.get("/district/dashboard.csv?problem=overdue&lang=ru")
    assert response.status_code == 200
    rows = list(csv.reader(io.StringIO(response.data.decode("utf-8-sig"))))
    assert rows[0][:2] == ["Адрес школы", "Школа"]
    assert [row[0] for row in rows[1:]] == ["school-a"]
    overdue_column = rows[0].index("Просроченные разделы")
    assert rows[1][overdue_column] == "1"
    book = openpyxl.load_workbook(io.BytesIO(district.get("/district/dashboard.xlsx?lang=ky").data))
    assert [cell.value for cell in book.active["A"]][1:] == ["school-a", "school-b"]
    school_admin = site("school-a")
    school_admin.login("admin@a.kg")
    school_admin.carry_session_to("mektep.test")
    with nothing_changes(app):
        for path in (
            "/district/dashboard",
            "/district/dashboard.xlsx",
            f"/district/schools/{schools['a']}",
        ):
            assert school_admin.get(path).status_code == 403


def test_snapshots_give_the_charts_a_history_and_the_digest_its_changes(
    app, district, schools, troubles, run_worker
):
    with app.app_context():
        for revision in db.session.scalars(db.select(Revision)):
            revision.created_at -= timedelta(days=60)
        db.session.commit()
    run_worker()
    with app.app_context():
        snapshots = db.session.scalars(db.select(SchoolSnapshot)).all()
        assert {s.school_id for s in snapshots} == set(schools.values())
        # School A's weeks since its first version are rebuilt from its versions.
        rebuilt = [s for s in snapshots if s.backfilled]
        assert 7 <= len(rebuilt) <= 9 and {s.school_id for s in rebuilt} == {schools["a"]}
        assert db.session.scalar(db.select(db.func.count()).select_from(DistrictSnapshot)) > 1
    page = district.get("/district/dashboard?lang=ru").get_data(as_text=True)
    assert "Район за 12 месяцев" in page
    svg = page.split("<svg", 1)[1].split("</svg>", 1)[0]
    assert "<title" in svg and "<desc" in svg and 'role="img"' in page
    assert "Значения в виде таблицы" in page
    drill_down = district.get(f"/district/schools/{schools['a']}?lang=ky").get_data(as_text=True)
    assert "12 айда" in drill_down
    assert "<svg" in drill_down and "<desc" in drill_down and "<table" in drill_down
    # The digest follows the day's snapshot (on the next sweep if it came first).
    run_worker(TEST_WEEKLY_MAIL="1")
    sent = [message for message in messages(app) if message[0] == "district@mektep.kg"]
    assert len(sent) == 1
    _to, subject, body = sent[0]
    assert "Райондун мектептери" in subject
    assert "/district/dashboard" in body
    run_worker(TEST_WEEKLY_MAIL="1")
    assert len([m for m in messages(app) if m[0] == "district@mektep.kg"]) == 1  # once a week


def count_queries(app, client, path):
    statements = []

    def record(*args):
        statements.append(args[2])

    with app.app_context():
        engine = db.engine
    event.listen(engine, "before_cursor_execute", record)
    try:
        assert client.get(path).status_code == 200
    finally:
        event.remove(engine, "before_cursor_execute", record)
    return len(statements)


def test_the_dashboard_reads_any_number_of_schools_in_the_same_queries(app, district, schools):
    def add_schools(n, start):
        with app.app_context():
            for i in range(start, start + n):
                make_school(f"many-{i}")
            db.session.commit()

    add_schools(3, 0)
    few = [
        count_queries(app, district, path) for path in ("/district/dashboard", "/api/v1/schools")
    ]
    add_schools(60, 3)
    many = [
        count_queries(app, district, path) for path in ("/district/dashboard", "/api/v1/schools")
    ]
    assert many == few


def test_a_school_name_never_runs_as_a_formula_in_the_downloads(app, district, schools):
    """A school's admin writes the school's name (its settings); in the district's
    spreadsheets it stays text, never a formula that the program would run."""
    planted = '=HYPERLINK("https://evil.example/","open")'
    with app.app_context():
        school = db.session.get(School, schools["a"])
        school.name_ru = school.name_ky = planted
        db.session.commit()
    for path in ("/district/dashboard.xlsx?lang=ru", "/district/open-data.xlsx?lang=ru"):
        sheet = openpyxl.load_workbook(io.BytesIO(district.get(path).data)).active
        cells = [cell for row in sheet.iter_rows() for cell in row if cell.value == planted]
        assert cells and all(cell.data_type == "s" for cell in cells), path
    for path in ("/district/dashboard.csv?lang=ru", "/district/open-data.csv?lang=ru"):
        text = district.get(path).data.decode("utf-8-sig")
        values = [value for row in csv.reader(io.StringIO(text)) for value in row]
        assert "'" + planted in values and planted not in values, path
        assert "school-a" in values  # the other cells as they were
