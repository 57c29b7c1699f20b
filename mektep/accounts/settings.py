"""The account's own settings: the language of its e-mail.

Until its owner chooses one, messages follow the language of the pages they
last used, as noted by `remember_page_language` where a session starts and
ends (signing in, setting up the account, choosing a new password, signing
out): the pages in between write nothing, so browsing, and a refused request,
change no row.
"""

from flask import flash, g, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user, login_required
from flask_wtf import FlaskForm
from wtforms import RadioField, SubmitField
from wtforms.fields.choices import SelectChoice

from mektep import audit
from mektep.accounts.blueprint import bp
from mektep.extensions import db
from mektep.i18n import LANGUAGE_NAMES, host_language

AS_PAGES = "pages"


def remember_page_language(user):
    """Note the language of the page `user` is on (their messages' language until
    they choose one), with the action that the caller commits."""
    lang = g.get("lang")
    if lang in user.mail_languages():
        user.last_language = lang


class SettingsForm(FlaskForm):
    language = RadioField(
        _l("Language of your e-mail"),
        description=_l(
            "Invitations, links to choose a password and news of waiting questions "
            "come in this language."
        ),
    )
    submit = SubmitField(_l("Save"))


def _language_choices(user):
    last = user.last_language
    if last not in user.mail_languages():
        last = host_language(g.school)
    current = LANGUAGE_NAMES[last]
    automatic = _("As the pages I use (now: %(language)s)", language=current)
    return [
        SelectChoice(AS_PAGES, automatic),
        *(SelectChoice(lang, LANGUAGE_NAMES[lang]) for lang in user.mail_languages()),
    ]


@bp.route("/account/settings", methods=["GET", "POST"])
@login_required
def account_settings():
    user = current_user._get_current_object()
    form = SettingsForm(language=user.language or AS_PAGES)
    form.language.choices = _language_choices(user)
    if form.validate_on_submit():
        user.language = None if form.language.data == AS_PAGES else form.language.data
        audit.record("auth.settings", f"language={user.language or AS_PAGES}")
        db.session.commit()
        flash(_("Your settings are saved."), "success")
        return redirect(url_for("auth.account_settings"))
    status = 400 if form.is_submitted() else 200
    return render_template("auth/settings.html", form=form), status
