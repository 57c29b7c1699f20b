"""One fact, one place (P2), "not applicable", completeness agreeing between the
school's dashboard and the district console, the JSON API and the site map."""

import json
import re

from mektep.extensions import db
from mektep.schema import section
from tenants.models import School
from tests.schema.conftest import section_form, staff_form

COMMON = section("common")


def test_head_phone_comes_from_one_record(admin_a, site):
    admin_a.submit("/admin/staff/new", {**staff_form("head"), "publish": "1"})
    listing = admin_a.get("/admin/staff/").get_data(as_text=True)
    (person_id,) = re.findall(r'href="/admin/staff/(\d+)"', listing)
    data = {**staff_form("head"), "telephone": "0555 12 34 56", "publish": "1"}
    admin_a.submit(f"/admin/staff/{person_id}", data)
    public = site("school-a")
    for path in ("/", "/sveden/managers/", "/sveden/"):
        html = public.get(path).get_data(as_text=True)
        assert "tel:+996555123456" in html, path
        assert "+996312541234" not in html.replace('tel:+996312541234"', ""), path
    info = public.get("/api/v1/info").get_json()
    (head,) = info["sections"]["managers"]["values"]["rucovodstvo"]
    assert head["telephone"] == "+996555123456"
    assert head["fio"]["ru"] == "surname по-русски first_name по-русски patronymic по-русски"


def test_school_name_and_email_are_the_school_row(publish, admin_a, site, app):
    data = {
        **section_form(COMMON),
        "fullName_ky": "Жаңы аталыш",
        "fullName_ru": "Новое название",
        "email": "Director@School.KG",
    }
    publish("common", data)
    with app.app_context():
        school = db.session.scalar(db.select(School).where(School.slug == "school-a"))
        assert (school.name_ky, school.name_ru, school.contact_email) == (
            "Жаңы аталыш",
            "Новое название",
            "director@school.kg",
        )
    page = site("school-a").get("/?lang=ru").get_data(as_text=True)
    assert "Новое название" in page and "mailto:director@school.kg" in page
    settings = admin_a.get("/admin/settings").get_data(as_text=True)
    assert "Жаңы аталыш" in settings and "director@school.kg" in settings
    admin_a.submit(
        "/admin/settings",
        {
            "name_ky": "Үчүнчү",
            "name_ru": "Третье",
            "default_language": "ky",
            "contact_email": "third@school.kg",
        },
    )
    common = site("school-a").get("/sveden/common/?lang=ru").get_data(as_text=True)
    assert 'itemprop="fullName">Третье<' in common
    assert "mailto:third@school.kg" in common


def test_editor_cannot_change_the_school_name(editor_a, app):
    data = {**section_form(COMMON), "fullName_ky": "Редактор", "save": "1"}
    assert editor_a.submit("/admin/content/common", data).status_code == 302
    with app.app_context():
        names = db.session.scalars(db.select(School.name_ky)).all()
    assert "Редактор" not in names


def test_not_applicable_is_shown_as_none(publish, site):
    data = {**section_form(section("struct")), "na_filInfo": "y"}
    data = {k: v for k, v in data.items() if not k.startswith("filInfo-")}
    publish("struct", data)
    ky = site("school-a").get("/sveden/struct/").get_data(as_text=True)
    ru = site("school-a").get("/sveden/struct/?lang=ru").get_data(as_text=True)
    assert 'itemprop="filInfo">жок<' in ky
    assert 'itemprop="filInfo">отсутствует<' in ru


def percents(html, pattern):
    return [int(n) for n in re.findall(pattern, html)]


def test_dashboard_and_district_figures_agree(publish, admin_a, site, schools):
    publish("common", {**section_form(COMMON), "address_ru": ""})
    publish("struct", {**section_form(section("struct")), "na_filInfo": "y"})
    admin_a.submit("/admin/staff/new", {**staff_form("head"), "publish": "1"})
    dashboard = admin_a.get("/admin/").get_data(as_text=True)
    school = percents(dashboard, r'class="percent" lang="(?:ky|ru)">[^:]+: <strong>(\d+)%')
    district = site()
    district.login("district@mektep.kg")
    console = district.get("/district/").get_data(as_text=True)
    link = f"/district/schools/{schools['a']}/compliance"
    cell = console.split(f'href="{link}">')[1].split("</a>")[0]
    figures = percents(cell, r'class="percent" lang="(?:ky|ru)">(?:KY|RU) (\d+)%')
    assert school == figures and len(school) == 2
    assert 0 < school[1] < school[0] < 100
    drill = district.get(link).get_data(as_text=True)
    assert percents(drill, r'class="percent" lang="(?:ky|ru)">[^:]+: <strong>(\d+)%') == school


def test_api_keys_follow_the_schema(publish, site):
    publish("common", section_form(COMMON))
    info = site("school-a").get("/api/v1/info").get_json()
    common = info["sections"]["common"]
    assert common["values"]["address"] == {"ky": "address кыргызча", "ru": "address по-русски"}
    assert common["values"]["regDate"] == "1965-09-01"
    assert common["values"]["telephone"] == "+996312541234"
    assert common["values"]["licenseDocLink"] == []
    assert common["title"]["ru"] == "Основные сведения"
    assert info["sections"]["struct"]["values"]["filInfo"] == []
    assert set(info["sections"]) >= {"common", "struct", "education", "managers", "employees"}
    assert site().get("/api/v1/info").status_code == 404


def test_json_ld_and_sitemaps(publish, site):
    publish("common", section_form(COMMON))
    html = site("school-a").get("/sveden/").get_data(as_text=True)
    data = json.loads(html.split('<script type="application/ld+json">')[1].split("</script>")[0])
    assert data["@type"] == "School" and data["telephone"] == "+996312541234"
    assert data["foundingDate"] == "1965-09-01" and data["email"] == "info@school.kg"
    xml = site("school-a").get("/sitemap.xml")
    assert xml.content_type.startswith("application/xml")
    body = xml.get_data(as_text=True).replace("&amp;", "&")
    assert "<loc>http://school-a.mektep.test/sveden/managers/?lang=ru</loc>" in body
    addresses = re.findall(r'<loc>([^<]*)</loc>|href="([^"]*)"', body)
    assert len(addresses) > 10
    for address in (loc or href for loc, href in addresses):
        assert address.startswith("http://school-a.mektep.test/"), address
    page = site("school-a").get("/sitemap?lang=ru").get_data(as_text=True)
    assert "Карта сайта" in page and "/sveden/budget/?lang=ru" in page
    menu = site("school-a").get("/?lang=ru").get_data(as_text=True)
    assert "Сведения об образовательной организации" in menu


def test_json_ld_cannot_end_its_script_block(publish, site):
    data = {**section_form(COMMON), "address_ky": "</script><script>alert(1)</script> & <b>"}
    publish("common", data)
    html = site("school-a").get("/sveden/").get_data(as_text=True)
    block = html.split('<script type="application/ld+json">')[1].split("</script>")[0]
    assert json.loads(block)["address"] == "</script><script>alert(1)</script> & <b>"
    assert "<" not in block and "&" not in block
