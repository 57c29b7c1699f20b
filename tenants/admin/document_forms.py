"""Forms of the school admin's document pages."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import BooleanField, DateField, SelectField, StringField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import InputRequired, Length, Optional

from config import LANGUAGES
from mektep.forms import with_inputs
from mektep.schema import document_fields
from tenants.admin.toolkit.forms import KindForm
from tenants.documents.fields import upload_field
from tenants.documents.models import KINDS, Document
from tenants.versioning import field_labels

LABELS = field_labels(Document)  # each field named as its history page names it


def field_choices():
    return [SelectChoice("", _l("Not attached"))] + [
        SelectChoice(key, label) for key, label in document_fields()
    ]


class DocumentFieldsMixin:
    """The facts about a document, shared by the upload and the edit form."""

    kind = SelectField(
        LABELS["kind"],
        choices=[SelectChoice(code, label) for code, label in KINDS.items()],
    )
    issued_on = DateField(
        LABELS["issued_on"],
        validators=[Optional()],
        description=_l("The date it was adopted, issued or approved, if it has one."),
    )
    field_key = SelectField(
        LABELS["field_key"],
        choices=field_choices,
        validators=[Optional()],
        description=_l(
            "Choose the item of «School information» this document is a copy of, "
            "such as the charter. It then appears on that page."
        ),
    )


TITLE_REQUIRED = {"ky": _l("Enter the title in Kyrgyz."), "ru": _l("Enter the title in Russian.")}


def title_inputs(required):
    """The document's title in each official language: required on the edit form;
    on the upload form, the file's name stands in for one left empty."""
    return {
        f"title_{lang}": StringField(
            LABELS[f"title_{lang}"],
            validators=[
                InputRequired(message=TITLE_REQUIRED[lang]) if required else Optional(),
                Length(max=Document.texts["title"].max_length),
            ],
            description=None
            if required
            else _l("Leave empty to use the file name; you can change it later."),
        )
        for lang in LANGUAGES
    }


@with_inputs(title_inputs(required=False))
class UploadForm(DocumentFieldsMixin, FlaskForm):
    files = upload_field(_l("Files"), multiple=True)
    publish = BooleanField(_l("Publish at once"), default=True)


@with_inputs(title_inputs(required=True))
class EditForm(DocumentFieldsMixin, KindForm):
    def content_data(self):
        return {
            "kind": self.kind.data,
            **{f"title_{lang}": self[f"title_{lang}"].data.strip() for lang in LANGUAGES},
            "issued_on": self.issued_on.data,
            "field_key": self.field_key.data or None,
        }
