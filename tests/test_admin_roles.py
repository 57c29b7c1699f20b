"""Role rules for every rule of the `admin` blueprint, found in the app's url_map,
so routes added later are covered without touching this file:

- anonymous visitors are sent to sign in;
- another school's admin gets nowhere: signed in on their own host they are
  anonymous here, and their session carried over to this host is refused;
- an editor gets 403 on every admin-only view (`@admin_required`), and each
  refusal is written to the audit log;
- a school admin is never refused and never meets a server error.
"""

from urllib.parse import urlsplit

import pytest
from werkzeug.routing.converters import AnyConverter, IntegerConverter

from mektep.audit import AuditEntry
from mektep.extensions import db
from tests.conftest import PASSWORD

UNSAFE = ("POST", "PUT", "PATCH", "DELETE")
# Only admins publish, restore old versions, delete for good (design.md), and
# moderate, manage accounts and read the audit log (A3, A4).
ADMIN_ONLY_WORDS = ("publish", "restore", "purge")
ADMIN_ONLY_AREAS = (
    "admin.account",
    "admin.invite",
    "admin.audit",
    "admin.discussion",
    "admin.trash",
)


def sample_value(converter):
    if isinstance(converter, IntegerConverter):
        return 1
    if isinstance(converter, AnyConverter):
        return sorted(converter.items)[0]
    return "x"


def admin_requests(app):
    """(path, method, view) for every method of every rule of the admin blueprint."""
    adapter = app.url_map.bind(app.config["BASE_DOMAIN"])
    found = []
    for rule in app.url_map.iter_rules():
        if rule.endpoint.split(".")[0] != "admin":
            continue
        values = {name: sample_value(conv) for name, conv in rule._converters.items()}
        path = adapter.build(rule.endpoint, values)
        view = app.view_functions[rule.endpoint]
        for method in sorted(rule.methods - {"HEAD", "OPTIONS"}):
            found.append((path, method, view))
    return found


def send(client, path, method, token):
    if method in UNSAFE:
        return client.client.open(
            path, method=method, base_url=f"http://{client.host}", data={"csrf_token": token}
        )
    return client.get(path)


def denials(app):
    with app.app_context():
        return db.session.scalars(
            db.select(AuditEntry.detail).where(AuditEntry.action == "admin.denied")
        ).all()


def test_the_walk_covers_the_admin(app):
    paths = {path for path, _method, _view in admin_requests(app)}
    assert {"/admin/", "/admin/settings", "/admin/accounts", "/admin/trash"} <= paths
    assert any(getattr(view, "admin_only", False) for _p, _m, view in admin_requests(app))


def test_publishing_moderation_and_accounts_are_admin_only(app):
    for endpoint, view in app.view_functions.items():
        if not endpoint.startswith("admin."):
            continue
        name = endpoint.removeprefix("admin.")
        if any(word in name for word in ADMIN_ONLY_WORDS) or endpoint.startswith(ADMIN_ONLY_AREAS):
            assert getattr(view, "admin_only", False), endpoint


def test_anonymous_visitors_are_sent_to_sign_in(app, site, schools):
    client = site("school-a")
    token = client.csrf_token("/login")
    for path, method, _view in admin_requests(app):
        response = send(client, path, method, token)
        assert response.status_code == 302, (method, path, response.status_code)
        location = urlsplit(response.headers["Location"])
        assert location.path == "/login", (method, path, location)


def test_another_schools_admin_gets_nowhere(app, site, schools):
    client = site("school-b")
    client.login("admin@b.kg")
    token = client.csrf_token("/admin/")
    session_cookie = client.client.get_cookie("session", domain="school-b.mektep.test")
    client.host = "school-a.mektep.test"
    anonymous_token = client.csrf_token("/login")
    for path, method, _view in admin_requests(app):
        response = send(client, path, method, anonymous_token)
        assert response.status_code == 302, (method, path, response.status_code)
    refused = client.submit("/login", {"email": "admin@b.kg", "password": PASSWORD})
    assert refused.status_code == 403
    # Their own host's session, replayed on this host, names a user with no role here.
    client.client.set_cookie("session", session_cookie.value, domain="school-a.mektep.test")
    for path, method, _view in admin_requests(app):
        response = send(client, path, method, token)
        assert response.status_code == 403, (method, path, response.status_code)


def test_editor_is_refused_every_admin_only_view_and_it_is_audited(app, editor_a):
    token = editor_a.csrf_token("/admin/")
    for path, method, view in admin_requests(app):
        before = len(denials(app))
        response = send(editor_a, path, method, token)
        assert response.status_code < 500, (method, path, response.status_code)
        if getattr(view, "admin_only", False):
            assert response.status_code == 403, (method, path, response.status_code)
        if response.status_code == 403:
            assert len(denials(app)) == before + 1, (method, path)
        else:
            assert len(denials(app)) == before, (method, path)


@pytest.mark.parametrize("method", ["GET", "POST"])
def test_school_admin_is_never_refused(app, admin_a, method):
    token = admin_a.csrf_token("/admin/")
    for path, rule_method, _view in admin_requests(app):
        if rule_method != method:
            continue
        response = send(admin_a, path, method, token)
        assert response.status_code not in (401, 403), (method, path)
        assert response.status_code < 500, (method, path, response.status_code)
