"""The district's stop words on publishing (11.9, P1–P6): an admin publishing a
news post, an event, a page, a staff record or a mandated section with a word of
the list sees every field that holds one, the words marked, and publishes only
by pressing "Publish anyway" (audited with the words); nothing is silently
blocked, and a draft (an editor's, or an admin's) is never asked about."""

import json
import re
from datetime import timedelta

import pytest

from mektep.audit import AuditEntry
from mektep.clock import utcnow
from mektep.extensions import db
from mektep.moderation import stopwords
from mektep.schema import section
from tenants.events.models import Event
from tenants.news.models import NewsPost
from tenants.pages.models import Page
from tests.conftest import nothing_changes
from tests.news.conftest import make, post_fields  # noqa: F401  (fixture)
from tests.news.test_events import event_form
from tests.news.test_news_admin import form as news_form
from tests.news.test_news_admin import local_input
from tests.news.test_pages import page_form
from tests.schema.conftest import section_form, staff_form

HEADING = {
    "ky": "Бул текстте райондун тыюу салынган сөздөрү бар",
    "ru": "В тексте есть слова из списка запрещённых слов района",
    "en": "This text holds words on the district's stop-word list",
}
ANYWAY = {"ky": "Баары бир жарыялоо", "ru": "Всё равно опубликовать", "en": "Publish anyway"}
KINDS = {
    "news": (NewsPost, news_form),
    "events": (Event, event_form),
    "pages": (Page, page_form),
}


@pytest.fixture
def stop_list(app, schools):
    with app.app_context():
        stopwords.replace_list("ru", ["казино", "азартные игры"])
        stopwords.replace_list("ky", ["кумар"])
        db.session.commit()


def audit_of(app, action):
    with app.app_context():
        query = db.select(AuditEntry.detail).where(AuditEntry.action == action)
        return db.session.scalars(query).all()


def count(app, model):
    with app.app_context():
        query = db.select(db.func.count(model.id)).execution_options(include_trashed=True)
        return db.session.scalar(query)


def seen(html):
    """The words the form says it showed (its hidden input), as it posts them back."""
    value = re.search(r'name="stop_words_seen" type="hidden" value="([^"]*)"', html).group(1)
    return value.replace("&#34;", '"').replace("&quot;", '"')


@pytest.mark.parametrize("lang", ["ky", "ru"])
@pytest.mark.parametrize("kind", KINDS)
def test_a_new_item_with_stop_words_is_published_only_when_confirmed(
    app, admin_a, site, stop_list, kind, lang
):
    model, form = KINDS[kind]
    typed = form(title_ru="Казино и азартные игры рядом со школой", title_ky="Кумарканалар")
    new = f"/admin/{kind}/new?lang={lang}"
    with nothing_changes(app):
        asked = admin_a.submit(new, typed | {"publish": "1"})
    assert asked.status_code == 409
    html = asked.get_data(as_text=True)
    assert HEADING[lang] in html and ANYWAY[lang] in html
    assert "<mark>Казино</mark> и <mark>азартные игры</mark> рядом" in html
    assert "<mark>Кумарканалар</mark>" in html
    assert 'value="Казино и азартные игры рядом со школой"' in html  # kept as typed
    assert json.loads(seen(html)) == ["азартные игры", "казино", "кумар"]

    published = admin_a.submit(new, typed | {"publish_anyway": "1", "stop_words_seen": seen(html)})
    assert published.status_code == 302
    assert count(app, model) == 1
    with app.app_context():
        item = db.session.scalars(db.select(model)).one()
        assert item.is_published
        item_id = item.id
    assert audit_of(app, f"{model.version_kind}.publish_stop_words") == [
        f"#{item_id}: азартные игры, казино, кумар"
    ]


def test_a_post_without_stop_words_is_published_at_once(app, admin_a, stop_list):
    assert admin_a.submit("/admin/news/new", news_form(publish="1")).status_code == 302
    assert count(app, NewsPost) == 1
    assert audit_of(app, "news.publish_stop_words") == []


def test_a_word_added_after_the_question_is_asked_about_again(app, admin_a, stop_list):
    first = news_form(body_ru="Рядом открылось казино.")
    asked = admin_a.submit("/admin/news/new", first | {"publish": "1"})
    assert asked.status_code == 409
    shown = seen(asked.get_data(as_text=True))
    more = news_form(body_ru="Рядом открылось казино. Кумар оюндары.")
    with nothing_changes(app):
        again = admin_a.submit(
            "/admin/news/new", more | {"publish_anyway": "1", "stop_words_seen": shown}
        )
    assert again.status_code == 409
    assert "<mark>Кумар</mark>" in again.get_data(as_text=True)
    with nothing_changes(app):
        forged = admin_a.submit(
            "/admin/news/new", first | {"publish_anyway": "1", "stop_words_seen": "{not json"}
        )
    assert forged.status_code == 409


def test_a_draft_is_saved_without_a_question(app, admin_a, editor_a, stop_list):
    typed = news_form(title_ru="Казино")
    assert editor_a.submit("/admin/news/new", typed).status_code == 302
    assert admin_a.submit("/admin/news/new", typed | {"save": "1"}).status_code == 302
    assert count(app, NewsPost) == 2


def test_publishing_a_draft_from_the_list_asks_on_its_form(app, admin_a, make, stop_list):  # noqa: F811
    item_id = make(NewsPost, published=False, **post_fields("Кумар оюну"))
    with nothing_changes(app):
        asked = admin_a.submit(f"/admin/news/{item_id}/publish?lang=en", {}, "/admin/news")
    assert asked.status_code == 409
    html = asked.get_data(as_text=True)
    assert HEADING["en"] in html and "<mark>Кумар</mark> оюну" in html
    assert f'action="/admin/news/{item_id}?lang=en"' in html
    assert 'value="Кумар оюну"' in html
    response = admin_a.submit(
        f"/admin/news/{item_id}",
        post_fields("Кумар оюну") | {"publish_anyway": "1", "stop_words_seen": seen(html)},
        "/admin/news",
    )
    assert response.status_code == 302
    with app.app_context():
        assert db.session.get(NewsPost, item_id).is_published
    assert audit_of(app, "news.publish_stop_words") == [f"#{item_id}: кумар"]


def test_an_editor_cannot_press_publish_anyway(app, editor_a, make, stop_list):  # noqa: F811
    item_id = make(NewsPost, published=False, **post_fields("Кумар"))
    words = json.dumps(["кумар"])
    with nothing_changes(app):
        refused = editor_a.submit(
            f"/admin/news/{item_id}",
            post_fields("Кумар") | {"publish_anyway": "1", "stop_words_seen": words},
        )
    assert refused.status_code == 403
    assert audit_of(app, "admin.denied") == ["news_publish_anyway"]


@pytest.mark.parametrize("lang", ["ky", "ru"])
def test_a_mandated_section_with_stop_words_asks_first(app, admin_a, site, stop_list, lang):
    struct = section("struct")
    typed = section_form(struct, tag=" казино")
    path = f"/admin/content/struct?lang={lang}"
    with nothing_changes(app):
        asked = admin_a.submit(path, typed | {"publish": "1"})
    assert asked.status_code == 409
    html = asked.get_data(as_text=True)
    assert HEADING[lang] in html and "<mark>казино</mark>" in html
    published = admin_a.submit(path, typed | {"publish_anyway": "1", "stop_words_seen": seen(html)})
    assert published.status_code == 302
    (detail,) = audit_of(app, "section.publish_stop_words")
    assert detail.endswith(": казино")
    assert "казино" in site("school-a").get("/sveden/struct/").get_data(as_text=True)


def test_a_staff_record_with_stop_words_asks_first(app, admin_a, stop_list):
    typed = staff_form(tag=" кумар")
    asked = admin_a.submit("/admin/staff/new", typed | {"publish": "1"})
    assert asked.status_code == 409
    html = asked.get_data(as_text=True)
    assert "<mark>кумар</mark>" in html
    confirmed = typed | {"publish_anyway": "1", "stop_words_seen": seen(html)}
    assert admin_a.submit("/admin/staff/new", confirmed).status_code == 302
    assert len(audit_of(app, "staff.publish_stop_words")) == 1


def test_scheduling_a_post_with_stop_words_asks_first(app, admin_a, stop_list):
    later = local_input(utcnow() + timedelta(days=1))
    typed = news_form(body_ru="Казино", scheduled_for=later)
    with nothing_changes(app):
        asked = admin_a.submit("/admin/news/new?lang=ru", typed | {"schedule": "1"})
    assert asked.status_code == 409
    html = asked.get_data(as_text=True)
    assert "Всё равно запланировать" in html and ANYWAY["ru"] not in html
    again = typed | {"schedule": "1", "stop_words_seen": seen(html)}
    assert admin_a.submit("/admin/news/new", again).status_code == 302
    with app.app_context():
        post = db.session.scalars(db.select(NewsPost)).one()
        assert post.scheduled_for is not None and not post.is_published
        assert audit_of(app, "news.publish_stop_words") == [f"#{post.id}: казино"]
