"""The messages about accounts, each to the account's own address: a set-up link
(a new account, or a new link for it), a school's invitation to an existing
account, the news of being made a district administrator.

Links in them are absolute, on the school's host (or the apex for the
district's console), in the recipient's language.
"""

from flask import current_app
from flask_babel import force_locale
from flask_babel import gettext as _

from mektep import mail
from mektep.accounts.models import ROLE_LABELS
from mektep.mail.compose import link_builder, site_name


def send_setup_link(user, url, school=None, role=None, inviter=None, reissued=False):
    """Mail `user` their set-up link `url` (on `school`'s host; None: the console)."""
    lang = user.mail_language(school)
    with force_locale(lang):
        if reissued:
            intro = _(
                "Here is a new link to set up your account %(email)s. "
                "Any earlier link no longer works.",
                email=user.email,
            )
        else:
            intro = _invited(school and site_name(school, lang), role, inviter)
    return mail.send(
        user,
        "setup",
        lang,
        school=school,
        intro=intro,
        setup_url=url,
        hours=current_app.config["SETUP_LINK_HOURS"],
    )


def _invited(school_name, role, inviter):
    """The sentence saying who invited the reader to what."""
    if school_name is None:
        if inviter is None:
            return _(
                "You are invited to be an administrator of the district console: the "
                "district's schools, their administrators and the audit log."
            )
        return _(
            "%(who)s invited you to be an administrator of the district console: the "
            "district's schools, their administrators and the audit log.",
            who=_who(inviter),
        )
    role = str(ROLE_LABELS[role])
    if inviter is None:
        return _(
            "You are invited to work on the site of %(school)s as %(role)s.",
            school=school_name,
            role=role,
        )
    return _(
        "%(who)s invited you to work on the site of %(school)s as %(role)s.",
        who=_who(inviter),
        school=school_name,
        role=role,
    )


def _who(person):
    """A person as a message names them: their name and address (the reader may
    know only one of the two)."""
    if person.display_name:
        return f"{person.display_name} ({person.email})"
    return person.email


def send_invitation(membership, inviter=None):
    """Mail an existing account's owner the school's invitation, which they answer
    after signing in on the school's host."""
    user, school = membership.user, membership.school
    lang = user.mail_language(school)
    with force_locale(lang):
        intro = _invited(site_name(school, lang), membership.role, inviter)
    answer_url = link_builder(school, lang)("auth.invitations")
    return mail.send(user, "invitation", lang, school=school, intro=intro, answer_url=answer_url)


def send_district_admin_notice(user, inviter):
    """Tell an existing account's owner that it is now a district administrator."""
    lang = user.mail_language(None)
    console_url = link_builder(None, lang)("district.schools")
    return mail.send(user, "district_admin", lang, who=_who(inviter), console_url=console_url)
