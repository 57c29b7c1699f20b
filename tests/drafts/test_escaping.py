"""Stored text is shown as text wherever it is a title or a plain field, and rich
text is shown as allow-listed HTML, on the public pages and in the admin's
history alike, however the row was written."""

from mektep.extensions import db
from tenants.content.models import SectionContent
from tenants.events.models import Event
from tenants.models import School
from tenants.news.models import NewsPost
from tenants.pages.models import Page
from tenants.scoping import bind_school
from tenants.versioning import Revision, publish
from tests.discussion.test_history_trash import answered_post
from tests.news.conftest import event_fields, page_fields, post_fields
from tests.news.test_history_and_trash import item_id_of
from tests.news.test_news_admin import form

HOSTILE_TITLE = '<a href="https://evil.example/">Басыңыз</a><img src="https://evil.example/x.png">'
HOSTILE_RICH = '<p>Текст</p><script>alert(1)</script><img src="x" onerror="alert(2)">'


def revision_id(app, kind, item_id):
    with app.app_context():
        return db.session.scalar(
            db.select(Revision.id).where(Revision.kind == kind, Revision.item_id == item_id)
        )


def test_the_history_shows_a_stored_title_as_text(app, admin_a, site):
    body = 'Кара: <a href="https://ok.example/">шилтеме</a>'
    response = admin_a.submit("/admin/news/new", form(title_ky=HOSTILE_TITLE, body_ky=body))
    item_id = item_id_of(response)
    assert admin_a.submit(f"/admin/news/{item_id}/publish", {}, "/admin/news").status_code == 302
    version = revision_id(app, "news", item_id)
    pages = {
        "version": admin_a.get(f"/admin/history/news/{item_id}/{version}").get_data(as_text=True),
        "history": admin_a.get(f"/admin/history/news/{item_id}").get_data(as_text=True),
        "index": admin_a.get("/admin/history").get_data(as_text=True),
        "public": site("school-a").get(f"/news/{item_id}").get_data(as_text=True),
    }
    for name, html in pages.items():
        assert "evil.example" in html, name
        assert '<a href="https://evil.example/"' not in html, name
        assert "<img src=" not in html, name
    assert "&lt;a href=" in pages["version"]
    # The body is rich text: a link, as on the public page.
    assert '<a href="https://ok.example/" rel="noopener noreferrer nofollow">' in pages["version"]
    assert '<a href="https://ok.example/" rel="noopener noreferrer nofollow">' in pages["public"]


def test_an_answers_plain_text_is_text_in_the_history(app, admin_a, visitor):
    answer = '<b>Жооп</b> <a href="https://x.kg">x</a>'
    post, answer_id = answered_post(app, visitor, admin_a, answer)
    version = revision_id(app, "answer", answer_id)
    html = admin_a.get(f"/admin/history/answer/{answer_id}/{version}").get_data(as_text=True)
    assert "&lt;b&gt;Жооп&lt;/b&gt;" in html and '<a href="https://x.kg"' not in html


def published_row(app, model, **columns):
    """A published row written straight to the database, as an import or an old
    version might have left it, without the forms' sanitizing."""
    with app.app_context():
        school = db.session.scalar(db.select(School).where(School.slug == "school-a"))
        bind_school(school)
        item = model(**columns)
        db.session.add(item)
        db.session.flush()
        from mektep.accounts.models import User

        publish(item, db.session.scalar(db.select(User).where(User.email == "admin@a.kg")))
        db.session.commit()
        return item.id


def test_public_rich_text_is_allow_listed_when_shown(app, site, schools):
    news_id = published_row(app, NewsPost, **post_fields(body_ky=HOSTILE_RICH))
    event_id = published_row(app, Event, **event_fields(description_ky=HOSTILE_RICH))
    published_row(app, Page, **page_fields(body_ky=HOSTILE_RICH))
    values = {"health": {"ky": HOSTILE_RICH}}
    published_row(app, SectionContent, section="catering", values=values)
    public = site("school-a")
    for path in (f"/news/{news_id}", f"/events/{event_id}", "/p/history", "/sveden/catering/"):
        html = public.get(path).get_data(as_text=True)
        assert "<p>Текст</p>" in html, path
        assert "alert(" not in html and "onerror" not in html, path
