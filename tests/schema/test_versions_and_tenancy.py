"""History and restore of sections; school B never sees school A's values, by
host or by id; other schools' admins are kept out."""

import re

from mektep.extensions import db
from mektep.schema import section
from tenants.content.models import SectionContent, StaffMember
from tenants.versioning import Revision
from tests.conftest import assert_redirect, nothing_changes
from tests.schema.conftest import section_form, staff_form

COMMON = section("common")


def revision_ids(html):
    return [int(i) for i in re.findall(r"/admin/content/common/history/(\d+)", html)]


def test_restore_brings_an_old_version_back(admin_a, publish, site):
    publish("common", section_form(COMMON, tag="-v1"))
    publish("common", section_form(COMMON, tag="-v2"))
    assert "address-v2" in site("school-a").get("/sveden/common/").get_data(as_text=True)
    history = admin_a.get("/admin/content/common/history").get_data(as_text=True)
    newest, oldest = revision_ids(history)
    old = admin_a.get(f"/admin/content/common/history/{oldest}").get_data(as_text=True)
    assert "address-v1" in old and "address-v2" not in old
    response = admin_a.submit(
        f"/admin/content/common/history/{oldest}/restore",
        {},
        form_page=f"/admin/content/common/history/{oldest}",
    )
    assert response.status_code == 302
    page = site("school-a").get("/sveden/common/?lang=ru").get_data(as_text=True)
    assert "address-v1 по-русски" in page and "address-v2" not in page
    assert "fullName-v1 по-русски" in page
    assert (
        len(revision_ids(admin_a.get("/admin/content/common/history").get_data(as_text=True))) == 3
    )


def test_editor_cannot_restore(app, admin_a, editor_a, publish):
    publish("common", section_form(COMMON))
    history = admin_a.get("/admin/content/common/history").get_data(as_text=True)
    (revision,) = revision_ids(history)
    restore = f"/admin/content/common/history/{revision}/restore"
    with nothing_changes(app):
        response = editor_a.submit(restore, {}, form_page="/admin/content/common")
    assert response.status_code == 403
    response = admin_a.submit(restore, {}, form_page="/admin/content/common")
    assert_redirect(response, "/admin/content/common")
    history = admin_a.get("/admin/content/common/history").get_data(as_text=True)
    assert len(revision_ids(history)) == 2


def test_school_b_never_shows_school_a_values(publish, admin_a, site):
    publish("common", section_form(COMMON, tag="-a"))
    admin_a.submit("/admin/staff/new", {**staff_form("head", tag="-a"), "publish": "1"})
    admin_a.submit("/admin/staff/new", {**staff_form("teacher", tag="-ta"), "publish": "1"})
    # Positive control, and school A's pages rendered first: what a process
    # keeps of them (the page cache, the per-school memo) must not reach B.
    assert "address-a" in site("school-a").get("/sveden/common/").get_data(as_text=True)
    assert "surname-a" in site("school-a").get("/sveden/managers/").get_data(as_text=True)
    assert "surname-ta" in site("school-a").get("/sveden/employees/").get_data(as_text=True)
    assert "address-a" in site("school-a").get("/").get_data(as_text=True)
    for path in (
        "/sveden/common/",
        "/sveden/managers/",
        "/sveden/employees/",
        "/api/v1/info",
        "/",
        "/sveden/",
    ):
        assert "-a" not in site("school-b").get(path).get_data(as_text=True).replace("school-a", "")
        assert "address-a" not in site("school-b").get(path).get_data(as_text=True)
        assert "surname-a" not in site("school-b").get(path).get_data(as_text=True)
        assert "surname-ta" not in site("school-b").get(path).get_data(as_text=True)


def test_other_school_ids_are_404_on_own_host(publish, admin_a, site, app):
    publish("common", section_form(COMMON))
    admin_a.submit("/admin/staff/new", {**staff_form("head"), "publish": "1"})
    with app.app_context():
        person_id = db.session.scalar(db.select(StaffMember.id))
        revision_id = db.session.scalar(db.select(Revision.id).where(Revision.kind == "section"))
        item_id = db.session.scalar(db.select(SectionContent.id))
    admin_b = site("school-b")
    admin_b.login("admin@b.kg")
    restore = f"/admin/content/common/history/{revision_id}/restore"
    person = {**staff_form("head", tag="-b"), "publish": "1"}
    with nothing_changes(app):
        assert admin_b.get(f"/admin/staff/{person_id}").status_code == 404
        assert admin_b.get(f"/admin/content/item/{item_id}").status_code == 404
        assert admin_b.get(f"/admin/content/common/history/{revision_id}").status_code == 404
        for action in ("delete", "move/up", "move/down"):
            response = admin_b.submit(
                f"/admin/staff/{person_id}/{action}", {}, form_page="/admin/staff/"
            )
            assert response.status_code == 404, action
        assert admin_b.submit(restore, {}, form_page="/admin/staff/").status_code == 404
        response = admin_b.submit(f"/admin/staff/{person_id}", person, form_page="/admin/staff/")
        assert response.status_code == 404
    # The same ids on their own school's host.
    assert admin_a.get(f"/admin/staff/{person_id}").status_code == 200
    assert_redirect(admin_a.get(f"/admin/content/item/{item_id}"), "/admin/content/common")
    assert admin_a.get(f"/admin/content/common/history/{revision_id}").status_code == 200
    response = admin_a.submit(restore, {}, form_page="/admin/staff/")
    assert_redirect(response, "/admin/content/common")
    response = admin_a.submit(f"/admin/staff/{person_id}/delete", {}, form_page="/admin/staff/")
    assert_redirect(response, "/admin/staff/")


def test_other_schools_admin_is_kept_out(app, admin_b_on_a, admin_a, publish):
    publish("common", section_form(COMMON, tag="-a"))
    paths = ("/admin/content/", "/admin/content/common", "/admin/staff/")
    writes = (
        ("/admin/content/common", {**section_form(COMMON, tag="-b"), "publish": "1"}),
        ("/admin/staff/new", {**staff_form("head", tag="-b"), "publish": "1"}),
    )
    with nothing_changes(app):
        for path in paths:
            assert admin_b_on_a.get(path).status_code == 403, path
        for path, data in writes:
            assert admin_b_on_a.submit(path, data).status_code == 403, path
    for path in paths:
        assert admin_a.get(path).status_code == 200, path
    for path, data in writes:
        assert admin_a.submit(path, data).status_code == 302, path


def test_staff_order_and_trash(admin_a, site):
    for tag in ("-first", "-second"):
        admin_a.submit("/admin/staff/new", {**staff_form("teacher", tag=tag), "publish": "1"})
    page = site("school-a").get("/sveden/employees/").get_data(as_text=True)
    assert page.index("surname-first") < page.index("surname-second")
    listing = admin_a.get("/admin/staff/").get_data(as_text=True)
    second_id = re.findall(r"/admin/staff/(\d+)/move/up", listing)[0]
    assert (
        admin_a.submit(
            f"/admin/staff/{second_id}/move/up", {}, form_page="/admin/staff/"
        ).status_code
        == 302
    )
    page = site("school-a").get("/sveden/employees/").get_data(as_text=True)
    assert page.index("surname-second") < page.index("surname-first")
    admin_a.submit(f"/admin/staff/{second_id}/delete", {}, form_page="/admin/staff/")
    assert "surname-second" not in site("school-a").get("/sveden/employees/").get_data(as_text=True)


def test_editor_drafts_staff_and_an_admin_publishes(editor_a, admin_a, site):
    response = editor_a.submit("/admin/staff/new", {**staff_form("teacher", tag="-e"), "save": "1"})
    assert response.status_code == 302
    person_path = response.headers["Location"].replace("http://school-a.mektep.test", "")
    assert "surname-e" not in site("school-a").get("/sveden/employees/").get_data(as_text=True)
    with nothing_changes(editor_a.app):
        forbidden = editor_a.submit(
            person_path, {**staff_form("teacher", tag="-e"), "publish": "1"}
        )
        assert forbidden.status_code == 403
        moved = editor_a.submit(f"{person_path}/move/up", {}, form_page="/admin/staff/")
        assert moved.status_code == 403
    assert (
        admin_a.submit(person_path, {**staff_form("teacher", tag="-e"), "publish": "1"}).status_code
        == 302
    )
    assert "surname-e" in site("school-a").get("/sveden/employees/").get_data(as_text=True)
