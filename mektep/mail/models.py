"""A message on its way: stored in the database from the moment it is made until
it is handed to the mail server, so that no failure (of the server, of Redis,
of a worker) loses it.

States: `requested` (the worker decides what to send: e.g. a password reset,
whose answer must not depend on whether the address has an account), `pending`
(composed, waiting for its next attempt), `sending` (claimed by a worker),
`sent` (handed over; its content is then dropped, links and all), `failed`
(given up after MAIL_GIVE_UP_HOURS; `last_error` says why).
"""

from mektep.clock import utcnow
from mektep.extensions import db

STATUSES = ("requested", "pending", "sending", "sent", "failed")


class MailMessage(db.Model):
    page_cache_scope = "none"  # no public page shows mail
    __table_args__ = (db.Index("ix_mail_message_due", "status", "next_attempt_at"),)

    id = db.Column(db.Integer, primary_key=True)
    created_at = db.Column(db.DateTime, nullable=False, default=utcnow)
    # What it is (the template's name), to whom, in which language, for which school.
    template = db.Column(db.String(60), nullable=False)
    to_address = db.Column(db.String(254), nullable=False)
    user_id = db.Column(db.ForeignKey("user.id", ondelete="SET NULL"), index=True)
    school_id = db.Column(db.ForeignKey("school.id", ondelete="CASCADE"), index=True)
    lang = db.Column(db.String(2), nullable=False)
    subject = db.Column(db.String(300), nullable=False, default="")
    # The whole RFC 5322 message; None once sent (it may hold a one-time link).
    content = db.Column(db.LargeBinary)
    status = db.Column(db.String(10), nullable=False, default="pending")
    attempts = db.Column(db.Integer, nullable=False, default=0)
    next_attempt_at = db.Column(db.DateTime, nullable=False, default=utcnow)
    claimed_at = db.Column(db.DateTime)
    sent_at = db.Column(db.DateTime)
    last_error = db.Column(db.String(500), nullable=False, default="")

    user = db.relationship("User")
    school = db.relationship("School")

    def __repr__(self):
        return f"<MailMessage {self.id} {self.template} {self.status}>"
