"""The apex host's public face: the directory of the district's schools."""

from flask import Blueprint

bp = Blueprint("home", __name__)

from mektep.home import routes  # noqa: E402, F401
