"""Public pages of a school's site."""

from flask import render_template


def home():
    """The school's home page (served at `/` on its host, see `create_app`)."""
    return render_template("public/home.html")
