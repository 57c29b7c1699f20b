"""The form for a free page (the school's history, clubs, achievements...)."""

from flask_babel import lazy_gettext as _l
from wtforms import BooleanField, IntegerField, StringField
from wtforms.validators import InputRequired, NumberRange, Regexp

from mektep.forms import max_length, strip_filter
from tenants.admin.toolkit.forms import ContentForm, text_sections
from tenants.pages.models import SLUG_MAX, Page
from tenants.versioning import field_labels

LABELS = field_labels(Page)  # each field named as its history page names it


class PageForm(ContentForm):
    model = Page
    slug = StringField(
        LABELS["slug"],
        validators=[
            InputRequired(message=_l("Give the page an address.")),
            max_length(SLUG_MAX),
            Regexp(
                r"^[a-z0-9]+(-[a-z0-9]+)*$",
                message=_l("Use lowercase Latin letters, digits and single hyphens."),
            ),
        ],
        filters=[strip_filter, lambda value: value.lower() if value else value],
        description=_l("The end of the page's address, e.g. “history” gives /p/history."),
    )
    in_menu = BooleanField(
        LABELS["in_menu"],
        default=True,
        description=_l("The page's title becomes an entry of the menu on every page of the site."),
    )
    menu_order = IntegerField(
        LABELS["menu_order"],
        default=50,
        invalid_value_message=_l("Give a number from 0 to 999."),
        validators=[
            InputRequired(message=_l("Give a number from 0 to 999.")),
            NumberRange(min=0, max=999, message=_l("Give a number from 0 to 999.")),
        ],
        description=_l("Pages with smaller numbers come first."),
    )

    sections = (*text_sections(Page), (_l("Place on the site"), ("slug", "in_menu", "menu_order")))
