"""A scheduled post's content is what an admin approved: an editor's change to
it waits as a draft, the worker publishes the approved text in the name of the
admin who scheduled it, and whoever publishes the draft later is its publisher."""

from datetime import timedelta

from mektep.clock import utcnow
from mektep.extensions import db
from tenants.news.models import NewsPost
from tests.news.conftest import row
from tests.news.test_news_admin import form, local_input

from .conftest import published_versions, user_id


def scheduled_post(admin, title="Админ бекиткен аталыш"):
    later = local_input(utcnow() + timedelta(hours=1))
    response = admin.submit(
        "/admin/news/new",
        form(title_ky=title, body_ky="Админ бекиткен текст.", schedule="1", scheduled_for=later),
    )
    assert response.status_code == 302
    return int(response.headers["Location"].split("?")[0].rsplit("/", 1)[1])


def make_due(app, item_id):
    """The hour passes (nobody visits any page)."""
    with app.app_context():
        post = db.session.get(NewsPost, item_id)
        post.scheduled_for = utcnow() - timedelta(seconds=1)
        db.session.commit()


def test_an_editors_change_to_a_scheduled_post_waits_for_an_admin(
    app, admin_a, editor_a, second_admin_a, site, run_worker
):
    item_id = scheduled_post(admin_a)
    edit = f"/admin/news/{item_id}"
    changed = form(title_ky="Редактор өзгөрткөн аталыш", body_ky="Редактордун тексти.")
    response = editor_a.submit(edit, changed)
    assert response.status_code == 302
    # The editor finds the change in the form, as a draft; the approved text stays.
    assert "Редактор өзгөрткөн аталыш" in editor_a.get(edit).get_data(as_text=True)
    post = row(app, NewsPost, item_id)
    assert post.title_ky == "Админ бекиткен аталыш" and post.scheduled_for is not None

    make_due(app, item_id)
    run_worker()

    admin_id = user_id(app, "admin@a.kg")
    post = row(app, NewsPost, item_id)
    assert post.published_at is not None and post.published_by_id == admin_id
    visitor = site("school-a")
    article = visitor.get(f"/news/{item_id}").get_data(as_text=True)
    assert "Админ бекиткен аталыш" in article and "Админ бекиткен текст." in article
    assert "Редактор" not in article
    assert "Редактор" not in visitor.get("/news/").get_data(as_text=True)
    assert published_versions(app, "news", item_id, "title_ky") == [
        (admin_id, "Админ бекиткен аталыш")
    ]
    # The editor's change still waits, and the list says so.
    assert "Редактор өзгөрткөн аталыш" in admin_a.get(edit).get_data(as_text=True)
    listing = admin_a.get("/admin/news?lang=en").get_data(as_text=True)
    assert "Published, changes waiting" in listing

    publish = f"/admin/news/{item_id}/publish"
    assert second_admin_a.submit(publish, {}, "/admin/news").status_code == 302
    article = visitor.get(f"/news/{item_id}").get_data(as_text=True)
    assert "Редактор өзгөрткөн аталыш" in article and "Редактордун тексти." in article
    second_id = user_id(app, "admin2@a.kg")
    assert row(app, NewsPost, item_id).published_by_id == second_id
    assert published_versions(app, "news", item_id, "title_ky") == [
        (admin_id, "Админ бекиткен аталыш"),
        (second_id, "Редактор өзгөрткөн аталыш"),
    ]


def test_an_admins_draft_of_a_scheduled_post_stays_a_draft(app, admin_a, run_worker, site):
    item_id = scheduled_post(admin_a)
    response = admin_a.submit(f"/admin/news/{item_id}", form(title_ky="Админдин долбоору"))
    assert response.status_code == 302
    make_due(app, item_id)
    run_worker()
    article = site("school-a").get(f"/news/{item_id}").get_data(as_text=True)
    assert "Админ бекиткен аталыш" in article and "Админдин долбоору" not in article


def test_scheduling_again_approves_what_the_form_holds(app, admin_a, editor_a, run_worker, site):
    item_id = scheduled_post(admin_a)
    edit = f"/admin/news/{item_id}"
    assert editor_a.submit(edit, form(title_ky="Редактордун сунушу")).status_code == 302
    # The admin reads the editor's draft in the form and schedules it: now it is approved.
    later = local_input(utcnow() + timedelta(hours=2))
    data = form(title_ky="Редактордун сунушу", schedule="1", scheduled_for=later)
    assert admin_a.submit(edit, data).status_code == 302
    post = row(app, NewsPost, item_id)
    assert post.title_ky == "Редактордун сунушу" and post.published_at is None
    make_due(app, item_id)
    run_worker()
    article = site("school-a").get(f"/news/{item_id}").get_data(as_text=True)
    assert "Редактордун сунушу" in article
    assert row(app, NewsPost, item_id).published_by_id == user_id(app, "admin@a.kg")
    assert "Published, changes waiting" not in admin_a.get("/admin/news?lang=en").get_data(
        as_text=True
    )


def test_events_cannot_be_scheduled(admin_a, app):
    """Only news has a schedule: an event form's "schedule" press saves a draft."""
    data = {"title_ky": "Жыйын", "starts_at": "2031-03-05T17:00", "ends_at": "2031-03-05T18:30"}
    later = local_input(utcnow() + timedelta(hours=1))
    response = admin_a.submit("/admin/events/new", data | {"schedule": "1", "scheduled_for": later})
    assert response.status_code == 302
    assert "Schedule" not in admin_a.get("/admin/events/new?lang=en").get_data(as_text=True)
