"""The public document centre and the documents shown in `/sveden/` subsections
through the schema's document-link fields."""

from types import SimpleNamespace

from flask import render_template

from mektep.extensions import db
from tenants.documents.links import documents_for_field
from tenants.models import School
from tenants.scoping import bind_school
from tests.documents.conftest import file_bytes, upload

CHARTER = "document.ustavDocLink"


def test_centre_lists_published_documents_with_facts(site, admin_a, run_worker):
    upload(
        admin_a,
        [(file_bytes("sample.pdf"), "ustav.pdf")],
        kind="charter",
        title_ky="Мектептин уставы",
        title_ru="Устав школы",
        issued_on="2021-08-25",
        expect=302,
    )
    upload(
        admin_a, [(file_bytes("photo.jpg"), "hall.jpg")], kind="photo", title_ky="Зал", expect=302
    )
    run_worker()
    public = site("school-a")
    page = public.get("/documents").get_data(as_text=True)
    assert "Мектептин уставы" in page and "Зал" in page
    assert 'class="thumb thumb-small" src="/files/' in page and "thumbnail-small.webp" in page
    assert "<picture" not in page and "thumbnail-small.png" not in page  # WebP alone
    assert "PDF · 18 КБ · 1 бет" in page  # type, size, pages in Kyrgyz
    assert 'datetime="2021-08-25"' in page
    russian = public.get("/documents?lang=ru").get_data(as_text=True)
    assert "Устав школы" in russian and "1 страница" in russian
    # The same thumbnail address in every language (one cached copy).
    assert 'thumbnail-small.webp"' in russian and "thumbnail-small.webp?lang" not in russian
    # Filter by kind.
    charters = public.get("/documents?kind=charter").get_data(as_text=True)
    assert "Мектептин уставы" in charters and "hall.jpg" not in charters and ">Зал<" not in charters
    assert public.get("/documents?kind=nonsense").status_code == 404


def test_centre_without_documents_says_so(site, schools):
    page = site("school-a").get("/documents?lang=ru").get_data(as_text=True)
    assert "Школа пока не опубликовала документы." in page


def test_documents_for_field_newest_first_published_only(app, admin_a, editor_a):
    upload(
        admin_a,
        [(file_bytes("sample.pdf"), "old.pdf")],
        field_key=CHARTER,
        issued_on="2019-01-01",
        title_ky="Эски",
        expect=302,
    )
    upload(
        admin_a,
        [(file_bytes("picture.png"), "new.png")],
        field_key=CHARTER,
        issued_on="2024-01-01",
        title_ky="Жаңы",
        expect=302,
    )
    upload(
        editor_a,
        [(file_bytes("picture.webp"), "draft.webp")],
        field_key=CHARTER,
        title_ky="Долбоор",
        expect=302,
    )
    with app.test_request_context():
        bind_school(db.session.scalar(db.select(School).where(School.slug == "school-a")))
        assert [d.title_ky for d in documents_for_field(CHARTER)] == ["Жаңы", "Эски"]
        assert documents_for_field("common.licenseDocLink") == []
    with app.test_request_context():
        bind_school(db.session.scalar(db.select(School).where(School.slug == "school-b")))
        assert documents_for_field(CHARTER) == []


def test_field_template_renders_links_with_itemprop_or_nothing(app, admin_a, run_worker):
    upload(
        admin_a,
        [(file_bytes("sample.pdf"), "ustav.pdf")],
        field_key=CHARTER,
        title_ky="Устав",
        expect=302,
    )
    run_worker()
    field = SimpleNamespace(key=CHARTER, itemprop="ustavDocLink")
    empty = SimpleNamespace(key="common.licenseDocLink", itemprop="licenseDocLink")
    with app.test_request_context(base_url="http://school-a.mektep.test"):
        bind_school(db.session.scalar(db.select(School).where(School.slug == "school-a")))
        html = render_template("documents/field_documents.html", field=field)
        assert 'itemprop="ustavDocLink"' in html and "Устав" in html
        assert "thumbnail-small.webp" in html
        assert render_template("documents/field_documents.html", field=empty).strip() == ""


def test_sveden_document_page_shows_the_charter(site, admin_a, run_worker):
    upload(
        admin_a,
        [(file_bytes("sample.pdf"), "ustav.pdf")],
        field_key=CHARTER,
        title_ky="Уставдын көчүрмөсү 2021",
        expect=302,
    )
    run_worker()
    page = site("school-a").get("/sveden/document/").get_data(as_text=True)
    assert 'itemprop="ustavDocLink"' in page and "Уставдын көчүрмөсү 2021" in page
    assert "thumbnail-small" in page
    assert "Уставдын көчүрмөсү 2021" not in site("school-b").get("/sveden/document/").get_data(
        as_text=True
    )
