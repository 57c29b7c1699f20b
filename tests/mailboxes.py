"""Where tests read the e-mail the platform sent: the development outbox
(`instance/outbox/*.eml`, written by a real worker), and a real SMTP server on
loopback (aiosmtpd, in a thread) that a real worker sends to.

    def test_x(outbox):           # no MAIL_URL: messages become .eml files
        ...; (message,) = outbox.delivered()
    def test_y(smtp_server):      # MAIL_URL points at the loopback server
        ...; (message,) = smtp_server.delivered()

`delivered()` runs a worker (burst) and returns the messages that arrived
since the last call, parsed (`email.message.EmailMessage`).
"""

import email
import email.policy
import socket
import threading
from pathlib import Path

import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult


def parse(data):
    return email.message_from_bytes(data, policy=email.policy.default)


def text_part(message):
    return message.get_body(("plain",)).get_content()


def html_part(message):
    return message.get_body(("html",)).get_content()


class Outbox:
    def __init__(self, app, run_worker):
        self.folder = Path(app.config["INSTANCE_DIR"]) / "outbox"
        self.run_worker = run_worker
        self.seen = self._files()

    def _files(self):
        return set(self.folder.glob("*.eml")) if self.folder.exists() else set()

    def delivered(self):
        self.run_worker()
        new = sorted(self._files() - self.seen)
        self.seen.update(new)
        return [parse(path.read_bytes()) for path in new]


@pytest.fixture
def outbox(app, run_worker):
    return Outbox(app, run_worker)


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Recorder:
    """aiosmtpd handler: keeps every message it accepts; while `refusing`, answers
    every message with a temporary failure (451), as a busy server does."""

    def __init__(self):
        self.received = []
        self.refused = 0
        self.refusing = False
        self.arrived = threading.Condition()

    async def handle_DATA(self, server, session, envelope):
        if self.refusing:
            self.refused += 1
            return "451 4.3.0 Try again later"
        with self.arrived:
            self.received.append((envelope.mail_from, list(envelope.rcpt_tos), envelope.content))
            self.arrived.notify_all()
        return "250 OK"


class SmtpServer:
    """A real SMTP server on a loopback port; `url` is the MAIL_URL that reaches it."""

    def __init__(self, app, run_worker, port, user=None, password=None):
        self.app, self.run_worker, self.port = app, run_worker, port
        self.user, self.password = user, password
        self.handler = Recorder()
        self.controller = None
        self.read = 0
        self.logins = []

    @property
    def url(self):
        credentials = f"{self.user}:{self.password}@" if self.user else ""
        return f"smtp://{credentials}127.0.0.1:{self.port}"

    def _authenticate(self, server, session, envelope, mechanism, auth_data):
        self.logins.append(auth_data.login.decode())
        ok = (auth_data.login.decode(), auth_data.password.decode()) == (self.user, self.password)
        # handled=False: aiosmtpd answers a refusal with 535 itself.
        return AuthResult(success=ok, handled=False)

    def start(self):
        options = {}
        if self.user:
            options = dict(
                authenticator=self._authenticate, auth_required=True, auth_require_tls=False
            )
        self.controller = Controller(self.handler, hostname="127.0.0.1", port=self.port, **options)
        self.controller.start()
        return self

    def stop(self):
        if self.controller is not None:
            self.controller.stop()
            self.controller = None

    def messages(self):
        """Every message received so far: (envelope sender, recipients, parsed message)."""
        return [(sender, to, parse(data)) for sender, to, data in self.handler.received]

    def delivered(self):
        """Run a worker sending to this server; the messages that arrived since the last call."""
        self.run_worker(TEST_MAIL_URL=self.url)
        new = self.messages()[self.read :]
        self.read += len(new)
        return [message for _sender, _to, message in new]

    def wait_for(self, count, timeout=30):
        """Wait until `count` messages in all have arrived; True if they did."""
        with self.handler.arrived:
            return self.handler.arrived.wait_for(
                lambda: len(self.handler.received) >= count, timeout
            )


@pytest.fixture
def smtp_server(app, run_worker, monkeypatch):
    """A real SMTP server on loopback, and the app configured to send through it."""
    server = SmtpServer(app, run_worker, free_port()).start()
    monkeypatch.setitem(app.config, "MAIL_URL", server.url)
    yield server
    server.stop()
