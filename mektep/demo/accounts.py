"""The demo accounts (`data.ACCOUNTS` and each school's): made by `load`, and
found again by each part's loader, which publishes in their names."""

from mektep.accounts.models import User
from mektep.demo.data import SCHOOLS
from mektep.extensions import db


def demo_user(email, name, password, district=False):
    """The account of `email`, created with its demo password if missing."""
    user = db.session.scalar(db.select(User).where(User.email == email))
    if user is None:
        user = User(email=email, display_name=name, is_district_admin=district)
        user.set_password(password)
        db.session.add(user)
    return user


def admin_of(slug):
    """The demo admin of the school `slug`."""
    spec = next(spec for spec in SCHOOLS if spec["slug"] == slug)
    email = spec["accounts"]["admin"]["email"]
    return db.session.scalar(db.select(User).where(User.email == email))
