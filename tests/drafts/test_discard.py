"""A pending draft is discarded by its author or by an admin, never by another editor."""

from mektep.audit import AuditEntry
from mektep.extensions import db
from mektep.schema import section
from tenants.content.models import SectionContent
from tenants.models import School
from tenants.versioning import Revision
from tests.schema.conftest import section_form

STRUCT = section("struct")
COMMON = section("common")
SECTION = "/admin/content/struct"
DISCARD = "/admin/content/struct/discard"
DISCARD_LABEL = "Discard the draft"


def drafts(app):
    """(kind, author's e-mail) of every pending draft of school A."""
    with app.app_context():
        return sorted(
            (revision.kind, revision.author.email)
            for revision in db.session.scalars(
                db.select(Revision).where(Revision.status == "draft")
            )
        )


def denials(app):
    with app.app_context():
        return db.session.scalar(
            db.select(db.func.count(AuditEntry.id)).where(AuditEntry.action == "admin.denied")
        )


def draft_struct(client, tag):
    response = client.submit(SECTION, {**section_form(STRUCT, tag=tag), "save": "1"})
    assert response.status_code == 302


def test_an_editor_cannot_discard_an_admins_draft(app, admin_a, editor_a):
    assert admin_a.submit(SECTION, {**section_form(STRUCT), "publish": "1"}).status_code == 302
    draft_struct(admin_a, "-админ")
    assert DISCARD_LABEL not in editor_a.get(f"{SECTION}?lang=en").get_data(as_text=True)
    response = editor_a.submit(DISCARD, {}, form_page=SECTION)
    assert response.status_code == 403
    assert drafts(app) == [("section", "admin@a.kg")]
    assert denials(app) == 1
    # Its author (an admin) may.
    assert admin_a.submit(DISCARD, {}, form_page=SECTION).status_code == 302
    assert drafts(app) == []


def test_an_editor_discards_their_own_draft_and_an_admin_any(app, admin_a, editor_a):
    assert admin_a.submit(SECTION, {**section_form(STRUCT), "publish": "1"}).status_code == 302
    draft_struct(editor_a, "-редактор")
    assert DISCARD_LABEL in editor_a.get(f"{SECTION}?lang=en").get_data(as_text=True)
    assert editor_a.submit(DISCARD, {}, form_page=SECTION).status_code == 302
    assert drafts(app) == []
    draft_struct(editor_a, "-редактор")
    assert admin_a.submit(DISCARD, {}, form_page=SECTION).status_code == 302
    assert drafts(app) == []
    assert denials(app) == 0


def test_an_editor_cannot_discard_an_admins_draft_of_the_schools_name(app, admin_a, editor_a):
    path = "/admin/content/common"
    data = {**section_form(COMMON), "fullName_ru": "Черновое название", "save": "1"}
    assert admin_a.submit(path, data).status_code == 302
    before = drafts(app)
    assert ("school", "admin@a.kg") in before
    assert editor_a.submit(f"{path}/discard", {}, form_page=path).status_code == 403
    assert drafts(app) == before
    assert admin_a.submit(f"{path}/discard", {}, form_page=path).status_code == 302
    assert drafts(app) == []
    with app.app_context():
        assert db.session.scalar(db.select(SectionContent.id)) is not None
        assert "Черновое название" not in db.session.scalars(db.select(School.name_ru)).all()


def test_another_schools_admin_cannot_discard(app, admin_a, site):
    assert admin_a.submit(SECTION, {**section_form(STRUCT), "publish": "1"}).status_code == 302
    draft_struct(admin_a, "-админ")
    admin_b = site("school-b")
    admin_b.login("admin@b.kg")
    # School B has no such section row: nothing to discard there, and A's draft stays.
    assert admin_b.submit(DISCARD, {}, form_page=SECTION).status_code == 400
    assert drafts(app) == [("section", "admin@a.kg")]
