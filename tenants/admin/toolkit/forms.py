"""The forms of the admin toolkit.

`KindForm` is what every kind's edit form is: it knows the values stored
before the edit (`stored`) and hands `content_data()` to versioning.
`ContentForm` is a kind's form built from its model: one input per bilingual
text and language (`tenants.bilingual`), labelled as the history pages label
them, rich text sanitized; a kind's form adds its other fields and `sections`.
"""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import FieldList, FormField, HiddenField, StringField, SubmitField, TextAreaField

from config import LANGUAGES
from mektep.clock import utcnow
from mektep.forms import max_length, strip_filter, with_inputs
from mektep.i18n import LANGUAGE_NAMES
from mektep.richtext import sanitize
from tenants.bilingual import Line
from tenants.versioning import field_labels

RICH_TEXT_HELP = _l(
    "A blank line starts a new paragraph. Simple HTML tags may be used "
    "(b, i, a, ul, ol, li, table); anything else is removed."
)


class KindForm(FlaskForm):
    """A kind's edit form. `stored` holds the values saved before this edit;
    everyone may save a draft, only an admin publish. "Publish anyway" and the
    words it confirms: publishing over the district's stop words (`stop_words`)."""

    save = SubmitField(_l("Save draft"))
    publish = SubmitField(_l("Save and publish"))
    publish_anyway = SubmitField(_l("Publish anyway"))
    stop_words_seen = HiddenField()

    def __init__(self, *args, stored=None, **kwargs):
        super().__init__(*args, **kwargs)
        self._stored = stored or {}

    def stored(self, field):
        """The saved value of `field` (to let an unchanged past date through)."""
        return self._stored.get(field.name)

    def content_data(self):
        """The content to draft or publish: {versioned field: value}."""
        raise NotImplementedError


def every_input(fields):
    """Every input among `fields` (a form), the rows of its groups' lists included."""
    for field in fields:
        if isinstance(field, FieldList | FormField):
            yield from every_input(field)
        else:
            yield field


def input_labels(form):
    """{input name: label} of every input of `form`."""
    return {field.name: field.label.text for field in every_input(form)}


def text_input(text, label):
    """The input of one bilingual text in one language: a line, or a text area."""
    if isinstance(text, Line):
        return StringField(label, validators=[max_length(text.max_length)], filters=[strip_filter])
    help_text = RICH_TEXT_HELP if text.rich else None
    return TextAreaField(label, validators=[max_length(text.max_length)], description=help_text)


def text_inputs(model):
    """{name: input} of every bilingual text of `model` in every official language."""
    labels = field_labels(model)
    return {
        f"{name}_{lang}": text_input(text, labels[f"{name}_{lang}"])
        for name, text in model.texts.items()
        for lang in LANGUAGES
    }


def text_sections(model):
    """(language name, the text inputs in it) for each official language, as a
    form's `sections` list them."""
    return tuple(
        (LANGUAGE_NAMES[lang], tuple(f"{name}_{lang}" for name in model.texts))
        for lang in LANGUAGES
    )


def future_time(message):
    """A validator: the time, if given, lies in the future (or is the stored one)."""

    def check(form, field):
        if field.data is not None and field.data <= utcnow() and field.data != form.stored(field):
            field.errors.append(message)

    return check


class ContentForm(KindForm):
    """The form of a bilingual, versioned kind of content (`model`).

    Its subclass gets an input for every text of `model` in every language
    (`text_sections(model)` lists them by language). `sections` lists (legend,
    field names) in page order; `admin_fields` are shown to admins only; every
    versioned field with an input is content.
    """

    model = None
    sections: tuple = ()
    admin_fields: tuple = ()
    has_files = False

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        model = cls.__dict__.get("model")
        if model is not None:
            with_inputs(text_inputs(model))(cls)

    def validate(self, extra_validators=None):
        valid = super().validate(extra_validators)
        if not any(self[f"title_{lang}"].data for lang in LANGUAGES):
            self[f"title_{LANGUAGES[0]}"].errors.append(
                _l("Give a title in at least one language.")
            )
            valid = False
        return valid

    def content_data(self):
        rich = self.model.rich_fields
        return {
            name: sanitize(self[name].data) if name in rich else self[name].data
            for name in self.model.versioned_fields
            if name in self
        }
