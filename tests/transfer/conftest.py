"""Fixtures of the archive and backup tests: deployments of their own
(`deployments.py`), and a demo district made richer with every kind of row a
school archive must carry (a domain, a pending invitation, a draft waiting
over a published post, an item in the trash, history, discussion answers,
files with their thumbnails made by a real worker)."""

from datetime import timedelta

import pytest

from mektep import audit
from mektep.accounts.models import Membership, User
from mektep.clock import utcnow
from mektep.demo import load
from mektep.extensions import db
from tenants.documents.models import StoredFile
from tenants.events.models import Event
from tenants.models import Domain, School
from tenants.news.models import NewsPost
from tenants.scoping import bind_school
from tenants.trash import move_to_trash
from tenants.versioning import Revision, publish, save_draft
from tests.conftest import make_school, make_user, run_worker_process
from tests.transfer.deployments import Deployments

SLUG = "school35"
DOMAIN = "school35.edu.kg"
EDITOR = "editor35@mektep.kg"


@pytest.fixture(scope="module")
def deployments(app, tmp_path_factory):
    made = Deployments(app, tmp_path_factory.mktemp("deployments"))
    yield made
    made.remove_all()


def user(email):
    return db.session.scalar(db.select(User).where(User.email == email))


def enrich(app):
    """Rows the demo lacks, in school №35: what an archive must carry too."""
    with app.app_context():
        school = db.session.scalar(db.select(School).where(School.slug == SLUG))
        db.session.add(Domain(school_id=school.id, hostname=DOMAIN))
        db.session.add(
            Membership(user=user("admin5@mektep.kg"), school=school, role="editor", pending=True)
        )
        bind_school(school)
        post = db.session.scalars(db.select(NewsPost).order_by(NewsPost.id)).first()
        save_draft(post, {"title_ky": "Жаңы аталыш, али жарыялана элек"}, user(EDITOR))
        move_to_trash(db.session.scalars(db.select(Event).order_by(Event.id)).first(), user(EDITOR))
        # A district admin's visit: named by the log, a member of no school.
        audit.record(
            "district.visit", "admin", user=user("district@mektep.kg"), school_id=school.id
        )
        # The version of an item deleted for good: nothing can show it any more.
        db.session.add(Revision(kind="news", item_id=10**6, status="published", data={}))
        db.session.commit()
        bind_school(None)
        db.session.remove()


@pytest.fixture(scope="module")
def demo_source(deployments):
    """demo_source(kind) -> a deployment on `kind` with the richer demo district."""
    made = {}

    def source(kind):
        if kind not in made:
            app = deployments.new(kind, f"source_{kind}")
            with app.app_context():
                for _line in load():
                    pass
            run_worker_process(app, timeout=180)
            enrich(app)
            made[kind] = app
        return made[kind]

    return source


def add_incumbent(app):
    """A school already on a target deployment, with rows of its own (so the
    imported rows cannot keep their ids), and an account under the e-mail of
    school №35's editor, with its own password."""
    with app.app_context():
        school = make_school("incumbent", admin_email="boss@incumbent.kg")
        db.session.add(
            Membership(user=make_user(EDITOR, display_name="Own name"), school=school, role="admin")
        )
        db.session.flush()
        bind_school(school)
        admin = user("boss@incumbent.kg")
        start = utcnow() + timedelta(days=2)
        for number in range(9):
            post = NewsPost(title_ky=f"Жаңылык {number}")
            event = Event(title_ky=f"Иш-чара {number}", starts_at=start, ends_at=start)
            db.session.add_all([post, event])
            db.session.flush()
            publish(post, admin)
            publish(event, admin)
            db.session.add(
                StoredFile(
                    sha256=f"{number:064x}",
                    file_type="pdf",
                    mime_type="application/pdf",
                    size=1,
                    original_name="own.pdf",
                )
            )
        db.session.commit()
        bind_school(None)
        db.session.remove()
