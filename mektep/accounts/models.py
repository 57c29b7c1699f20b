"""People: users, their memberships in schools, and their passwords."""

from flask import current_app
from flask_login import UserMixin
from werkzeug.security import check_password_hash, generate_password_hash

from mektep.extensions import db
from tenants.models import utcnow

ROLES = ("admin", "editor")


class User(UserMixin, db.Model):
    id = db.Column(db.Integer, primary_key=True)
    email = db.Column(db.String(254), unique=True, nullable=False)
    display_name = db.Column(db.String(200), nullable=False, default="")
    password_hash = db.Column(db.String(256))
    active = db.Column(db.Boolean, nullable=False, default=True)
    is_district_admin = db.Column(db.Boolean, nullable=False, default=False)
    # Bumped on logout and password change: every session issued before is void.
    session_version = db.Column(db.Integer, nullable=False, default=1)
    created_at = db.Column(db.DateTime, nullable=False, default=utcnow)

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
        self.password_hash = generate_password_hash(
            password, method=current_app.config["PASSWORD_HASH_METHOD"]
        )
        self.invalidate_sessions()

    def check_password(self, password):
        return bool(self.password_hash) and check_password_hash(self.password_hash, password)

    def invalidate_sessions(self):
        self.session_version = (self.session_version or 0) + 1

    def membership_in(self, school):
        if school is None:
            return None
        return next((m for m in self.memberships if m.school_id == school.id), None)

    def role_in(self, school):
        membership = self.membership_in(school)
        return membership.role if membership and membership.active else None

    @property
    def label(self):
        return self.display_name or self.email


class Membership(db.Model):
    """A user's role in one school. Owned by the school, but also read across
    schools (a user's own list), so it is scoped by explicit filters."""

    __table_args__ = (db.UniqueConstraint("user_id", "school_id"),)

    id = db.Column(db.Integer, primary_key=True)
    user_id = db.Column(db.ForeignKey("user.id"), nullable=False, index=True)
    school_id = db.Column(db.ForeignKey("school.id"), nullable=False, index=True)
    role = db.Column(db.String(10), nullable=False, default="editor")
    active = db.Column(db.Boolean, nullable=False, default=True)
    created_at = db.Column(db.DateTime, nullable=False, default=utcnow)

    user = db.relationship("User", back_populates="memberships")
    school = db.relationship("School")
