"""`flask demo load`: a demonstration district a newcomer can click through.

Each later part of the product adds its own demo content through `load()`.
"""

from mektep.accounts.models import Membership, User
from mektep.demo.data import ACCOUNTS, SCHOOLS
from mektep.extensions import db
from tenants.models import School


def _user(email, name, password, district=False):
    user = db.session.scalar(db.select(User).where(User.email == email))
    if user is None:
        user = User(email=email, display_name=name, is_district_admin=district)
        user.set_password(password)
        db.session.add(user)
    return user


def load():
    """Create the demo schools and accounts that are missing; yield what was done."""
    district = ACCOUNTS["district"]
    _user(district["email"], district["name"], district["password"], district=True)
    for spec in SCHOOLS:
        if db.session.scalar(db.select(School).where(School.slug == spec["slug"])):
            yield f"{spec['slug']}: already there"
            continue
        school = School(**{k: spec[k] for k in ("slug", "name_ky", "name_ru",
                                                 "default_language", "contact_email")})
        db.session.add(school)
        for role, account in spec["accounts"].items():
            user = _user(account["email"], account["name"], account["password"])
            db.session.add(Membership(user=user, school=school, role=role))
        yield f"{spec['slug']}: created"
    db.session.commit()


def credentials():
    """(role, e-mail, password, where) of every demo account, for `make run` to print."""
    district = ACCOUNTS["district"]
    yield "district admin", district["email"], district["password"], ""
    for spec in SCHOOLS:
        for role, account in spec["accounts"].items():
            yield f"{role}", account["email"], account["password"], spec["slug"]
