"""The staff tables' cells worked out in Python (tenants/content/display.py): the
text, its language and how each is drawn, and the page that draws them."""

import pytest
from flask import g

from mektep.schema import section
from tenants.content.display import staff_rows
from tenants.content.models import StaffMember
from tests.schema.conftest import staff_form

TEACHERS = section("employees").staff_lists[0]


@pytest.fixture
def in_russian(app):
    with app.test_request_context("/"):
        g.lang = "ru"
        yield


def cells_by_name(person, lang="ru"):
    (row,) = staff_rows(TEACHERS, [person], lang)
    return row.name, {cell.field.name: cell for cell in row.cells}


def test_cells_are_the_texts_the_public_reads(in_russian):
    person = StaffMember(
        data={
            "surname": {"ky": "Асанова", "ru": ""},
            "first_name": {"ru": "Айгуль"},
            "post": {"ky": "мугалим", "ru": ""},
            "teachingDiscipline": {"ky": "Математика", "ru": "Математика и алгебра"},
            "teachingLevel": "higher",
            "genExperience": 12345,
            "specExperience": 0,
            "profDevelopment": [{"year": 2020, "course": {"ky": "Курс"}}, {"course": {"ru": "Б"}}],
            "publications": {"ru": "<p>Статья</p>"},
        }
    )
    name, cells = cells_by_name(person)
    assert name == "Асанова Айгуль"
    assert (cells["post"].text, cells["post"].lang, cells["post"].style) == (
        "мугалим",
        "ky",
        "plain",
    )
    assert (cells["teachingDiscipline"].text, cells["teachingDiscipline"].lang) == (
        "Математика и алгебра",
        None,
    )
    assert cells["teachingLevel"].text == "Высшее образование"
    assert cells["genExperience"].text == "12\xa0345"
    assert (cells["specExperience"].text, cells["specExperience"].style) == ("0", "plain")
    assert cells["profDevelopment"].style == "lines"
    assert cells["profDevelopment"].text == ["2020 — Курс", "Б"]
    assert cells["publications"].style == "macro"
    assert [cells[name].style for name in ("qualification", "employeeQualification")] == [
        "empty",
        "empty",
    ]


def test_an_empty_record_has_only_empty_cells(in_russian):
    name, cells = cells_by_name(StaffMember(data={}))
    assert name == ""
    assert {cell.style for cell in cells.values()} == {"empty"}
    assert {cell.text for cell in cells.values()} == {None}


def test_staff_page_draws_the_cells_with_their_microdata(admin_a, site):
    data = {**staff_form(), "post_ru": "", "publications_ky": "", "publications_ru": ""}
    admin_a.submit("/admin/staff/new", {**data, "publish": "1"})
    html = site("school-a").get("/sveden/employees/?lang=ru").get_data(as_text=True)
    assert '<td itemprop="post" lang="ky">post кыргызча</td>' in html
    assert '<td itemprop="genExperience">20</td>' in html
    assert '<td itemprop="employeeQualification profDevelopment">' in html
    # Nobody has publications: the optional column is left out, not a column of dashes.
    assert "Публикации" not in html and 'itemprop="publications"' not in html


def test_hostile_staff_values_stay_escaped_in_every_cell(admin_a, site):
    hostile = '<script>alert(1)</script>"><img src=x onerror=alert(2)>'
    data = {
        **staff_form(),
        "surname_ru": hostile,
        "post_ru": hostile,
        "teachingDiscipline_ru": hostile,
        "employeeQualification_ru": hostile,
    }
    response = admin_a.submit("/admin/staff/new", {**data, "publish": "1"})
    assert response.status_code == 302
    html = site("school-a").get("/sveden/employees/?lang=ru").get_data(as_text=True)
    escaped = "&lt;script&gt;alert(1)&lt;/script&gt;&#34;&gt;&lt;img src=x onerror=alert(2)&gt;"
    assert f'<td itemprop="post">{escaped}</td>' in html
    assert f'<td itemprop="teachingDiscipline">{escaped}</td>' in html
    assert f'<td itemprop="teachingQual">{escaped}</td>' in html
    assert f'<th scope="row" itemprop="fio">{escaped} ' in html
    assert "<script>alert(1)" not in html and "<img src=x" not in html
