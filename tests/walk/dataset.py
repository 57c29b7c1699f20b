"""Rows of every kind for the walk of the url_map, so that each route's view is
really reached: the demo district (three schools with their accounts; school
№35 with news, events, pages, documents with stored files, staff, mandated
sections, questions and answers) plus what the demo lacks: older versions,
pending drafts, trash, a waiting invitation and a ready thumbnail.

`valid_values(endpoint, arguments, rows)` gives the path values that reach a
rule's view; arguments it does not know get their converter's default (see
requests.py), and the walk fails on any route whose view it cannot reach, so a
new route that needs a row asks for an entry here.
"""

import re
from types import SimpleNamespace

from mektep import demo
from mektep.accounts.models import Membership, User
from mektep.alerts.models import DistrictAlert
from mektep.branding.colours import PALETTE_COLOURS
from mektep.demo import mail as demo_mail
from mektep.demo.data import ACCOUNTS, SCHOOLS
from mektep.demo.looks import UNRESOLVED_DOMAIN
from mektep.extensions import db
from tenants.branding.stylesheet import stylesheet_name
from tenants.content.models import SectionContent, StaffMember
from tenants.discussion.models import Answer, Post
from tenants.documents.jobs import render_stored_file
from tenants.documents.models import Document, StoredFile
from tenants.events.models import Event
from tenants.models import Domain, School
from tenants.news.models import NewsPost
from tenants.pages.models import Page
from tenants.scoping import bind_school
from tenants.trash import move_to_trash
from tenants.versioning import history, publish, save_draft
from tests.conftest import Site

WALKED = "school35"  # the school whose routes are walked
OTHER = "school5"  # its admin is "another school's admin"
SPARE = "gymnasium12"  # the district's status changes and links act on it
SECTION = "common"
# Two invitations: a new set-up link for one voids its older link, the other's
# link is the one the walk opens.
INVITED = ("invited@mektep.kg", "newcomer@mektep.kg")
SETUP_LINK = re.compile(r"/account/setup/([A-Za-z0-9_.\-]+)")


def account(slug, role):
    spec = next(spec for spec in SCHOOLS if spec["slug"] == slug)
    return spec["accounts"][role]["email"], spec["accounts"][role]["password"]


def district_account():
    return ACCOUNTS["district"]["email"], ACCOUNTS["district"]["password"]


def _ids(model):
    return list(db.session.scalars(db.select(model.id).order_by(model.id)))


def _one(query):
    return db.session.scalars(query).first()


def _add_versions_and_drafts(item, admin):
    """A second published version and a pending draft, so history, restore and
    publish all have something to act on."""
    snapshot = item.snapshot()
    changed = {
        name: f"{value} (2)"
        for name, value in snapshot.items()
        if isinstance(value, str) and value and name.endswith("_ky")
    }
    publish(item, admin, data=changed or None)
    save_draft(item, changed or snapshot, admin)


def build(app):
    """Load the rows into the database; returns their ids for `valid_values`."""
    with app.app_context():
        for _line in demo.load():
            pass
        schools = {school.slug: school for school in db.session.scalars(db.select(School))}
        school = schools[WALKED]
        bind_school(school)
        admin = db.session.scalar(db.select(User).where(User.email == account(WALKED, "admin")[0]))
        rows = SimpleNamespace(
            school=school.id, other_school=schools[OTHER].id, spare_school=schools[SPARE].id
        )
        # The spare school's domain that is not its address (removing it moves nothing).
        rows.domain = db.session.scalar(
            db.select(Domain.id).where(Domain.hostname == UNRESOLVED_DOMAIN)
        )
        rows.news, rows.events, rows.pages = _ids(NewsPost), _ids(Event), _ids(Page)
        rows.documents, rows.staff = _ids(Document), _ids(StaffMember)
        for model, ids in ((NewsPost, rows.news), (Event, rows.events), (Page, rows.pages)):
            _add_versions_and_drafts(db.session.get(model, ids[0]), admin)
        for model, ids in ((Document, rows.documents), (StaffMember, rows.staff)):
            _add_versions_and_drafts(db.session.get(model, ids[0]), admin)
        section = _one(db.select(SectionContent).where(SectionContent.section == SECTION))
        _add_versions_and_drafts(section, admin)
        rows.section_item = section.id
        rows.section_revision = history(section)[-1].id
        rows.news_revision = history(db.session.get(NewsPost, rows.news[0]))[-1].id
        rows.page_slug = db.session.get(Page, rows.pages[0]).slug
        event = db.session.get(Event, rows.events[0])
        rows.event_month = (event.starts_at.year, event.starts_at.month)

        # Trash: two news posts (one to restore, one to purge), one of each other kind.
        for model, ids in ((NewsPost, rows.news[1:3]), (Event, rows.events[1:2])):
            for item_id in ids:
                move_to_trash(db.session.get(model, item_id), admin)
        for model, ids in ((Page, rows.pages[1:2]), (Document, rows.documents[1:2])):
            move_to_trash(db.session.get(model, ids[0]), admin)
        move_to_trash(db.session.get(StaffMember, rows.staff[1]), admin)
        rows.trashed_news = rows.news[1:3]

        answered = list(db.session.scalars(db.select(Post).join(Answer).order_by(Post.id)))
        move_to_trash(answered[0].answer, admin)
        rows.answered_post, rows.answer = answered[1].id, answered[1].answer.id
        rows.pending_post = _ids_where(Post, Post.status == "pending")[0]
        rows.approved_post = _ids_where(Post, Post.status == "approved")[0]

        photo = _one(
            db.select(StoredFile)
            .join(Document, Document.file_id == StoredFile.id)
            .where(StoredFile.file_type == "jpeg", Document.published_at.is_not(None))
        )
        rows.file = photo.id
        rows.alert = _one(db.select(DistrictAlert.id))
        rows.editor_membership = _one(
            db.select(Membership.id)
            .join(User)
            .where(Membership.school_id == school.id, User.email == account(WALKED, "editor")[0])
        )
        # The demo's invited district administrator: deactivated and mailed a link by the walk.
        rows.district_admin = _one(db.select(User.id).where(User.email == demo_mail.INVITED))
        db.session.commit()
        bind_school(None)
        render_stored_file(rows.file)  # the job the worker would run, for one thumbnail

    admin_client = Site(app, f"{WALKED}.{app.config['BASE_DOMAIN']}")
    admin_client.login(*account(WALKED, "admin"))
    for email in INVITED:
        invited = admin_client.submit(
            "/admin/accounts/invite", {"email": email, "role": "editor"}, "/admin/accounts"
        )
        assert invited.status_code == 200, invited.status_code
    rows.setup_token = SETUP_LINK.search(invited.get_data(as_text=True)).group(1)
    with app.app_context():
        rows.invited_membership = db.session.scalar(
            db.select(Membership.id).join(User).where(User.email == INVITED[0])
        )
    return rows


def _ids_where(model, condition):
    return list(db.session.scalars(db.select(model.id).where(condition).order_by(model.id)))


# Path values by argument name; ITEMS and OVERRIDES below take precedence.
def _by_name(rows):
    return {
        "slug": SECTION,
        "school_id": rows.spare_school,
        "file_id": rows.file,
        "size": "small",
        "fmt": "webp",
        "membership_id": rows.editor_membership,
        "post_id": rows.approved_post,
        "kind": "news",
        "revision_id": rows.news_revision,
        "token": rows.setup_token,
        "user_id": rows.district_admin,
        "filename": "css/site.css",
        "alert_id": rows.alert,
        "domain_id": rows.domain,
        "name": stylesheet_name(PALETTE_COLOURS["maroon"]),
    }


def _overrides(rows):
    return {
        "admin.account_setup_link": {"membership_id": rows.invited_membership},
        "admin.content_item": {"item_id": rows.section_item},
        "admin.content_restore": {"revision_id": rows.section_revision},
        "admin.content_version": {"revision_id": rows.section_revision},
        "admin.discussion_answer": {"item_id": rows.answer},
        "admin.discussion_decide": {"post_id": rows.pending_post},
        "admin.discussion_trash_answer": {"post_id": rows.answered_post},
        "admin.history": {"item_id": rows.news[0]},
        "admin.history_version": {"item_id": rows.news[0]},
        "admin.history_restore": {"item_id": rows.news[0]},
        "admin.schedule_review": {"subject": SECTION},
        "admin.settings_item": {"item_id": rows.school},
        "admin.translation_confirm": {"item_id": rows.news[0]},
        "admin.trash_restore": {"kind": "news_post", "item_id": rows.trashed_news[0]},
        "admin.trash_purge": {"kind": "news_post", "item_id": rows.trashed_news[1]},
        "district.dashboard_download": {"fmt": "csv"},
        "district.open_data_download": {"fmt": "xlsx"},
        "district.school_compliance": {"school_id": rows.school},
        "district.school_detail": {"school_id": rows.school},
        "public.event": {"item_id": rows.events[0]},
        "public.events_month": dict(zip(("year", "month"), rows.event_month, strict=True)),
        "public.news_article": {"item_id": rows.news[0]},
        "public.page": {"slug": rows.page_slug},
    }


def _item_id(endpoint, rows):
    """An admin item view's row: the last one is deleted, the first edited."""
    area, _, view = endpoint.partition(".")
    kind, _, action = view.partition("_")
    ids = {
        "news": rows.news,
        "events": rows.events,
        "pages": rows.pages,
        "document": rows.documents,
        "staff": rows.staff,
    }.get(kind)
    if area != "admin" or ids is None:
        return {}
    return {"item_id": ids[-1] if action == "delete" else ids[0]}


def valid_values(endpoint, arguments, rows):
    """Known path values for `endpoint`'s `arguments` that reach its view with the
    rows of `build`; arguments left out get their converter's default."""
    values = _by_name(rows) | _item_id(endpoint, rows) | _overrides(rows).get(endpoint, {})
    return {name: values[name] for name in arguments if name in values}
