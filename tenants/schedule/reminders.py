"""The weekly reminder to a school's admins of its overdue subjects (Mondays,
by the worker's sweep, once however many workers sweep).
Each admin gets it in their own language (templates/mail/overdue.*)."""

from flask import current_app

from mektep import mail
from mektep.accounts.models import working_admins
from mektep.extensions import db
from mektep.periodic import claim, week_start
from tenants.models import School
from tenants.schedule.freshness import district_today, freshness, overdue


def send_weekly_reminders(now=None):
    """Sweep: on the first sweep of each week, e-mail every admin of each active
    school with overdue subjects; returns how many messages were sent."""
    if not current_app.config["WEEKLY_MAIL"] or not claim("schedule.reminders", week_start(now)):
        return 0
    schools = db.session.scalars(db.select(School).where(School.status == "active")).all()
    ids = [school.id for school in schools]
    states = freshness(ids, district_today())
    admins = working_admins(ids)
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
