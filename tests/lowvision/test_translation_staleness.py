"""Translations that may be out of date (11.7): one language of a text changes and
the other does not, so the other is marked "needs translation update" in the
admin's lists, on the item's form and in the checklist, until someone updates it
or confirms that it is still right; the same for every kind of content, drafts
included, and from the other school nobody can confirm anything."""

from datetime import timedelta

import pytest

from mektep.audit import AuditEntry
from mektep.clock import utcnow
from mektep.extensions import db
from mektep.schema import section
from tenants.translations import StaleTranslation, texts
from tenants.trash import TRASH_DAYS, purge_expired
from tests.conftest import nothing_changes
from tests.documents.conftest import file_bytes, only_document, upload
from tests.news.test_events import event_form
from tests.news.test_history_and_trash import item_id_of
from tests.news.test_news_admin import form as news_form
from tests.news.test_pages import page_form
from tests.schema.conftest import section_form, staff_form

BADGE = {
    "ky": "Котормону жаңылоо керек: Русский",
    "ru": "Нужно обновить перевод: Русский",
    "en": "Needs translation update: Русский",
}
STILL_RIGHT = {"ky": "Котормо дагы эле туура", "ru": "Перевод всё ещё верен"}
KINDS = {"news": news_form, "events": event_form, "pages": page_form}


def marks(app):
    with app.app_context():
        query = db.select(StaleTranslation).order_by(StaleTranslation.id)
        return [(m.kind, m.name, m.lang) for m in db.session.scalars(query)]


def test_texts_are_found_by_their_shape():
    data = {
        "title_ky": "Аталыш",
        "title_ru": "Заголовок",
        "contact_email": "a@b.kg",
        "values": {
            "address": {"ky": "Дарек", "ru": "Адрес"},
            "phone": "0312",
            "programs": [{"name": {"ky": "Программа", "ru": "Программа"}, "hours": 5}],
        },
    }
    assert texts(data) == {
        "title": {"ky": "Аталыш", "ru": "Заголовок"},
        "address": {"ky": "Дарек", "ru": "Адрес"},
        "programs-0-name": {"ky": "Программа", "ru": "Программа"},
    }


@pytest.mark.parametrize("kind", KINDS)
def test_a_changed_language_marks_the_other_until_it_is_updated(app, admin_a, kind):
    form = KINDS[kind]
    item_id = item_id_of(admin_a.submit(f"/admin/{kind}/new", form(publish="1")))
    assert marks(app) == []
    edit = f"/admin/{kind}/{item_id}"
    changed = form(title_ky="Жаңы аталыш", publish="1")
    assert admin_a.submit(edit, changed).status_code == 302
    version_kind = {"news": "news", "events": "event", "pages": "page"}[kind]
    assert marks(app) == [(version_kind, "title", "ru")]
    for lang, badge in BADGE.items():
        listing = admin_a.get(f"/admin/{kind}?lang={lang}").get_data(as_text=True)
        assert badge in listing, lang
    page = admin_a.get(f"{edit}?lang=ru").get_data(as_text=True)
    assert STILL_RIGHT["ru"] in page and "stale-translations" in page
    updated = form(title_ky="Жаңы аталыш", title_ru="Новый заголовок", publish="1")
    assert admin_a.submit(edit, updated).status_code == 302
    assert marks(app) == []
    assert BADGE["en"] not in admin_a.get(f"/admin/{kind}?lang=en").get_data(as_text=True)


def test_adding_a_missing_translation_marks_nothing(app, admin_a):
    item_id = item_id_of(admin_a.submit("/admin/news/new", news_form(title_ru="", publish="1")))
    added = news_form(title_ru="Открылась библиотека", publish="1")
    assert admin_a.submit(f"/admin/news/{item_id}", added).status_code == 302
    both = news_form(title_ky="Башка", title_ru="Другой", publish="1")
    assert admin_a.submit(f"/admin/news/{item_id}", both).status_code == 302
    assert marks(app) == []


def test_an_editors_draft_marks_and_confirming_clears(app, site, admin_a, editor_a, admin_b_on_a):
    item_id = item_id_of(admin_a.submit("/admin/news/new", news_form(publish="1")))
    draft = news_form(body_ru="Библиотека открылась в новом корпусе.")
    assert editor_a.submit(f"/admin/news/{item_id}", draft).status_code == 302
    assert marks(app) == [("news", "body", "ky")]
    confirm = f"/admin/translations/news/{item_id}/confirm"
    assert admin_b_on_a.submit(confirm, {}, "/admin/").status_code == 403
    assert site("school-b").get("/").status_code == 200
    school_b = site("school-b")
    school_b.login("admin@b.kg")
    with nothing_changes(app):
        assert school_b.submit(confirm, {}, "/admin/").status_code == 404
        assert (
            admin_a.submit("/admin/translations/nothing/1/confirm", {}, "/admin/").status_code
            == 404
        )
        assert admin_a.post(confirm).status_code == 400  # no CSRF token
    assert marks(app) == [("news", "body", "ky")]
    response = editor_a.submit(confirm, {}, f"/admin/news/{item_id}?lang=ky")
    assert response.status_code == 302
    assert response.headers["Location"].startswith(f"/admin/news/{item_id}")
    assert marks(app) == []
    with app.app_context():
        entry = db.session.scalars(
            db.select(AuditEntry).where(AuditEntry.action == "news.translation_confirmed")
        ).one()
        assert entry.detail == f"#{item_id}: body_ky"


def test_a_sections_field_and_a_staff_record_are_marked_in_the_checklist(app, admin_a):
    path = "/admin/content/objects"
    first = section_form(section("objects"))
    assert admin_a.submit(path, first | {"publish": "1"}).status_code == 302
    name, member = "purposePrac_ky", "purposePrac"  # a required item: on the checklist
    changed = first | {name: first[name] + " (жаңыланды)", "publish": "1"}
    assert admin_a.submit(path, changed).status_code == 302
    assert ("section", member, "ru") in marks(app)
    for page in ("/admin/?lang=ru", "/admin/content/?lang=ru"):
        html = admin_a.get(page).get_data(as_text=True)
        assert "Нужно обновить перевод" in html, page
    section_page = admin_a.get(f"{path}?lang=ru").get_data(as_text=True)
    assert STILL_RIGHT["ru"] in section_page

    person = staff_form()
    person_id = item_id_of(admin_a.submit("/admin/staff/new", person | {"publish": "1"}))
    text = next(key for key in person if key.endswith("_ru"))
    edited = person | {text: person[text] + " (обновлено)", "publish": "1"}
    assert admin_a.submit(f"/admin/staff/{person_id}", edited).status_code == 302
    assert ("staff", text.removesuffix("_ru"), "ky") in marks(app)
    assert BADGE["ru"].replace("Русский", "Кыргызча") in admin_a.get(
        "/admin/staff/?lang=ru"
    ).get_data(as_text=True)


def test_a_documents_title_is_marked_in_the_documents_list(app, admin_a):
    upload(
        admin_a, [(file_bytes("photo.jpg"), "устав.jpg")], 302, title_ky="Устав", title_ru="Устав"
    )
    with app.app_context():
        document_id = only_document().id
    form = {"kind": "other", "title_ky": "Мектептин уставы", "title_ru": "Устав", "issued_on": ""}
    assert (
        admin_a.submit(f"/admin/documents/{document_id}", form | {"field_key": ""}).status_code
        == 302
    )
    assert marks(app) == [("document", "title", "ru")]
    assert BADGE["ru"] in admin_a.get("/admin/documents?lang=ru").get_data(as_text=True)
    page = admin_a.get(f"/admin/documents/{document_id}?lang=ky").get_data(as_text=True)
    assert STILL_RIGHT["ky"] in page


@pytest.mark.parametrize("by", ["admin", "sweep"])
def test_an_item_deleted_for_good_takes_its_marks_with_it(app, admin_a, by):
    """A mark names its item by id only: left behind, it would mark a later item
    given the same id (SQLite gives a deleted last id again)."""
    item_id = item_id_of(admin_a.submit("/admin/news/new", news_form(publish="1")))
    changed = news_form(title_ky="Жаңы аталыш", publish="1")
    assert admin_a.submit(f"/admin/news/{item_id}", changed).status_code == 302
    assert marks(app) == [("news", "title", "ru")]
    admin_a.submit(f"/admin/news/{item_id}/delete", {}, "/admin/news")
    assert marks(app) == [("news", "title", "ru")]  # the trash keeps them: it may come back
    if by == "admin":
        purge = f"/admin/trash/news_post/{item_id}/purge"
        assert admin_a.submit(purge, {}, purge).status_code == 302
    else:
        with app.app_context():
            assert purge_expired(now=utcnow() + timedelta(days=TRASH_DAYS + 1)) == 1
    assert marks(app) == []
