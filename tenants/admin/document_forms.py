"""Forms of the school admin's document pages."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import BooleanField, DateField, SelectField, StringField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import InputRequired, Length, Optional

from tenants.documents.fields import upload_field
from tenants.documents.models import KINDS


def field_choices():
    from mektep.schema import document_fields

    return [SelectChoice("", _l("Not attached"))] + [
        SelectChoice(key, label) for key, label in document_fields()
    ]


class DocumentFieldsMixin:
    """The facts about a document, shared by the upload and the edit form."""

    kind = SelectField(
        _l("Kind of document"),
        choices=[SelectChoice(code, label) for code, label in KINDS.items()],
    )
    issued_on = DateField(
        _l("Date of the document"),
        validators=[Optional()],
        description=_l("The date it was adopted, issued or approved, if it has one."),
    )
    field_key = SelectField(
        _l("Show it in the mandated section as"),
        validators=[Optional()],
        description=_l(
            "Choose the item of «School information» this document is a copy of, "
            "such as the charter. It then appears on that page."
        ),
    )

    def fill_field_choices(self):
        self.field_key.choices = field_choices()


class UploadForm(DocumentFieldsMixin, FlaskForm):
    files = upload_field(_l("Files"), multiple=True)
    title_ky = StringField(
        _l("Title in Kyrgyz"),
        validators=[Optional(), Length(max=300)],
        description=_l("Leave empty to use the file name; you can change it later."),
    )
    title_ru = StringField(
        _l("Title in Russian"),
        validators=[Optional(), Length(max=300)],
        description=_l("Leave empty to use the file name; you can change it later."),
    )
    publish = BooleanField(_l("Publish at once"), default=True)


class EditForm(DocumentFieldsMixin, FlaskForm):
    title_ky = StringField(
        _l("Title in Kyrgyz"),
        validators=[InputRequired(message=_l("Enter the title in Kyrgyz.")), Length(max=300)],
    )
    title_ru = StringField(
        _l("Title in Russian"),
        validators=[InputRequired(message=_l("Enter the title in Russian.")), Length(max=300)],
    )
