"""Translations of the texts fixed at import (the schema's labels, the section
titles), made once per application and locale instead of once per use: one
Flask-Babel gettext costs about as much as rendering a table row, and a staff
table or the /sveden/ menu asks for the same few dozen on every request.

Only for lazy strings that live as long as the process (module constants): an
entry keeps its string, so its id() cannot be reused by another."""

from flask import current_app
from flask_babel import get_locale


class FixedTexts:
    """The texts of one locale: `texts[lazy]` is `str(lazy)`, translated once."""

    def __init__(self):
        self._texts = {}

    def __getitem__(self, lazy):
        entry = self._texts.get(id(lazy))
        if entry is None or entry[0] is not lazy:
            entry = self._texts[id(lazy)] = (lazy, str(lazy))
        return entry[1]


def fixed_texts():
    """The FixedTexts of this application in the current locale."""
    by_locale = current_app.extensions.setdefault("mektep.fixed_texts", {})
    locale = str(get_locale())
    if locale not in by_locale:
        by_locale[locale] = FixedTexts()
    return by_locale[locale]
