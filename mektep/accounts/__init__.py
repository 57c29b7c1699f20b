"""Signing in and out, first-time password set-up, password resets and changes,
and answering a school's invitation, on every host."""

from flask import Blueprint

bp = Blueprint("auth", __name__)

from mektep.accounts import invitation_pages, routes  # noqa: E402, F401
