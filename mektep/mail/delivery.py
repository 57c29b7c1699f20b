"""Sending stored messages: a worker job per message, tried again with a growing
pause when the mail server fails, and a sweep that finds what a lost job, a
dead worker or an unreachable Redis left behind.

A job claims its message with a conditional UPDATE, so two jobs for one message
(the sweep's and a retry's) send it once.
"""

import logging
import smtplib
from datetime import timedelta

import redis
from flask import current_app

from mektep.clock import utcnow
from mektep.extensions import db
from mektep.jobs import SWEEP_SECONDS
from mektep.mail.compose import sender_address, wire_bytes
from mektep.mail.models import MailMessage
from mektep.mail.transport import transmit
from mektep.queue import enqueue_after_commit, get_queue
from mektep.registries import registry

log = logging.getLogger(__name__)
# A job may run a moment before its message's time (clocks of Redis and the database).
EARLY_SLACK = timedelta(seconds=5)
# A message still waiting this long past its time lost its job: the sweep queues it again.
LOST_AFTER = timedelta(seconds=2 * SWEEP_SECONDS)
# A worker that claimed a message this long ago died while sending it.
STUCK_AFTER = timedelta(minutes=10)
MAX_PAUSE_SECONDS = 3600
KEEP_SENT = timedelta(days=30)
SWEEP_BATCH = 500


def add_composer(app, template, composer):
    """Have the worker compose a requested message `template`: `composer(row)`
    returns an EmailMessage, or None when nothing is to be sent (the row goes)."""
    registry("mail_composers", app).append((template, composer))


def _composer(template):
    return next(func for name, func in registry("mail_composers") if name == template)


def store(message, template, lang, user=None, school=None):
    """Keep the composed `message` in the database and queue its job for when the
    transaction commits."""
    row = MailMessage(
        template=template,
        to_address=str(message["To"]),
        user_id=user.id if user is not None else None,
        school_id=school.id if school is not None else None,
        lang=lang,
        subject=str(message["Subject"])[:300],
        content=wire_bytes(message),
        status="pending",
    )
    return _queued(row)


def store_request(address, template, lang, school=None):
    """Keep a request for the message `template` to `address`, which the worker
    composes (or drops) with the composer added for it."""
    row = MailMessage(
        template=template,
        to_address=address,
        school_id=school.id if school is not None else None,
        lang=lang,
        status="requested",
    )
    return _queued(row)


def _queued(row):
    db.session.add(row)
    db.session.flush()
    enqueue_after_commit(deliver, row.id)
    return row


def _claim(message_id):
    """Take the message for this job: the state it was in, or None when another
    job has it, it is sent, or its time has not come."""
    row = db.session.get(MailMessage, message_id)
    now = utcnow()
    if row is None or row.status not in ("pending", "requested"):
        return None
    if row.next_attempt_at > now + EARLY_SLACK:
        return None
    was = row.status
    claimed = db.session.execute(
        db.update(MailMessage)
        .where(MailMessage.id == message_id, MailMessage.status == was)
        .values(status="sending", claimed_at=now)
    ).rowcount
    db.session.commit()
    return was if claimed else None


def deliver(message_id):
    """Job: hand the message to the mail server (or write it to the outbox)."""
    was = _claim(message_id)
    if was is None:
        return
    row = db.session.get(MailMessage, message_id)
    db.session.refresh(row)
    if was == "requested" and not _compose_requested(row):
        return
    try:
        transmit(sender_address(), row.to_address, row.content)
    except (OSError, smtplib.SMTPException) as error:
        _failed(row, error)
        return
    row.status, row.sent_at, row.content, row.last_error = "sent", utcnow(), None, ""
    db.session.commit()


def _compose_requested(row):
    """Compose a requested message; False (and the request gone) when there is
    nothing to send."""
    message = _composer(row.template)(row)
    if message is None:
        db.session.delete(row)
        db.session.commit()
        return False
    row.subject = str(message["Subject"])[:300]
    row.content = wire_bytes(message)
    db.session.commit()
    return True


def _failed(row, error):
    """Record the failed attempt; try again later, or give up once the message is
    MAIL_GIVE_UP_HOURS old (it stays in the database, with the reason)."""
    config = current_app.config
    now = utcnow()
    row.attempts += 1
    row.last_error = f"{type(error).__name__}: {error}"[:500]
    log.warning(
        "mail %s to %s failed (attempt %s): %s",
        row.id,
        row.to_address,
        row.attempts,
        row.last_error,
    )
    if now - row.created_at >= timedelta(hours=config["MAIL_GIVE_UP_HOURS"]):
        row.status = "failed"
        db.session.commit()
        return
    pause = min(config["MAIL_RETRY_SECONDS"] * 2 ** (row.attempts - 1), MAX_PAUSE_SECONDS)
    row.status, row.next_attempt_at = "pending", now + timedelta(seconds=pause)
    db.session.commit()
    try:
        get_queue().enqueue_in(timedelta(seconds=pause), deliver, row.id)
    except redis.RedisError as queue_error:
        log.warning("queue unreachable, mail %s left for the sweep: %s", row.id, queue_error)


def sweep():
    """Queue again the messages whose job was lost, free those of a dead worker,
    and forget sent messages after KEEP_SENT."""
    now = utcnow()
    for content_kept, state in ((True, "pending"), (False, "requested")):
        stored = MailMessage.content.is_not(None) if content_kept else MailMessage.content.is_(None)
        db.session.execute(
            db.update(MailMessage)
            .where(
                MailMessage.status == "sending",
                MailMessage.claimed_at < now - STUCK_AFTER,
                stored,
            )
            .values(status=state, next_attempt_at=now - LOST_AFTER)
        )
    lost = db.session.scalars(
        db.select(MailMessage.id)
        .where(
            MailMessage.status.in_(("pending", "requested")),
            MailMessage.next_attempt_at <= now - LOST_AFTER,
        )
        .order_by(MailMessage.next_attempt_at)
        .limit(SWEEP_BATCH)
    ).all()
    if lost:
        db.session.execute(
            db.update(MailMessage).where(MailMessage.id.in_(lost)).values(next_attempt_at=now)
        )
    for message_id in lost:
        enqueue_after_commit(deliver, message_id)
    db.session.execute(
        db.delete(MailMessage).where(
            MailMessage.status == "sent", MailMessage.sent_at < now - KEEP_SENT
        )
    )
    db.session.commit()
    return len(lost)
