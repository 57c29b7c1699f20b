"""The `auth` blueprint: signing in, set-up and reset links, invitations, on every host."""

from flask import Blueprint

bp = Blueprint("auth", __name__)
