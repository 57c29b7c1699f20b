"""What news posts, events and free pages have in common: texts in ky and ru
that fall back to the other language, and how they show up in admin lists."""

OFFICIAL_LANGUAGES = ("ky", "ru")


class Localized:
    """Mixin for a model with `<name>_ky` / `<name>_ru` columns."""

    def localized(self, name, lang):
        """(text, its language): field `name` in `lang`, else in the other language."""
        order = (lang, *(code for code in OFFICIAL_LANGUAGES if code != lang))
        for code in order:
            value = getattr(self, f"{name}_{code}", None)
            if value:
                return value, code
        return "", lang

    def display_title(self, lang):
        return self.localized("title", lang)[0]

    def missing_languages(self, *names):
        """Official languages in which one of `names` is empty (a gap to fill)."""
        return [
            code
            for code in OFFICIAL_LANGUAGES
            if any(not getattr(self, f"{name}_{code}") for name in names)
        ]
