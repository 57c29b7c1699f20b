"""Forms for signing in and choosing passwords."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import PasswordField, StringField, SubmitField
from wtforms.validators import InputRequired

from mektep.forms import email_field, max_length, new_password_fields


class LoginForm(FlaskForm):
    email = email_field()
    password = PasswordField(
        _l("Password"), validators=[InputRequired(message=_l("Enter your password."))]
    )
    submit = SubmitField(_l("Sign in"))


class SetupForm(FlaskForm):
    display_name = StringField(
        _l("Your name"),
        validators=[
            InputRequired(message=_l("Enter your name.")),
            max_length(200),
        ],
        description=_l("Shown to your colleagues in the audit log and the list of accounts."),
    )
    password, confirm = new_password_fields()
    submit = SubmitField(_l("Save and sign in"))


class PasswordChangeForm(FlaskForm):
    current = PasswordField(
        _l("Current password"),
        validators=[InputRequired(message=_l("Enter your current password."))],
    )
    password, confirm = new_password_fields()
    submit = SubmitField(_l("Change password"))


class ResetForm(FlaskForm):
    password, confirm = new_password_fields()
    submit = SubmitField(_l("Save the new password"))


class AnswerForm(FlaskForm):
    """Accepting or declining an invitation: the CSRF token is the whole form."""
