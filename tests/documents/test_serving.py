"""Files and thumbnails are served only on their own school's host, only while
published for the public, with the right headers; the other school's admin can
neither see nor act on them.

Requests from several clients run outside any test app context (a request would
otherwise share the test's `g`); the database is read in contexts of its own."""

import pytest

from tests.conftest import assert_redirect, nothing_changes
from tests.documents.conftest import file_bytes, only_document, upload


def current_document(app):
    with app.app_context():
        return only_document()


@pytest.fixture
def ready_document(app, admin_a, run_worker):
    upload(admin_a, [(file_bytes("sample.pdf"), "Устав школы №35.pdf")], expect=302)
    run_worker()
    return current_document(app)


def urls(document):
    base = f"/files/{document.file_id}"
    return [base, f"{base}/thumbnail-small.webp"]


def test_published_file_is_served_with_safe_headers(site, ready_document):
    response = site("school-a").get(f"/files/{ready_document.file_id}")
    assert response.status_code == 200
    assert response.mimetype == "application/pdf"
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    disposition = response.headers["Content-Disposition"]
    assert disposition.startswith("inline;")
    assert "filename*=UTF-8''%D0%A3%D1%81%D1%82%D0%B0%D0%B2%20" in disposition
    assert "public" in response.headers["Cache-Control"]
    # The content's hash, then the stored copy's version (tests/storage).
    assert response.headers["ETag"].strip('"').startswith(ready_document.file.sha256 + ".")
    assert response.data == file_bytes("sample.pdf")
    again = site("school-a").get(
        f"/files/{ready_document.file_id}", headers={"If-None-Match": response.headers["ETag"]}
    )
    assert again.status_code == 304


def test_thumbnails_are_served(site, ready_document):
    response = site("school-a").get(f"/files/{ready_document.file_id}/thumbnail-small.webp")
    assert response.status_code == 200 and response.mimetype == "image/webp"
    assert response.headers["X-Content-Type-Options"] == "nosniff"


def test_old_png_addresses_lead_to_the_webp(site, admin_a, ready_document):
    """Thumbnails were PNG as well once: their addresses still lead to a picture."""
    base = f"/files/{ready_document.file_id}"
    response = site("school-a").get(f"{base}/thumbnail-small.png")
    assert response.status_code == 301
    assert response.headers["Location"].endswith(f"{base}/thumbnail-small.webp")
    assert site("school-a").get(response.headers["Location"]).status_code == 200
    private = admin_a.get(f"/admin{base}/thumbnail-small.png")
    assert private.status_code == 301
    assert private.headers["Location"].endswith(f"/admin{base}/thumbnail-small.webp")
    # The other school's host learns nothing, not even a redirect.
    assert site("school-b").get(f"{base}/thumbnail-small.png").status_code == 404


def test_a_document_has_only_its_small_webp_thumbnail(site, ready_document):
    """Pages show documents small only, so only the small WebP is made."""
    base = f"/files/{ready_document.file_id}"
    for name in ("large.webp", "large.jpg", "large.png", "small.jpg"):
        assert site("school-a").get(f"{base}/thumbnail-{name}").status_code == 404, name


def test_a_picture_has_a_jpeg_for_shared_links_and_old_png_addresses_lead_to_it(
    app, site, admin_a, run_worker
):
    upload(admin_a, [(file_bytes("photo.jpg"), "hall.jpg")], expect=302)
    run_worker()
    base = f"/files/{current_document(app).file_id}"
    public = site("school-a")
    for name, mime in (("large.webp", "image/webp"), ("large.jpg", "image/jpeg")):
        response = public.get(f"{base}/thumbnail-{name}")
        assert (response.status_code, response.mimetype) == (200, mime)
    moved = public.get(f"{base}/thumbnail-large.png")
    assert moved.status_code == 301
    assert moved.headers["Location"].endswith(f"{base}/thumbnail-large.jpg")
    assert (
        public.get(f"{base}/thumbnail-small.png")
        .headers["Location"]
        .endswith(f"{base}/thumbnail-small.webp")
    )
    assert public.get(f"{base}/thumbnail-small.jpg").status_code == 404
    assert site("school-b").get(f"{base}/thumbnail-large.jpg").status_code == 404
    assert site("school-b").get(f"{base}/thumbnail-large.png").status_code == 404


def test_office_file_is_downloaded_not_shown(app, site, admin_a):
    upload(admin_a, [(file_bytes("sample.docx"), "Окуу планы.docx")], expect=302)
    document = current_document(app)
    response = site("school-a").get(f"/files/{document.file_id}")
    assert response.status_code == 200
    assert response.headers["Content-Disposition"].startswith("attachment;")
    assert response.mimetype.endswith("wordprocessingml.document")


def test_other_school_host_gets_404(site, ready_document):
    for url in urls(ready_document):
        assert site("school-b").get(url).status_code == 404, url
        assert site("school-a").get(url).status_code == 200, url
    assert "Устав школы №35" in site("school-a").get("/documents").get_data(as_text=True)
    assert "Устав школы №35" not in site("school-b").get("/documents").get_data(as_text=True)


def test_other_school_admin_can_neither_see_nor_act(
    app, site, ready_document, admin_b_on_a, admin_a
):
    document_id = ready_document.id
    actions = ("publish", "delete", "retry")
    admin_b = site("school-b")
    admin_b.login("admin@b.kg")
    with nothing_changes(app):
        # School B's admin on school B's host: A's ids are not there.
        assert admin_b.get(f"/admin/documents/{document_id}").status_code == 404
        assert admin_b.get(f"/admin/files/{ready_document.file_id}").status_code == 404
        assert "Устав школы №35" not in admin_b.get("/admin/documents").get_data(as_text=True)
        assert admin_b.get(f"/admin/documents/status?ids={document_id}").get_json() == {}
        for action in actions:
            response = admin_b.submit(
                f"/admin/documents/{document_id}/{action}", {}, form_page="/admin/documents"
            )
            assert response.status_code == 404, action
        # School B's admin with their session carried to school A's host: no role there.
        for path in (
            "/admin/documents",
            f"/admin/documents/{document_id}",
            f"/admin/files/{ready_document.file_id}",
        ):
            assert admin_b_on_a.get(path).status_code == 403, path
        for action in actions:
            response = admin_b_on_a.submit(f"/admin/documents/{document_id}/{action}", {})
            assert response.status_code == 403, action
    document = current_document(app)
    assert document.deleted_at is None and document.published_at is not None
    assert admin_a.get(f"/admin/documents/{document_id}").status_code == 200
    assert admin_a.get(f"/admin/files/{ready_document.file_id}").status_code == 200
    response = admin_a.submit(
        f"/admin/documents/{document_id}/delete", {}, form_page="/admin/documents"
    )
    assert_redirect(response, "/admin/documents")
    assert "Устав школы №35" not in site("school-a").get("/documents").get_data(as_text=True)


def test_editor_upload_is_not_public_until_an_admin_publishes(
    app, site, editor_a, admin_a, run_worker
):
    upload(editor_a, [(file_bytes("sample.pdf"), "draft.pdf")], expect=302, title_ky="Долбоор")
    run_worker()
    document = current_document(app)
    assert document.published_at is None and document.file.status == "ready"
    assert "Долбоор" in editor_a.get("/admin/documents").get_data(as_text=True)
    assert editor_a.get(f"/admin/files/{document.file_id}/thumbnail-small.webp").status_code == 200
    public = site("school-a")
    assert "Долбоор" not in public.get("/documents").get_data(as_text=True)
    for url in urls(document):
        assert public.get(url).status_code == 404, url
    # An editor cannot publish.
    with nothing_changes(app):
        denied = editor_a.submit(
            f"/admin/documents/{document.id}/publish", {}, form_page="/admin/documents"
        )
    assert denied.status_code == 403
    response = admin_a.submit(
        f"/admin/documents/{document.id}/publish", {}, form_page="/admin/documents"
    )
    assert response.status_code == 302
    assert "Долбоор" in public.get("/documents").get_data(as_text=True)
    for url in urls(document):
        assert public.get(url).status_code == 200, url


def test_trashed_document_is_no_longer_served_but_its_file_is_kept(site, admin_a, ready_document):
    response = admin_a.submit(
        f"/admin/documents/{ready_document.id}/delete", {}, form_page="/admin/documents"
    )
    assert response.status_code == 302
    for url in urls(ready_document):
        assert site("school-a").get(url).status_code == 404, url
    assert admin_a.get(f"/admin/files/{ready_document.file_id}").status_code == 200


def test_admin_file_views_are_private(admin_a, ready_document):
    response = admin_a.get(f"/admin/files/{ready_document.file_id}")
    assert response.status_code == 200
    assert "private" in response.headers["Cache-Control"]
    assert response.headers["X-Content-Type-Options"] == "nosniff"


def test_pending_thumbnail_is_404_and_page_shows_an_icon(app, site, admin_a):
    upload(admin_a, [(file_bytes("sample.pdf"), "a.pdf")], expect=302, title_ky="Күтүүдө")
    document = current_document(app)
    public = site("school-a")
    assert public.get(f"/files/{document.file_id}/thumbnail-small.webp").status_code == 404
    page = public.get("/documents").get_data(as_text=True)
    assert "Күтүүдө" in page and "file-icon-pdf" in page


def test_unknown_thumbnail_size_is_404(site, ready_document):
    base = f"/files/{ready_document.file_id}"
    assert site("school-a").get(f"{base}/thumbnail-huge.webp").status_code == 404
    assert site("school-a").get(f"{base}/thumbnail-small.gif").status_code == 404


def test_an_old_png_address_of_a_page_in_russian_leads_to_the_one_webp_address(
    site, ready_document
):
    """Pages in Russian linked the PNG with `?lang=ru`; the WebP has one address
    in every language (as pages link it now), so that it is cached once."""
    base = f"/files/{ready_document.file_id}"
    response = site("school-a").get(f"{base}/thumbnail-small.png?lang=ru")
    assert response.status_code == 301
    assert response.headers["Location"].endswith(f"{base}/thumbnail-small.webp")
    assert site("school-b").get(f"{base}/thumbnail-small.png?lang=ru").status_code == 404
