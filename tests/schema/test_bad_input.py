"""Bad input of each kind gets a localized message, a 400, and keeps what was typed;
rich text is sanitized on save so no script reaches a public page."""

import pytest

from mektep.schema import section
from tests.conftest import nothing_changes
from tests.schema.conftest import section_form, staff_form

XSS_PAYLOADS = [
    "<script>alert(1)</script>",
    '<img src=x onerror="alert(1)">',
    "<svg onload=alert(1)><p>svg</p>",
    '<a href="javascript:alert(1)">click</a>',
    '<p style="background:url(javascript:alert(1))" onclick="alert(1)">styled</p>',
    '<iframe src="https://evil.example"></iframe>',
    "<style>body{display:none}</style>",
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
    '"><script>alert(document.cookie)</script>',
    "<body onload=alert(1)>",
    '<a href="JaVaScRiPt:alert(1)">x</a>',
    '<object data="data:text/html,<script>alert(1)</script>"></object>',
]

BAD = [
    (
        "common",
        "telephone",
        "12345",
        {
            "ru": "Введите киргизский номер телефона",
            "ky": "Кыргызстандын телефон номерин",
        },
    ),
    ("common", "telephone", "+7 495 123 45 67", {"ru": "Введите киргизский номер телефона"}),
    ("common", "email", "not-an-address@", {"ru": "Введите правильный адрес электронной почты"}),
    (
        "common",
        "regDate",
        "2999-01-01",
        {
            "ru": "Эта дата не может быть в будущем",
            "ky": "Бул дата келечекте боло албайт",
        },
    ),
    ("common", "regDate", "31.02.2001", {"ru": "Введите настоящую дату"}),
    ("struct", "structOrgUprav-0-site", "javascript:alert(1)", {"ru": "Введите полный веб-адрес"}),
    ("education", "eduChislenEl-0-numberAll", "-5", {"ru": "Введите число не меньше 0"}),
    ("education", "eduChislenEl-0-numberAll", "много", {"ru": "Введите целое число"}),
    ("common", "address_ru", "д" * 501, {"ru": "Не более 500 символов"}),
]


@pytest.mark.parametrize(("slug", "name", "typed", "messages"), BAD)
def test_bad_value_gets_a_localized_message_and_keeps_what_was_typed(
    app, admin_a, slug, name, typed, messages
):
    data = {**section_form(section(slug)), name: typed}
    for lang, message in messages.items():
        with nothing_changes(app):
            response = admin_a.submit(f"/admin/content/{slug}?lang={lang}", {**data, "save": "1"})
        html = response.get_data(as_text=True)
        assert response.status_code == 400
        assert message in html, (lang, message)
        assert "address кыргызча" in html or slug != "common"
        if len(typed) < 100:
            assert f'value="{typed}"' in html.replace("&#34;", '"') or typed in html


def test_specialty_experience_above_total_is_refused(app, admin_a):
    data = {**staff_form(), "genExperience": "5", "specExperience": "9", "save": "1"}
    with nothing_changes(app):
        response = admin_a.submit("/admin/staff/new?lang=ru", data)
    html = response.get_data(as_text=True)
    assert response.status_code == 400
    assert "Стаж по специальности не может быть больше общего стажа" in html
    assert 'value="9"' in html and "surname по-русски" in html


def test_a_course_year_must_be_a_year(app, admin_a):
    data = {**staff_form(), "profDevelopment-0-year": "1850"}
    with nothing_changes(app):
        response = admin_a.submit("/admin/staff/new?lang=ru", data)
    html = response.get_data(as_text=True)
    assert response.status_code == 400
    assert "Введите число не меньше 1950" in html and 'value="1850"' in html


def test_negative_experience_is_refused(app, admin_a):
    with nothing_changes(app):
        response = admin_a.submit(
            "/admin/staff/new?lang=ky", {**staff_form(), "genExperience": "-1"}
        )
    assert response.status_code == 400
    assert "Кеминде 0 болгон санды жазыңыз" in response.get_data(as_text=True)


def test_phones_in_any_common_writing_are_stored_as_plus_996(admin_a, site, publish):
    for typed in ("0312 54-12-34", "(0312) 541234", "+996 312 541 234", "996312541234"):
        publish("common", {**section_form(section("common")), "telephone": typed})
        page = site("school-a").get("/sveden/common/").get_data(as_text=True)
        assert 'href="tel:+996312541234"' in page


def test_xss_payloads_never_reach_the_public_page(publish, site):
    payload = "".join(XSS_PAYLOADS)
    data = {**section_form(section("objects")), "comNet_ky": payload, "comNet_ru": payload}
    publish("objects", data)
    for lang in ("ky", "ru"):
        html = site("school-a").get(f"/sveden/objects/?lang={lang}").get_data(as_text=True)
        body = html.split('itemprop="comNet"', 1)[1].split("</div>", 1)[0].lower()
        for marker in (
            "<script",
            "onerror",
            "onload",
            "onclick",
            "javascript:",
            "<iframe",
            "<style",
            "<svg",
            "<object",
            "style=",
        ):
            assert marker not in body, marker
        assert "styled" in body and "click" in body


def test_an_editors_rejected_form_still_shows_the_school_name(app, editor_a):
    data = {**section_form(section("common")), "telephone": "12345", "save": "1"}
    data.pop("fullName_ky")
    data.pop("fullName_ru")
    with nothing_changes(app):
        response = editor_a.submit("/admin/content/common", data)
    assert response.status_code == 400
    html = response.get_data(as_text=True)
    assert 'value="school-a мектеби"' in html and 'value="Школа school-a"' in html


def test_only_one_head(app, admin_a):
    admin_a.submit("/admin/staff/new", {**staff_form("head", tag="-1"), "publish": "1"})
    with nothing_changes(app):
        response = admin_a.submit("/admin/staff/new?lang=ru", {**staff_form("head", tag="-2")})
    html = response.get_data(as_text=True)
    assert response.status_code == 400
    assert "уже отмечен(а) как директор" in html and "surname-2 по-русски" in html
