"""Comparing a school on two deployments: every public page (in ky and ru),
`/api/v1/info`, and the bytes of every stored file. Ids may differ between
them (an import renumbers rows): `ids` maps the first's to the second's, and
links are compared through it."""

import difflib
import json
import re

from mektep.extensions import db
from mektep.storage import get_storage
from tenants.documents.models import StoredFile
from tenants.models import School
from tenants.scoping import bind_school
from tests.public_pages import _paths

LANGUAGES = ("ky", "ru")
CSRF = re.compile(r'<input[^>]*name="csrf_token"[^>]*>')
# Public addresses holding a row's id, and the table of that row.
LINKED_IDS = {
    re.compile(r"(/news/)(\d+)(?=[\"?#&/<]|$)"): "news_post",
    re.compile(r"(/events/)(\d+)(?=[\"?#&<]|$)"): "event",
    re.compile(r"(/files/)(\d+)(?=[\"?#&/<]|$)"): "stored_file",
}


class SameIds:
    """The map of a backup restored as it was: every id stays."""

    def get(self, table, old):
        return old


def translated(text, ids):
    """`text` with the ids in its links taken through `ids` (an IdMap)."""
    for pattern, table in LINKED_IDS.items():
        text = pattern.sub(lambda m, t=table: f"{m[1]}{ids.get(t, int(m[2]))}", text)
    return text


def difference(expected, found):
    lines = difflib.unified_diff(expected.splitlines(), found.splitlines(), lineterm="", n=1)
    return "\n".join(line[:300] for line in list(lines)[:30])


def school_of(app, slug):
    with app.app_context():
        return db.session.scalar(db.select(School).where(School.slug == slug))


def public_paths(app, slug):
    with app.app_context():
        school = db.session.scalar(db.select(School).where(School.slug == slug))
        bind_school(school)
        try:
            return _paths(app, school)
        finally:
            bind_school(None)


def fetch(app, slug, path, lang):
    separator = "&" if "?" in path else "?"
    host = f"http://{slug}.{app.config['BASE_DOMAIN']}"
    response = app.test_client().get(f"{path}{separator}lang={lang}", base_url=host)
    return response.status_code, CSRF.sub("", response.get_data(as_text=True))


def ranked_alike(first, second):
    """Whether search ranks results the same way on both (the same database
    kind): PostgreSQL's full-text ranking and SQLite's order differ by design."""
    with first.app_context():
        kind = db.engine.dialect.name
    with second.app_context():
        return db.engine.dialect.name == kind


def comparable(path, page, ordered):
    """The page as compared: a search page's lines as a sorted list where the
    two deployments rank results differently (the same results, another order)."""
    if ordered or not path.startswith("/search"):
        return page
    return "\n".join(sorted(page.splitlines()))


def assert_same_public_site(first, first_slug, second, second_slug, ids):
    """Every public page of the school on `first` is the page on `second`, and so
    is its open data; returns how many pages were compared."""
    paths = public_paths(first, first_slug)
    ordered = ranked_alike(first, second)
    assert len(paths) > 20, paths
    compared = 0
    for path in paths:
        for lang in LANGUAGES:
            status, page = fetch(first, first_slug, path, lang)
            expected = translated(page, ids).replace(f"//{first_slug}.", f"//{second_slug}.")
            expected = comparable(path, expected, ordered)
            other_status, other = fetch(second, second_slug, translated(path, ids), lang)
            other = comparable(path, other, ordered)
            assert other_status == status, f"{path}?lang={lang}: {other_status}, not {status}"
            assert other == expected, f"{path}?lang={lang} differs:\n{difference(expected, other)}"
            compared += 1
    api = [
        fetch(app, slug, "/api/v1/info", "ky")
        for app, slug in ((first, first_slug), (second, second_slug))
    ]
    assert api[0][0] == 200
    first_info = json.loads(
        translated(api[0][1], ids).replace(f"//{first_slug}.", f"//{second_slug}.")
    )
    assert json.loads(api[1][1]) == first_info
    return compared


def file_bytes(app, slug):
    """{(stored file id, key without the school's prefix): bytes} of every stored
    file of the school, originals and everything made from them."""
    with app.app_context():
        school = db.session.scalar(db.select(School).where(School.slug == slug))
        storage = get_storage()
        found = {}
        rows = db.session.scalars(
            StoredFile.for_school(school).execution_options(include_trashed=True)
        )
        for stored in rows:
            for key in (stored.storage_key, *stored.derived_keys()):
                if storage.exists(key):
                    with storage.open(key) as handle:
                        found[stored.id, key.split("/", 1)[1]] = handle.read()
        return found


def assert_same_files(first, first_slug, second, second_slug, ids):
    """The school's files on `second` are byte for byte those on `first`; returns how many."""
    before = file_bytes(first, first_slug)
    after = file_bytes(second, second_slug)
    assert before, "the school has no stored files to compare"
    assert {(ids.get("stored_file", i), key): data for (i, key), data in before.items()} == after
    return len(before)
