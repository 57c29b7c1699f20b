"""The moderation path: stop words flag, admins approve, answer or reject, the
public sees only what was approved; and nobody else can moderate."""

from mektep.audit import AuditEntry
from mektep.extensions import db
from tests.conftest import assert_redirect, nothing_changes

from .conftest import posts, visitor_post


def set_stop_words(site, ky="", ru=""):
    district = site()
    district.login("district@mektep.kg")
    response = district.submit("/district/stop-words", {"words_ky": ky, "words_ru": ru})
    assert response.status_code == 302
    return district


def test_district_edits_the_stop_word_list(app, site, schools):
    district = set_stop_words(site, ky="Зордук\nзордук\n  \nкорком", ru="насилие")
    page = district.get("/district/stop-words").get_data(as_text=True)
    assert "зордук\nкорком</textarea>" in page and "насилие</textarea>" in page
    with nothing_changes(app):
        too_long = district.submit("/district/stop-words", {"words_ky": "ж" * 101, "words_ru": ""})
    assert too_long.status_code == 400
    assert site("school-a").get("/district/stop-words").status_code == 404


def test_whole_moderation_path(app, site, visitor, admin_a):
    set_stop_words(site, ky="зордук", ru="насилие")
    visitor_post(visitor, "Когда будет выпускной вечер?", author_name="Мария")
    visitor_post(visitor, "Мектепте зордуктар болобу?", author_name="Ата-эне")
    visitor_post(visitor, "Спам жана жаман сөздөр", author_name="Белгисиз")
    calm, flagged, spam = posts(app)
    assert flagged.flags == ["зордук"] and calm.flags == [] and spam.flags == []

    dashboard = admin_a.get("/admin/").get_data(as_text=True)
    assert "3 билдирүү модерацияны күтүүдө" in dashboard
    queue = admin_a.get("/admin/discussion").get_data(as_text=True)
    assert 'class="flagged"' in queue and "зордук" in queue
    # The flagged post comes first although it is not the oldest.
    assert queue.index("Мектепте зордуктар") < queue.index("Когда будет выпускной")

    answered = admin_a.submit(
        f"/admin/discussion/{calm.id}",
        {"body_ky": "Бүтүрүү кечеси 25-июнда болот.", "body_ru": "Выпускной вечер 25 июня."},
    )
    assert answered.status_code == 302
    rejected = admin_a.submit(
        f"/admin/discussion/{spam.id}/reject", {}, form_page="/admin/discussion"
    )
    assert rejected.status_code == 302

    public_ru = visitor.get("/discussion?lang=ru").get_data(as_text=True)
    assert "Когда будет выпускной вечер?" in public_ru
    assert "Выпускной вечер 25 июня." in public_ru
    assert "Спам" not in public_ru and "зордуктар" not in public_ru
    public_ky = visitor.get("/discussion").get_data(as_text=True)
    assert "Бүтүрүү кечеси 25-июнда болот." in public_ky
    assert [post.status for post in posts(app)] == ["approved", "pending", "rejected"]
    dashboard = admin_a.get("/admin/").get_data(as_text=True)
    assert "1 билдирүү модерацияны күтүүдө" in dashboard
    with app.app_context():
        actions = db.session.scalars(db.select(AuditEntry.action)).all()
    assert {"discussion.approve", "answer.publish", "discussion.reject"} <= set(actions)


def test_answer_in_one_language_falls_back_marked(app, visitor, admin_a):
    visitor_post(visitor, "Суроо")
    [post] = posts(app)
    admin_a.submit(f"/admin/discussion/{post.id}", {"body_ky": "Жооп гана кыргызча", "body_ru": ""})
    page = visitor.get("/discussion?lang=ru").get_data(as_text=True)
    assert '<p class="plain-text" lang="ky">Жооп гана кыргызча</p>' in page


def test_empty_answer_is_refused(app, visitor, admin_a):
    visitor_post(visitor, "Суроо")
    [post] = posts(app)
    with nothing_changes(app):
        response = admin_a.submit(f"/admin/discussion/{post.id}", {"body_ky": " ", "body_ru": ""})
    assert response.status_code == 400
    assert posts(app)[0].status == "pending"


def test_changing_the_list_flags_waiting_posts_again(app, site, visitor):
    visitor_post(visitor, "Бул жерде уруш болду")
    assert posts(app)[0].flags == []
    set_stop_words(site, ky="уруш")
    assert posts(app)[0].flags == ["уруш"]


def test_editor_cannot_moderate(app, visitor, editor_a, admin_a):
    visitor_post(visitor, "Суроо")
    [post] = posts(app)
    approve = f"/admin/discussion/{post.id}/approve"
    with nothing_changes(app):
        assert editor_a.get("/admin/discussion").status_code == 403
        response = editor_a.submit(approve, {}, form_page="/admin/")
    assert response.status_code == 403
    assert posts(app)[0].status == "pending"
    with app.app_context():
        denied = db.session.scalars(
            db.select(AuditEntry.detail).where(AuditEntry.action == "admin.denied")
        ).all()
    assert "discussion" in denied and "discussion_decide" in denied
    assert_redirect(admin_a.submit(approve, {}, form_page="/admin/"), "/admin/discussion")
    assert posts(app)[0].status == "approved"


def test_another_schools_posts_are_out_of_reach(app, site, visitor, admin_a, admin_b_on_a):
    visitor_post(visitor, "А мектебинин суроосу")
    [post] = posts(app)
    admin_b = site("school-b")
    admin_b.login("admin@b.kg")
    answer = {"body_ky": "Башка мектептен", "body_ru": ""}
    with nothing_changes(app):
        assert admin_b.get(f"/admin/discussion/{post.id}").status_code == 404
        response = admin_b.submit(f"/admin/discussion/{post.id}/approve", {}, form_page="/admin/")
        assert response.status_code == 404
        response = admin_b.submit(f"/admin/discussion/{post.id}", answer, form_page="/admin/")
        assert response.status_code == 404
        # B's session carried to A's host: no role at school A.
        assert admin_b_on_a.get("/admin/").status_code == 403
        assert admin_b_on_a.get(f"/admin/discussion/{post.id}").status_code == 403
        response = admin_b_on_a.submit(f"/admin/discussion/{post.id}/approve", {})
        assert response.status_code == 403
        assert admin_b_on_a.submit(f"/admin/discussion/{post.id}", answer).status_code == 403
    assert posts(app)[0].status == "pending"
    assert "А мектебинин" not in site("school-b").get("/discussion").get_data(as_text=True)
    assert_redirect(
        admin_a.submit(f"/admin/discussion/{post.id}", answer), f"/admin/discussion/{post.id}"
    )
    assert posts(app)[0].status == "approved"
