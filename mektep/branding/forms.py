"""Choosing an accent colour on a form: one of the palette's, or any colour
typed as a hex value, refused with its contrast figures and a darker shade
that passes when it is too light (mektep/branding/colours.py). The school
admin's branding page and the district console's both use it, rendered by the
`colour_choice` macro of templates/macros/colours.html."""

from flask_babel import format_decimal
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from wtforms import RadioField, StringField
from wtforms.fields.choices import SelectChoice

from mektep.branding.colours import (
    AA,
    PALETTE,
    PALETTE_COLOURS,
    darker_shade,
    measure,
    palette_key,
    parse,
)
from mektep.forms import strip_filter

CUSTOM = "custom"


def colour_fields(unset_label, label=None):
    """The (choice, hex value) fields of a colour: "" is `unset_label` (the
    colour of the level above), a palette name, or CUSTOM with the hex value."""
    choice = RadioField(
        label or _l("Accent colour"),
        choices=[
            SelectChoice("", unset_label),
            *(SelectChoice(key, name) for key, name, _colour in PALETTE),
            SelectChoice(CUSTOM, _l("Another colour")),
        ],
        default="",
        description=_l(
            "The colour of the header, the links and the buttons. Every colour offered "
            "reads well: white text on it and links in it have a contrast of at least "
            "4.5:1 (WCAG AA)."
        ),
    )
    custom = StringField(
        _l("Another colour, as a hex value"),
        filters=[strip_filter],
        description=_l(
            "Six hex digits, such as #1f5f8b; with “Another colour” chosen above. "
            "A colour too light for white text or for links is refused."
        ),
    )
    return choice, custom


def chosen_colour(choice, custom):
    """(ok, colour) of the two fields: the colour chosen ("#rrggbb", or None
    for unset), or ok False with the reason on `custom`'s errors."""
    if choice.data != CUSTOM:
        return True, PALETTE_COLOURS.get(choice.data)
    colour = parse(custom.data)
    if not custom.data:
        return _refuse(custom, _("Type the colour as six hex digits, such as #1f5f8b."))
    if colour is None:
        example = "#1f5f8b"
        message = _(
            "“%(value)s” is not a colour: type six hex digits, such as %(example)s.",
            value=custom.data,
            example=example,
        )
        return _refuse(custom, message)
    figures = measure(colour)
    if not figures.passes:
        return _refuse(
            custom,
            _(
                "%(colour)s is too light: white text on it would have a contrast of "
                "%(text)s:1 and links in it %(links)s:1 on the pages, where at least "
                "%(aa)s:1 is needed (WCAG AA). A darker shade of it that passes: %(shade)s.",
                colour=colour,
                text=ratio(figures.text_on_accent),
                links=ratio(figures.accent_on_page),
                aa=ratio(AA),
                shade=darker_shade(colour),
            ),
        )
    return True, colour


def ratio(value):
    """A contrast ratio's first number, as the page's language writes it (4.5, 4,5)."""
    return format_decimal(int(value * 10) / 10, format="0.0")


def _refuse(field, message):
    field.errors = [*field.errors, message]
    return False, None


def colour_form_data(colour):
    """The fields' data showing `colour` (None: unset)."""
    if colour is None:
        return {"choice": ""}
    key = palette_key(colour)
    return {"choice": key} if key else {"choice": CUSTOM, "custom": colour}
