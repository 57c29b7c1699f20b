"""Document-link fields: a document attached to a field appears on the field's
public page with the field's itemprop and counts as filled in the checklist."""

import re

from mektep.schema import SECTIONS
from tests.conftest import fixture_path

DOCUMENT_FIELDS = [(s, f) for s in SECTIONS for f in s.fields if f.is_document]


def upload(client, field_key, title):
    with fixture_path("sample.pdf").open("rb") as stream:
        data = {
            "files": (stream, f"{title}.pdf"),
            "kind": "other",
            "field_key": field_key,
            "title_ky": f"{title} кыргызча",
            "title_ru": f"{title} по-русски",
            "publish": "y",
        }
        return client.submit("/admin/documents/upload", data, content_type="multipart/form-data")


def test_every_document_field_shows_its_attached_document(admin_a, site):
    missing_before = admin_a.get("/admin/content/").get_data(as_text=True).count("badge-bad")
    for _section, field in DOCUMENT_FIELDS:
        assert upload(admin_a, field.key, field.name).status_code == 302
    for section, field in DOCUMENT_FIELDS:
        for lang, word in (("ky", "кыргызча"), ("ru", "по-русски")):
            html = (
                site("school-a").get(f"/sveden/{section.slug}/?lang={lang}").get_data(as_text=True)
            )
            assert f'itemprop="{field.itemprop}"' in html, field.key
            assert f"{field.name} {word}" in html, field.key
    missing_after = admin_a.get("/admin/content/").get_data(as_text=True).count("badge-bad")
    required = [field for _section, field in DOCUMENT_FIELDS if field.required]
    assert missing_after == missing_before - 2 * len(required)
    assert (
        site("school-b").get("/sveden/document/").get_data(as_text=True).count("ustavDocLink") == 0
    )


def test_district_figures_count_attached_documents_per_school(admin_a, site, schools):
    for key in ("document.ustavDocLink", "common.licenseDocLink"):
        assert upload(admin_a, key, "doc").status_code == 302
    dashboard = admin_a.get("/admin/").get_data(as_text=True)
    own = re.findall(r'class="percent" lang="(?:ky|ru)">[^:]+: <strong>(\d+)%', dashboard)
    district = site()
    district.login("district@mektep.kg")
    console = district.get("/district/").get_data(as_text=True)
    cells = {
        school: console.split(f'href="/district/schools/{schools[school]}/compliance">')[1]
        for school in ("a", "b")
    }
    pattern = r'class="percent" lang="(?:ky|ru)">(?:KY|RU) (\d+)%'
    assert re.findall(pattern, cells["a"].split("</a>")[0]) == own
    assert re.findall(pattern, cells["b"].split("</a>")[0]) != own
