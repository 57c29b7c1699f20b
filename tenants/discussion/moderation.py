"""What happens to a post: it arrives (flagged if it needs a closer look), then
an admin approves it, rejects it, or approves it with an answer."""

import re

from flask import g, request

from mektep import audit
from mektep.clock import utcnow
from mektep.extensions import db
from mektep.moderation import stopwords
from tenants.discussion.models import Answer, Post
from tenants.trash import restore_from_trash
from tenants.versioning import publish

LINK_PATTERN = re.compile(r"https?://|www\.|\b[\w-]+\.(?:com|ru|kg|net|org|info|xyz)\b", re.I)
LINK_FLAG = "link"


def flags_for(text):
    """Why a text should stand out in the queue: stop words found, and links."""
    found = stopwords.matches(text)
    if LINK_PATTERN.search(text):
        found.append(LINK_FLAG)
    return found


def receive(kind, author_name, author_email, body):
    """Store a visitor's post in the moderation queue."""
    post = Post(
        kind=kind,
        author_name=author_name.strip(),
        author_email=author_email or None,
        body=body.strip(),
        lang=g.lang,
        flags=flags_for(f"{author_name}\n{body}"),
        address=(request.remote_addr or "")[:64],
    )
    db.session.add(post)
    db.session.commit()
    return post


def recheck_pending():
    """Flag the waiting posts anew, after the stop-word list changed. Unscoped: every school."""
    posts = db.session.scalars(db.select(Post).where(Post.status == "pending")).all()
    for post in posts:
        post.flags = flags_for(f"{post.author_name}\n{post.body}")
    return len(posts)


def _moderate(post, status, user):
    post.status = status
    post.moderated_at = utcnow()
    post.moderated_by_id = user.id


def approve(post, user):
    _moderate(post, "approved", user)
    audit.record("discussion.approve", f"#{post.id}")


def reject(post, user):
    _moderate(post, "rejected", user)
    audit.record("discussion.reject", f"#{post.id}")


def publish_answer(post, user, texts):
    """Approve `post` and publish its answer as a new version (an answer in the
    trash comes back with the new text, keeping its history). `texts`: {field: text}."""
    # Not `post.answer`: a post loaded by a query skips its answer in the trash.
    answer = db.session.scalars(
        db.select(Answer).where(Answer.post_id == post.id).execution_options(include_trashed=True)
    ).first()
    if answer is None:
        answer = Answer(post=post)
        db.session.add(answer)
    elif answer.in_trash:
        restore_from_trash(answer)
    if post.status != "approved":
        approve(post, user)
    publish(answer, user, data={name: text.strip() for name, text in texts.items()})
    return answer


def waiting_counts():
    """(waiting, of which flagged) in the bound school's queue."""
    posts = db.session.scalars(db.select(Post.flags).where(Post.status == "pending")).all()
    return len(posts), sum(1 for flags in posts if flags)
