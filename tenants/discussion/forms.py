"""Forms of the discussion: the visitor's post and the admin's answer."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import RadioField, StringField, SubmitField, TextAreaField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired, InputRequired, Length

from mektep.forms import email_field, max_length, strip_filter
from tenants.discussion.models import ANSWER_MAX_LENGTH, BODY_MAX_LENGTH, NAME_MAX_LENGTH

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


def _answer_field(label, description):
    return TextAreaField(
        label,
        validators=[max_length(ANSWER_MAX_LENGTH)],
        filters=[strip_filter],
        description=description,
    )


class AnswerForm(FlaskForm):
    body_ky = _answer_field(_l("Answer in Kyrgyz"), _l("Plain text; shown under the question."))
    body_ru = _answer_field(
        _l("Answer in Russian"),
        _l("Plain text. If one language is left empty, the other is shown in its place."),
    )
    submit = SubmitField(_l("Approve and publish the answer"))

    def validate(self, extra_validators=None):
        if not super().validate(extra_validators):
            return False
        if not (self.body_ky.data or self.body_ru.data):
            self.form_errors.append(_l("Write the answer in at least one language."))
            return False
        return True
