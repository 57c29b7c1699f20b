"""E-mail: every message the platform sends, in its recipient's language, with a
plain-text and an HTML part, sent by the worker.

    from mektep import mail
    mail.send(user, "moderation", school=school, count=3)      # to an account
    mail.send("someone@example.kg", "notice", "ru", school=school, ...)  # to an address

`send` composes the message now (templates `mail/NAME.txt` and `mail/NAME.html`,
see `compose.py`), keeps it in the database and queues its job when the
transaction commits: a failing mail server never fails the page, and the
message is tried again until it goes (`delivery.py`). An account's message is in
its owner's language (`User.mail_language`). Through SMTP when `MAIL_URL` is
set; without it each message is written to `instance/outbox/` as an `.eml` file,
and `shows_links()` is true: the pages that made a set-up link for a brand-new
account may then show it on screen, as they always did in development.
"""

from mektep.i18n import host_language
from mektep.mail import delivery
from mektep.mail.compose import add_mail_look, compose
from mektep.mail.delivery import add_composer
from mektep.mail.transport import uses_smtp

__all__ = ["add_composer", "add_mail_look", "compose", "request", "send", "shows_links"]


def send(to, template, lang=None, *, school=None, **context):
    """Send the message `template` to `to` (a User or an address), about `school`
    (None: the district's console), in `lang` (default: the account's language,
    else the school's). `context` goes to the templates. Returns the stored row."""
    user = None if isinstance(to, str) else to
    address = to if user is None else user.email
    if lang is None:
        lang = user.mail_language(school) if user is not None else host_language(school)
    message = compose(address, template, lang, school, user=user, **context)
    return delivery.store(message, template, lang, user=user, school=school)


def request(address, template, lang, *, school=None):
    """Ask the worker to compose and send `template` to `address` (its composer,
    added with `add_composer`, may decide to send nothing): the request costs the
    same whatever the worker decides, so its page reveals nothing."""
    return delivery.store_request(address, template, lang, school=school)


def shows_links():
    """Whether a page may show the set-up link it mailed to a brand-new account
    (development: no mail server, the message lies in the outbox folder)."""
    return not uses_smtp()


def init_app(app):
    from config import ConfigurationError
    from mektep.jobs import add_sweep
    from mektep.mail.cli import mail_cli
    from mektep.mail.transport import MailUrlError, parse_mail_url

    if app.config["MAIL_URL"]:
        try:
            parse_mail_url(app.config["MAIL_URL"])
        except MailUrlError as error:
            raise ConfigurationError(
                f"MAIL_URL cannot be used: {error}. For example: "
                "smtp://user:password@mail.example.kg:587?starttls, "
                "smtps://user:password@mail.example.kg, smtp://relay.example.kg:25"
            ) from None
    add_sweep(app, delivery.sweep)
    app.cli.add_command(mail_cli)
