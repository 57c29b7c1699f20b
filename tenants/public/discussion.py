"""The public discussion: the page of approved questions with the school's
answers, and the page of the form where a visitor asks or gives feedback (it
waits for moderation)."""

from flask import current_app, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from sqlalchemy.orm import selectinload

from mektep import throttle
from mektep.extensions import csrf, db
from mektep.pagecache import PAGE_NUMBER, page_arguments
from mektep.request_input import page_argument
from tenants.discussion import moderation
from tenants.discussion.forms import HONEYPOT_FIELD, PostForm
from tenants.discussion.models import Post
from tenants.public.blueprint import bp
from tenants.public.navigation import add_menu_entry

PAGE_SIZE = 20


def post_limit():
    return current_app.config["DISCUSSION_POST_LIMIT"]


def _address_key():
    return ("discussion-address", request.remote_addr or "")


@bp.route("/discussion")
@page_arguments(page=PAGE_NUMBER)
def discussion():
    """The questions and feedback the school has published, with its answers:
    the same for every visitor, so the page cache keeps it."""
    query = (
        db.select(Post)
        .where(Post.status == "approved")
        .options(selectinload(Post.answer))
        .order_by(Post.moderated_at.desc(), Post.id.desc())
    )
    posts = db.paginate(query, page=page_argument(), per_page=PAGE_SIZE, error_out=False)
    return render_template("discussion/public.html", posts=posts)


@bp.route("/discussion/ask", methods=["GET", "POST"])
@csrf.exempt  # the form checks its own token, so a stale page keeps what was typed
def discussion_ask():
    """The form where a visitor writes to the school. Its CSRF token lives in the
    visitor's session, so this page is rendered for each visitor (never kept by
    the page cache), apart from the list of questions that everyone shares."""
    form = PostForm()
    status = 200
    if request.method == "POST":
        status = _receive(form)
        if status == 302:
            flash(
                _(
                    "Thank you! Your message is sent. "
                    "It will appear here once the school has read it."
                ),
                "success",
            )
            return redirect(url_for("public.discussion"))
    return render_template("discussion/ask.html", form=form), status


def _receive(form):
    """Check a submitted post and store it; returns the response status."""
    if not form.validate_on_submit():
        if form.csrf_token.errors:
            form.csrf_token.errors = [
                _("The form has expired. Your text is kept below: send it again.")
            ]
        return 400
    if request.form.get(HONEYPOT_FIELD, None) != "":
        form.form_errors.append(
            _("The message was not sent: the form arrived incomplete or filled in automatically.")
        )
        return 400
    minutes = throttle.take(post_limit(), *_address_key())
    if minutes:
        form.form_errors.append(
            _("Too many messages from your address. Try again in %(n)s min.", n=minutes)
        )
        return 429
    moderation.receive(
        form.kind.data, form.author_name.data, form.author_email.data, form.body.data
    )
    return 302


def init_app(app):
    add_menu_entry(app, "public.discussion", _l("Questions and answers"), 80)
