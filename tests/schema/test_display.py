"""The staff tables' cells worked out in Python (tenants/content/display.py): the
text, its language and how each is drawn, and the page that draws them."""

import pytest
from flask import g
from markupsafe import Markup

from mektep.schema import section
from tenants.content.display import MacroCell, columns_of, staff_cells, staff_table
from tenants.content.models import StaffMember
from tests.schema.conftest import staff_form

TEACHERS = section("employees").staff_lists[0]
MARKS = {True: Markup('<span class="missing">missing</span>'), False: "—"}


@pytest.fixture
def in_russian(app):
    with app.test_request_context("/"):
        g.lang = "ru"
        yield


def cells_by_name(person, lang="ru", microdata=True):
    columns = columns_of(TEACHERS, lang, microdata, MARKS)
    ((name, cells),) = staff_cells(columns, [person], lang)
    return name, {
        column.name: column.empty if cell is None else cell
        for column, cell in zip(columns, cells, strict=True)
    }


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
    assert cells["post"] == '<td itemprop="post" lang="ky">мугалим</td>'
    assert (
        cells["teachingDiscipline"] == '<td itemprop="teachingDiscipline">Математика и алгебра</td>'
    )
    assert cells["teachingLevel"] == '<td itemprop="teachingLevel">Высшее образование</td>'
    assert cells["genExperience"] == '<td itemprop="genExperience">12\xa0345</td>'
    assert cells["specExperience"] == '<td itemprop="specExperience">0</td>'
    assert cells["profDevelopment"] == (
        '<td itemprop="employeeQualification profDevelopment">'
        "<details><summary>2020 — Курс;</summary>Б</details></td>"
    )
    assert cells["publications"] == MacroCell(TEACHERS.fields[-1], {"ru": "<p>Статья</p>"})
    assert cells["qualification"] == (
        '<td data-label="Квалификационная категория"><span class="missing">missing</span></td>'
    )


def test_without_microdata_cells_carry_only_their_language(in_russian):
    person = StaffMember(data={"post": {"ky": "мугалим"}, "profDevelopment": [{"year": 2020}]})
    _name, cells = cells_by_name(person, microdata=False)
    assert cells["post"] == '<td lang="ky">мугалим</td>'
    assert cells["profDevelopment"] == "<td>2020</td>"


def test_an_empty_record_has_only_empty_cells(in_russian):
    name, cells = cells_by_name(StaffMember(data={}))
    assert name == ""
    assert all(cell.startswith('<td data-label="') for cell in cells.values())
    assert cells["publications"] == '<td data-label="Публикации">—</td>'


def test_values_of_the_wrong_shape_are_text_or_nothing(in_russian):
    """Stored values the form would refuse: a plain string where a translated
    text is expected reads as nothing, a dict in a one-language field is
    escaped text, a text only in a third language is missing."""
    person = StaffMember(
        data={
            "post": "<b>not translated</b>",
            "teachingDiscipline": {"en": "English only"},
            "teachingLevel": "<i>unknown</i>",
            "employeeQualification": {"ru": {"<b>": 1}},
        }
    )
    _name, cells = cells_by_name(person)
    assert cells["post"].startswith('<td data-label="Должность">')
    assert cells["teachingDiscipline"].startswith('<td data-label="Преподаваемые предметы">')
    assert cells["teachingLevel"] == '<td itemprop="teachingLevel">&lt;i&gt;unknown&lt;/i&gt;</td>'
    assert cells["employeeQualification"] == (
        '<td itemprop="teachingQual">{&#39;&lt;b&gt;&#39;: 1}</td>'
    )


@pytest.mark.parametrize(
    ("data", "cell"),
    [
        ({"teachingLevel": ["higher"]}, '<td itemprop="teachingLevel">[&#39;higher&#39;]</td>'),
        (
            {"teachingLevel": {"ru": "<b>"}},
            '<td itemprop="teachingLevel">{&#39;ru&#39;: &#39;&lt;b&gt;&#39;}</td>',
        ),
        ({"genExperience": [1]}, '<td itemprop="genExperience">[1]</td>'),
        ({"genExperience": "<b>twenty"}, '<td itemprop="genExperience">&lt;b&gt;twenty</td>'),
        (
            {"profDevelopment": [1, {"year": 2020}]},
            '<td itemprop="employeeQualification profDevelopment">2020</td>',
        ),
        (
            {"profDevelopment": {"year": 2021}},
            '<td itemprop="employeeQualification profDevelopment">2021</td>',
        ),
        (
            {"profDevelopment": "a course"},
            '<td data-label="Повышение квалификации и профессиональная переподготовка">'
            '<span class="missing">missing</span></td>',
        ),
    ],
)
def test_a_choice_number_or_group_of_another_shape_is_shown_as_text(in_russian, data, cell):
    """Stored values no form writes (an archive from elsewhere): a list or dict
    for a choice, a word for a number, a group that is not a list of records,
    are drawn as escaped text or as the records there are, never a failed page."""
    ((name, _value),) = data.items()
    _name, cells = cells_by_name(StaffMember(data=data))
    assert cells[name] == cell


def test_a_cell_only_the_macro_can_draw_splits_the_rows_html(in_russian):
    people = [StaffMember(data={"publications": {"ru": "<p>Статья</p>"}})]
    _labels, body = staff_table(TEACHERS, people, "ru", MARKS)
    first, cell, last = body
    assert first.endswith('<span class="missing">missing</span></td>')
    assert cell == MacroCell(TEACHERS.fields[-1], {"ru": "<p>Статья</p>"})
    assert last == "</tr>"


def test_the_table_leaves_out_a_column_nobody_filled_and_joins_its_rows(in_russian):
    people = [StaffMember(data={"surname": {"ru": "<А>"}}), StaffMember(data={})]
    labels, body = staff_table(TEACHERS, people, "ru", MARKS)
    assert "Публикации" not in labels and len(labels) == len(TEACHERS.fields) - 1
    (html,) = body
    assert isinstance(html, Markup)
    assert html.startswith(
        '<tr itemprop="teachingStaff" itemscope><th scope="row" itemprop="fio">&lt;А&gt;</th>'
    )
    assert html.count("<tr") == 2 and html.endswith("</tr>")


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
        "profDevelopment-0-course_ru": hostile,
        "profDevelopment-1-year": "2001",
        "profDevelopment-1-course_ru": hostile,
    }
    response = admin_a.submit("/admin/staff/new", {**data, "publish": "1"})
    assert response.status_code == 302
    html = site("school-a").get("/sveden/employees/?lang=ru").get_data(as_text=True)
    escaped = "&lt;script&gt;alert(1)&lt;/script&gt;&#34;&gt;&lt;img src=x onerror=alert(2)&gt;"
    assert f'<td itemprop="post">{escaped}</td>' in html
    assert f'<td itemprop="teachingDiscipline">{escaped}</td>' in html
    assert f'<td itemprop="teachingQual">{escaped}</td>' in html
    assert f'<th scope="row" itemprop="fio">{escaped} ' in html
    # A course is a line of its own: the first on show, the others behind a disclosure.
    assert f"<details><summary>1950 — {escaped};</summary>2001 — {escaped}</details>" in html
    assert "<script>alert(1)" not in html and "<img src=x" not in html


def test_columns_are_made_once_for_each_language_and_marks(app):
    with app.test_request_context("/"):
        g.lang = "ru"
        russian = columns_of(TEACHERS, "ru", True, MARKS)
        assert columns_of(TEACHERS, "ru", True, MARKS) is russian
        other_marks = {True: Markup("<span>нет</span>"), False: "—"}
        assert columns_of(TEACHERS, "ru", True, other_marks)[0].empty != russian[0].empty
    with app.test_request_context("/"):
        g.lang = "ky"
        kyrgyz = columns_of(TEACHERS, "ky", True, MARKS)
    assert kyrgyz is not russian
    assert [c.label for c in kyrgyz] != [c.label for c in russian]
    assert kyrgyz[0].openings[None] == russian[0].openings[None]
