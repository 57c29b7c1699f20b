"""News in the school admin: drafting, publishing, deleting, and bad input."""

import io
from datetime import UTC, timedelta
from zoneinfo import ZoneInfo

from mektep.clock import utcnow
from tenants.news.models import NewsPost
from tests.conftest import fixture_path, nothing_changes

from .conftest import audit_actions, post_fields, row


def form(**values):
    data = {
        "title_ky": "Мектепте жаңы китепкана ачылды",
        "title_ru": "В школе открылась библиотека",
    }
    data |= {"body_ky": "Биринчи абзац.\n\nЭкинчи абзац.", "body_ru": "Текст новости."}
    return data | values


def local_input(utc):
    """How a person in Bishkek types the UTC time `utc` into a form."""
    return utc.replace(tzinfo=UTC).astimezone(ZoneInfo("Asia/Bishkek")).strftime("%Y-%m-%dT%H:%M")


def test_admin_publishes_a_post_in_both_languages(admin_a, site):
    response = admin_a.submit("/admin/news/new?lang=en", form(publish="1"))
    assert response.status_code == 302
    page = admin_a.get(response.headers["Location"]).get_data(as_text=True)
    assert "Saved and published." in page
    visitor = site("school-a")
    listing = visitor.get("/news/").get_data(as_text=True)
    assert "Мектепте жаңы китепкана ачылды" in listing
    russian = visitor.get("/news/?lang=ru").get_data(as_text=True)
    assert "В школе открылась библиотека" in russian
    article_path = response.headers["Location"].replace("/admin/news/", "/news/").split("?")[0]
    article = visitor.get(article_path).get_data(as_text=True)
    assert "<p>Биринчи абзац.</p><p>Экинчи абзац.</p>" in article


def test_editor_drafts_and_admin_publishes(editor_a, admin_a, site, app):
    response = editor_a.submit("/admin/news/new", form())
    assert response.status_code == 302
    item_id = int(response.headers["Location"].rsplit("/", 1)[1])
    assert row(app, NewsPost, item_id).published_at is None
    assert site("school-a").get(f"/news/{item_id}").status_code == 404

    assert admin_a.submit(f"/admin/news/{item_id}/publish", {}, "/admin/news").status_code == 302
    assert site("school-a").get(f"/news/{item_id}").status_code == 200


def test_editor_cannot_publish_schedule_or_delete_by_url(editor_a, admin_a, make, app):
    item_id = make(NewsPost, published=False, **post_fields())
    edit = f"/admin/news/{item_id}"
    later = local_input(utcnow() + timedelta(days=1))
    with nothing_changes(app):
        for path in (f"/admin/news/{item_id}/publish", f"/admin/news/{item_id}/delete"):
            assert editor_a.submit(path, {}, "/admin/news").status_code == 403
        assert editor_a.submit(edit, form(publish="1")).status_code == 403
        assert editor_a.submit(edit, form(schedule="1", scheduled_for=later)).status_code == 403
    assert audit_actions(app).count("admin.denied") == 4
    post = row(app, NewsPost, item_id)
    assert post.published_at is None and post.deleted_at is None and post.scheduled_for is None
    assert post.title_ky == "Жаңылык"
    assert admin_a.submit(edit, form(schedule="1", scheduled_for=later)).status_code == 302
    assert row(app, NewsPost, item_id).scheduled_for is not None
    assert admin_a.submit(edit, form(publish="1")).status_code == 302
    assert row(app, NewsPost, item_id).published_at is not None


def test_editor_change_to_a_published_post_waits_for_an_admin(editor_a, make, site):
    item_id = make(NewsPost, **post_fields("Эски аталыш"))
    response = editor_a.submit(f"/admin/news/{item_id}", form(title_ky="Жаңы аталыш"))
    assert response.status_code == 302
    assert "Эски аталыш" in site("school-a").get(f"/news/{item_id}").get_data(as_text=True)
    assert "Жаңы аталыш" in editor_a.get(f"/admin/news/{item_id}").get_data(as_text=True)


def test_the_list_tells_which_published_posts_have_changes_waiting(editor_a, make):
    changed_id = make(NewsPost, **post_fields("Өзгөргөн"))
    make(NewsPost, **post_fields("Өзгөрбөгөн"))
    make(NewsPost, published=False, **post_fields("Долбоор"))
    editor_a.submit(f"/admin/news/{changed_id}", form(title_ky="Жаңы аталыш"))
    rows = editor_a.get("/admin/news?lang=ru").get_data(as_text=True).split("<tr")
    states = {
        title: next(row for row in rows if f">{title}<" in row)
        for title in ("Өзгөргөн", "Өзгөрбөгөн", "Долбоор")
    }
    assert "Опубликовано, изменения ждут" in states["Өзгөргөн"]
    assert ">Опубликовано<" in states["Өзгөрбөгөн"]
    assert ">Черновик<" in states["Долбоор"]


def test_admin_moves_a_post_to_the_trash(admin_a, make, site, app):
    item_id = make(NewsPost, **post_fields())
    response = admin_a.submit(f"/admin/news/{item_id}/delete", {}, "/admin/news")
    assert response.status_code == 302
    assert row(app, NewsPost, item_id).deleted_at is not None
    assert site("school-a").get(f"/news/{item_id}").status_code == 404
    assert "newspost.trash" in audit_actions(app)


def test_rich_text_loses_scripts_styles_and_event_attributes(admin_a, app):
    body = (
        '<p onclick="steal()">Салам <b>окуучулар</b></p><script>alert(1)</script>'
        '<style>body{display:none}</style><a href="javascript:alert(1)">x</a>'
        '<img src=x onerror="alert(1)"><a href="https://edu.gov.kg">министрлик</a>'
    )
    response = admin_a.submit("/admin/news/new", form(body_ky=body, publish="1"))
    item_id = int(response.headers["Location"].rsplit("/", 1)[1])
    stored = row(app, NewsPost, item_id).body_ky
    for bad in ("script", "style", "onclick", "onerror", "javascript:", "<img", "alert"):
        assert bad not in stored
    assert "<b>окуучулар</b>" in stored and 'href="https://edu.gov.kg"' in stored


def test_over_long_title_is_refused_and_the_form_kept(admin_a, app):
    long_title = "Ж" * 301
    with nothing_changes(app):
        response = admin_a.submit("/admin/news/new", form(title_ky=long_title, body_ru="Сохранить"))
    assert response.status_code == 400
    page = response.get_data(as_text=True)
    assert long_title in page and "Сохранить" in page
    assert 'class="error"' in page


def test_a_post_needs_a_title(admin_a, app):
    with nothing_changes(app):
        response = admin_a.submit("/admin/news/new", form(title_ky="", title_ru=""))
    assert response.status_code == 400


def test_scheduling_in_the_past_is_refused(admin_a, app):
    earlier = local_input(utcnow() - timedelta(hours=1))
    with nothing_changes(app):
        response = admin_a.submit("/admin/news/new", form(schedule="1", scheduled_for=earlier))
        assert response.status_code == 400
        assert earlier in response.get_data(as_text=True)
        response = admin_a.submit("/admin/news/new", form(schedule="1", scheduled_for=""))
        assert response.status_code == 400


def test_important_until_in_the_past_is_refused(admin_a, app):
    earlier = local_input(utcnow() - timedelta(hours=1))
    with nothing_changes(app):
        response = admin_a.submit("/admin/news/new", form(important_until=earlier))
    assert response.status_code == 400
    later = local_input(utcnow() + timedelta(hours=1))
    assert admin_a.submit("/admin/news/new", form(important_until=later)).status_code == 302


def test_scheduling_stores_utc_and_the_schedule(admin_a, app):
    when = (utcnow() + timedelta(days=1)).replace(second=0, microsecond=0)
    response = admin_a.submit(
        "/admin/news/new", form(schedule="1", scheduled_for=local_input(when))
    )
    assert response.status_code == 302
    post = row(app, NewsPost, int(response.headers["Location"].rsplit("/", 1)[1]))
    assert post.scheduled_for == when and post.published_at is None
    assert "news.schedule" in audit_actions(app)


def test_another_schools_post_is_not_found_by_id(site, make, schools, app):
    item_id = make(NewsPost, "school-b", **post_fields())
    admin = site("school-a")
    admin.login("admin@a.kg")
    with nothing_changes(app):
        assert admin.get(f"/admin/news/{item_id}").status_code == 404
        assert admin.submit(f"/admin/news/{item_id}/delete", {}, "/admin/news").status_code == 404
        assert admin.submit(f"/admin/news/{item_id}/publish", {}, "/admin/news").status_code == 404
    assert site("school-a").get(f"/news/{item_id}").status_code == 404
    assert site("school-b").get(f"/news/{item_id}").status_code == 200
    owner = site("school-b")
    owner.login("admin@b.kg")
    assert owner.get(f"/admin/news/{item_id}").status_code == 200
    assert owner.submit(f"/admin/news/{item_id}/delete", {}, "/admin/news").status_code == 302
    assert row(app, NewsPost, item_id).deleted_at is not None


def test_cover_photo_goes_through_the_stored_file_pipeline(admin_a, site, app, run_worker):
    photo = fixture_path("photo.jpg").read_bytes()
    data = form(publish="1", cover=(io.BytesIO(photo), "cover.jpg"))
    response = admin_a.submit("/admin/news/new", data, content_type="multipart/form-data")
    assert response.status_code == 302
    post = row(app, NewsPost, int(response.headers["Location"].rsplit("/", 1)[1]))
    assert post.cover_file_id is not None
    run_worker()
    article = site("school-a").get(f"/news/{post.id}").get_data(as_text=True)
    thumbnail = f"/files/{post.cover_file_id}/thumbnail-large.webp"
    assert thumbnail in article
    assert site("school-a").get(thumbnail).status_code == 200
    assert site("school-b").get(thumbnail).status_code == 404


def test_a_cover_that_is_not_a_picture_is_refused(admin_a, app):
    pdf = fixture_path("sample.pdf").read_bytes()
    data = form(cover=(io.BytesIO(pdf), "cover.jpg"))
    with nothing_changes(app):
        response = admin_a.submit("/admin/news/new", data, content_type="multipart/form-data")
    assert response.status_code == 400
    assert "Мектепте жаңы китепкана ачылды" in response.get_data(as_text=True)
