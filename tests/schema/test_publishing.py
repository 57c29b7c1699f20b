"""Every I-item: entered by an admin in both languages, published, and shown on
the public page in ky and ru with its itemprop; drafts are never public."""

import re

import pytest
from flask_babel import force_locale

from mektep.schema import SECTIONS
from tests.conftest import assert_sent_to_sign_in, nothing_changes
from tests.schema.conftest import sample, section_form, staff_form
from tests.schema.formparse import form_values

EDITABLE = [s for s in SECTIONS if s.editable]


def in_locale(app, text, lang):
    with app.test_request_context(), force_locale(lang):
        return str(text)


def itemprop_values(html, itemprop):
    """Texts of the elements whose itemprop lists `itemprop` (or is exactly it)."""
    pattern = rf'itemprop="(?:[^"]* )?{itemprop}(?: [^"]*)?"[^>]*>(.*?)</'
    return [re.sub(r"<[^>]+>", "", v).strip() for v in re.findall(pattern, html, re.S)]


@pytest.mark.parametrize("section", EDITABLE, ids=lambda s: s.slug)
def test_every_field_of_a_section_is_published_in_both_languages(section, publish, site, app):
    publish(section.slug, section_form(section))
    for lang in ("ky", "ru"):
        page = site("school-a").get(f"/sveden/{section.slug}/?lang={lang}")
        html = page.get_data(as_text=True)
        assert page.status_code == 200
        for field in section.fields + [f for g in section.groups for f in g.fields]:
            if field.is_document:
                continue
            values = itemprop_values(html, field.itemprop)
            if field.kind == "date":
                assert f'<time datetime="1965-09-01" itemprop="{field.itemprop}"' in html
                continue
            shown = sample(field, lang)[1] or in_locale(
                app, field.choice_label(sample(field)[0]), lang
            )
            assert any(shown in value for value in values), (field.key, lang, values[:3])
        for group in section.groups:
            assert f'itemprop="{group.itemprop}"' in html


def test_staff_are_published_on_managers_and_employees(admin_a, site):
    response = admin_a.submit("/admin/staff/new", {**staff_form("head"), "publish": "1"})
    assert response.status_code == 302
    for lang in ("ky", "ru"):
        managers = site("school-a").get(f"/sveden/managers/?lang={lang}").get_data(as_text=True)
        word = "кыргызча" if lang == "ky" else "по-русски"
        assert 'itemprop="rucovodstvo"' in managers
        assert f"surname {word} first_name {word} patronymic {word}" in itemprop_values(
            managers, "fio"
        )
        assert "+996 312 541 234" in itemprop_values(managers, "telephone")
        assert "info@school.kg" in itemprop_values(managers, "email")
        employees = site("school-a").get(f"/sveden/employees/?lang={lang}").get_data(as_text=True)
        for prop in ("teachingDiscipline", "employeeQualification", "profDevelopment"):
            assert any(word in v for v in itemprop_values(employees, prop)), prop
        assert f"1950 — course {word}" in employees
        assert itemprop_values(employees, "genExperience") == ["20"]
        assert itemprop_values(employees, "specExperience") == ["15"]


def test_editor_draft_is_never_public(app, editor_a, admin_a, site, publish):
    common = SECTIONS[0]
    publish("common", section_form(common, tag="-v1"))
    response = editor_a.submit(
        "/admin/content/common", {**section_form(common, tag="-v2"), "save": "1"}
    )
    assert response.status_code == 302
    page = site("school-a").get("/sveden/common/").get_data(as_text=True)
    assert "address-v1" in page and "address-v2" not in page
    with nothing_changes(app):
        response = editor_a.submit(
            "/admin/content/common", {**section_form(common), "publish": "1"}
        )
    assert response.status_code == 403
    form = admin_a.get("/admin/content/common").get_data(as_text=True)
    assert "address-v2" in form


def test_unpublished_section_shows_missing_not_blank(site, schools):
    page = site("school-a").get("/sveden/common/?lang=ru").get_data(as_text=True)
    assert page.count("Пока не указано") >= 5


@pytest.mark.parametrize("section", EDITABLE, ids=lambda s: s.slug)
def test_a_form_sent_back_as_shown_keeps_every_value(section, publish, admin_a, site):
    publish(section.slug, section_form(section))
    before = site("school-a").get(f"/admin/content/{section.slug}")
    shown = form_values(admin_a.get(f"/admin/content/{section.slug}").get_data(as_text=True))
    assert shown.disabled == []
    values = {k: v for k, v in shown.values.items() if k != "csrf_token"}
    assert (
        admin_a.submit(f"/admin/content/{section.slug}", {**values, "publish": "1"}).status_code
        == 302
    )
    info = site("school-a").get("/api/v1/info").get_json()["sections"][section.slug]
    again = form_values(admin_a.get(f"/admin/content/{section.slug}").get_data(as_text=True))
    assert {k: v for k, v in again.values.items() if k != "csrf_token"} == values
    assert_sent_to_sign_in(before)
    assert info["values"]


def test_every_item_of_the_regulation_has_a_required_member():
    items = set()
    for section in SECTIONS:
        for member in section.members:
            fields = member.fields if member.member_type != "field" else [member]
            items.update(f.item for f in fields if f.required and f.item)
            if member.required and member.item:
                items.add(member.item)
    assert {f"I{n}" for n in range(1, 20)} <= items


def test_the_checklist_names_every_item(admin_a):
    html = admin_a.get("/admin/content/").get_data(as_text=True)
    ids = re.findall(r'<span class="item-id">([^<]+)</span>', html)
    listed = {item for both in ids for item in both.split(", ")}  # "I7, I12": two items
    assert {"I1", "I2", "I3", "I4–I6", "I7", "I13", "I14", "I15", "I16", "I18", "I19"} <= listed
    assert {f"I{n}" for n in range(7, 20)} <= listed
