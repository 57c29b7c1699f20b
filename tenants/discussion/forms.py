"""Forms of the discussion: the visitor's post and the admin's answer."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import RadioField, StringField, SubmitField, TextAreaField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired, InputRequired, Length

from config import LANGUAGES
from mektep.forms import email_field, max_length, strip_filter, with_inputs
from tenants.discussion.models import BODY_MAX_LENGTH, NAME_MAX_LENGTH, Answer
from tenants.versioning import field_labels

HONEYPOT_FIELD = "website"


class PostForm(FlaskForm):
    kind = RadioField(
        _l("What would you like to do?"),
        choices=[
            SelectChoice("question", _l("Ask a question")),
            SelectChoice("feedback", _l("Leave feedback")),
        ],
        default="question",
        validators=[InputRequired(message=_l("Choose a question or feedback."))],
    )
    author_name = StringField(
        _l("Your name"),
        validators=[
            DataRequired(message=_l("Enter your name.")),
            max_length(NAME_MAX_LENGTH),
        ],
        filters=[strip_filter],
        description=_l("Shown with your message if it is published."),
    )
    author_email = email_field(
        _l("E-mail (optional)"),
        required=False,
        description=_l("Never published; the school may use it to reply to you."),
    )
    body = TextAreaField(
        _l("Your message"),
        validators=[
            DataRequired(message=_l("Write your message.")),
            Length(
                max=BODY_MAX_LENGTH,
                message=_l(
                    "Your message is too long: at most %(n)s characters.", n=BODY_MAX_LENGTH
                ),
            ),
        ],
        filters=[strip_filter],
        description=_l(
            "At most %(n)s characters, plain text. The school's administrator reads "
            "every message before it appears on the site.",
            n=BODY_MAX_LENGTH,
        ),
    )
    # Hidden from people by CSS; robots fill it in.
    website = StringField(_l("Leave this field empty"))
    submit = SubmitField(_l("Send"))


ANSWER_HELP = {
    "ky": _l("Plain text; shown under the question."),
    "ru": _l("Plain text. If one language is left empty, the other is shown in its place."),
}
ANSWER_LABELS = field_labels(Answer)


@with_inputs(
    {
        f"body_{lang}": TextAreaField(
            ANSWER_LABELS[f"body_{lang}"],
            validators=[max_length(Answer.texts["body"].max_length)],
            filters=[strip_filter],
            description=ANSWER_HELP[lang],
        )
        for lang in LANGUAGES
    }
)
class AnswerForm(FlaskForm):
    submit = SubmitField(_l("Approve and publish the answer"))
    inputs = Answer.text_fields

    def texts(self):
        """{field: the answer in its language} to publish."""
        return {name: self[name].data for name in self.inputs}

    def validate(self, extra_validators=None):
        if not super().validate(extra_validators):
            return False
        if not any(self.texts().values()):
            self.form_errors.append(_l("Write the answer in at least one language."))
            return False
        return True
