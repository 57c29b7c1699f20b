"""Helpers of the district tests (update schedule, reports, dashboard, open
data, scans): publishing real sections, moving their dates into the past, and
reading the messages the sweeps wrote."""

from datetime import timedelta
from pathlib import Path

import pytest

from mektep.clock import utcnow
from mektep.extensions import db
from mektep.schema import SECTIONS_BY_SLUG
from tenants.content.models import SectionContent
from tests.mailboxes import parse, text_part
from tests.schema.conftest import section_form


def publish_section(client, slug, tag=""):
    data = {**section_form(SECTIONS_BY_SLUG[slug], tag=tag), "publish": "1"}
    response = client.submit(f"/admin/content/{slug}", data)
    assert response.status_code == 302, response.get_data(as_text=True)[:3000]
    return response


def backdate(app, model=SectionContent, days=40, **where):
    """Move the publication of `model`'s rows matching `where` `days` into the past."""
    with app.app_context():
        rows = db.session.scalars(db.select(model).filter_by(**where)).all()
        assert rows
        for row in rows:
            row.published_at = utcnow() - timedelta(days=days)
        db.session.commit()


def outbox_dir(app):
    return Path(app.config["INSTANCE_DIR"]) / "outbox"


def messages(app):
    """Every message the worker wrote to the outbox: [(to, subject, plain text)]."""
    folder = outbox_dir(app)
    found = []
    for path in sorted(folder.glob("*.eml")) if folder.exists() else []:
        message = parse(path.read_bytes())
        found.append((message["To"], str(message["Subject"]), text_part(message)))
    return found


@pytest.fixture(autouse=True)
def empty_outbox(app):
    folder = outbox_dir(app)
    for path in folder.glob("*.eml") if folder.exists() else []:
        path.unlink()
    yield
