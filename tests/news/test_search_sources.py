"""Search over the /sveden/ content and the text extracted from documents."""

from mektep.extensions import db
from mektep.schema import SECTIONS_BY_SLUG
from tenants.content.models import SectionContent, StaffMember
from tenants.documents.models import Document
from tenants.search.models import SearchEntry
from tests.conftest import fixture_path

from .test_search import found


def first_text_field(slug):
    return next(
        f
        for f in SECTIONS_BY_SLUG[slug].fields
        if f.kind == "text" and f.translated and not f.source
    )


def test_published_sveden_values_and_staff_are_found_in_their_language(make, site):
    field = first_text_field("common")
    values = {field.name: {"ky": "Чүй облусу, Токмок шаары", "ru": "Чуйская область, город Токмок"}}
    values["telephone"] = "+996 312 541 234"
    make(SectionContent, section="common", values=values)
    surname = {"ky": "Жумабекова", "ru": "Жумабекова"}
    post = {"ky": "физика мугалими", "ru": "учитель физики"}
    make(StaffMember, role="teacher", data={"surname": surname, "post": post})
    make(StaffMember, published=False, data={"surname": {"ky": "Черновикова"}})
    visitor = site("school-a")
    assert "Токмок" in found(visitor, "токмок") and "/sveden/common/" in found(visitor, "токмок")
    assert "Чуйская" in found(visitor, "чуйская", "ru")
    assert "Чуйская" not in found(visitor, "чуйская")
    assert "+996 312 541 234" in found(visitor, "телефон", "ru")  # found by its label
    assert "Жумабекова" in found(visitor, "физика")
    assert "Жумабекова" in found(visitor, "физики", "ru")
    assert "Черновикова" not in found(visitor, "черновикова")
    assert "Токмок" not in found(site("school-b"), "токмок")


def test_text_extracted_from_a_document_is_found_once_the_worker_has_read_it(
    admin_a, site, run_worker, app
):
    pdf = fixture_path("sample.pdf").read_bytes()
    from tests.documents.conftest import upload

    upload(admin_a, [(pdf, "plan.pdf")], expect=302, title_ky="Окуу планы", title_ru="Учебный план")
    visitor = site("school-a")
    assert "Окуу планы" not in found(visitor, "сыноо")
    run_worker()
    assert "Окуу планы" in found(visitor, "сыноо документи")
    assert "Учебный план" in found(visitor, "тестовый", "ru")
    assert "Окуу планы" not in found(site("school-b"), "сыноо")
    with app.app_context():
        document = db.session.scalars(db.select(Document)).one()
        document.deleted_at = document.published_at
        db.session.commit()
    assert "Окуу планы" not in found(visitor, "сыноо")


def test_professional_development_is_indexed_as_readable_text_per_language(make, site, app):
    courses = [
        {"year": 2024, "course": {"ky": "Санариптик сабаттуулук", "ru": "Цифровая грамотность"}},
        {"year": 2021, "course": {"ky": "Инклюзивдүү билим берүү", "ru": "Инклюзивное обучение"}},
    ]
    surname = {"ky": "Асанбекова", "ru": "Асанбекова"}
    make(StaffMember, role="teacher", data={"surname": surname, "profDevelopment": courses})
    visitor = site("school-a")
    assert "Асанбекова" in found(visitor, "санариптик")
    assert "Асанбекова" in found(visitor, "инклюзивное", "ru")
    assert "Асанбекова" not in found(visitor, "цифровая")  # no Russian in the Kyrgyz index
    with app.app_context():
        bodies = dict(
            db.session.execute(
                db.select(SearchEntry.lang, SearchEntry.body).where(SearchEntry.kind == "staff")
            ).all()
        )
    assert "2024 — Санариптик сабаттуулук; 2021 — Инклюзивдүү билим берүү" in bodies["ky"]
    assert "2024 — Цифровая грамотность; 2021 — Инклюзивное обучение" in bodies["ru"]
    for body in bodies.values():
        assert "{" not in body and "'year'" not in body and "[" not in body
