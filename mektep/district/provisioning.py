"""Creating a school with its first admin, and changing a school's status.

Used alike by the district console and the `flask schools` commands.
"""

from flask_babel import gettext as _

from mektep import audit
from mektep.accounts import setup_links
from mektep.accounts.models import Membership, User
from mektep.extensions import db
from tenants.models import School, slug_problem

STATUS_CHANGES = {
    "suspend": ("active", "suspended"),
    "resume": ("suspended", "active"),
    "archive": (None, "archived"),
}


class ProvisioningError(ValueError):
    """A localized message for the field `field` (or the whole form)."""

    def __init__(self, field, message):
        super().__init__(message)
        self.field = field
        self.message = message


def create_school(slug, name_ky, name_ru, default_language, admin_email):
    """Create a school and its first admin. Returns (school, set-up link or None):
    no link when the admin already has an account with a password."""
    slug = slug.strip().lower()
    problem = slug_problem(slug)
    if problem:
        raise ProvisioningError("slug", problem)
    if default_language not in ("ky", "ru"):
        raise ProvisioningError("default_language", _("Choose Kyrgyz or Russian."))
    school = School(
        slug=slug,
        name_ky=name_ky.strip(),
        name_ru=name_ru.strip(),
        default_language=default_language,
    )
    db.session.add(school)
    _membership, link = add_member(school, admin_email, "admin")
    audit.record("school.create", f"{slug} admin={admin_email}", school_id=school.id)
    db.session.commit()
    return school, link


def add_member(school, email, role):
    """Give the account of `email` (created if new) `role` in `school`.

    Returns (membership, set-up link or None): no link when the account already
    has a password, e.g. someone who works for another school too."""
    user = db.session.scalar(db.select(User).where(User.email == email))
    if user is None:
        user = User(email=email)
        db.session.add(user)
    membership = Membership(user=user, school=school, role=role)
    db.session.add(membership)
    db.session.flush()
    link = None if user.has_password else setup_links.external_link(user, school)
    return membership, link


def change_status(school, change):
    """Apply 'suspend', 'resume' or 'archive'; False if not allowed from its status."""
    required, new_status = STATUS_CHANGES[change]
    if required is not None and school.status != required or school.status == new_status:
        return False
    school.status = new_status
    audit.record(f"school.{change}", school.slug, school_id=school.id)
    db.session.commit()
    return True


def first_admin(school):
    return db.session.scalar(
        db.select(User)
        .join(Membership)
        .where(Membership.school_id == school.id, Membership.role == "admin")
        .order_by(Membership.id)
    )
