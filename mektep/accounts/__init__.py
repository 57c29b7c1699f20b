"""People and their accounts: signing in and out, first-time password set-up,
password resets (asked for by the owner or sent by an admin) and changes, the
account's settings, and answering a school's invitation, on every host."""

from flask_login import current_user

from mektep.extensions import login_manager


def is_district_admin():
    return current_user.is_authenticated and current_user.is_district_admin


def init_app(app):
    from mektep import mail
    from mektep.accounts import forgot, invitation_pages, invitations, reset_links, routes, settings  # noqa: F401  (pages)
    from mektep.accounts.blueprint import bp
    from mektep.accounts.models import ROLE_LABELS
    from mektep.accounts.session import keep_anonymous_sessions_untouched, load_user

    login_manager.init_app(app, add_context_processor=False)
    keep_anonymous_sessions_untouched(app)
    login_manager.user_loader(load_user)
    login_manager.login_view = "auth.login"
    login_manager.login_message = None
    app.register_blueprint(bp)
    mail.add_composer(app, reset_links.TEMPLATE, reset_links.compose_requested)
    # The school admin, the district console and the sign-in pages all name
    # roles, invitations and district visits.
    app.jinja_env.globals.update(
        answer_url=invitations.answer_url,
        role_labels=ROLE_LABELS,
        is_district_admin=is_district_admin,
    )
