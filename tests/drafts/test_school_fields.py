"""The school's own name and e-mail (stored on the School row, shown on every
page) are drafted and published like any other content, from the mandated
section and from the settings page alike, with one history."""

from mektep.schema import section
from tests.schema.conftest import section_form
from tests.test_school_admin import school

from .conftest import changed_paths, public_view, published_versions, user_id

COMMON = section("common")
DRAFT_NAMES = {
    "fullName_ky": "Долбоор аталыш",
    "fullName_ru": "Черновое название",
    "email": "draft@school.kg",
}


def school_row(app, school_id):
    saved = school(app, school_id)
    return saved.name_ky, saved.name_ru, saved.contact_email, saved.published_by_id


def school_versions(app, school_id):
    return published_versions(app, "school", school_id, "name_ru")


def test_a_draft_of_a_never_published_section_keeps_the_schools_name(
    app, admin_a, second_admin_a, site, schools
):
    visitor = site("school-a")
    before = public_view(visitor)
    stored = school_row(app, schools["a"])
    data = {**section_form(COMMON), **DRAFT_NAMES}
    response = admin_a.submit("/admin/content/common?lang=en", {**data, "save": "1"})
    assert response.status_code == 302
    flashed = admin_a.get(response.headers["Location"]).get_data(as_text=True)
    assert "The public does not see it until an administrator publishes it." in flashed

    assert changed_paths(before, public_view(visitor)) == []
    assert school_row(app, schools["a"]) == stored
    # Both pages that edit these fields show the draft.
    for page in ("/admin/content/common?lang=en", "/admin/settings?lang=en"):
        html = admin_a.get(page).get_data(as_text=True)
        assert 'value="Черновое название"' in html and 'value="draft@school.kg"' in html, page
        assert "waits to be published" in html, page

    response = second_admin_a.submit("/admin/content/common", {**data, "publish": "1"})
    assert response.status_code == 302
    home = visitor.get("/?lang=ru").get_data(as_text=True)
    assert "Черновое название" in home and "mailto:draft@school.kg" in home
    second_id = user_id(app, "admin2@a.kg")
    assert school_row(app, schools["a"]) == (
        "Долбоор аталыш",
        "Черновое название",
        "draft@school.kg",
        second_id,
    )
    assert school_versions(app, schools["a"]) == [(second_id, "Черновое название")]
    assert "waits to be published" not in admin_a.get("/admin/settings?lang=en").get_data(
        as_text=True
    )


def test_a_draft_of_a_published_section_keeps_the_schools_name(app, admin_a, site, schools):
    path = "/admin/content/common"
    assert admin_a.submit(path, {**section_form(COMMON), "publish": "1"}).status_code == 302
    visitor = site("school-a")
    before = public_view(visitor)
    response = admin_a.submit(path, {**section_form(COMMON), **DRAFT_NAMES, "save": "1"})
    assert response.status_code == 302
    assert changed_paths(before, public_view(visitor)) == []
    assert 'value="Черновое название"' in admin_a.get(path).get_data(as_text=True)


def test_settings_and_the_section_publish_the_name_the_same_way(app, admin_a, site, schools):
    settings = {
        "name_ky": "Жөндөөдөн",
        "name_ru": "Из настроек",
        "default_language": "ky",
        "contact_email": "settings@school.kg",
    }
    assert admin_a.submit("/admin/settings", settings).status_code == 302
    data = {**section_form(COMMON), **DRAFT_NAMES, "publish": "1"}
    assert admin_a.submit("/admin/content/common", data).status_code == 302

    admin_id = user_id(app, "admin@a.kg")
    assert school_versions(app, schools["a"]) == [
        (admin_id, "Из настроек"),
        (admin_id, "Черновое название"),
    ]
    history = admin_a.get(f"/admin/history/school/{schools['a']}?lang=en")
    assert history.status_code == 200
    assert history.get_data(as_text=True).count("Read this version") == 2
    assert "Черновое название" in site("school-a").get("/?lang=ru").get_data(as_text=True)
    # Another school's admin reaches neither the history nor the name.
    admin_b = site("school-b")
    admin_b.login("admin@b.kg")
    assert admin_b.get(f"/admin/history/school/{schools['a']}").status_code == 404
    assert admin_b.get(f"/admin/history/school/{schools['b']}").status_code == 200


def test_an_unchanged_name_adds_no_version(app, admin_a, schools):
    data = {**section_form(COMMON), "publish": "1"}
    data |= {"fullName_ky": "school-a мектеби", "fullName_ru": "Школа school-a"}
    data["email"] = ""
    assert admin_a.submit("/admin/content/common", data).status_code == 302
    assert school_versions(app, schools["a"]) == []
