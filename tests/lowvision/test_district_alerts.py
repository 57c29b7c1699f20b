"""District alerts: the district admin posts one in Kyrgyz and Russian with a start
and an end; every school's pages show it at their top while it lasts, above the
school's own banner; the console lists, edits, ends and deletes it, each audited;
the worker records when the clock starts or ends one (the page cache's signal)."""

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from config import TestConfig
from mektep.alerts.models import ENDED, LIVE, SCHEDULED, DistrictAlert, record_states
from mektep.audit import AuditEntry
from mektep.clock import utcnow
from mektep.extensions import db
from tests.conftest import assert_redirect, assert_sent_to_sign_in, nothing_changes

FROST = {
    "text_ky": "Катуу суук: эртең райондун бардык мектептеринде сабак болбойт.",
    "text_ru": "Сильный мороз: завтра занятий во всех школах района не будет.",
}


def local(when):
    """A UTC time as the form takes it, in the district's time zone."""
    zone = ZoneInfo(TestConfig.TIMEZONE)
    return when.replace(tzinfo=UTC).astimezone(zone).strftime("%Y-%m-%dT%H:%M")


def alert_form(starts=None, ends=None, **texts):
    return {
        **FROST,
        **texts,
        "starts_at": local(starts) if starts else "",
        "ends_at": local(ends or utcnow() + timedelta(days=1)),
    }


def only_alert(app):
    with app.app_context():
        (alert,) = db.session.scalars(db.select(DistrictAlert)).all()
        db.session.expunge(alert)
        return alert


def actions(app):
    with app.app_context():
        return [
            (entry.action, entry.detail)
            for entry in db.session.scalars(db.select(AuditEntry).order_by(AuditEntry.id))
            if entry.action.startswith("district.alert")
        ]


def page(client, path="/", lang="ky"):
    response = client.get(f"{path}?lang={lang}")
    assert response.status_code == 200, path
    return response.get_data(as_text=True)


def test_an_alert_shows_on_every_schools_pages_in_their_language(app, site, district):
    before = page(site("school-a"))
    assert "district-alert" not in before
    response = district.submit("/district/alerts/new", alert_form())
    assert_redirect(response, "/district/alerts")
    for slug in ("school-a", "school-b"):
        client = site(slug)
        for path in ("/", "/news/", "/sveden/common/", "/login"):
            for lang in ("ky", "ru"):
                html = page(client, path, lang)
                assert FROST[f"text_{lang}"] in html, (slug, path, lang)
                other = "ru" if lang == "ky" else "ky"
                assert FROST[f"text_{other}"] not in html
    alert = only_alert(app)
    assert alert.state == LIVE
    assert actions(app) == [("district.alert_new", f"#{alert.id} {FROST['text_ky'][:80]}")]


def test_the_alert_is_above_the_schools_own_banner(app, site, district, admin_a):
    important = {
        "title_ky": "Ата-энелер чогулушу",
        "title_ru": "Родительское собрание",
        "important_until": local(utcnow() + timedelta(days=2)),
        "publish": "1",
    }
    assert admin_a.submit("/admin/news/new", important).status_code == 302
    district.submit("/district/alerts/new", alert_form())
    html = page(site("school-a"), "/news/", "ru")
    assert html.index(FROST["text_ru"]) < html.index("Родительское собрание") < html.index("<main")
    assert html.index('class="site-header"') < html.index(FROST["text_ru"])


def test_a_scheduled_alert_waits_for_its_start_and_the_worker_records_it(
    app, site, district, run_worker
):
    starts = utcnow() + timedelta(hours=2)
    district.submit("/district/alerts/new", alert_form(starts, starts + timedelta(hours=5)))
    assert FROST["text_ky"] not in page(site("school-a"))
    alert = only_alert(app)
    assert alert.state == SCHEDULED
    listed = district.get("/district/alerts?lang=ru").get_data(as_text=True)
    assert "Запланировано" in listed
    with app.app_context():
        assert record_states(now=starts - timedelta(minutes=1)) == 0
    # The clock reaches the start: pages show it, and the worker's sweep records it.
    with app.app_context():
        row = db.session.get(DistrictAlert, alert.id)
        row.starts_at, row.ends_at = utcnow() - timedelta(minutes=1), utcnow() + timedelta(hours=1)
        db.session.commit()
    assert FROST["text_ky"] in page(site("school-b"))
    assert only_alert(app).state == SCHEDULED
    run_worker()
    assert only_alert(app).state == LIVE
    with app.app_context():
        assert record_states(now=utcnow() + timedelta(hours=2)) == 1
        assert record_states(now=utcnow() + timedelta(hours=3)) == 0
    assert only_alert(app).state == ENDED


def test_edit_end_now_and_delete_are_audited(app, site, district):
    district.submit("/district/alerts/new", alert_form())
    alert = only_alert(app)
    edit = f"/district/alerts/{alert.id}"
    form = district.get(edit).get_data(as_text=True)
    assert FROST["text_ru"] in form and local(alert.ends_at) in form
    changed = alert_form(text_ru="Сильный мороз: занятия отменены до пятницы.")
    assert_redirect(district.submit(edit, changed), "/district/alerts")
    assert "до пятницы" in page(site("school-a"), "/", "ru")

    assert_redirect(district.submit(f"{edit}/end", {}, "/district/alerts"), "/district/alerts")
    assert "до пятницы" not in page(site("school-a"), "/", "ru")
    ended = only_alert(app)
    assert ended.state == ENDED and ended.ends_at <= utcnow()
    listed = district.get("/district/alerts?lang=ru").get_data(as_text=True)
    assert "Завершено" in listed and f"{edit}/end" not in listed

    question = district.get(f"{edit}/delete?lang=ru")
    assert question.status_code == 200 and "Удалить это объявление?" in question.get_data(
        as_text=True
    )
    assert_redirect(district.submit(f"{edit}/delete", {}), "/district/alerts")
    with app.app_context():
        assert db.session.scalars(db.select(DistrictAlert)).all() == []
    assert [action for action, _ in actions(app)] == [
        "district.alert_new",
        "district.alert_edit",
        "district.alert_end",
        "district.alert_delete",
    ]


@pytest.mark.parametrize(
    "lang, change, message",
    [
        ("ru", {"text_ru": ""}, "Напишите объявление на обоих языках."),
        ("ky", {"text_ky": "  "}, "Кулактандырууну эки тилде тең жазыңыз."),
        ("en", {"text_ru": "ы" * 501}, "At most 500 characters."),
    ],
)
def test_an_alert_needs_both_languages(app, district, lang, change, message):
    data = alert_form(**change)
    with nothing_changes(app):
        response = district.submit(f"/district/alerts/new?lang={lang}", data)
    assert response.status_code == 400
    html = response.get_data(as_text=True)
    assert message in html
    kept = "text_ky" if "text_ky" not in change else "text_ru"
    assert FROST[kept] in html


def test_the_end_comes_after_the_start(app, district):
    starts = utcnow() + timedelta(days=2)
    with nothing_changes(app):
        response = district.submit(
            "/district/alerts/new?lang=ru", alert_form(starts, starts - timedelta(hours=1))
        )
        assert response.status_code == 400
        assert "Конец должен быть позже начала." in response.get_data(as_text=True)
        bad_time = alert_form() | {"ends_at": "завтра"}
        response = district.submit("/district/alerts/new?lang=ru", bad_time)
        assert response.status_code == 400
        assert "завтра" in response.get_data(as_text=True)


def test_only_district_admins_reach_the_alerts(app, site, district):
    district.submit("/district/alerts/new", alert_form())
    alert = only_alert(app)
    assert_sent_to_sign_in(site().get("/district/alerts"))
    school_admin = site("school-a")
    school_admin.login("admin@a.kg")
    school_admin.carry_session_to(app.config["BASE_DOMAIN"])
    with nothing_changes(app):
        assert school_admin.get("/district/alerts").status_code == 403
        assert school_admin.submit("/district/alerts/new", alert_form()).status_code == 403
        assert school_admin.submit(f"/district/alerts/{alert.id}/end", {}).status_code == 403
        assert school_admin.submit(f"/district/alerts/{alert.id}/delete", {}).status_code == 403
    with app.app_context():
        refused = db.session.scalars(
            db.select(AuditEntry.action).where(AuditEntry.action == "district.denied")
        ).all()
    assert len(refused) == 4
    # On a school's host the console does not exist.
    assert site("school-a").get("/district/alerts").status_code == 404
    assert district.get("/district/alerts/999999").status_code == 404
    with nothing_changes(app):
        assert district.post(f"/district/alerts/{alert.id}/end").status_code == 400
    assert only_alert(app).state == LIVE


def test_the_console_speaks_every_language(district):
    for lang, words in {
        "ky": "Райондун кулактандыруулары",
        "ru": "Объявления района",
        "en": "District alerts",
    }.items():
        html = district.get(f"/district/alerts?lang={lang}").get_data(as_text=True)
        assert words in html, lang


def test_times_are_typed_in_the_district_zone(app, district):
    district.submit(
        "/district/alerts/new",
        alert_form() | {"starts_at": "2031-01-10T08:00", "ends_at": "2031-01-10T18:00"},
    )
    alert = only_alert(app)
    # Asia/Bishkek is UTC+6.
    assert alert.starts_at == datetime(2031, 1, 10, 2, 0)
    assert alert.ends_at == datetime(2031, 1, 10, 12, 0)
