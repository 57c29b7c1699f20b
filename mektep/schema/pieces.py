"""Pieces shared by several sections of the declaration."""

from flask_babel import lazy_gettext as _l

from mektep.schema.fields import Field

PHONE_HELP = _l("A Kyrgyz number in any usual writing, e.g. 0312 54 12 34 or +996 555 12 34 56.")
DOC_HELP = _l("Upload the scanned copy in Documents and attach it to this item.")


def program_name(label, help_text, item=None, required=True, name="eduName"):
    return Field(
        name=name,
        kind="text",
        label=label,
        help=help_text,
        item=item,
        required=required,
        max_length=300,
    )


def facility_fields(label):
    return [
        Field(
            name="objName",
            kind="text",
            label=label,
            help=_l("What it is, e.g. «Gym, 288 m²»."),
            item="I16",
            required=True,
            max_length=300,
        ),
        Field(
            name="objAddress",
            kind="text",
            label=_l("Address"),
            help=_l("Where it is, if not in the main building."),
            item="I16",
            max_length=300,
        ),
    ]
