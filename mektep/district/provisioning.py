"""Creating a school with its first admin, and changing a school's status.

Used alike by the district console and the `flask schools` commands.
"""

from flask_babel import gettext as _

from config import LANGUAGES
from mektep import audit
from mektep.accounts import invitations
from mektep.accounts.models import Membership
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


def create_school(slug, name_ky, name_ru, default_language, admin_email, inviter=None):
    """Create a school and invite its first admin. Returns (school, Invitation):
    a new account gets its set-up link by e-mail; an existing one is invited and
    becomes the admin once its owner accepts."""
    slug = slug.strip().lower()
    problem = slug_problem(slug)
    if problem:
        raise ProvisioningError("slug", problem)
    if default_language not in LANGUAGES:
        raise ProvisioningError("default_language", _("Choose Kyrgyz or Russian."))
    school = School(
        slug=slug,
        name_ky=name_ky.strip(),
        name_ru=name_ru.strip(),
        default_language=default_language,
    )
    db.session.add(school)
    invitation = invitations.invite(school, admin_email, "admin", inviter)
    state = "pending" if invitation.membership.pending else "new account"
    audit.record("school.create", f"{slug} admin={admin_email} ({state})", school_id=school.id)
    db.session.commit()
    return school, invitation


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
    """The school's first admin membership (accepted or still an invitation)."""
    return db.session.scalar(
        db.select(Membership)
        .where(Membership.school_id == school.id, Membership.role == "admin")
        .order_by(Membership.id)
    )
