"""The form for an event of the school's calendar."""

from flask_babel import lazy_gettext as _l
from wtforms.validators import InputRequired

from tenants.admin.news_forms import ContentForm, rich_text_field, title_field
from tenants.events.models import DESCRIPTION_MAX, PLACE_MAX, TITLE_MAX, Event
from tenants.news.district_time import DistrictDateTimeField

TIME_HELP = _l("District time, e.g. 2026-12-25 10:00.")
LABELS = Event.field_labels  # each field named as its history page names it


class EventForm(ContentForm):
    title_ky = title_field(LABELS["title_ky"], TITLE_MAX)
    place_ky = title_field(LABELS["place_ky"], PLACE_MAX)
    description_ky = rich_text_field(LABELS["description_ky"], DESCRIPTION_MAX)
    title_ru = title_field(LABELS["title_ru"], TITLE_MAX)
    place_ru = title_field(LABELS["place_ru"], PLACE_MAX)
    description_ru = rich_text_field(LABELS["description_ru"], DESCRIPTION_MAX)
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

    sections = (
        (_l("When"), ("starts_at", "ends_at")),
        ("Кыргызча", ("title_ky", "place_ky", "description_ky")),
        ("Русский", ("title_ru", "place_ru", "description_ru")),
    )
    rich_fields = Event.rich_fields
    content_fields = Event.versioned_fields

    def validate(self, extra_validators=None):
        valid = super().validate(extra_validators)
        starts, ends = self.starts_at.data, self.ends_at.data
        if starts is not None and ends is not None and ends < starts:
            self.ends_at.errors.append(_l("The event cannot end before it starts."))
            valid = False
        return valid
