"""Forms for news posts, and what every content form (news, events, free pages) shares."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import BooleanField, StringField, SubmitField, TextAreaField
from wtforms.validators import Optional

from mektep.clock import utcnow
from mektep.forms import max_length, strip_filter
from mektep.richtext import sanitize
from tenants.documents.fields import upload_field, upload_help
from tenants.news.district_time import DistrictDateTimeField
from tenants.news.models import BODY_MAX, TITLE_MAX, NewsPost

RICH_TEXT_HELP = _l(
    "A blank line starts a new paragraph. Simple HTML tags may be used "
    "(b, i, a, ul, ol, li, table); anything else is removed."
)


def title_field(label, limit):
    return StringField(
        label,
        validators=[max_length(limit)],
        filters=[strip_filter],
    )


def rich_text_field(label, limit):
    return TextAreaField(
        label,
        validators=[max_length(limit)],
        description=RICH_TEXT_HELP,
    )


def future_time(message):
    """A validator: the time, if given, lies in the future."""

    def check(form, field):
        if field.data is not None and field.data <= utcnow() and field.data != form.stored(field):
            field.errors.append(message)

    return check


class ContentForm(FlaskForm):
    """A form of a versioned ky/ru content model.

    `sections` lists (legend, field names) for the template; `rich_fields` are
    sanitized; `content_fields` are what `content_data()` hands to versioning.
    """

    sections: tuple = ()
    rich_fields: tuple = ()
    content_fields: tuple = ()
    admin_fields: tuple = ()  # shown to admins only
    has_files = False

    save = SubmitField(_l("Save draft"))
    publish = SubmitField(_l("Save and publish"))

    def __init__(self, *args, stored=None, **kwargs):
        super().__init__(*args, **kwargs)
        self._stored = stored or {}

    def stored(self, field):
        """The saved value of `field` (to let an unchanged past date through)."""
        return self._stored.get(field.name)

    def validate(self, extra_validators=None):
        valid = super().validate(extra_validators)
        if not (self.title_ky.data or self.title_ru.data):
            self.title_ky.errors.append(_l("Give a title in at least one language."))
            valid = False
        return valid

    def content_data(self):
        return {
            name: sanitize(self[name].data) if name in self.rich_fields else self[name].data
            for name in self.content_fields
        }


LABELS = NewsPost.field_labels  # each field named as its history page names it


class NewsForm(ContentForm):
    title_ky = title_field(LABELS["title_ky"], TITLE_MAX)
    body_ky = rich_text_field(LABELS["body_ky"], BODY_MAX)
    title_ru = title_field(LABELS["title_ru"], TITLE_MAX)
    body_ru = rich_text_field(LABELS["body_ru"], BODY_MAX)
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
        ("Кыргызча", ("title_ky", "body_ky")),
        ("Русский", ("title_ru", "body_ru")),
        (_l("Showing"), ("cover", "remove_cover", "pinned", "important_until")),
        (_l("Publishing"), ("scheduled_for",)),
    )
    rich_fields = NewsPost.rich_fields
    admin_fields = ("scheduled_for",)
    has_files = True
    # Set by the view once an uploaded cover is stored.
    new_cover_id = None
    content_fields = ("title_ky", "title_ru", "body_ky", "body_ru", "pinned", "important_until")

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
