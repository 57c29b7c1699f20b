"""`flask demo load`: a demonstration district a newcomer can click through.

Each part of the product adds a module to this package with a loader marked
`@demo_loader`; it is called with the demo schools by slug, after the schools
and accounts exist, in the order of the modules' names.
"""

import importlib
import pkgutil

from mektep.accounts.models import Membership, User
from mektep.demo.data import ACCOUNTS, SCHOOLS
from mektep.extensions import db
from tenants.models import School

_loaders = []


def demo_loader(func):
    """Register `func(schools_by_slug)`, a generator of progress lines."""
    _loaders.append(func)
    return func


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
        school = School(
            **{
                k: spec[k]
                for k in ("slug", "name_ky", "name_ru", "default_language", "contact_email")
            }
        )
        db.session.add(school)
        for role, account in spec["accounts"].items():
            user = _user(account["email"], account["name"], account["password"])
            db.session.add(Membership(user=user, school=school, role=role))
        yield f"{spec['slug']}: created"
    db.session.commit()
    schools = {school.slug: school for school in db.session.scalars(db.select(School))}
    for module in sorted(m.name for m in pkgutil.iter_modules(__path__)):
        importlib.import_module(f"{__name__}.{module}")
    for loader in _loaders:
        yield from loader(schools)
        db.session.commit()


def credentials():
    """(role, e-mail, password, where) of every demo account, for `make run` to print."""
    district = ACCOUNTS["district"]
    yield "district admin", district["email"], district["password"], ""
    for spec in SCHOOLS:
        for role, account in spec["accounts"].items():
            yield f"{role}", account["email"], account["password"], spec["slug"]
