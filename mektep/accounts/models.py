"""People: users, their memberships in schools, and their passwords."""

from flask_babel import lazy_gettext as _l
from flask_login import UserMixin

from config import LANGUAGES, UI_LANGUAGES
from mektep.accounts import passwords
from mektep.clock import utcnow
from mektep.extensions import db
from mektep.i18n import host_language

ROLES = ("admin", "editor")
ROLE_LABELS = {"admin": _l("administrator"), "editor": _l("editor")}


class User(UserMixin, db.Model):
    id = db.Column(db.Integer, primary_key=True)
    email = db.Column(db.String(254), unique=True, nullable=False)
    display_name = db.Column(db.String(200), nullable=False, default="")
    password_hash = db.Column(db.String(256))
    active = db.Column(db.Boolean, nullable=False, default=True)
    is_district_admin = db.Column(db.Boolean, nullable=False, default=False)
    # Set while the district has taken the account's console rights away (it was
    # a district administrator): listed in the console, to be reactivated.
    district_deactivated_at = db.Column(db.DateTime)
    # Bumped on logout and password change: every session issued before is void.
    session_version = db.Column(db.Integer, nullable=False, default=1)
    created_at = db.Column(db.DateTime, nullable=False, default=utcnow)
    # The language of the owner's e-mail, chosen in their settings; None: the
    # language of the pages they last used (`last_language`).
    language = db.Column(db.String(2))
    last_language = db.Column(db.String(2))

    memberships = db.relationship("Membership", back_populates="user", cascade="all, delete-orphan")

    @property
    def is_active(self):
        return self.active

    @property
    def has_password(self):
        return bool(self.password_hash)

    def get_id(self):
        return f"{self.id}:{self.session_version}"

    def set_password(self, password):
        self.password_hash = passwords.hash_password(password)
        self.invalidate_sessions()

    def check_password(self, password):
        return passwords.verify(self.password_hash, password)

    def invalidate_sessions(self):
        self.session_version = (self.session_version or 0) + 1

    def membership_in(self, school):
        if school is None:
            return None
        return next((m for m in self.memberships if m.school_id == school.id), None)

    def role_in(self, school):
        """The role the user works with in `school`: None until they accept an
        invitation, and while the school has deactivated them."""
        membership = self.membership_in(school)
        if membership is None or membership.pending or not membership.active:
            return None
        return membership.role

    def invitation_to(self, school):
        """The user's membership in `school` while it waits for their answer."""
        membership = self.membership_in(school)
        return membership if membership is not None and membership.pending else None

    @property
    def invitations(self):
        """Every school's invitation waiting for the user's answer."""
        return [m for m in self.memberships if m.pending]

    @property
    def label(self):
        return self.display_name or self.email

    def mail_languages(self):
        """The languages the owner's e-mail may be in: the official ones, and
        English for the district's console."""
        return UI_LANGUAGES if self.is_district_admin else LANGUAGES

    def mail_language(self, school=None, page=None):
        """The language of messages to the owner: as chosen, else the language of
        the `page` they asked from (if any), else as last used, else the school's
        (`school` None: the district's console)."""
        for lang in (self.language, page, self.last_language):
            if lang in self.mail_languages():
                return lang
        return host_language(school)


class Membership(db.Model):
    """A user's role in one school. Owned by the school, but also read across
    schools (a user's own list), so it is scoped by explicit filters.

    An invitation to someone who already has an account is a pending membership:
    it gives nothing until its owner accepts it. The membership made together
    with a new account is accepted at once; its set-up link is how the person
    takes the account.
    """

    __table_args__ = (db.UniqueConstraint("user_id", "school_id"),)
    page_cache_scope = "none"  # no public page shows it (mektep/pagecache/invalidation.py)

    id = db.Column(db.Integer, primary_key=True)
    user_id = db.Column(db.ForeignKey("user.id"), nullable=False, index=True)
    school_id = db.Column(db.ForeignKey("school.id"), nullable=False, index=True)
    role = db.Column(db.String(10), nullable=False, default="editor")
    active = db.Column(db.Boolean, nullable=False, default=True)
    created_at = db.Column(db.DateTime, nullable=False, default=utcnow)
    # True while an invitation waits for its owner's answer.
    pending = db.Column(db.Boolean, nullable=False, default=False, server_default=db.false())

    user = db.relationship("User", back_populates="memberships")
    school = db.relationship("School")


def working_admins(school_ids):
    """{school id: [User]} of the admins who can act for each school: their
    membership accepted and active, their account active and set up (with a
    password: someone who has not yet taken an invitation cannot sign in to act
    on a message). The one rule for every message to a school's admins."""
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
            User.password_hash.is_not(None),
        )
        .order_by(User.id)
    ):
        admins.setdefault(school_id, []).append(user)
    return admins
