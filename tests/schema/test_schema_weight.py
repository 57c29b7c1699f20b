"""The heaviest mandated pages stay within the 40 KB budget (design.md): the
staff page of a school with 25 staff records, and every filled section."""

import pytest

from mektep.accounts.models import User
from mektep.branding.colours import PALETTE_COLOURS
from mektep.extensions import db
from mektep.schema import SECTIONS
from tenants.branding.models import SchoolBranding
from tenants.content.models import StaffMember
from tenants.documents.jobs import render_stored_file
from tenants.documents.uploads import store_upload
from tenants.models import School
from tenants.scoping import bind_school
from tenants.versioning import publish
from tests.conftest import fixture_path
from tests.schema.conftest import section_form
from tests.test_page_weight import BUDGET, page_weight

PERSON = {
    "surname": {"ky": "Бейшеналиева", "ru": "Бейшеналиева"},
    "first_name": {"ky": "Назгүл", "ru": "Назгуль"},
    "patronymic": {"ky": "Садыковна", "ru": "Садыковна"},
    "post": {"ky": "орус тили жана адабияты мугалими", "ru": "учитель русского языка и литературы"},
    "teachingDiscipline": {"ky": "Орус тили жана адабияты", "ru": "Русский язык и литература"},
    "teachingLevel": "higher",
    "qualification": "first",
    "employeeQualification": {
        "ky": "Филология, орус тили жана адабияты мугалими",
        "ru": "Филология, учитель русского языка и литературы",
    },
    "profDevelopment": [
        {"year": 2024, "course": {"ky": "«Жаңы мамлекеттик стандарт боюнча окутуу», КББА, 72 саат",
                                  "ru": "«Обучение по новому госстандарту», КАО, 72 часа"}},
        {"year": 2022, "course": {"ky": "«Санариптик билим берүү ресурстары», 36 саат",
                                  "ru": "«Цифровые образовательные ресурсы», 36 часов"}},
    ],
    "genExperience": 21,
    "specExperience": 20,
}  # fmt: skip


@pytest.fixture
def staff_pages(app, site, schools, publish_as_admin):
    """The staff page, in ky and ru, of a school with 25 staff records."""
    with app.app_context():
        school = db.session.get(School, schools["a"])
        bind_school(school)
        admin = publish_as_admin(school)
        for position in range(25):
            person = StaffMember(role="teacher", position=position, data={})
            db.session.add(person)
            db.session.flush()
            publish(person, admin, {"role": "teacher", "data": PERSON})
        db.session.commit()
    return {lang: site("school-a").get(f"/sveden/employees/?lang={lang}") for lang in ("ky", "ru")}


def test_a_staff_record_costs_under_900_bytes_of_html(staff_pages):
    """900 bytes a person, 7 KB for the rest of the page: its header, menus, footer
    and the description, canonical link and Open Graph tags of a shared link."""
    for lang, response in staff_pages.items():
        page = response.get_data()
        assert page.count(b'itemprop="teachingStaff"') == 25
        assert len(page) < 25 * 900 + 7 * 1024, (lang, len(page))


def test_the_staff_page_of_25_people_is_under_budget(app, staff_pages):
    for lang, response in staff_pages.items():
        assert page_weight(app, response) < BUDGET, (lang, page_weight(app, response))


def test_every_filled_section_is_under_budget(app, publish, site):
    for section in SECTIONS:
        if section.editable:
            publish(section.slug, section_form(section))
    for section in SECTIONS:
        for lang in ("ky", "ru"):
            response = site("school-a").get(f"/sveden/{section.slug}/?lang={lang}")
            assert page_weight(app, response) < BUDGET, (
                section.slug,
                lang,
                page_weight(app, response),
            )


def test_the_staff_page_of_a_branded_school_is_under_budget(app, site, schools, staff_pages):
    """A school's own look (its colour's stylesheet, the logo in the header) is
    paid for within the budget too."""
    with app.app_context():
        school = db.session.get(School, schools["a"])
        bind_school(school)
        admin = db.session.scalar(db.select(User).where(User.email == "admin@a.kg"))
        with fixture_path("picture.png").open("rb") as picture:
            logo = store_upload(picture, "emblem.png", school.id, admin)
        db.session.add(SchoolBranding(accent=PALETTE_COLOURS["maroon"], logo_file_id=logo.id))
        db.session.commit()
        bind_school(None)
        render_stored_file(logo.id)  # the preview job, as the worker runs it
    for lang in ("ky", "ru"):
        response = site("school-a").get(f"/sveden/employees/?lang={lang}")
        page = response.get_data(as_text=True)
        assert 'class="logo"' in page and "/brand/" in page
        weight = page_weight(app, response)
        assert weight < BUDGET, (lang, weight, weight - page_weight(app, staff_pages[lang]))
