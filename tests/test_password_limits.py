"""Guessing passwords: the limit holds against a parallel burst, an unknown
address costs the same hashing as a known one, and the password-change page
shares the sign-in limit."""

import hashlib
import threading

import pytest

from mektep.accounts.models import Membership, User
from mektep.extensions import db
from tests.conftest import PASSWORD
from tests.http_client import Browser

BURST = 15


@pytest.fixture
def hash_work(monkeypatch):
    """Every password hashing done by the app, as (hash name, iterations): the
    test configuration hashes with pbkdf2:sha256:1000, and werkzeug computes
    every check through hashlib.pbkdf2_hmac."""
    done = []
    real = hashlib.pbkdf2_hmac

    def counted(name, password, salt, iterations, *args, **kwargs):
        done.append((name, iterations))
        return real(name, password, salt, iterations, *args, **kwargs)

    monkeypatch.setattr(hashlib, "pbkdf2_hmac", counted)
    return done


def test_a_parallel_burst_of_wrong_passwords_gets_no_more_tries_than_the_limit(
    app, live_server, schools, hash_work
):
    host = f"school-a.{app.config['BASE_DOMAIN']}"
    browsers = [Browser(live_server, host) for _ in range(BURST)]
    tokens = [browser.csrf_token("/login") for browser in browsers]
    start = threading.Barrier(BURST)
    statuses = [None] * BURST

    def guess(number):
        start.wait()
        form = {"email": "admin@a.kg", "password": f"guess {number}", "csrf_token": tokens[number]}
        statuses[number] = browsers[number].post("/login", form).status

    threads = [threading.Thread(target=guess, args=(number,)) for number in range(BURST)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(statuses) == [401] * 5 + [429] * (BURST - 5)
    assert len(hash_work) == 5  # no password was tried beyond the limit
    late = Browser(live_server, host)
    form = {"email": "admin@a.kg", "password": PASSWORD, "csrf_token": late.csrf_token("/login")}
    assert late.post("/login", form).status == 429
    other = Browser(live_server, host)
    form = {"email": "editor@a.kg", "password": PASSWORD, "csrf_token": other.csrf_token("/login")}
    assert other.post("/login", form).status == 302


def test_an_unknown_address_costs_the_same_hashing_as_a_known_one(app, site, schools, hash_work):
    with app.app_context():
        db.session.add(Membership(user=User(email="unset@a.kg"), school_id=schools["a"]))
        db.session.commit()
    client = site("school-a")
    token = client.csrf_token("/login")
    work = {}
    for email in ("admin@a.kg", "nobody@a.kg", "unset@a.kg"):
        hash_work.clear()
        form = {"email": email, "password": "a wrong guess", "csrf_token": token}
        assert client.post("/login", data=form).status_code == 401
        work[email] = list(hash_work)
    assert work["admin@a.kg"] == [("sha256", 1000)]  # the configured method
    assert work["nobody@a.kg"] == work["admin@a.kg"]
    assert work["unset@a.kg"] == work["admin@a.kg"]


def test_guessing_the_current_password_is_limited_like_sign_in(app, site, schools):
    client = site("school-a")
    client.login("admin@a.kg")
    change = {"password": "a new long password", "confirm": "a new long password"}
    for _ in range(5):
        response = client.submit("/account/password", dict(change, current="a wrong guess"))
        assert response.status_code == 400
    response = client.submit("/account/password?lang=ru", dict(change, current="another guess"))
    assert response.status_code == 429
    assert "Слишком много неудачных попыток" in response.get_data(as_text=True)
    right = client.submit("/account/password", dict(change, current=PASSWORD))
    assert right.status_code == 429
    with app.app_context():
        user = db.session.scalar(db.select(User).where(User.email == "admin@a.kg"))
        assert user.check_password(PASSWORD) and not user.check_password(change["password"])
    response = site("school-a").submit("/login", {"email": "admin@a.kg", "password": PASSWORD})
    assert response.status_code == 429  # one budget of guesses per account
    editor = site("school-a")
    editor.login("editor@a.kg")
    response = editor.submit("/account/password", dict(change, current=PASSWORD))
    assert response.status_code == 302
