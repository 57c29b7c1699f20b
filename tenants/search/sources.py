"""The school's own content as search sources: news, events and free pages.

(The /sveden/ content and documents have their adapters in `sveden.py` and
`documents.py`.) Only published items outside the trash are indexed, each in
the languages it has a title in.
"""

from flask import url_for
from flask_babel import lazy_gettext as _l

from tenants.events.models import Event
from tenants.news.models import NewsPost
from tenants.news.richtext import plain_text
from tenants.pages.models import Page
from tenants.search.registry import Source, register_source


def published_texts(*body_fields):
    """texts(item, lang) for a Localized, Versioned, Trashable model."""

    def texts(item, lang):
        if not item.is_published or item.in_trash:
            return None
        body = " ".join(plain_text(getattr(item, f"{name}_{lang}")) for name in body_fields)
        return getattr(item, f"title_{lang}"), body.strip()

    return texts


register_source(
    Source(
        kind="news",
        model=NewsPost,
        label=_l("News post"),
        texts=published_texts("body"),
        link=lambda ref: url_for("public.news_article", item_id=int(ref)),
    )
)
register_source(
    Source(
        kind="event",
        model=Event,
        label=_l("Event"),
        texts=published_texts("place", "description"),
        link=lambda ref: url_for("public.event", item_id=int(ref)),
    )
)
register_source(
    Source(
        kind="page",
        model=Page,
        label=_l("Page"),
        texts=published_texts("body"),
        link=lambda ref: url_for("public.page", slug=ref),
        ref=lambda page: page.slug,
    )
)

from tenants.search import documents, sveden  # noqa: E402, F401  (their adapters register too)
