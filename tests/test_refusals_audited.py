"""Every refusal of a signed-in person is written to the audit log: an editor's
admin-only button (staff, mandated sections, documents, news), a person with no
role in this school, a school's admin in the district console. Each refusal
changes nothing, and the same request by the admin goes through."""

from mektep.audit import AuditEntry
from mektep.extensions import db
from mektep.schema import SECTIONS
from tenants.content.models import SectionContent, StaffMember
from tenants.news.models import NewsPost
from tests.conftest import PASSWORD
from tests.schema.conftest import section_form, staff_form


def refusals(app):
    with app.app_context():
        return db.session.execute(
            db.select(AuditEntry.action, AuditEntry.detail, AuditEntry.school_id)
            .where(AuditEntry.action.like("%.denied"))
            .order_by(AuditEntry.id)
        ).all()


def published_count(app, model):
    with app.app_context():
        return db.session.scalar(
            db.select(db.func.count(model.id)).where(model.published_at.is_not(None))
        )


def test_an_editor_publishing_staff_is_refused_and_audited(app, editor_a, admin_a, schools):
    draft = editor_a.submit("/admin/staff/new", {**staff_form(tag="-e"), "save": "1"})
    assert draft.status_code == 302
    path = draft.headers["Location"].removeprefix("http://school-a.mektep.test")
    assert editor_a.submit(path, {**staff_form(tag="-e"), "publish": "1"}).status_code == 403
    assert refusals(app) == [("admin.denied", "staff_publish", schools["a"])]
    assert published_count(app, StaffMember) == 0
    assert admin_a.submit(path, {**staff_form(tag="-e"), "publish": "1"}).status_code == 302
    assert published_count(app, StaffMember) == 1


def test_an_editor_publishing_a_section_is_refused_and_audited(app, editor_a, admin_a, schools):
    data = {**section_form(SECTIONS[0]), "publish": "1"}
    assert editor_a.submit("/admin/content/common", data).status_code == 403
    assert refusals(app) == [("admin.denied", "content_publish", schools["a"])]
    assert published_count(app, SectionContent) == 0
    assert admin_a.submit("/admin/content/common", data).status_code == 302
    assert published_count(app, SectionContent) == 1


def test_an_editor_publishing_news_is_refused_and_audited(app, editor_a, schools):
    form = {"title_ky": "Жаңылык", "body_ky": "Текст", "publish": "1"}
    assert editor_a.submit("/admin/news/new", form).status_code == 403
    assert refusals(app) == [("admin.denied", "news_publish", schools["a"])]
    with app.app_context():
        assert db.session.scalar(db.select(db.func.count(NewsPost.id))) == 0


def test_a_session_of_another_school_is_refused_and_audited(app, site, schools):
    home = site("school-b")
    home.login("admin@b.kg")
    cookie = home.client.get_cookie("session", domain=home.host)
    stranger = site("school-a")
    stranger.client.set_cookie("session", cookie.value, domain=stranger.host)
    assert stranger.get("/admin/settings").status_code == 403
    assert refusals(app) == [("admin.denied", "no role here: admin.settings", schools["a"])]
    assert home.get("/admin/settings").status_code == 200


def test_a_school_admin_in_the_district_console_is_refused_and_audited(app, site, schools):
    school = site("school-a")
    school.login("admin@a.kg")
    apex = site()
    cookie = school.client.get_cookie("session", domain=school.host)
    apex.client.set_cookie("session", cookie.value, domain=apex.host)
    assert apex.get("/district/").status_code == 403
    assert refusals(app) == [("district.denied", "district.schools", None)]
    district = site()
    district.login("district@mektep.kg", PASSWORD)
    assert district.get("/district/").status_code == 200
