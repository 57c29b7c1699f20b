"""The staff record form, generated from the schema's staff fields."""

from functools import cache

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from wtforms import SelectField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import ValidationError

from mektep.schema import ROLES, STAFF_FIELDS
from mektep.schema.validation import InvalidValue, clean_value
from tenants.admin.content_forms import field_inputs, form_to_record, record_to_form
from tenants.admin.toolkit.forms import KindForm

FIELDS = list(STAFF_FIELDS.values())


class StaffFormBase(KindForm):
    role = SelectField(
        _l("Role"),
        choices=[SelectChoice(key, label) for key, label in ROLES],
        description=_l(
            "The head appears on the management page, the home page and in the footer; "
            "deputies on the management page; everyone on the teaching staff page."
        ),
    )

    def validate_specExperience(self, field):
        try:
            total = clean_value(STAFF_FIELDS["genExperience"], self.genExperience.data)
            specialty = clean_value(STAFF_FIELDS["specExperience"], field.data)
        except InvalidValue:
            return
        if total is not None and specialty is not None and specialty > total:
            raise ValidationError(
                _(
                    "Experience in the specialty cannot exceed the total experience (%(n)s).",
                    n=total,
                )
            )

    def content_data(self):
        return {"role": self.role.data, "data": form_to_record(FIELDS, self)}


@cache
def staff_form():
    return type("StaffForm", (StaffFormBase,), field_inputs(FIELDS))


def person_to_form(person):
    return {"role": person.role, **record_to_form(FIELDS, person.data)}
