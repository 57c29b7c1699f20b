"""The form of a news post."""

from flask_babel import lazy_gettext as _l
from wtforms import BooleanField, SubmitField
from wtforms.validators import Optional

from tenants.admin.toolkit.fields import DistrictDateTimeField
from tenants.admin.toolkit.forms import ContentForm, future_time, text_sections
from tenants.documents.fields import upload_field, upload_help
from tenants.news.models import NewsPost
from tenants.versioning import field_labels

LABELS = field_labels(NewsPost)  # each field named as its history page names it


class NewsForm(ContentForm):
    model = NewsPost
    pinned = BooleanField(
        LABELS["pinned"],
        description=_l("Pinned posts stay first in the list, newest pinned first."),
    )
    important_until = DistrictDateTimeField(
        LABELS["important_until"],
        validators=[Optional(), future_time(_l("Choose a time in the future."))],
        description=_l(
            "For urgent notices: the post is shown as a banner on every page of the site "
            "until this time (district time). Leave empty for an ordinary post."
        ),
    )
    scheduled_for = DistrictDateTimeField(
        _l("Publish at"),
        validators=[Optional(), future_time(_l("A scheduled time must be in the future."))],
        description=_l(
            "District time. Fill in and press “Schedule” to have the post appear by itself then."
        ),
    )
    cover = upload_field(LABELS["cover_file_id"], pictures_only=True)
    remove_cover = BooleanField(_l("Remove the cover photo"))
    schedule = SubmitField(_l("Schedule"))

    sections = (
        *text_sections(NewsPost),
        (_l("Showing"), ("cover", "remove_cover", "pinned", "important_until")),
        (_l("Publishing"), ("scheduled_for",)),
    )
    admin_fields = ("scheduled_for",)
    has_files = True
    # Set by the view once an uploaded cover is stored.
    new_cover_id = None

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.cover.description = upload_help(pictures_only=True)

    def content_data(self):
        data = super().content_data()
        if self.new_cover_id is not None:
            data["cover_file_id"] = self.new_cover_id
        elif self.remove_cover.data:
            data["cover_file_id"] = None
        else:
            data["cover_file_id"] = self._stored.get("cover_file_id")
        return data

    def validate(self, extra_validators=None):
        valid = super().validate(extra_validators)
        if self.schedule.data and self.scheduled_for.data is None:
            self.scheduled_for.errors.append(_l("Choose when the post should appear."))
            valid = False
        return valid
