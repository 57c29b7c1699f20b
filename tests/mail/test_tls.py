"""Encrypted mail servers: STARTTLS and TLS from the first byte (smtps), with a
certificate the worker checks (a test authority named by SSL_CERT_FILE, as an
operator would name their own)."""

import ssl
import subprocess

import pytest
from aiosmtpd.controller import Controller

from tests.account_steps import membership_id
from tests.mail.steps import make_due, stored
from tests.mailboxes import Recorder, free_port, parse


@pytest.fixture(scope="module")
def certificate(tmp_path_factory):
    """A self-signed certificate for 127.0.0.1: (certificate file, key file)."""
    folder = tmp_path_factory.mktemp("tls")
    cert, key = folder / "cert.pem", folder / "key.pem"
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
         "-keyout", str(key), "-out", str(cert), "-subj", "/CN=127.0.0.1",
         "-addext", "subjectAltName=IP:127.0.0.1"],
        check=True,
        capture_output=True,
    )  # fmt: skip
    return cert, key


def server_context(certificate):
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(*certificate)
    return context


class SmtpsController(Controller):
    """aiosmtpd speaking TLS from the first byte."""

    def __init__(self, handler, context, **kwargs):
        super().__init__(handler, ssl_context=context, **kwargs)


def send_reset(admin_a, app, schools):
    member = membership_id(app, "editor@a.kg", schools["a"])
    response = admin_a.submit(
        f"/admin/accounts/{member}/password-reset", {}, form_page="/admin/accounts"
    )
    assert response.status_code == 302


@pytest.mark.parametrize("mode", ["starttls", "smtps"])
def test_an_encrypted_server_gets_the_message(
    app, schools, admin_a, run_worker, monkeypatch, certificate, mode
):
    port, handler = free_port(), Recorder()
    context = server_context(certificate)
    if mode == "starttls":
        controller = Controller(
            handler, hostname="127.0.0.1", port=port, tls_context=context, require_starttls=True
        )
        url = f"smtp://127.0.0.1:{port}?starttls"
    else:
        controller = SmtpsController(handler, context, hostname="127.0.0.1", port=port)
        url = f"smtps://127.0.0.1:{port}"
    controller.start()
    try:
        monkeypatch.setitem(app.config, "MAIL_URL", url)
        send_reset(admin_a, app, schools)
        # Without the authority, the certificate is refused: nothing leaves.
        run_worker(TEST_MAIL_URL=url)
        assert handler.received == []
        (row,) = stored(app)
        assert row.status == "pending" and "CERTIFICATE_VERIFY_FAILED" in row.last_error
        # Trusting it, the next attempt (due, here, for the worker's sweep) goes through.
        make_due(app)
        run_worker(TEST_MAIL_URL=url, SSL_CERT_FILE=str(certificate[0]))
    finally:
        controller.stop()
    ((_, recipients, data),) = handler.received
    assert recipients == ["editor@a.kg"] and parse(data)["To"] == "editor@a.kg"
    assert stored(app)[0].status == "sent"
