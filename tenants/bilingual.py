"""Texts a school publishes in both official languages (`config.LANGUAGES`): the
`<name>_<lang>` columns of a kind of content, their labels, and reading them
with a fallback to the other language.

    NewsTexts = bilingual(title=Line(300), body=Paragraphs(50_000))

    class NewsPost(NewsTexts, Versioned, Trashable, TenantOwned, db.Model):
        versioned_fields = (*NewsTexts.text_fields, "pinned", ...)

gives NewsPost the columns title_ky, title_ru, body_ky and body_ru, labelled
(`versioning.field_labels`) as history pages and forms show them, its
`rich_fields` (the paragraphs' columns, sanitized HTML) and `texts`, from which
the admin toolkit builds the form's inputs and search reads the body.
"""

from dataclasses import dataclass

from flask_babel import lazy_gettext as _l

from config import LANGUAGES
from mektep.extensions import db
from mektep.i18n import fallback_order

LABELS = {
    "title": {"ky": _l("Title in Kyrgyz"), "ru": _l("Title in Russian")},
    "body": {"ky": _l("Text in Kyrgyz"), "ru": _l("Text in Russian")},
    "place": {"ky": _l("Place in Kyrgyz"), "ru": _l("Place in Russian")},
    "description": {"ky": _l("Description in Kyrgyz"), "ru": _l("Description in Russian")},
}


@dataclass(frozen=True)
class Line:
    """A one-line text (a title, a place): a String(max_length) column."""

    max_length: int
    labels: dict | None = None

    def column(self, label):
        return db.Column(
            db.String(self.max_length), nullable=False, default="", info={"label": label}
        )


@dataclass(frozen=True)
class Paragraphs:
    """A long text: a Text column, at most `max_length` characters as typed;
    `rich`: sanitized HTML (shown with the `rich_html` filter), else plain text."""

    max_length: int
    rich: bool = True
    labels: dict | None = None

    def column(self, label):
        return db.Column(db.Text, nullable=False, default="", info={"label": label})


class Localized:
    """Reading `<name>_<lang>` columns with a fallback to the other language."""

    def localized(self, name, lang):
        """(text, its language): field `name` in `lang`, else in the other language."""
        for code in fallback_order(lang):
            value = getattr(self, f"{name}_{code}", None)
            if value:
                return value, code
        return "", lang

    def display_title(self, lang):
        return self.localized("title", lang)[0]

    def missing_languages(self, *names):
        """Official languages in which one of `names` is empty (a gap to fill)."""
        return [
            code for code in LANGUAGES if any(not getattr(self, f"{name}_{code}") for name in names)
        ]


def bilingual(**texts):
    """A mixin with the labelled columns of `texts` ({name: Line or Paragraphs}) in
    every official language, its rich fields, and `text_fields` (the columns, in order)."""
    columns = {
        f"{name}_{lang}": text.column((text.labels or LABELS[name])[lang])
        for name, text in texts.items()
        for lang in LANGUAGES
    }
    rich = tuple(
        f"{name}_{lang}"
        for name, text in texts.items()
        if getattr(text, "rich", False)
        for lang in LANGUAGES
    )
    attributes = {"texts": texts, "text_fields": tuple(columns), "rich_fields": rich}
    return type("Bilingual", (Localized,), columns | attributes)
