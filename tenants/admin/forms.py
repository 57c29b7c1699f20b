"""Forms of the school admin."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import SubmitField

from mektep.forms import default_language_field, email_field, school_name_field


class SchoolSettingsForm(FlaskForm):
    name_ky = school_name_field(
        _l("Full name in Kyrgyz"), _l("Shown in the header of every page in Kyrgyz.")
    )
    name_ru = school_name_field(
        _l("Full name in Russian"), _l("Shown in the header of every page in Russian.")
    )
    default_language = default_language_field(
        _l("The language of a page whose address names none.")
    )
    contact_email = email_field(
        _l("Contact e-mail"), required=False, description=_l("Shown in the footer of every page.")
    )
    submit = SubmitField(_l("Save settings"))
