"""Forms of the district console."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import StringField, SubmitField
from wtforms.validators import InputRequired

from mektep.forms import default_language_field, email_field, school_name_field
from tenants.models import School
from tenants.versioning import field_labels

LABELS = field_labels(School)


class SchoolCreateForm(FlaskForm):
    slug = StringField(
        _l("Address (subdomain)"),
        validators=[InputRequired(message=_l("Choose the school's address."))],
        filters=[lambda value: value.strip().lower() if value else value],
        description=_l(
            "Latin letters, digits and hyphens, for example school35. "
            "The site will be at school35.%(domain)s."
        ),
    )
    name_ky = school_name_field(
        LABELS["name_ky"], _l("As in the charter, for example №35 … атындагы мектеби.")
    )
    name_ru = school_name_field(LABELS["name_ru"], _l("As in the charter."))
    default_language = default_language_field()
    admin_email = email_field(
        _l("E-mail of the school's first administrator"),
        description=_l("An account is created for this address; you get a set-up link to pass on."),
    )
    submit = SubmitField(_l("Create school"))
