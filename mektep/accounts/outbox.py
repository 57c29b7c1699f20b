"""Messages to an account's owner, delivered to their own address only.

There is no mail transport yet: each message is written as an RFC 5322 `.eml`
file into `instance/outbox/` (design.md: e-mail in the embedded set-up), from
where a relay or the coming mail sender delivers it. Whoever triggered the
message is never shown its content.
"""

import secrets
from email.message import EmailMessage
from email.utils import formatdate, make_msgid
from pathlib import Path

from flask import current_app


def outbox_dir():
    return Path(current_app.config["INSTANCE_DIR"]) / "outbox"


def send(to, subject, body):
    """Queue a plain-text message to `to`; returns the file it was written to."""
    domain = current_app.config["BASE_DOMAIN"].split(":", 1)[0]
    message = EmailMessage()
    message["From"] = f"no-reply@{domain}"
    message["To"] = to
    message["Subject"] = subject
    message["Date"] = formatdate(localtime=False)
    message["Message-ID"] = make_msgid(domain=domain)
    message.set_content(body)
    folder = outbox_dir()
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{secrets.token_hex(8)}.eml"
    path.write_bytes(message.as_bytes())
    return path
