"""Admin pages for news posts: drafts, publishing, scheduling, pinning, banners."""

from flask import g, url_for
from flask_babel import format_datetime
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user

from mektep.extensions import db
from tenants.admin.blueprint import bp
from tenants.admin.navigation import add_admin_entry, add_dashboard_panel
from tenants.admin.news_forms import NewsForm
from tenants.admin.toolkit.kinds import KindAdmin, add_to_dashboard, dashboard_kinds
from tenants.documents.fields import accept_upload, has_upload
from tenants.news.models import NewsPost
from tenants.news.scheduling import cancel_schedule, schedule


class NewsAdmin(KindAdmin):
    name, url, model, form_class = "news", "/news", NewsPost, NewsForm
    titles = {"list": _l("News"), "new": _l("New post"), "edit": _l("Edit post")}
    checks_stop_words = True
    admin_buttons = ("publish", "schedule")
    schedule_subjects = ("news",)

    def list_query(self):
        return db.select(NewsPost).order_by(
            NewsPost.published_at.is_(None).desc(),
            NewsPost.published_at.desc(),
            NewsPost.created_at.desc(),
        )

    def describe(self, post):
        if post.is_published:
            return _("Pinned") if post.pinned else ""
        if post.scheduled_for is not None:
            return _("Scheduled for %(when)s", when=format_datetime(post.scheduled_for, "short"))
        return ""

    def public_url(self, post):
        return url_for("public.news_article", item_id=post.id)

    def scheduling(self, form):
        return form.schedule.data

    def form_data(self, post):
        data = super().form_data(post)
        return data if post is None else data | {"scheduled_for": post.scheduled_for}

    def check(self, post, form):
        """Store a chosen cover photo; False (with the reason on the field) if refused."""
        if not has_upload(form.cover):
            return True
        stored = accept_upload(form.cover, current_user, pictures_only=True)
        if stored is None:
            return False
        db.session.flush()
        form.new_cover_id = stored.id
        return True

    def after_save(self, post, form):
        if form.schedule.data:
            if post.is_published:
                return _("The post is already published; there is nothing to schedule.")
            schedule(post, form.scheduled_for.data, current_user)
            return _("Scheduled. The post appears by itself at the chosen time.")
        if post.is_published and g.role == "admin":
            cancel_schedule(post)
        return None


news_admin = NewsAdmin()
news_admin.add_routes(bp)


def scheduled_posts():
    return db.session.scalars(
        db.select(NewsPost)
        .where(NewsPost.scheduled_for.is_not(None), NewsPost.published_at.is_(None))
        .order_by(NewsPost.scheduled_for)
    ).all()


@bp.context_processor
def content_dashboard():
    """Lazy helpers for the dashboard panel: what waits to be published, what is scheduled."""
    return {"dashboard_kinds": dashboard_kinds(), "scheduled_posts": scheduled_posts}


def init_app(app):
    add_to_dashboard(app, news_admin)
    add_admin_entry(app, "admin.news_list", _l("News"), 20)
    add_dashboard_panel(app, "news/dashboard_panel.html")
