"""The weekly reminder to a school's admins of its overdue subjects (Mondays,
by the worker's sweep, once however many workers sweep).
Each admin gets it in their own language (templates/mail/overdue.*)."""

from flask import current_app

from mektep import mail
from mektep.accounts.models import Membership, User
from mektep.extensions import db
from mektep.periodic import claim, week_start
from tenants.models import School
from tenants.schedule.freshness import district_today, freshness, overdue


def school_admins(school_ids):
    """{school id: [User]} of the active, accepted admins of each school."""
    admins = {}
    for school_id, user in db.session.execute(
        db.select(Membership.school_id, User)
        .join(User, Membership.user_id == User.id)
        .where(
            Membership.school_id.in_(school_ids),
            Membership.role == "admin",
            Membership.active.is_(True),
            Membership.pending.is_(False),
            User.active.is_(True),
        )
        .order_by(User.id)
    ):
        admins.setdefault(school_id, []).append(user)
    return admins


def send_weekly_reminders(now=None):
    """Sweep: on the first sweep of each week, e-mail every admin of each active
    school with overdue subjects; returns how many messages were sent."""
    if not current_app.config["WEEKLY_MAIL"] or not claim("schedule.reminders", week_start(now)):
        return 0
    schools = db.session.scalars(db.select(School).where(School.status == "active")).all()
    ids = [school.id for school in schools]
    states = freshness(ids, district_today())
    admins = school_admins(ids)
    sent = 0
    for school in schools:
        late = overdue(states[school.id].values())
        if not late:
            continue
        for user in admins.get(school.id, []):
            reminder(school, user, late)
            sent += 1
    db.session.commit()  # the messages: the worker sends them once they are stored
    return sent


def reminder(school, user, late):
    """One message to `user` about `school`'s overdue subjects."""
    mail.send(user, "overdue", school=school, late=late)
