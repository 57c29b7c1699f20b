"""Form pieces shared by every face of the product."""

from flask import abort
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import EmailField, PasswordField, RadioField, StringField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import Email, EqualTo, InputRequired, Length, Optional

from config import LANGUAGES
from mektep.i18n import LANGUAGE_NAMES

MIN_PASSWORD_LENGTH = 10


def strip_filter(value):
    """Typed text without the spaces around it."""
    return value.strip() if isinstance(value, str) else value


def with_inputs(inputs):
    """A class decorator adding the fields `inputs` ({name: field}) to a form class:
    for inputs made per official language, say."""

    def add(form_class):
        for name, field in inputs.items():
            setattr(form_class, name, field)
        return form_class

    return add


def max_length(limit):
    """A validator: at most `limit` characters, said the same way on every form."""
    return Length(max=limit, message=_l("At most %(n)s characters.", n=limit))


def email_field(label=None, required=True, **kwargs):
    return EmailField(
        label or _l("E-mail"),
        validators=[
            InputRequired(message=_l("Enter an e-mail address.")) if required else Optional(),
            Email(
                message=_l("Enter a valid e-mail address, such as name@example.kg."),
                check_deliverability=False,
            ),
            Length(max=254, message=_l("An e-mail address is at most 254 characters.")),
        ],
        filters=[lambda value: value.strip().lower() if value else value],
        **kwargs,
    )


def new_password_fields():
    """(password, confirmation) fields for choosing a new password."""
    password = PasswordField(
        _l("New password"),
        validators=[
            InputRequired(message=_l("Choose a password.")),
            Length(
                min=MIN_PASSWORD_LENGTH,
                max=200,
                message=_l("A password has at least %(n)s characters.", n=MIN_PASSWORD_LENGTH),
            ),
        ],
        description=_l(
            "At least %(n)s characters. A short sentence is easy to remember.",
            n=MIN_PASSWORD_LENGTH,
        ),
    )
    confirm = PasswordField(
        _l("Repeat the password"),
        validators=[EqualTo("password", message=_l("The two passwords differ."))],
    )
    return password, confirm


def default_language_field(description=None):
    """The choice of a school's default language: one of the two official ones."""
    return RadioField(
        _l("Default language of the site"),
        choices=[SelectChoice(lang, LANGUAGE_NAMES[lang]) for lang in LANGUAGES],
        default=LANGUAGES[0],
        description=description,
    )


def school_name_field(label, description):
    """A school's full name in one language, as the charter has it."""
    return StringField(
        label,
        validators=[
            InputRequired(message=_l("Enter the school's name in both languages.")),
            max_length(300),
        ],
        description=description,
    )


class ConfirmForm(FlaskForm):
    """An empty form: its CSRF token is what protects a one-button action (every
    post button of the admin and the district console)."""


def confirmed_or_400():
    """A post button's form must carry its token; else a 400."""
    if not ConfirmForm().validate_on_submit():
        abort(400)
