"""Forms of the school admin."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import EmailField, RadioField, SubmitField
from wtforms.validators import Email, Length, Optional

from mektep.district.forms import school_name_field


class SchoolSettingsForm(FlaskForm):
    name_ky = school_name_field(
        _l("Full name in Kyrgyz"), _l("Shown in the header of every page in Kyrgyz.")
    )
    name_ru = school_name_field(
        _l("Full name in Russian"), _l("Shown in the header of every page in Russian.")
    )
    default_language = RadioField(
        _l("Default language of the site"),
        choices=[("ky", "Кыргызча"), ("ru", "Русский")],
        description=_l("The language of a page whose address names none."),
    )
    contact_email = EmailField(
        _l("Contact e-mail"),
        validators=[
            Optional(),
            Email(
                message=_l("Enter a valid e-mail address, such as name@example.kg."),
                check_deliverability=False,
            ),
            Length(max=254, message=_l("An e-mail address is at most 254 characters.")),
        ],
        filters=[lambda value: value.strip().lower() if value else value],
        description=_l("Shown in the footer of every page."),
    )
    submit = SubmitField(_l("Save settings"))
