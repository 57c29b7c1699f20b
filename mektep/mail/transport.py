"""How a composed message leaves: through SMTP (`MAIL_URL`), or, without one, as
an `.eml` file in `instance/outbox/` (development, the two README commands).

`MAIL_URL` is one of
    smtp://user:password@host:587?starttls   plain connection upgraded with STARTTLS
    smtps://user:password@host               TLS from the start (port 465 by default)
    smtp://host:25                           no sign-in (a relay that trusts this host)
User and password are percent-encoded where they hold `@`, `:` or `/`.
"""

import secrets
import smtplib
import ssl
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

from flask import current_app

from mektep.clock import utcnow

SMTP_TIMEOUT_SECONDS = 20
DEFAULT_PORTS = {"smtp": 25, "smtps": 465}
STARTTLS_PORT = 587


class MailUrlError(ValueError):
    """MAIL_URL cannot be used; the message says why."""


@dataclass(frozen=True)
class SmtpServer:
    host: str
    port: int
    tls: bool  # TLS from the first byte (smtps)
    starttls: bool
    user: str | None
    password: str | None


def parse_mail_url(url):
    """The SmtpServer that `url` names; raises MailUrlError."""
    parts = urlsplit(url)
    if parts.scheme not in DEFAULT_PORTS:
        raise MailUrlError(f"the scheme must be smtp or smtps, not {parts.scheme!r}")
    if not parts.hostname:
        raise MailUrlError("it names no host")
    options = parse_qs(parts.query, keep_blank_values=True)
    unknown = set(options) - {"starttls"}
    if unknown:
        raise MailUrlError(f"unknown option {sorted(unknown)[0]!r} (only starttls is known)")
    starttls = "starttls" in options
    if starttls and parts.scheme == "smtps":
        raise MailUrlError("smtps is encrypted from the start: starttls does not apply")
    try:
        port = parts.port
    except ValueError as error:
        raise MailUrlError(f"the port is not a number from 1 to 65535 ({error})") from None
    if port is None:
        port = STARTTLS_PORT if starttls else DEFAULT_PORTS[parts.scheme]
    if parts.username is not None and parts.password is None:
        raise MailUrlError("a user is named without a password")
    return SmtpServer(
        host=parts.hostname,
        port=port,
        tls=parts.scheme == "smtps",
        starttls=starttls,
        user=unquote(parts.username) if parts.username else None,
        password=unquote(parts.password) if parts.password is not None else None,
    )


def uses_smtp(app=None):
    """Whether messages go through an SMTP server (else to the outbox folder)."""
    return bool((app or current_app).config["MAIL_URL"])


def transmit(sender, recipient, data):
    """Hand the message `data` (bytes) over; raises on failure (OSError, smtplib's
    errors), and the caller tries again later."""
    url = current_app.config["MAIL_URL"]
    if not url:
        return write_to_outbox(data)
    server = parse_mail_url(url)
    context = ssl.create_default_context()
    if server.tls:
        connection = smtplib.SMTP_SSL(
            server.host, server.port, timeout=SMTP_TIMEOUT_SECONDS, context=context
        )
    else:
        connection = smtplib.SMTP(server.host, server.port, timeout=SMTP_TIMEOUT_SECONDS)
    with connection:
        if server.starttls:
            connection.starttls(context=context)
        if server.user is not None:
            connection.login(server.user, server.password)
        connection.sendmail(sender, [recipient], data)
    return None


def outbox_dir():
    return Path(current_app.config["INSTANCE_DIR"]) / "outbox"


def write_to_outbox(data):
    """Write the message as an `.eml` file (named by the time, so that a folder
    listing reads in order); returns its path."""
    folder = outbox_dir()
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{utcnow():%Y%m%d-%H%M%S}-{secrets.token_hex(4)}.eml"
    path.write_bytes(data)
    return path
