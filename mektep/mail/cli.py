"""`flask mail ...`: check the mail server, see what waits, send failed messages again."""

import smtplib

import click
from flask.cli import AppGroup

from config import UI_LANGUAGES
from mektep.clock import utcnow
from mektep.extensions import db
from mektep.mail.compose import compose, sender_address, wire_bytes
from mektep.mail.delivery import deliver
from mektep.mail.models import STATUSES, MailMessage
from mektep.mail.transport import parse_mail_url, transmit, uses_smtp
from mektep.queue import enqueue_after_commit

mail_cli = AppGroup("mail", help="E-mail: test the server, list waiting and failed messages.")


@mail_cli.command("test")
@click.argument("address")
@click.option("--lang", type=click.Choice(UI_LANGUAGES), default="en")
def send_test(address, lang):
    """Send a test message to ADDRESS now, without the queue, and say what happened."""
    from flask import current_app

    message = compose(address, "test", lang)
    if not uses_smtp():
        path = transmit(sender_address(), address, wire_bytes(message))
        click.echo(f"MAIL_URL is not set: the message was written to {path}")
        return
    server = parse_mail_url(current_app.config["MAIL_URL"])
    try:
        transmit(sender_address(), address, wire_bytes(message))
    except (OSError, smtplib.SMTPException) as error:
        raise click.ClickException(
            f"{server.host}:{server.port} did not take the message: {type(error).__name__}: {error}"
        ) from None
    click.echo(f"{server.host}:{server.port} took the message for {address}.")


@mail_cli.command("status")
def status():
    """How many messages are in each state, and the last error of those not sent."""
    counts = dict(
        db.session.execute(
            db.select(MailMessage.status, db.func.count()).group_by(MailMessage.status)
        ).all()
    )
    click.echo("  ".join(f"{name}: {counts.get(name, 0)}" for name in STATUSES))
    waiting = db.session.scalars(
        db.select(MailMessage)
        .where(MailMessage.status.in_(("pending", "failed")), MailMessage.attempts > 0)
        .order_by(MailMessage.created_at)
        .limit(20)
    )
    for row in waiting:
        click.echo(
            f"#{row.id} {row.status} {row.template} to {row.to_address}, "
            f"{row.attempts} attempts, made {row.created_at:%Y-%m-%d %H:%M} UTC: {row.last_error}"
        )


@mail_cli.command("retry")
def retry():
    """Send the failed messages again (after the mail server was fixed, say)."""
    failed = db.session.scalars(db.select(MailMessage).where(MailMessage.status == "failed")).all()
    for row in failed:
        row.status, row.next_attempt_at = "pending", utcnow()
        enqueue_after_commit(deliver, row.id)
    db.session.commit()
    click.echo(f"{len(failed)} failed messages are queued again.")
