"""Composing a message from its templates, in the recipient's language.

A message `NAME` has two templates: `templates/mail/NAME.txt` (the plain-text
part, with the subject in its `subject` block) and `templates/mail/NAME.html`
(the HTML part); they extend `mail/layout.txt` and `mail/layout.html`, which
hold what every message shares (the school's name at the top, the footer).

Every template gets `lang`, `school` (None: the district's console), `user`
(the recipient's account, or None), `site_name`, `site_link` and
`link(endpoint, **values)`: an absolute link on the school's host (or the
apex) in the message's language, through `mektep.hosts.site_url`, so a school
reached on its own domain gets links there; and the school's look
(`mail_look`: `accent`, `text_on_accent`, `logo_url`), given by the branding
area through `add_mail_look`: with the layout, the one place a school's look
enters its messages.
"""

import email.policy
from email.headerregistry import Address
from email.message import EmailMessage
from email.utils import formatdate, make_msgid
from functools import partial

from flask import current_app, render_template
from flask_babel import force_locale
from flask_babel import gettext as _

from mektep.hosts import school_link, site_url
from mektep.registries import registry

DEFAULT_ACCENT = "#1d4f91"
WIRE_POLICY = email.policy.SMTP.clone(max_line_length=998)


def mail_domain():
    return current_app.config["BASE_DOMAIN"].split(":", 1)[0]


def sender_address():
    return current_app.config["MAIL_FROM"] or f"no-reply@{mail_domain()}"


def link_builder(school, lang):
    """`link(endpoint, **values)`: an absolute URL on `school`'s host (None: the
    apex) in `lang`."""
    return partial(school_link, school, lang=lang)


def add_mail_look(app, look_of):
    """Let `look_of(school)` give a school's look in its messages: a dict of
    `accent` (the band at the top and the buttons), `text_on_accent` and
    `logo_url` (absolute, or None). The branding area adds it."""
    registry("mail_looks", app).append(look_of)


def mail_look(school):
    """The look of `school`'s messages (None: the district's console)."""
    looks = registry("mail_looks")
    if school is None or not looks:
        return {"accent": DEFAULT_ACCENT, "text_on_accent": "#ffffff", "logo_url": None}
    return looks[0](school)


def site_name(school, lang):
    return school.name(lang) if school is not None else _("Schools of the district")


def render(template, lang, school, context):
    """(subject, text, html) of the message `template` in `lang`."""
    with force_locale(lang):
        values = dict(
            context,
            lang=lang,
            school=school,
            site_name=site_name(school, lang),
            site_link=site_url(school),
            link=link_builder(school, lang),
            **mail_look(school),
        )
        text_template = current_app.jinja_env.get_template(f"mail/{template}.txt")
        subject_block = text_template.blocks["subject"](text_template.new_context(values))
        subject = " ".join("".join(subject_block).split())
        text = render_template(f"mail/{template}.txt", subject=subject, **values)
        html = render_template(f"mail/{template}.html", subject=subject, **values)
    return subject, text, html


def compose(to_address, template, lang, school=None, **context):
    """The message `template` to `to_address` in `lang`, with a plain-text and an
    HTML part (each base64-encoded, so any mail server carries it unchanged)."""
    subject, text, html = render(template, lang, school, context)
    with force_locale(lang):
        sender = Address(display_name=site_name(school, lang), addr_spec=sender_address())
    message = EmailMessage()
    message["From"] = sender
    message["To"] = to_address
    message["Subject"] = subject
    message["Date"] = formatdate()
    message["Message-ID"] = make_msgid(domain=mail_domain())
    # Out-of-office replies and the like are not sent back to an automatic message.
    message["Auto-Submitted"] = "auto-generated"
    message.set_content(text, cte="base64")
    message.add_alternative(html, subtype="html", cte="base64")
    # After the parts exist: making the message multipart moves Content-* headers into them.
    message["Content-Language"] = lang
    return message


def wire_bytes(message):
    """The message as it travels: lines end in CRLF, as SMTP requires (smtplib
    sends bytes unchanged, and a server reads bare LFs as one over-long line).
    Headers are not folded at 78 characters (RFC 5322 allows 998): Python 3.11
    loses the space between two folded encoded words, so a Kyrgyz or Russian
    subject would arrive with two words glued together. The parts are base64,
    in short lines."""
    return message.as_bytes(policy=WIRE_POLICY)
