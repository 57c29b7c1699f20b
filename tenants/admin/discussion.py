"""Moderating the discussion (A3): the queue, approving, rejecting, answering."""

from flask import abort, flash, g, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user
from sqlalchemy.orm import selectinload

from mektep.extensions import db
from mektep.forms import confirmed_or_400
from mektep.request_input import page_argument
from tenants.admin.access import admin_required
from tenants.admin.blueprint import bp
from tenants.admin.navigation import add_admin_entry, add_dashboard_panel
from tenants.discussion import moderation
from tenants.discussion.forms import AnswerForm
from tenants.discussion.models import STATUSES, Answer, Post
from tenants.trash import move_to_trash
from tenants.versioning import editable_data

PAGE_SIZE = 30


@bp.context_processor
def discussion_counts():
    return {"discussion_waiting": moderation.waiting_counts}


@bp.route("/discussion")
@admin_required
def discussion():
    status = request.args.get("status", "pending")
    if status not in STATUSES:
        abort(404)
    if status == "pending":  # flagged posts first, then the oldest
        order = (db.func.json_array_length(Post.flags) == 0, Post.created_at.asc())
    else:
        order = (Post.moderated_at.desc(),)
    query = (
        db.select(Post)
        .where(Post.status == status)
        .options(selectinload(Post.answer))
        .order_by(*order, Post.id)
    )
    page = page_argument()
    posts = db.paginate(query, page=page, per_page=PAGE_SIZE, error_out=False)
    return render_template(
        "discussion/queue.html",
        posts=posts,
        status=status,
        statuses=STATUSES,
        counts=moderation.waiting_counts(),
    )


@bp.route("/discussion/<int:post_id>", methods=["GET", "POST"])
@admin_required
def discussion_post(post_id):
    post = Post.get_for_school(post_id, g.school)
    answer = post.answer if post.answer is not None and not post.answer.in_trash else None
    form = AnswerForm(data=editable_data(answer) if answer is not None else None)
    if form.validate_on_submit():
        moderation.publish_answer(post, current_user, form.texts())
        db.session.commit()
        flash(_("The answer is published with the question."), "success")
        return redirect(url_for("admin.discussion_post", post_id=post.id))
    status = 400 if form.is_submitted() else 200
    return render_template("discussion/post.html", post=post, answer=answer, form=form), status


@bp.route("/discussion/<int:post_id>/<any(approve, reject):decision>", methods=["POST"])
@admin_required
def discussion_decide(post_id, decision):
    post = Post.get_for_school(post_id, g.school)
    confirmed_or_400()
    if decision == "approve":
        moderation.approve(post, current_user)
        flash(_("Approved: the message is now on the site."), "success")
    else:
        moderation.reject(post, current_user)
        flash(_("Rejected: the message will not appear on the site."), "success")
    db.session.commit()
    return redirect(url_for("admin.discussion"))


@bp.route("/discussion/<int:post_id>/answer/trash", methods=["POST"])
@admin_required
def discussion_trash_answer(post_id):
    post = Post.get_for_school(post_id, g.school)
    confirmed_or_400()
    if post.answer is None or post.answer.in_trash:
        abort(400)
    move_to_trash(post.answer, current_user)
    db.session.commit()
    flash(_("The answer is moved to the trash; you can restore it from there."), "success")
    return redirect(url_for("admin.discussion_post", post_id=post.id))


@bp.route("/discussion/answers/<int:item_id>")
@admin_required
def discussion_answer(item_id):
    """Where history and trash pages link an answer to: its question's page."""
    answer = Answer.get_for_school(item_id, g.school)
    return redirect(url_for("admin.discussion_post", post_id=answer.post_id))


def init_app(app):
    add_admin_entry(app, "admin.discussion", _l("Discussion"), 40, role="admin")
    add_dashboard_panel(app, "discussion/dashboard_panel.html")
