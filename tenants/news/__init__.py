"""News and announcements of a school: posts in ky and ru, scheduled
publishing, pinning, and the "important" banner shown on every public page."""

from flask_babel import lazy_gettext as _l


def init_app(app):
    from mektep.jobs import add_sweep
    from tenants.documents.owners import add_file_owner
    from tenants.news.models import NewsPost
    from tenants.news.scheduling import publish_due_posts
    from tenants.search.registry import add_source, published_source

    add_sweep(app, publish_due_posts)
    # A cover may be fetched by the public while a published post shows it.
    add_file_owner(
        app, NewsPost, NewsPost.cover_file_id, lambda: NewsPost.published_at.is_not(None)
    )
    add_source(app, published_source("news", NewsPost, _l("News post"), "public.news_article"))
