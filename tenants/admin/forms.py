"""Forms of the school admin."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import SubmitField

from mektep.forms import default_language_field, email_field, school_name_field
from tenants.models import School
from tenants.versioning import field_labels

LABELS = field_labels(School)  # each field named as its history page names it


class SchoolSettingsForm(FlaskForm):
    name_ky = school_name_field(
        LABELS["name_ky"], _l("Shown in the header of every page in Kyrgyz.")
    )
    name_ru = school_name_field(
        LABELS["name_ru"], _l("Shown in the header of every page in Russian.")
    )
    default_language = default_language_field(
        _l("The language of a page whose address names none.")
    )
    contact_email = email_field(
        LABELS["contact_email"],
        required=False,
        description=_l("Shown in the footer of every page."),
    )
    submit = SubmitField(_l("Save settings"))
