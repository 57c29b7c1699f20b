"""A school exported from one deployment and imported into another (SQLite and
PostgreSQL, both ways) has the same public pages, the same `/api/v1/info` and
the same file bytes, with every id renumbered; its people are found again by
e-mail without touching anyone's account."""

import pytest

from mektep.accounts.models import Membership, User
from mektep.audit import AuditEntry
from mektep.extensions import db
from tenants.documents.models import StoredFile
from tenants.models import Domain, School
from tenants.news.models import NewsPost
from tenants.transfer.exporting import export_school
from tenants.transfer.importing import import_school
from tenants.versioning import Revision
from tests.conftest import PASSWORD
from tests.transfer.compare import assert_same_files, assert_same_public_site
from tests.transfer.conftest import DOMAIN, EDITOR, SLUG, add_incumbent

DIRECTIONS = [("sqlite", "sqlite"), ("sqlite", "postgresql"), ("postgresql", "sqlite")]


def export(app, slug, path):
    with app.app_context():
        school = db.session.scalar(db.select(School).where(School.slug == slug))
        return export_school(school, path)


def counts(app, slug):
    """Rows of the school by kind, as an admin's pages count them."""
    with app.app_context():
        school = db.session.scalar(db.select(School).where(School.slug == slug))
        revisions = db.session.execute(
            db.select(Revision.kind, Revision.status, db.func.count())
            .where(Revision.school_id == school.id)
            .group_by(Revision.kind, Revision.status)
        ).all()
        trashed = db.session.scalar(
            db.select(db.func.count(NewsPost.id))
            .where(NewsPost.school_id == school.id)
            .execution_options(include_trashed=True)
        )
        return {"revisions": sorted(revisions), "news with trash": trashed}


@pytest.mark.parametrize("source_kind, target_kind", DIRECTIONS)
def test_a_school_travels_between_databases_unchanged(
    demo_source, deployments, tmp_path, source_kind, target_kind
):
    source = demo_source(source_kind)
    target = deployments.new(target_kind, f"target_{source_kind}_{target_kind}")
    add_incumbent(target)
    with target.app_context():
        editor_before = db.session.execute(
            db.select(User.password_hash, User.session_version, User.display_name).where(
                User.email == EDITOR
            )
        ).one()
    summary = export(source, SLUG, tmp_path / "school35.zip")
    assert summary.files > 20 and summary.rows["revision"] > 20 and not summary.missing

    with target.app_context():
        report = import_school(tmp_path / "school35.zip")
    assert report.slug == SLUG and report.dropped == {"revision": 1}
    # Every id was renumbered past the incumbent's rows.
    assert report.ids.get("news_post", 1) > 9 and report.ids.get("stored_file", 1) > 9

    pages = assert_same_public_site(source, SLUG, target, SLUG, report.ids)
    files = assert_same_files(source, SLUG, target, SLUG, report.ids)
    assert pages > 50 and files > 20
    source_counts, target_counts = counts(source, SLUG), counts(target, SLUG)
    orphan = ("news", "published", source_counts["revisions"])
    assert target_counts["news with trash"] == source_counts["news with trash"]
    assert len(target_counts["revisions"]) == len(source_counts["revisions"]), orphan

    with target.app_context():
        school = db.session.scalar(db.select(School).where(School.slug == SLUG))
        assert db.session.scalars(
            db.select(Domain.hostname).where(Domain.school_id == school.id)
        ).all() == [DOMAIN]
        members = {
            m.user.email: (m.role, m.pending)
            for m in db.session.scalars(
                db.select(Membership).where(Membership.school_id == school.id)
            )
        }
        # The editor had an account here: invited, pending. The admin is new and
        # gets a set-up link; admin5 was invited and had not answered: new here too.
        assert members == {
            "admin35@mektep.kg": ("admin", False),
            EDITOR: ("editor", True),
            "admin5@mektep.kg": ("editor", False),
        }
        editor_after = db.session.execute(
            db.select(User.password_hash, User.session_version, User.display_name).where(
                User.email == EDITOR
            )
        ).one()
        assert editor_after == editor_before
        new_admin = db.session.scalar(db.select(User).where(User.email == "admin35@mektep.kg"))
        assert not new_admin.has_password and not new_admin.is_district_admin
        assert list(report.accounts.links) == ["admin35@mektep.kg"]
        assert report.accounts.absent == ["district@mektep.kg"]
        actions = db.session.scalars(
            db.select(AuditEntry.action).where(AuditEntry.school_id == school.id)
        ).all()
        assert actions[-1] == "school.import" and "district.visit" in actions
        drafts = db.session.scalars(
            db.select(Revision).where(Revision.school_id == school.id, Revision.status == "draft")
        ).all()
        post = db.session.get(NewsPost, drafts[0].item_id)
        assert post.school_id == school.id and drafts[0].data["title_ky"].startswith("Жаңы аталыш")
        covers = db.session.scalars(
            db.select(Revision.data).where(Revision.school_id == school.id, Revision.kind == "news")
        ).all()
        cover_ids = {data["cover_file_id"] for data in covers if data.get("cover_file_id")}
        assert cover_ids and all(
            db.session.get(StoredFile, file_id).school_id == school.id for file_id in cover_ids
        )
        assert not db.session.get(User, new_admin.id).check_password(PASSWORD)
