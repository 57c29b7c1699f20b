"""Every admin route of news, events and free pages, as admin, editor, another
school's admin, and anonymous; and items of another school by id."""

import pytest

from tenants.events.models import Event
from tenants.news.models import NewsPost
from tenants.pages.models import Page
from tests.conftest import assert_sent_to_sign_in, nothing_changes

from .conftest import audit_actions, event_fields, page_fields, post_fields, row

KINDS = {
    "news": (NewsPost, post_fields),
    "events": (Event, event_fields),
    "pages": (Page, page_fields),
}


def routes(kind, item_id):
    """(method, path, admin status, editor status) of every admin route of `kind`."""
    base = f"/admin/{kind}"
    return [
        ("GET", base, 200, 200),
        ("GET", f"{base}/new", 200, 200),
        ("GET", f"{base}/{item_id}", 200, 200),
        ("POST", f"{base}/{item_id}/publish", 302, 403),
        ("POST", f"{base}/{item_id}/delete", 302, 403),
    ]


def call(client, method, path):
    if method == "GET":
        return client.get(path)
    return client.submit(path, {}, form_page="/admin/")


@pytest.mark.parametrize("kind", KINDS)
def test_admin_may_use_every_route(kind, make, admin_a):
    model, fields = KINDS[kind]
    item_id = make(model, published=False, **fields())
    for method, path, status, _ in routes(kind, item_id):
        assert call(admin_a, method, path).status_code == status, path


@pytest.mark.parametrize("kind", KINDS)
def test_editor_may_draft_but_not_publish_or_delete(kind, make, editor_a, app):
    model, fields = KINDS[kind]
    item_id = make(model, published=False, **fields())
    with nothing_changes(app):
        for method, path, _, status in routes(kind, item_id):
            assert call(editor_a, method, path).status_code == status, path
    assert audit_actions(app).count("admin.denied") == 2


@pytest.mark.parametrize("kind", KINDS)
def test_another_schools_admin_is_refused(kind, make, admin_b_on_a, admin_a, site, app):
    model, fields = KINDS[kind]
    item_id = make(model, published=False, **fields())
    own = site("school-b")
    own.login("admin@b.kg")
    with nothing_changes(app):
        # B's session carried to A's host names a user with no role at school A.
        for method, path, _, _ in routes(kind, item_id):
            assert call(admin_b_on_a, method, path).status_code == 403, path
        # On B's own host, A's item is not there.
        for method, path, _, _ in routes(kind, item_id)[2:]:
            assert call(own, method, path).status_code == 404, path
    item = row(app, model, item_id)
    assert item.published_at is None and item.deleted_at is None
    for method, path, status, _ in routes(kind, item_id):
        assert call(admin_a, method, path).status_code == status, path
    item = row(app, model, item_id)
    assert item.published_at is not None and item.deleted_at is not None


@pytest.mark.parametrize("kind", KINDS)
def test_anonymous_is_sent_to_sign_in(kind, make, site, app):
    model, fields = KINDS[kind]
    item_id = make(model, published=False, **fields())
    visitor = site("school-a")
    with nothing_changes(app):
        for method, path, _, _ in routes(kind, item_id):
            if method == "GET":
                response = visitor.get(path)
            else:
                response = visitor.submit(path, {}, form_page="/login")
            assert_sent_to_sign_in(response)


def test_dashboard_counts_what_waits_in_this_school_only(make, admin_a, editor_a):
    make(NewsPost, published=False, **post_fields("Долбоор"))
    make(Event, published=False, **event_fields())
    make(NewsPost, "school-b", published=False, **post_fields("Башка мектеп"))
    for client in (admin_a, editor_a):
        page = client.get("/admin/?lang=en").get_data(as_text=True)
        assert page.count("1 draft waits to be published") == 2
        assert "everything is published" in page
