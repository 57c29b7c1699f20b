"""Adding people to a school without touching anyone's credentials.

An address nobody uses yet gets a new account, a membership, and a set-up link
mailed to it (shown on screen too in development, where mail goes to the outbox
folder). An address that already has an account (with a password or not, in
another school or none) gets a pending membership, and a message telling its
owner: nothing of the account changes, and the school gets nothing, until its
owner signs in and accepts. Each step is written to the school's audit log.
"""

from dataclasses import dataclass

from flask import current_app, g, has_request_context, url_for
from sqlalchemy.exc import IntegrityError

from config import LANGUAGES
from mektep import audit
from mektep.accounts import messages, setup_links
from mektep.accounts.models import Membership, User
from mektep.extensions import db
from mektep.hosts import site_url
from mektep.i18n import host_language


@dataclass
class Invitation:
    membership: Membership
    # The set-up link mailed to a new account, while a page may show it too
    # (`mail.shows_links()`); None otherwise, and for an invitation that waits
    # for the owner (`membership.pending`).
    link: str | None


def answer_url(school):
    """Where the invited owner accepts or declines `school`'s invitation, in the
    page's language; also outside a request (the CLI prints it)."""
    if has_request_context():
        return site_url(school, url_for("auth.invitations"))
    return site_url(school, current_app.url_map.bind("").build("auth.invitations"))


def find_user(email):
    return db.session.scalar(db.select(User).where(User.email == email))


def invite(school, email, role, inviter=None):
    """Give `email` `role` in `school`: a new account with its set-up link, or
    an invitation that the existing account's owner accepts; either is mailed
    to the address, telling who (`inviter`) invited them."""
    user = find_user(email)
    created = user is None and (user := new_account(email, inviting_language(school))) is not None
    if created:
        membership = Membership(user=user, school=school, role=role)
    else:
        user = user or find_user(email)
        membership = Membership(user=user, school=school, role=role, pending=True)
    db.session.add(membership)
    db.session.flush()
    if membership.pending:
        messages.send_invitation(membership, inviter)
        return Invitation(membership, None)
    return Invitation(membership, setup_links.send(membership, inviter))


def inviting_language(school=None, languages=LANGUAGES):
    """The language of a new account's first messages: the page's where someone
    invites it (its owner has used no page yet), else the school's."""
    if has_request_context() and g.get("lang") in languages:
        return g.lang
    return host_language(school)


def new_account(email, lang, **fields):
    """A new account for `email`, or None when another request created one for it a
    moment ago (two schools inviting one new address at once): this school's
    invitation then waits for the owner like any other."""
    try:
        with db.session.begin_nested():
            user = User(email=email, last_language=lang, **fields)
            db.session.add(user)
    except IntegrityError:
        return None
    return user


def accept(membership):
    """The owner (signed in) accepts: from now on they work for the school."""
    membership.pending = False
    audit.record("accounts.accept", membership.role, school_id=membership.school_id)


def decline(membership):
    """The owner declines: the invitation is gone, the school is told in its log."""
    audit.record("accounts.decline", membership.role, school_id=membership.school_id)
    db.session.delete(membership)


def withdraw(membership):
    """The school takes back an invitation that is still waiting."""
    audit.record("accounts.withdraw", membership.user.email, school_id=membership.school_id)
    db.session.delete(membership)
