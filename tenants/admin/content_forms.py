"""Forms generated from the shared schema: one input per field and language,
one list of rows per group, a "not applicable" box per member.

Forms check values with `mektep.schema.validation` (the same code the demo
loader uses) and keep every typed value when they are rejected.
"""

from functools import cache

from flask_babel import LazyString
from flask_babel import lazy_gettext as _l
from wtforms import (
    BooleanField,
    FieldList,
    Form,
    FormField,
    SelectField,
    StringField,
    TextAreaField,
)
from wtforms.fields.choices import SelectChoice
from wtforms.validators import ValidationError
from wtforms.widgets import DateInput, EmailInput, NumberInput, TelInput, URLInput

from config import LANGUAGES
from mektep.i18n import LANGUAGE_NAMES
from mektep.schema import SECTIONS_BY_SLUG, Field, Group
from mektep.schema.validation import InvalidValue, clean_value, display_phone
from tenants.admin.toolkit.forms import KindForm
from tenants.content.models import NOT_APPLICABLE

EXTRA_ROWS = 1
_WIDGETS = {
    "date": DateInput(),
    "phone": TelInput(),
    "email": EmailInput(),
    "url": URLInput(),
    "number": NumberInput(),
}


class SchemaCheck:
    """A WTForms validator running the schema's own check of a field kind."""

    def __init__(self, field):
        self.field = field

    def __call__(self, form, input_field):
        try:
            clean_value(self.field, input_field.data)
        except InvalidValue as error:
            raise ValidationError(str(error)) from None


def _labelled(field, lang):
    return LazyString(lambda: f"{field.label} · {LANGUAGE_NAMES[lang]}")


def _input(field, label, description):
    kwargs = {"label": label, "description": description, "validators": [SchemaCheck(field)]}
    if field.kind == "richtext":
        return TextAreaField(**kwargs)
    if field.kind == "choice":
        choices = [SelectChoice("", _l("— not chosen —"))]
        choices += [SelectChoice(key, label) for key, label in field.choices]
        return SelectField(choices=choices, validate_choice=False, **kwargs)
    if field.max_length and field.kind == "text":
        kwargs["render_kw"] = {"maxlength": field.max_length * 2}
    return StringField(widget=_WIDGETS.get(field.kind, StringField.widget), **kwargs)


def input_names(field):
    """The form's input names for `field`: one per language if translated."""
    if field.translated:
        return [f"{field.name}_{lang}" for lang in LANGUAGES]
    return [field.name]


def field_inputs(members):
    """{input name: WTForms field} for schema fields and groups (documents have no input)."""
    inputs = {}
    for member in members:
        if isinstance(member, Group):
            inputs[member.name] = FieldList(FormField(record_form(member)), min_entries=0)
        elif member.is_document:
            continue
        elif member.translated:
            for lang, name in zip(LANGUAGES, input_names(member), strict=True):
                help_text = member.help if lang == LANGUAGES[0] else None
                inputs[name] = _input(member, _labelled(member, lang), help_text)
        else:
            inputs[member.name] = _input(member, member.label, member.help)
    return inputs


def record_form(group):
    attrs = field_inputs(group.fields)
    attrs["remove"] = BooleanField(_l("Remove this row"))
    return type(f"Record_{group.name}", (Form,), attrs)


def editable_members(section):
    return [m for m in section.members if isinstance(m, Field | Group)]


def section_form(section):
    """The form class of `section` (built once per section)."""
    return _section_form(section.slug)


@cache
def _section_form(slug):
    section = SECTIONS_BY_SLUG[slug]
    attrs = field_inputs(editable_members(section))
    for member in editable_members(section):
        attrs[f"na_{member.name}"] = BooleanField(
            _l("Not applicable: the school has none (shown as «none»)")
        )
    return type(f"SectionForm_{section.slug}", (KindForm,), attrs)


def _form_value(field, value):
    if value is None:
        return None
    if field.kind == "phone":
        return display_phone(value)
    return str(value)


def record_to_form(members, record):
    """Form `data` showing a stored record, with a blank row to add per group."""
    data = {}
    for member in members:
        value = (record or {}).get(member.name)
        if isinstance(member, Group):
            rows = [record_to_form(member.fields, row) for row in value or []]
            data[member.name] = rows + [{}] * EXTRA_ROWS
        elif member.translated:
            for lang in LANGUAGES:
                data[f"{member.name}_{lang}"] = (value or {}).get(lang)
        elif not member.is_document:
            data[member.name] = _form_value(member, value)
    return data


def values_to_form(section, values):
    """The `data` of a section form showing stored `values`."""
    data = record_to_form(editable_members(section), values)
    not_applicable = values.get(NOT_APPLICABLE) or []
    for member in editable_members(section):
        data[f"na_{member.name}"] = member.name in not_applicable
    return data


def _rows(group, form):
    """A group's records from the form; blank and removed rows dropped."""
    rows = []
    for entry in form[group.name].entries:
        if not entry.form.remove.data:
            record = form_to_record(group.fields, entry.form)
            if record:
                rows.append(record)
    return rows


def form_to_record(members, form, skip_sources=False):
    record = {}
    for member in members:
        if isinstance(member, Group):
            record[member.name] = _rows(member, form)
            continue
        if member.is_document or (skip_sources and member.source):
            continue
        if member.translated:
            value = {
                lang: clean_value(member, form[f"{member.name}_{lang}"].data) for lang in LANGUAGES
            }
            value = {lang: text for lang, text in value.items() if text}
        else:
            value = clean_value(member, form[member.name].data)
        if value not in (None, {}):
            record[member.name] = value
    return record


def form_to_values(section, form, skip_sources=False):
    """The values to store from a validated section form."""
    values = form_to_record(editable_members(section), form, skip_sources)
    values[NOT_APPLICABLE] = [
        member.name for member in editable_members(section) if form[f"na_{member.name}"].data
    ]
    return values
