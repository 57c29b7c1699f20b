"""Signing in and out, first-time password set-up, and password changes, on every host."""

from flask import Blueprint

bp = Blueprint("auth", __name__)

from mektep.accounts import routes  # noqa: E402, F401
