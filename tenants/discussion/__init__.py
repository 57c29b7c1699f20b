"""Visitors' questions and feedback, their moderation, and the school's answers
(A3, G6); the admins hear of waiting posts by e-mail (`notices`)."""


def init_app(app):
    from mektep.jobs import add_sweep
    from tenants.discussion.notices import notify_waiting_posts

    add_sweep(app, notify_waiting_posts)
