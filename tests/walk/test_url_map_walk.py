"""Walk every rule of the app's url_map (every blueprint, and routes added later
by themselves), with rows of every kind in the database (dataset.py), as each
role: an anonymous visitor, the school's editor, another school's admin, the
district admin and the school's admin. For each rule and method the walk sends a
request that reaches the view, then hostile values (requests.py), with valid
CSRF tokens. It replaces the walk of the admin blueprint alone, and keeps its rules.

Rules it checks on every request:
- never a server error (5xx);
- every 403 is written to the audit log (an `*.denied` entry), and only a 403 is;
on the request that reaches the view:
- anonymous visitors are sent to sign in from the admin and the district console;
- another school's admin gets nowhere: signed in on their own host they are
  anonymous here; their session carried over is refused (403);
- an editor gets 403 on every admin-only view (`@admin_required`);
- the school's admin is never refused in the admin, the district admin never
  anywhere, and both reach every view (no 404 on the rows made for it).

The school's admin gets every hostile variant on the school's host, the district
admin every one on the apex; the other roles a rotating sample of them, so that
the variants meet every role somewhere. (A minute or so on two cores.)
"""

from urllib.parse import urlsplit

import pytest

from mektep.audit import AuditEntry
from mektep.extensions import db
from tests.conftest import Site
from tests.walk import dataset
from tests.walk.requests import (
    UNSAFE,
    blueprint,
    default_value,
    form_fields,
    hostile_calls,
    hosts,
    methods,
    sample,
    valid_call,
)

ROLES = ("anonymous", "editor", "other_admin", "district", "admin")
# The role that gets every hostile variant on each host; the others get a
# rotating sample of SAMPLED variants (more for the editor, who reaches half the
# admin's views; the others are mostly refused before any view).
FULL = {"school": {"admin"}, "apex": {"district"}}
SAMPLED = {"anonymous": 1, "editor": 2, "other_admin": 1, "district": 1, "admin": 2}
# Posting to these may end the session or start another one: sign in again after.
SESSION_CHANGING = ("auth.logout", "auth.setup")
DESTRUCTIVE = ("delete", "purge", "trash", "discard", "active", "status", "decide")
LOGIN = "/login"
# Only the invited person may answer an invitation; the walked roles are not invited,
# so they meet a 404 (tests/test_invitations.py walks the invitee's side).
INVITEE_ONLY = ("auth.answer_invitation",)
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


class Visitor:
    """One role's clients on the walked school's host and on the apex, signed in
    as the role signs in, with a CSRF token valid for each."""

    def __init__(self, app, role):
        self.app, self.role = app, role
        self.base = app.config["BASE_DOMAIN"]
        self.sign_in()

    def _site(self, slug=None):
        return Site(self.app, f"{slug}.{self.base}" if slug else self.base)

    def sign_in(self):
        self.sites = {"school": self._site(dataset.WALKED), "apex": self._site()}
        self.tokens = {}
        if self.role == "anonymous":
            self.tokens = {host: site.csrf_token(LOGIN) for host, site in self.sites.items()}
            return
        if self.role == "district":
            for host, page in (("apex", "/district/"), ("school", "/admin/")):
                self.sites[host].login(*dataset.district_account())
                self.tokens[host] = self.sites[host].csrf_token(page)
            return
        slug, account = {
            "editor": (dataset.WALKED, "editor"),
            "other_admin": (dataset.OTHER, "admin"),
            "admin": (dataset.WALKED, "admin"),
        }[self.role]
        own = self._site(slug)
        own.login(*dataset.account(slug, account))
        token = own.csrf_token("/admin/")
        if slug == dataset.WALKED:
            self.sites["school"] = own
        cookie = own.client.get_cookie("session", domain=own.host)
        for site in self.sites.values():
            if site is not own:  # the session carried over to another host
                site.client.set_cookie("session", cookie.value, domain=site.host)
        self.tokens = dict.fromkeys(self.sites, token)

    def send(self, call):
        site = self.sites[call.host]
        form = None
        if call.form is not None:
            form = {**call.form, "csrf_token": self.tokens[call.host]}
        return site.client.open(
            call.path, method=call.method, base_url=f"http://{site.host}", data=form
        )


def denials(app):
    with app.app_context():
        return db.session.scalar(
            db.select(db.func.count(AuditEntry.id)).where(AuditEntry.action.like("%.denied"))
        )


def phase(rule, method):
    """GETs first, then posts, destructive ones last, signing in and out at the end."""
    if rule.endpoint.startswith("auth."):
        return 3
    if method not in UNSAFE:
        return 0
    return 2 if any(word in rule.endpoint for word in DESTRUCTIVE) else 1


def rule_methods(app):
    pairs = [(rule, method) for rule in app.url_map.iter_rules() for method in methods(rule)]
    return sorted(pairs, key=lambda pair: (phase(*pair), pair[0].rule, pair[1]))


def values_for(rule, rows):
    known = dataset.valid_values(rule.endpoint, rule.arguments, rows)
    return {name: known.get(name, default_value(conv)) for name, conv in rule._converters.items()}


def reached(response):
    """Whether the view ran: not refused, not sent to sign in, the row found."""
    if response.status_code in (401, 403, 404, 405):
        return False
    location = response.headers.get("Location", "")
    return urlsplit(location).path != LOGIN


def expectation(role, rule, view):
    """What the role must meet on the request that reaches the view, or None."""
    area = blueprint(rule)
    if rule.endpoint in INVITEE_ONLY and role != "anonymous":
        return None
    if area in ("admin", "district") and role == "anonymous":
        return "sign in"
    if area == "district" and role != "district":
        return "refused"
    if area == "admin" and role == "other_admin":
        return "refused"
    if area == "admin" and role == "editor" and getattr(view, "admin_only", False):
        return "refused"
    if role == "district" or (role == "admin" and area != "district"):
        return "reached"
    return None


def check(expected, response):
    if expected == "sign in":
        location = urlsplit(response.headers.get("Location", "")).path
        return response.status_code == 302 and location == LOGIN
    if expected == "refused":
        return response.status_code == 403
    if expected == "reached":
        return reached(response)
    return True


class Walk:
    """The walk of every rule as one role, collecting what went wrong."""

    def __init__(self, app, role, rows):
        self.app, self.role, self.rows = app, role, rows
        self.visitor = Visitor(app, role)
        self.problems, self.count = [], 0
        self.refusals = denials(app)  # audit entries of refusals so far

    def run(self):
        for index, (rule, method) in enumerate(rule_methods(self.app)):
            values = values_for(rule, self.rows)
            expected = expectation(self.role, rule, self.app.view_functions[rule.endpoint])
            for host in hosts(rule):
                valid = valid_call(rule, method, host, values)
                variants = hostile_calls(rule, method, host, values, self.fields(valid))
                if self.role not in FULL[host] or rule.endpoint.startswith("auth."):
                    count = SAMPLED[self.role]
                    variants = sample(variants, count, index + ROLES.index(self.role))
                self.attempt(valid, expected)
                for variant in variants:
                    self.attempt(variant, None)
            # An audit entry of a refusal written without a 403 shows here.
            if denials(self.app) != self.refusals:
                self.problems.append(f"refusals and their audit entries differ: {method} {rule}")
                self.refusals = denials(self.app)
        return self.problems

    def attempt(self, call, expected):
        self.count += 1
        try:
            response = self.visitor.send(call)
        except Exception as error:  # a server error, raised as the tests run with TESTING
            self.problems.append(f"{type(error).__name__}: {error!s:.300} in {describe(call)}")
            self.refusals = denials(self.app)
            return
        status = response.status_code
        where = describe(call, f"→ {status}")
        if status >= 500:
            self.problems.append(f"server error: {where}")
        if status == 403:
            refusals = denials(self.app)
            if refusals != self.refusals + 1:
                self.problems.append(f"refused without an audit entry: {where}")
            self.refusals = refusals
        if expected is not None and not check(expected, response):
            self.problems.append(f"expected {expected}: {where}")
        if call.method in UNSAFE and call.rule.endpoint.startswith(SESSION_CHANGING):
            self.visitor.sign_in()

    def fields(self, call):
        """The fields of the form that posts to `call`'s path, read from its GET page."""
        if call.method not in UNSAFE:
            return ()
        if "GET" not in call.rule.methods:
            return form_fields("")
        page = self.visitor.sites[call.host].get(call.path)
        self.refusals += page.status_code == 403  # checked with the rule's other requests
        return form_fields(page.get_data(as_text=True) if page.status_code == 200 else "")


def describe(call, status=""):
    return f"{call.method} {call.host} {call.path[:120]} [{call.hostile or 'valid'}] {status}"


@pytest.fixture
def rows(app):
    return dataset.build(app)


@pytest.mark.parametrize("role", ROLES)
def test_walk_every_rule_as(app, rows, role):
    walk = Walk(app, role, rows)
    problems = walk.run()
    assert not problems, f"{len(problems)} in {walk.count} requests:\n" + "\n".join(problems[:60])


def test_the_walk_covers_every_rule_of_every_blueprint(app):
    walked = {rule.endpoint for rule, _method in rule_methods(app)}
    assert walked == set(app.view_functions)
    # The apex's directory (blueprint `home`) is served by `index`, of no blueprint.
    areas = {blueprint(rule) for rule, _method in rule_methods(app)}
    assert {"admin", "district", "auth", "api", "public", ""} <= areas
    assert any(getattr(app.view_functions[endpoint], "admin_only", False) for endpoint in walked)


def test_publishing_moderation_and_accounts_are_admin_only(app):
    for endpoint, view in app.view_functions.items():
        if not endpoint.startswith("admin."):
            continue
        name = endpoint.removeprefix("admin.")
        if any(word in name for word in ADMIN_ONLY_WORDS) or endpoint.startswith(ADMIN_ONLY_AREAS):
            assert getattr(view, "admin_only", False), endpoint


def test_another_schools_admin_signed_in_at_home_is_a_stranger_here(app, rows):
    """Signed in on their own host, another school's admin is anonymous on this
    one (sent to sign in), and signing in here is refused."""
    base = app.config["BASE_DOMAIN"]
    home, here = Site(app, f"{dataset.OTHER}.{base}"), Site(app, f"{dataset.WALKED}.{base}")
    home.login(*dataset.account(dataset.OTHER, "admin"))
    here.client = home.client  # one browser, two hosts
    token = here.csrf_token(LOGIN)
    for rule, method in rule_methods(app):
        if blueprint(rule) != "admin":
            continue
        call = valid_call(rule, method, "school", values_for(rule, rows))
        form = {"csrf_token": token} if method in UNSAFE else None
        response = here.client.open(call.path, method=method, base_url=here.url(""), data=form)
        assert response.status_code == 302, (method, call.path, response.status_code)
        assert urlsplit(response.headers["Location"]).path == LOGIN
    email, password = dataset.account(dataset.OTHER, "admin")
    refused = here.submit(LOGIN, {"email": email, "password": password})
    assert refused.status_code == 403
    assert home.get("/admin/").status_code == 200
