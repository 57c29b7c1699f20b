"""Adding people to a school without touching anyone's credentials.

An address nobody uses yet gets a new account, a membership, and a set-up link
for whoever invited it to pass on. An address that already has an account
(with a password or not, in another school or none) gets a pending membership:
nothing of the account changes, and the school gets nothing, until its owner
signs in and accepts. Each step is written to the school's audit log.
"""

from dataclasses import dataclass

from flask import current_app, has_request_context, url_for
from sqlalchemy.exc import IntegrityError

from mektep import audit
from mektep.accounts import setup_links
from mektep.accounts.models import Membership, User
from mektep.extensions import db
from mektep.hosts import site_url


@dataclass
class Invitation:
    membership: Membership
    link: str | None  # the set-up link of a new account; None: waits for the owner


def answer_url(school):
    """Where the invited owner accepts or declines `school`'s invitation, in the
    page's language; also outside a request (the CLI prints it)."""
    if has_request_context():
        return site_url(school, url_for("auth.invitations"))
    return site_url(school, current_app.url_map.bind("").build("auth.invitations"))


def find_user(email):
    return db.session.scalar(db.select(User).where(User.email == email))


def invite(school, email, role):
    """Give `email` `role` in `school`: a new account with its set-up link, or
    an invitation that the existing account's owner accepts."""
    user = find_user(email)
    created = user is None and (user := _new_account(email)) is not None
    if created:
        membership = Membership(user=user, school=school, role=role)
    else:
        user = user or find_user(email)
        membership = Membership(user=user, school=school, role=role, pending=True)
    db.session.add(membership)
    db.session.flush()
    link = None if membership.pending else setup_links.external_link(membership)
    return Invitation(membership, link)


def _new_account(email):
    """A new account for `email`, or None when another request created one for it a
    moment ago (two schools inviting one new address at once): this school's
    invitation then waits for the owner like any other."""
    try:
        with db.session.begin_nested():
            user = User(email=email)
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
