""" "Forgot password": anyone may ask, on a school's host or the apex, for a reset
link mailed to an account's own address.

The answer and the work are the same whether the address has an account or
not (the worker decides what to send), and requests are limited per address
asked for and per IP address like sign-in (`throttle.take_reset_request`).
"""

from flask import g, render_template
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import SubmitField

from mektep import throttle
from mektep.accounts import reset_links
from mektep.accounts.blueprint import bp
from mektep.extensions import db
from mektep.forms import email_field


class ForgotForm(FlaskForm):
    email = email_field(description=_l("The address you sign in with."))
    submit = SubmitField(_l("Send me a link"))


@bp.route("/account/forgot", methods=["GET", "POST"])
def forgot():
    form = ForgotForm()
    if not form.validate_on_submit():
        status = 400 if form.is_submitted() else 200
        return render_template("auth/forgot.html", form=form), status
    email = form.email.data
    minutes = throttle.take_reset_request(email)
    if minutes:
        form.form_errors.append(
            _("Too many requests for a new password. Try again in %(n)s min.", n=minutes)
        )
        return render_template("auth/forgot.html", form=form), 429
    reset_links.request(email, g.school, g.lang)
    db.session.commit()
    return render_template("auth/forgot_sent.html", email=email)
