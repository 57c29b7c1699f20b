"""Languages: which one a request is in, and how links carry it on.

A page's language is part of its URL (`?lang=ru`). No parameter means the
school's default language (the district's pages default to Kyrgyz), so every
public URL can be cached and shared. Public pages speak the two official
languages; the admin and district pages also speak English.
"""

from functools import cache

from flask import current_app, g, request, url_for

from config import LANGUAGES

PUBLIC_BLUEPRINTS = frozenset({"public"})
# Sign-in pages that a school's host shows in its public layout.
SCHOOL_SIGN_IN_ENDPOINTS = frozenset({"auth.login", "auth.setup", "auth.forgot"})
LANGUAGE_NAMES = {"ky": "Кыргызча", "ru": "Русский", "en": "English"}


def host_language(school):
    """The language a school's host speaks without `?lang=` (None: the
    district's apex), in pages, links and messages alike."""
    return school.default_language if school is not None else LANGUAGES[0]


def default_language():
    return host_language(g.get("school"))


@cache
def fallback_order(lang):
    """The official languages to read a text in for a page in `lang`: `lang`
    first, then the others (a missing translation falls back, marked)."""
    return (lang, *(code for code in LANGUAGES if code != lang))


def allowed_languages():
    """Pages in a school's public layout (its sign-in pages too) speak the official
    languages only; the admin and the district's pages also speak English."""
    public = request.blueprint in PUBLIC_BLUEPRINTS or request.endpoint == "index"
    if public or (request.endpoint in SCHOOL_SIGN_IN_ENDPOINTS and g.get("school") is not None):
        return current_app.config["LANGUAGES"]
    return current_app.config["UI_LANGUAGES"]


def choose_language():
    """Set `g.lang` from the URL, once the tenant is known."""
    asked = request.args.get("lang", "")
    g.lang = asked if asked in allowed_languages() else default_language()


def get_locale():
    return g.get("lang") or default_language()


def other_languages():
    return [code for code in allowed_languages() if code != g.get("lang")]


def add_language_to_links(endpoint, values):
    """url_defaults hook: links keep the page's language unless told otherwise."""
    if endpoint == "static" or "lang" in values:
        return
    lang = g.get("lang")
    if lang and lang != default_language():
        values["lang"] = lang


def url_with(**changes):
    """This page's URL with some query arguments changed (None removes one).

    The path's own values win over query arguments of the same name, and query
    arguments starting with "_" are dropped: `url_for` reads those as its own
    options (`_method`, `_external`...), not as parts of the URL.
    """
    args = {name: value for name, value in request.args.items() if not name.startswith("_")}
    args.update(request.view_args or {})
    args.update(changes)
    return url_for(request.endpoint, **args)


def url_in_language(lang):
    """This page's URL in `lang` (the default language has no parameter), made
    once a request: the page's head and its header both link it."""
    made = g.setdefault("urls_in_language", {})
    if lang not in made:
        made[lang] = url_with(lang=None if lang == default_language() else lang)
    return made[lang]


def init_app(app):
    from mektep.pagecache import add_variant

    app.url_defaults(add_language_to_links)
    # Each language of a public page is a page of its own in the page cache.
    add_variant(app, "lang", app.config["LANGUAGES"])
    app.jinja_env.globals.update(
        page_language=get_locale,
        url_in_language=url_in_language,
        url_with=url_with,
        other_languages=other_languages,
        LANGUAGE_NAMES=LANGUAGE_NAMES,
    )
