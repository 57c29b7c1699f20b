"""Helpers of the tests of G3 ("nothing reaches the public before an admin
publishes it"): a second admin of school A, and what the public sees."""

import re

import pytest

from mektep.accounts.models import Membership, User
from mektep.extensions import db
from tenants.models import School
from tenants.versioning import Revision
from tests.conftest import make_user
from tests.discussion.conftest import visitor  # noqa: F401  (fixtures for these tests too)
from tests.news.conftest import make  # noqa: F401

# Hidden form tokens differ per response; everything else of a public page must not.
_TOKEN = re.compile(r'name="csrf_token"[^>]*>')
PUBLIC_PATHS = (
    "/",
    "/?lang=ru",
    "/news/",
    "/news/feed.atom",
    "/events/",
    "/events/calendar.ics",
    "/p/",
    "/documents",
    "/sveden/",
    "/sveden/common/",
    "/sveden/managers/",
    "/sveden/employees/",
    "/sitemap",
    "/sitemap.xml",
    "/api/v1/info",
)


def public_view(client, *paths):
    """{path: (status, body)} as a visitor reads them, forms' tokens left out."""
    view = {}
    for path in PUBLIC_PATHS + paths:
        response = client.get(path)
        view[path] = (response.status_code, _TOKEN.sub("", response.get_data(as_text=True)))
    return view


def changed_paths(before, after):
    return sorted(path for path in before if before[path] != after[path])


def user_id(app, email):
    with app.app_context():
        return db.session.scalar(db.select(User.id).where(User.email == email))


def published_versions(app, kind, item_id, field):
    """(author's id, `field`) of every published version of an item, oldest first."""
    with app.app_context():
        query = (
            db.select(Revision)
            .where(Revision.kind == kind, Revision.item_id == item_id)
            .where(Revision.status == "published")
            .order_by(Revision.id)
        )
        return [
            (revision.author_id, revision.data[field]) for revision in db.session.scalars(query)
        ]


@pytest.fixture
def second_admin_a(app, site, schools):
    """Another admin of school A, signed in on school A's host."""
    with app.app_context():
        school = db.session.get(School, schools["a"])
        db.session.add(Membership(user=make_user("admin2@a.kg"), school=school, role="admin"))
        db.session.commit()
    client = site("school-a")
    client.login("admin2@a.kg")
    return client
