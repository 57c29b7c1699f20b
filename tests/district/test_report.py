"""The head's site report (issue 11.4): visits counted per page per day without
cookies or addresses, flushed by the worker; what was published, what is
overdue, documents and questions; the printable page and its PDF."""

import time

from mektep.extensions import db
from mektep.queue import get_redis
from tenants.content.models import SectionContent
from tenants.schedule.freshness import district_today
from tenants.stats.models import PageVisit
from tenants.stats.pending_views import pending_views
from tests.conftest import nothing_changes
from tests.discussion.conftest import posts, visitor_post
from tests.district.conftest import backdate, publish_section


def visit_rows(app):
    with app.app_context():
        rows = db.session.scalars(db.select(PageVisit).order_by(PageVisit.path)).all()
        return [(row.school_id, row.path, row.count) for row in rows]


def test_public_pages_are_counted_without_cookies_and_flushed_by_the_worker(
    app, site, schools, admin_a, run_worker
):
    visitor = site("school-a")
    served = []
    for _n in range(3):
        response = visitor.get("/")
        assert response.status_code == 200
        assert "Set-Cookie" not in response.headers
        served.append(response.headers.get("X-Page-Cache"))
    # The second and third came from the page cache, and count all the same.
    assert served == ["miss", "hit", "hit"]
    visitor.get("/sveden/common/?lang=ru")
    site("school-b").get("/")
    # Not pages: the admin, a 404, a feed or a file.
    admin_a.get("/admin/")
    visitor.get("/no-such-page")
    visitor.get("/api/v1/info")
    pending_views(app).send()  # else within a second
    with app.app_context():
        counters = get_redis().keys("*visits*")
        assert counters
        stored = b"".join(
            field + value for key in counters for field, value in get_redis().hgetall(key).items()
        )
        assert b"127.0.0.1" not in stored
    assert visit_rows(app) == []
    run_worker()
    assert visit_rows(app) == [
        (schools["a"], "/", 3),
        (schools["b"], "/", 1),
        (schools["a"], "/sveden/common/", 1),
    ]
    with app.app_context():
        assert get_redis().keys("*visits*") == []
    visitor.get("/")
    pending_views(app).send()
    run_worker()
    assert (schools["a"], "/", 4) in visit_rows(app)


def test_a_view_reaches_redis_within_a_second_without_another(app, site, schools):
    site("school-a").get("/")
    site("school-a").get("/")  # both held in the process until its sender thread runs
    with app.app_context():
        for _ in range(50):
            counts = [
                int(count)
                for key in get_redis().keys("*visits*")
                for count in get_redis().hgetall(key).values()
            ]
            if counts == [2]:
                break
            time.sleep(0.1)
    assert counts == [2]


def test_the_report_shows_the_months_work_in_both_languages(app, site, schools, admin_a):
    publish_section(admin_a, "vacant")
    publish_section(admin_a, "vacant", tag="-2")
    publish_section(admin_a, "common")
    backdate(app, SectionContent, days=40, section="common")
    visitor_post(site("school-a"))
    (post,) = posts(app)
    admin_a.submit(f"/admin/discussion/{post.id}/reject", {}, form_page="/admin/discussion")
    with app.app_context():
        today = district_today()
        db.session.add(PageVisit(school_id=schools["a"], day=today, path="/", count=17))
        db.session.add(PageVisit(school_id=schools["b"], day=today, path="/", count=99))
        db.session.commit()
    period = f"m{today.year:04d}-{today.month:02d}"
    page = admin_a.get(f"/admin/report?period={period}&lang=ru").get_data(as_text=True)
    assert "Отчёт о работе сайта школы" in page
    assert "Просмотрено страниц открытого сайта: 17." in page
    assert "<svg" in page and "<title" in page and "<table" in page
    assert "Опубликовано впервые" in page and "Обновлено" in page
    assert "Утверждаю, директор школы" in page
    first = page.split('id="first-table"')[1].split('id="updates-table"')[0]
    updated = page.split('id="updates-table"')[1].split('id="overdue-heading"')[0]
    # The vacant places, the common section and the school's name it carries.
    assert first.count("<tr>") == 4 and "Вакантные места" in first and "Основные сведения" in first
    assert updated.count("<tr>") == 2 and "Вакантные места" in updated
    figures = page.split("Вопросы и отзывы")[1]
    assert "<dd>1</dd>" in figures  # received, rejected
    page = admin_a.get(f"/admin/report?period={period}&lang=ky").get_data(as_text=True)
    assert "Мектептин сайтынын иши боюнча отчёт" in page and ": 17." in page

    pdf = admin_a.get(f"/admin/report.pdf?period={period}&lang=ru")
    assert pdf.status_code == 200
    assert pdf.headers["Content-Type"] == "application/pdf"
    assert pdf.data.startswith(b"%PDF")
    assert "attachment" in pdf.headers["Content-Disposition"]
    assert admin_a.get(f"/admin/report.pdf?period={period}&lang=ky").data.startswith(b"%PDF")


def test_a_term_and_a_month_before_are_reports_too(app, admin_a):
    assert admin_a.get("/admin/report?period=t2025-2").status_code == 200
    assert admin_a.get("/admin/report?period=m2025-02").status_code == 200
    assert admin_a.get("/admin/report.pdf?period=t2025-1").status_code == 200
    for bad in ("m2025-13", "t2025-5", "x", "m1999-01", "m2025-1"):
        assert admin_a.get(f"/admin/report?period={bad}").status_code == 404


def test_only_the_schools_admin_reads_its_report(app, site, schools, editor_a, admin_b_on_a):
    with app.app_context():
        db.session.add(PageVisit(school_id=schools["a"], day=district_today(), path="/", count=5))
        db.session.commit()
    with nothing_changes(app):
        assert editor_a.get("/admin/report").status_code == 403
        assert editor_a.get("/admin/report.pdf").status_code == 403
        assert admin_b_on_a.get("/admin/report").status_code == 403
        assert admin_b_on_a.get("/admin/report.pdf").status_code == 403
    own = site("school-b")
    own.login("admin@b.kg")
    page = own.get("/admin/report?lang=en").get_data(as_text=True)
    assert "Pages of the public site viewed: 0." in page


def test_without_the_fonts_the_pdf_is_explained_not_broken(app, admin_a, tmp_path):
    fonts = app.config["REPORT_FONT_DIR"]
    app.config["REPORT_FONT_DIR"] = str(tmp_path)
    try:
        response = admin_a.get("/admin/report.pdf?lang=ru")
    finally:
        app.config["REPORT_FONT_DIR"] = fonts
    assert response.status_code == 503
    assert "PDF здесь не может быть создан" in response.get_data(as_text=True)
    assert admin_a.get("/admin/report.pdf").status_code == 200
