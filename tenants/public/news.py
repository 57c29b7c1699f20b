"""Public news: the list with paging, an article page, and the Atom feed."""

from datetime import UTC

from feedgen.feed import FeedGenerator
from flask import Response, abort, g, render_template
from flask_babel import lazy_gettext as _l

from mektep.extensions import db
from mektep.hosts import external_url
from mektep.pagecache import PAGE_NUMBER, cache_until, page_arguments
from mektep.request_input import page_argument
from mektep.richtext import summary
from tenants.news.models import NewsPost, important_notices, published_posts
from tenants.public.blueprint import bp
from tenants.public.navigation import add_menu_entry

PER_PAGE = 10
FEED_SIZE = 20


def page_of(query, number, per_page):
    """(items of page `number`, whether a next page exists); no COUNT needed."""
    rows = db.session.scalars(query.limit(per_page + 1).offset((number - 1) * per_page)).all()
    return rows[:per_page], len(rows) > per_page


def published_post_or_404(item_id):
    post = NewsPost.get_for_school(item_id, g.school)
    if not post.is_published or post.in_trash:
        abort(404)
    return post


@bp.route("/news/")
@page_arguments(page=PAGE_NUMBER)
def news_list():
    number = page_argument()
    posts, has_next = page_of(published_posts(), number, PER_PAGE)
    if number > 1 and not posts:
        abort(404)
    return render_template("news/list.html", posts=posts, page=number, has_next=has_next)


@bp.route("/news/<int:item_id>")
def news_article(item_id):
    return render_template("news/article.html", post=published_post_or_404(item_id))


def _utc(value):
    return value.replace(tzinfo=UTC)


@bp.route("/news/feed.atom")
def news_feed():
    posts = db.session.scalars(
        published_posts().order_by(None).order_by(NewsPost.published_at.desc()).limit(FEED_SIZE)
    ).all()
    feed = FeedGenerator()
    feed.id(external_url("public.news_list"))
    feed.title(g.school.name(g.lang))
    feed.subtitle(str(_l("News")))
    feed.language(g.lang)
    feed.link(href=external_url("public.news_list"), rel="alternate")
    feed.link(href=external_url("public.news_feed"), rel="self")
    feed.updated(_utc(max((post.updated_at for post in posts), default=g.school.created_at)))
    for post in posts:
        link = external_url("public.news_article", item_id=post.id)
        body = post.localized("body", g.lang)[0]
        entry = feed.add_entry(order="append")
        entry.id(link)
        entry.title(post.display_title(g.lang))
        entry.link(href=link)
        entry.published(_utc(post.published_at))
        entry.updated(_utc(post.updated_at))
        entry.summary(summary(body))
        entry.content(body, type="html")
    return Response(feed.atom_str(pretty=False), mimetype="application/atom+xml")


def latest_news(count=5):
    query = published_posts().order_by(None).order_by(NewsPost.published_at.desc())
    return db.session.scalars(query.limit(count)).all()


def banner_notices():
    """The urgent notices of the banner on every page of the school: the page
    changes by itself when the first of them expires."""
    notices = important_notices()
    if notices:
        cache_until(min(post.important_until for post in notices))
    return notices


def init_app(app):
    add_menu_entry(app, "public.news_list", _l("News"), 20)
    # Lazy helpers: the banner on every page of a school (error pages included),
    # the home page's latest news; summaries on the lists of news and pages.
    app.jinja_env.globals.update(important_notices=banner_notices, latest_news=latest_news)
    app.add_template_filter(summary, "news_summary")
