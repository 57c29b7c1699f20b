"""Form fields of the admin toolkit: times typed and read by people are in the
district's time zone (config `TIMEZONE`, Asia/Bishkek by default), while every
stored time is naive UTC (`mektep.clock`)."""

from flask_babel import lazy_gettext as _l
from wtforms import DateTimeLocalField

from mektep.clock import to_district, to_utc

INPUT_FORMAT = "%Y-%m-%dT%H:%M"


class DistrictDateTimeField(DateTimeLocalField):
    """A date and time typed in the district's time zone; `data` is naive UTC."""

    def __init__(self, label=None, validators=None, **kwargs):
        kwargs.setdefault(
            "invalid_value_message",
            _l("Give a date and time such as 2026-12-25 10:00."),
        )
        super().__init__(label, validators, format=[INPUT_FORMAT, "%Y-%m-%d %H:%M"], **kwargs)

    def process_formdata(self, valuelist):
        super().process_formdata(valuelist)
        if self.data is not None:
            self.data = to_utc(self.data)

    def _value(self):
        if self.raw_data:
            return " ".join(self.raw_data)
        return to_district(self.data).strftime(INPUT_FORMAT) if self.data else ""
