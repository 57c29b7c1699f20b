"""Demo of e-mail and the district's administrators: a second administrator
(deactivated, shown as such at /district/admins), a third one invited who has
not chosen a password yet (their set-up link is mailed: without MAIL_URL it
lies in instance/outbox/ once a worker has run), and school №35's editor, who
chose to read their messages in Russian. The worker's sweep also tells the
schools' admins of the visitors' posts waiting in the demo discussion."""

from mektep.accounts import setup_links
from mektep.accounts.models import User
from mektep.clock import utcnow
from mektep.demo.accounts import demo_user
from mektep.demo.data import ACCOUNTS, SCHOOLS
from mektep.extensions import db

DEACTIVATED = ("deputy@mektep.kg", "Бектур Жумабеков", "deputy-demo-2026")
INVITED = "methodist@mektep.kg"


def load_mail(schools):
    if db.session.scalar(db.select(User).where(User.email == INVITED)) is not None:
        return
    email, name, password = DEACTIVATED
    deputy = demo_user(email, name, password)
    deputy.district_deactivated_at = utcnow()
    inviter = db.session.scalar(db.select(User).where(User.email == ACCOUNTS["district"]["email"]))
    invited = User(email=INVITED, is_district_admin=True, last_language="ru")
    db.session.add(invited)
    db.session.flush()
    setup_links.send_district(invited, inviter)
    editor = SCHOOLS[0]["accounts"]["editor"]["email"]
    db.session.scalar(db.select(User).where(User.email == editor)).language = "ru"
    yield f"district: {email} deactivated, {INVITED} invited (set-up link mailed)"
