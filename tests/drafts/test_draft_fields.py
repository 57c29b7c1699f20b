"""Every field of a draft stays a draft: an editor's "Save draft" of a published
item of any kind changes nothing the public reads (addresses, menu, dates,
covers, feeds included) until an admin publishes it, and whoever publishes it
is recorded as the publisher."""

import io
import re

from mektep.extensions import db
from tenants.content.models import StaffMember
from tenants.documents.models import Document
from tenants.events.models import Event
from tenants.news.models import NewsPost
from tenants.pages.models import Page
from tests.conftest import fixture_path
from tests.documents.conftest import file_bytes, upload
from tests.news.conftest import row
from tests.news.test_events import event_form
from tests.news.test_history_and_trash import item_id_of
from tests.news.test_news_admin import form as news_form
from tests.news.test_pages import page_form
from tests.schema.conftest import section_form, staff_form

from .conftest import changed_paths, public_view, user_id

STRUCT = __import__("mektep.schema", fromlist=["section"]).section("struct")


def menu(html):
    return html.split('class="folding main-menu"', 1)[1].split("</nav>", 1)[0]


def test_a_pages_new_address_is_a_draft_until_an_admin_publishes_it(
    app, admin_a, editor_a, second_admin_a, site
):
    page_id = item_id_of(admin_a.submit("/admin/pages/new", page_form(publish="1")))
    visitor = site("school-a")
    before = public_view(visitor, "/p/history", "/p/about")
    assert before["/p/history"][0] == 200 and before["/p/about"][0] == 404

    draft = page_form(slug="about", title_ky="Биз жөнүндө", menu_order="5")
    assert editor_a.submit(f"/admin/pages/{page_id}", draft).status_code == 302

    assert changed_paths(before, public_view(visitor, "/p/history", "/p/about")) == []
    assert row(app, Page, page_id).slug == "history"
    shown = editor_a.get(f"/admin/pages/{page_id}").get_data(as_text=True)
    assert 'value="about"' in shown and "Биз жөнүндө" in shown

    publish = f"/admin/pages/{page_id}/publish"
    assert second_admin_a.submit(publish, {}, "/admin/pages").status_code == 302
    assert visitor.get("/p/history").status_code == 404
    assert "Биз жөнүндө" in visitor.get("/p/about").get_data(as_text=True)
    assert 'href="/p/about"' in menu(visitor.get("/").get_data(as_text=True))
    assert row(app, Page, page_id).published_by_id == user_id(app, "admin2@a.kg")


def test_an_address_waiting_in_a_draft_is_taken(admin_a, editor_a):
    page_id = item_id_of(admin_a.submit("/admin/pages/new", page_form(publish="1")))
    assert editor_a.submit(f"/admin/pages/{page_id}", page_form(slug="about")).status_code == 302
    response = admin_a.submit("/admin/pages/new?lang=en", page_form(slug="about", title_ky="Б"))
    assert response.status_code == 400
    assert "Another page (perhaps in the trash) has this address" in response.get_data(as_text=True)
    # Its own draft does not stand in its way.
    mine = page_form(slug="about", title_ky="Дагы")
    assert editor_a.submit(f"/admin/pages/{page_id}", mine).status_code == 302


def test_restoring_an_address_another_page_now_has_is_refused(app, admin_a, site):
    page_id = item_id_of(admin_a.submit("/admin/pages/new", page_form(publish="1")))
    admin_a.submit(f"/admin/pages/{page_id}", page_form(slug="story", publish="1"))
    other = page_form(slug="history", title_ky="Башка бет", publish="1")
    assert admin_a.submit("/admin/pages/new", other).status_code == 302
    with app.app_context():
        from tenants.versioning import Revision

        first = db.session.scalars(
            db.select(Revision.id)
            .where(Revision.kind == "page", Revision.item_id == page_id)
            .order_by(Revision.id)
        ).first()
    version = f"/admin/history/page/{page_id}/{first}"
    response = admin_a.submit(f"{version}/restore?lang=en", {}, version)
    assert response.status_code == 409
    assert "Another page has the address" in response.get_data(as_text=True)
    assert row(app, Page, page_id).slug == "story"
    visitor = site("school-a")
    assert "Башка бет" in visitor.get("/p/history").get_data(as_text=True)
    assert visitor.get("/p/story").status_code == 200


def test_a_draft_of_a_published_post_changes_nothing_public(
    app, admin_a, editor_a, second_admin_a, site
):
    item_id = item_id_of(admin_a.submit("/admin/news/new", news_form(publish="1")))
    visitor = site("school-a")
    article = f"/news/{item_id}"
    before = public_view(visitor, article)
    photo = fixture_path("photo.jpg").read_bytes()
    draft = news_form(
        title_ky="Долбоор аталыш",
        pinned="y",
        important_until="2099-01-01T10:00",
        cover=(io.BytesIO(photo), "cover.jpg"),
    )
    response = editor_a.submit(f"/admin/news/{item_id}", draft, content_type="multipart/form-data")
    assert response.status_code == 302

    assert changed_paths(before, public_view(visitor, article)) == []
    shown = editor_a.get(f"/admin/news/{item_id}").get_data(as_text=True)
    assert "Долбоор аталыш" in shown
    with app.app_context():
        from tenants.versioning import pending_draft

        cover_id = pending_draft(db.session.get(NewsPost, item_id)).data["cover_file_id"]
    assert cover_id is not None
    assert visitor.get(f"/files/{cover_id}").status_code == 404

    publish = f"/admin/news/{item_id}/publish"
    assert second_admin_a.submit(publish, {}, "/admin/news").status_code == 302
    page = visitor.get(article).get_data(as_text=True)
    assert "Долбоор аталыш" in page
    assert "Долбоор аталыш" in visitor.get("/").get_data(as_text=True)  # the banner
    assert visitor.get(f"/files/{cover_id}").status_code == 200
    assert row(app, NewsPost, item_id).published_by_id == user_id(app, "admin2@a.kg")


def test_a_draft_of_a_published_event_changes_nothing_public(
    app, admin_a, editor_a, second_admin_a, site
):
    item_id = item_id_of(admin_a.submit("/admin/events/new", event_form(publish="1")))
    visitor = site("school-a")
    paths = (f"/events/{item_id}", "/events/2031/3", "/events/2031/4")
    before = public_view(visitor, *paths)
    draft = event_form(
        title_ky="Жылдырылган жыйын", starts_at="2031-04-09T17:00", ends_at="2031-04-09T18:00"
    )
    assert editor_a.submit(f"/admin/events/{item_id}", draft).status_code == 302

    assert changed_paths(before, public_view(visitor, *paths)) == []
    assert "Жылдырылган жыйын" in editor_a.get(f"/admin/events/{item_id}").get_data(as_text=True)

    publish = f"/admin/events/{item_id}/publish"
    assert second_admin_a.submit(publish, {}, "/admin/events").status_code == 302
    assert "Жылдырылган жыйын" in visitor.get("/events/2031/4").get_data(as_text=True)
    assert "Жылдырылган жыйын" not in visitor.get("/events/2031/3").get_data(as_text=True)
    assert row(app, Event, item_id).published_by_id == user_id(app, "admin2@a.kg")


def test_a_draft_of_a_published_document_changes_nothing_public(
    app, admin_a, editor_a, second_admin_a, site
):
    upload(admin_a, [(file_bytes("sample.pdf"), "a.pdf")], title_ky="Устав", expect=302)
    with app.app_context():
        document_id = db.session.scalar(db.select(Document.id))
    visitor = site("school-a")
    before = public_view(visitor)
    draft = {"kind": "license", "title_ky": "Лицензия", "title_ru": "Лицензия", "issued_on": ""}
    response = editor_a.submit(f"/admin/documents/{document_id}", draft | {"field_key": ""})
    assert response.status_code == 302
    assert changed_paths(before, public_view(visitor)) == []

    publish = f"/admin/documents/{document_id}/publish"
    assert second_admin_a.submit(publish, {}, "/admin/documents").status_code == 302
    assert "Лицензия" in visitor.get("/documents").get_data(as_text=True)
    assert row(app, Document, document_id).published_by_id == user_id(app, "admin2@a.kg")


def test_a_draft_of_a_published_staff_record_changes_nothing_public(
    app, admin_a, editor_a, second_admin_a, site
):
    admin_a.submit("/admin/staff/new", {**staff_form("head"), "publish": "1"})
    with app.app_context():
        person_id = db.session.scalar(db.select(StaffMember.id))
    visitor = site("school-a")
    before = public_view(visitor)
    draft = {**staff_form("deputy", tag="-долбоор"), "telephone": "0555 12 34 56"}
    assert editor_a.submit(f"/admin/staff/{person_id}", draft).status_code == 302
    assert changed_paths(before, public_view(visitor)) == []

    data = {**draft, "publish": "1"}
    assert second_admin_a.submit(f"/admin/staff/{person_id}", data).status_code == 302
    managers = visitor.get("/sveden/managers/").get_data(as_text=True)
    assert "surname-долбоор" in managers and "tel:+996555123456" in managers
    assert row(app, StaffMember, person_id).published_by_id == user_id(app, "admin2@a.kg")


def test_a_draft_of_a_published_section_changes_nothing_public(
    app, admin_a, editor_a, second_admin_a, site
):
    path = "/admin/content/struct"
    assert admin_a.submit(path, {**section_form(STRUCT), "publish": "1"}).status_code == 302
    visitor = site("school-a")
    before = public_view(visitor, "/sveden/struct/")
    draft = section_form(STRUCT, tag="-долбоор")
    assert editor_a.submit(path, {**draft, "save": "1"}).status_code == 302
    assert changed_paths(before, public_view(visitor, "/sveden/struct/")) == []

    assert second_admin_a.submit(path, {**draft, "publish": "1"}).status_code == 302
    assert re.search(r"-долбоор", visitor.get("/sveden/struct/").get_data(as_text=True))
