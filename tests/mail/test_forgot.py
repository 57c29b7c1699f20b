""" "Forgot password": a reset link mailed to the account's own address, from the
sign-in page of every host; the same answer and the same work whether the
address has an account or not; limited like sign-in."""

from tests.account_steps import credentials
from tests.conftest import PASSWORD, assert_redirect, nothing_changes
from tests.mail.steps import one_link, path_of, set_user, stored

NEW_PASSWORD = "a brand new passphrase"


def ask(client, email, lang="ru"):
    return client.submit(f"/account/forgot?lang={lang}", {"email": email})


def test_the_sign_in_page_leads_to_it(site, schools):
    page = site("school-a").get("/login?lang=ru").get_data(as_text=True)
    assert 'href="/account/forgot?lang=ru"' in page
    form = site().get("/account/forgot?lang=ru")
    assert form.status_code == 200 and "Забыли пароль?" in form.get_data(as_text=True)


def test_a_member_resets_their_password_by_e_mail(app, site, schools, outbox):
    before = credentials(app, "editor@a.kg")
    response = ask(site("school-a"), "editor@a.kg", lang="ru")
    assert response.status_code == 200
    assert "Проверьте почту" in response.get_data(as_text=True)
    assert credentials(app, "editor@a.kg") == before  # asking changes nothing
    (message,) = outbox.delivered()
    assert message["To"] == "editor@a.kg"
    # In the language of the page where they asked, as they have chosen none.
    assert message["Content-Language"] == "ru"
    link = one_link(message, "/account/reset/")
    assert link.startswith("http://school-a.mektep.test/account/reset/")

    owner = site("school-a")
    done = owner.submit(path_of(link), {"password": NEW_PASSWORD, "confirm": NEW_PASSWORD})
    assert done.status_code == 302
    fresh = site("school-a")
    assert fresh.submit("/login", {"email": "editor@a.kg", "password": PASSWORD}).status_code == 401
    fresh.login("editor@a.kg", NEW_PASSWORD)
    # The link worked once.
    assert owner.get(path_of(link)).status_code == 400


def test_the_answer_is_the_same_whether_the_address_has_an_account(app, site, schools, outbox):
    known = ask(site("school-a"), "editor@a.kg")
    unknown = ask(site("school-a"), "nobody@a.kg")
    assert known.status_code == unknown.status_code == 200
    assert known.get_data(as_text=True) == unknown.get_data(as_text=True).replace(
        "nobody@a.kg", "editor@a.kg"
    )
    # The same work: one stored request each, which the worker answers.
    requested = stored(app, status="requested")
    assert [row.to_address for row in requested] == ["editor@a.kg", "nobody@a.kg"]
    assert all(row.content is None for row in requested)
    (message,) = outbox.delivered()
    assert message["To"] == "editor@a.kg"
    # The request for an address without an account leaves nothing behind.
    assert [row.to_address for row in stored(app)] == ["editor@a.kg"]


def test_an_account_without_a_password_or_deactivated_gets_nothing(app, site, schools, outbox):
    set_user(app, "editor@a.kg", password_hash=None)
    set_user(app, "admin@b.kg", active=False)
    for email in ("editor@a.kg", "admin@b.kg"):
        assert ask(site("school-a"), email).status_code == 200
    assert outbox.delivered() == []
    assert stored(app) == []
    # Positive control: an account that can be reset gets its message.
    assert ask(site("school-a"), "admin@a.kg").status_code == 200
    assert [message["To"] for message in outbox.delivered()] == ["admin@a.kg"]


def test_a_chosen_language_wins_over_the_asking_page(app, site, schools, outbox):
    set_user(app, "editor@a.kg", language="ky")
    ask(site("school-a"), "editor@a.kg", lang="ru")
    (message,) = outbox.delivered()
    assert message["Subject"] == "school-a.mektep.test үчүн жаңы сырсөз тандаңыз"


def test_a_district_administrator_resets_on_the_apex(app, site, schools, outbox):
    assert ask(site(), "district@mektep.kg", lang="en").status_code == 200
    (message,) = outbox.delivered()
    assert message["Subject"] == "Choose a new password for mektep.test"
    assert one_link(message, "/account/reset/").startswith("http://mektep.test/account/reset/")


def test_requests_are_limited_like_sign_in(app, site, schools, outbox):
    limit = int(app.config["RESET_LIMIT_PER_ACCOUNT"].split()[0])
    client = site("school-a")
    for _ in range(limit):
        assert ask(client, "editor@a.kg").status_code == 200
    with nothing_changes(app):
        refused = ask(site("school-b"), "EDITOR@a.kg")
    assert refused.status_code == 429
    page = refused.get_data(as_text=True)
    assert "Слишком много запросов нового пароля" in page and 'value="editor@a.kg"' in page
    # Another address is not held back by this one's limit.
    assert ask(client, "admin@a.kg").status_code == 200
    assert len(outbox.delivered()) == limit + 1


def test_bad_input_keeps_what_was_typed(app, site, schools):
    with nothing_changes(app):
        response = site("school-a").submit("/account/forgot", {"email": "not an address"})
    assert response.status_code == 400
    assert 'value="not an address"' in response.get_data(as_text=True)


def test_a_signed_in_member_changes_a_forgotten_password_too(app, site, schools, outbox):
    """A reset link also works while its owner is signed in elsewhere: their
    other sessions end when the new password is saved."""
    elsewhere = site("school-a")
    elsewhere.login("editor@a.kg")
    ask(site("school-a"), "editor@a.kg")
    (message,) = outbox.delivered()
    site("school-a").submit(
        path_of(one_link(message, "/account/reset/")),
        {"password": NEW_PASSWORD, "confirm": NEW_PASSWORD},
    )
    assert_redirect(elsewhere.get("/admin/"), "/login", next="/admin/")
