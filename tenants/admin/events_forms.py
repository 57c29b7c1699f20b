"""The form for an event of the school's calendar."""

from flask_babel import lazy_gettext as _l
from wtforms.validators import InputRequired

from tenants.admin.toolkit.fields import DistrictDateTimeField
from tenants.admin.toolkit.forms import ContentForm, text_sections
from tenants.events.models import Event
from tenants.versioning import field_labels

TIME_HELP = _l("District time, e.g. 2026-12-25 10:00.")
LABELS = field_labels(Event)  # each field named as its history page names it


class EventForm(ContentForm):
    model = Event
    starts_at = DistrictDateTimeField(
        LABELS["starts_at"],
        validators=[InputRequired(message=_l("Give the date and time the event starts."))],
        description=TIME_HELP,
    )
    ends_at = DistrictDateTimeField(
        LABELS["ends_at"],
        validators=[InputRequired(message=_l("Give the date and time the event ends."))],
        description=TIME_HELP,
    )

    sections = ((_l("When"), ("starts_at", "ends_at")), *text_sections(Event))

    def validate(self, extra_validators=None):
        valid = super().validate(extra_validators)
        starts, ends = self.starts_at.data, self.ends_at.data
        if starts is not None and ends is not None and ends < starts:
            self.ends_at.errors.append(_l("The event cannot end before it starts."))
            valid = False
        return valid
