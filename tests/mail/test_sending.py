"""Messages go out through a real SMTP server on loopback, sent by a real
worker process, with a plain-text and an HTML part in the recipient's
language; a failing server never fails the page nor loses the message."""

import subprocess
import sys
import time
from datetime import timedelta

import pytest

from config import BASE_DIR, ConfigurationError, TestConfig
from mektep import create_app
from mektep.clock import utcnow
from mektep.extensions import db
from mektep.mail.models import MailMessage
from mektep.mail.transport import MailUrlError, SmtpServer, parse_mail_url
from tests.account_steps import invite, membership_id, setup_path
from tests.conftest import PASSWORD, worker_env
from tests.mail.steps import make_due, one_link, path_of, stored
from tests.mailboxes import SmtpServer as LoopbackServer
from tests.mailboxes import free_port, html_part, text_part


def send_reset(admin_a, app, schools, email="editor@a.kg"):
    member = membership_id(app, email, schools["a"])
    return admin_a.submit(
        f"/admin/accounts/{member}/password-reset", {}, form_page="/admin/accounts"
    )


def test_an_invitation_reaches_the_smtp_server_and_its_link_works(
    app, site, schools, admin_a, smtp_server
):
    response = invite(admin_a, "newcomer@mail.kg")
    page = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "newcomer@mail.kg" in page and "A set-up link is on its way" in page
    # With a mail server, the link goes to its owner only: never on the screen.
    assert setup_path(page) is None and "/account/setup/" not in page
    (message,) = smtp_server.delivered()
    ((sender, recipients, _),) = smtp_server.messages()
    assert sender == "no-reply@mektep.test" and recipients == ["newcomer@mail.kg"]
    assert message["To"] == "newcomer@mail.kg"
    assert message["From"].addresses[0].display_name == "school-a мектеби"
    assert message["Content-Language"] == "ky"  # the school's; the inviting page's too
    assert message["Subject"] == "school-a мектеби сайтындагы аккаунтуңуз"
    assert message.get_content_type() == "multipart/alternative"
    text, html = text_part(message), html_part(message)
    assert (
        "admin (admin@a.kg) сизди school-a мектеби сайтында редактор катары иштөөгө чакырды."
        in text
    )
    assert '<html lang="ky">' in html and "school-a мектеби" in html
    link = one_link(message, "/account/setup/")
    assert link.startswith("http://school-a.mektep.test/account/setup/")

    newcomer = site("school-a")
    assert newcomer.get(path_of(link)).status_code == 200
    done = newcomer.submit(
        path_of(link), {"display_name": "Newcomer", "password": PASSWORD, "confirm": PASSWORD}
    )
    assert done.status_code == 302 and newcomer.get("/admin/").status_code == 200
    (row,) = stored(app, to_address="newcomer@mail.kg")
    assert (row.status, row.template, row.attempts, row.content) == ("sent", "setup", 0, None)


def test_messages_are_in_the_language_the_owner_chose(app, site, schools, admin_a, smtp_server):
    editor = site("school-a")
    editor.login("editor@a.kg")
    response = editor.submit("/account/settings?lang=ru", {"language": "ru"})
    assert response.status_code == 302
    assert send_reset(admin_a, app, schools).status_code == 302
    (message,) = smtp_server.delivered()
    assert message["Subject"] == "Выберите новый пароль для school-a.mektep.test"
    assert message["From"].addresses[0].display_name == "Школа school-a"
    link = one_link(message, "/account/reset/")
    assert link.startswith("http://school-a.mektep.test/account/reset/") and "lang=ru" in link
    assert "Сменить пароль" not in text_part(message)  # nothing of the admin's pages

    # Back to "as the pages I use": the language of the page they signed in on.
    editor.submit("/account/settings", {"language": "pages"})
    assert send_reset(admin_a, app, schools).status_code == 302
    (message,) = smtp_server.delivered()
    assert message["Subject"] == "school-a.mektep.test үчүн жаңы сырсөз тандаңыз"
    on_ru = site("school-a")
    on_ru.submit("/login?lang=ru", {"email": "editor@a.kg", "password": PASSWORD})
    assert send_reset(admin_a, app, schools).status_code == 302
    (message,) = smtp_server.delivered()
    assert message["Content-Language"] == "ru"


def test_english_is_for_the_console_only(app, site, schools):
    editor = site("school-a")
    editor.login("editor@a.kg")
    page = editor.get("/account/settings?lang=en").get_data(as_text=True)
    assert 'value="ky"' in page and 'value="ru"' in page and 'value="en"' not in page
    response = editor.submit("/account/settings?lang=en", {"language": "en"})
    assert response.status_code == 400 and "Not a valid choice" in response.get_data(as_text=True)
    district = site()
    district.login("district@mektep.kg")
    assert district.submit("/account/settings", {"language": "en"}).status_code == 302
    with app.app_context():
        from mektep.accounts.models import User

        languages = dict(db.session.execute(db.select(User.email, User.language)).all())
    assert languages["district@mektep.kg"] == "en" and languages["editor@a.kg"] is None


def start_worker(app, **environment):
    """A real worker process that keeps running (with RQ's scheduler, which runs
    the retries it plans), as in production."""
    with app.app_context():
        env = worker_env(app) | environment
    return subprocess.Popen(
        [sys.executable, str(BASE_DIR / "worker.py")],
        env=env,
        cwd=BASE_DIR,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )


def wait_until(condition, timeout=30):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.2)
    return False


def test_a_refusing_server_gets_the_message_once_it_accepts(app, schools, admin_a, smtp_server):
    smtp_server.handler.refusing = True
    response = send_reset(admin_a, app, schools)
    assert response.status_code == 302  # the page never waits for the mail server
    worker = start_worker(app, TEST_MAIL_URL=smtp_server.url)
    try:
        assert wait_until(lambda: smtp_server.handler.refused >= 1)
        assert wait_until(lambda: stored(app)[0].attempts >= 1)
        (row,) = stored(app)
        assert row.status in ("pending", "sending") and "451" in row.last_error
        assert row.content is not None
        smtp_server.handler.refusing = False
        assert smtp_server.wait_for(1), "the retry never came"
        assert wait_until(lambda: stored(app)[0].status == "sent")
    finally:
        worker.terminate()
        worker.wait(timeout=30)
    ((_, recipients, message),) = smtp_server.messages()
    assert recipients == ["editor@a.kg"]
    assert one_link(message, "/account/reset/").startswith("http://school-a.mektep.test/")
    (row,) = stored(app)
    assert row.content is None and row.attempts >= 1


def test_an_unreachable_server_loses_nothing_and_the_sweep_sends_it_later(
    app, schools, admin_a, run_worker, monkeypatch
):
    port = free_port()
    server = LoopbackServer(app, run_worker, port)
    monkeypatch.setitem(app.config, "MAIL_URL", server.url)
    assert send_reset(admin_a, app, schools).status_code == 302
    run_worker(TEST_MAIL_URL=server.url)  # nothing listens on the port
    (row,) = stored(app)
    assert (row.status, row.attempts) == ("pending", 1)
    assert "Connection refused" in row.last_error or "ConnectionRefused" in row.last_error
    assert row.next_attempt_at > row.created_at  # a retry is planned

    server.start()
    try:
        # Its retry was planned with RQ's scheduler; say that job was lost with Redis:
        # once the message is overdue, the worker's sweep queues it again.
        make_due(app)
        (message,) = server.delivered()
    finally:
        server.stop()
    assert message["To"] == "editor@a.kg"
    assert stored(app)[0].status == "sent"


def test_a_message_is_given_up_after_days_and_kept(app, schools, admin_a, run_worker, monkeypatch):
    url = f"smtp://127.0.0.1:{free_port()}"
    monkeypatch.setitem(app.config, "MAIL_URL", url)
    send_reset(admin_a, app, schools)
    with app.app_context():
        db.session.execute(
            db.update(MailMessage).values(
                created_at=utcnow() - timedelta(hours=TestConfig.MAIL_GIVE_UP_HOURS + 1)
            )
        )
        db.session.commit()
    run_worker(TEST_MAIL_URL=url)
    (row,) = stored(app)
    assert (row.status, row.attempts) == ("failed", 1) and row.content is not None


def test_the_server_asks_for_a_password(app, site, schools, admin_a, run_worker, monkeypatch):
    server = LoopbackServer(app, run_worker, free_port(), "mektep", "p@ss:w/rd").start()
    try:
        good = server.url.replace("p@ss:w/rd", "p%40ss%3Aw%2Frd")
        monkeypatch.setitem(app.config, "MAIL_URL", good)
        wrong = good.replace("p%40ss", "nope")
        send_reset(admin_a, app, schools)
        run_worker(TEST_MAIL_URL=wrong)
        assert server.messages() == []
        (row,) = stored(app)
        assert row.status == "pending" and "535" in row.last_error
        make_due(app)
        run_worker(TEST_MAIL_URL=good)
        assert [to for _, to, _ in server.messages()] == [["editor@a.kg"]]
        assert set(server.logins) == {"mektep"}  # the user of MAIL_URL, decoded
    finally:
        server.stop()


def test_without_mail_url_messages_become_eml_files(app, schools, admin_a, outbox):
    response = invite(admin_a, "newcomer@mail.kg")
    # Development: the one who created the account also sees the link, as before.
    shown = setup_path(response.get_data(as_text=True))
    assert shown and shown.startswith("/account/setup/")
    (message,) = outbox.delivered()
    assert message["To"] == "newcomer@mail.kg"
    assert path_of(one_link(message, "/account/setup/")) == shown
    (row,) = stored(app)
    assert row.status == "sent" and row.content is None


@pytest.mark.parametrize(
    "url, server",
    [
        (
            "smtp://user:pa%40ss@mail.example.kg:587?starttls",
            SmtpServer("mail.example.kg", 587, False, True, "user", "pa@ss"),
        ),
        (
            "smtp://mail.example.kg?starttls",
            SmtpServer("mail.example.kg", 587, False, True, None, None),
        ),
        ("smtps://u:p@mail.example.kg", SmtpServer("mail.example.kg", 465, True, False, "u", "p")),
        ("smtp://relay.example.kg", SmtpServer("relay.example.kg", 25, False, False, None, None)),
    ],
)
def test_mail_url_forms(url, server):
    assert parse_mail_url(url) == server


@pytest.mark.parametrize(
    "url, problem",
    [
        ("http://mail.example.kg", "scheme"),
        ("smtp://", "no host"),
        ("smtp://mail.example.kg?tls", "unknown option"),
        ("smtps://mail.example.kg?starttls", "does not apply"),
        ("smtp://mail.example.kg:99999", "port"),
        ("smtp://user@mail.example.kg", "without a password"),
    ],
)
def test_a_mail_url_that_cannot_work_stops_the_app(url, problem):
    with pytest.raises(MailUrlError, match=problem):
        parse_mail_url(url)

    class Config(TestConfig):
        MAIL_URL = url

    with pytest.raises(ConfigurationError, match="MAIL_URL cannot be used"):
        create_app(Config)
