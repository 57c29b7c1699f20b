"""`demo load` shows every district feature: an overdue section at school №5, a
scanned order at gymnasium №12 (flagged once the worker read it), visits for the
head's report and a year of history for the charts."""

from datetime import timedelta

from mektep.demo import load
from mektep.extensions import db
from tenants.documents.models import Document
from tenants.models import School
from tenants.schedule.freshness import district_today


def test_the_demo_district_shows_the_districts_watch(app, site, run_worker):
    with app.app_context():
        for _line in load():
            pass
        db.session.commit()
        ids = dict(db.session.execute(db.select(School.slug, School.id)).all())
    run_worker(timeout=600)
    api = site("school5").get("/api/v1/info").get_json()
    assert api["sections"]["common"]["overdue"] is True
    school35 = site("school35").get("/api/v1/info").get_json()
    assert not any(section["overdue"] for section in school35["sections"].values())
    with app.app_context():
        scans = db.session.scalars(
            db.select(Document).where(Document.school_id == ids["gymnasium12"])
        ).all()
        assert [d.file.scanned for d in scans if d.file.scanned] == [True]

    district = site()
    district.login("district@mektep.kg", "district-demo-2026")
    page = district.get("/district/dashboard?lang=ru").get_data(as_text=True)
    assert "Район за 12 месяцев" in page and "Значения в виде таблицы" in page
    scans = district.get("/district/dashboard?problem=scans&lang=ru").get_data(as_text=True)
    assert "12" in scans and "Школа school" not in scans
    drill_down = district.get(f"/district/schools/{ids['school5']}?lang=ru").get_data(as_text=True)
    assert "просрочено на" in drill_down and "<svg" in drill_down

    head = site("school35")
    head.login("admin35@mektep.kg", "school35-demo-2026")
    # The demo's visits end yesterday: on the first of a month this month has none yet.
    with app.app_context():
        month = f"m{district_today() - timedelta(days=1):%Y-%m}"
    report = head.get(f"/admin/report?period={month}&lang=ru").get_data(as_text=True)
    visits = int(report.split("Просмотрено страниц открытого сайта: ")[1].split(".")[0])
    assert visits > 100 and "<svg" in report
