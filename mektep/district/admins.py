"""The district's own administrators (13.4): invite by e-mail (the invited person
chooses their own password through the link mailed to them), deactivate,
reactivate. The console always keeps at least one active administrator, and
every change is written to the audit log.

Deactivating takes the console away, nothing else: the account, its password
and any school it works for stay its owner's.
"""

from flask import abort, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user
from flask_wtf import FlaskForm
from wtforms import SubmitField

from config import UI_LANGUAGES
from mektep import audit
from mektep.accounts import invitations, messages, setup_links
from mektep.accounts.models import User
from mektep.clock import utcnow
from mektep.district.blueprint import bp
from mektep.extensions import db
from mektep.forms import ConfirmForm, confirmed_or_400, email_field


class AdminInviteForm(FlaskForm):
    email = email_field(
        description=_l(
            "Their work e-mail: their sign-in name. They get a link there to choose "
            "their own password."
        )
    )
    submit = SubmitField(_l("Invite"))


def _administrators():
    return db.session.scalars(
        db.select(User)
        .where(db.or_(User.is_district_admin, User.district_deactivated_at.is_not(None)))
        .order_by(User.is_district_admin.desc(), User.email)
    ).all()


def _render(form=None, problem=None, status=200):
    return render_template(
        "district/admins.html",
        admins=_administrators(),
        form=form or AdminInviteForm(formdata=None),
        confirm=ConfirmForm(),
        problem=problem,
        may_issue_link=setup_links.may_issue_district,
    ), status


@bp.route("/admins")
def admins():
    return _render()


@bp.route("/admins/invite", methods=["POST"])
def invite_admin():
    form = AdminInviteForm()
    if not form.validate_on_submit():
        return _render(form, status=400)
    email = form.email.data
    user = invitations.find_user(email)
    problem = _invite_problem(user, email)
    if problem:
        form.email.errors.append(problem)
        return _render(form, status=400)
    inviter = current_user._get_current_object()
    if user is None:
        user = invitations.new_account(
            email, invitations.inviting_language(None, UI_LANGUAGES), is_district_admin=True
        )
        if user is None:  # another request created the account a moment ago
            return redirect(url_for("district.admins"))
        link = setup_links.send_district(user, inviter)
        audit.record("district.admin_invite", f"{email} (new account)")
        db.session.commit()
        return render_template(
            "district/admin_invited.html",
            admin=user,
            link=link,
        )
    user.is_district_admin = True
    messages.send_district_admin_notice(user, inviter)
    audit.record("district.admin_invite", f"{email} (existing account)")
    db.session.commit()
    flash(
        _(
            "%(email)s is now a district administrator; a message telling them was sent.",
            email=email,
        ),
        "success",
    )
    return redirect(url_for("district.admins"))


def _invite_problem(user, email):
    """Why `email` cannot be invited (a localized message), or None."""
    if user is None:
        return None
    if user.is_district_admin:
        return _("%(email)s is a district administrator already.", email=email)
    if user.district_deactivated_at is not None:
        return _("%(email)s is deactivated: reactivate it in the list below.", email=email)
    if not user.has_password:
        return _(
            "%(email)s has an account that a school's invitation is setting up. Invite it "
            "once its owner has chosen a password.",
            email=email,
        )
    return None


def _administrator_or_404(user_id):
    user = db.session.get(User, user_id)
    if user is None or not (user.is_district_admin or user.district_deactivated_at):
        abort(404)
    return user


def _is_last_active(user):
    """Whether `user` is the only active district administrator with a password.
    Locks every administrator's row first, so that two of them cannot
    deactivate each other at the same moment."""
    if not (user.is_district_admin and user.has_password and user.active):
        return False
    db.session.execute(db.select(User.id).where(User.is_district_admin).with_for_update())
    others = db.session.scalar(
        db.select(db.func.count(User.id)).where(
            User.is_district_admin,
            User.active,
            User.password_hash.is_not(None),
            User.id != user.id,
        )
    )
    return others == 0


@bp.route("/admins/<int:user_id>/<any(deactivate, reactivate):change>", methods=["POST"])
def admin_active(user_id, change):
    user = _administrator_or_404(user_id)
    confirmed_or_400()
    if change == "deactivate":
        if not user.is_district_admin:
            return redirect(url_for("district.admins"))
        if _is_last_active(user):
            db.session.rollback()
            problem = _(
                "This is the district's only active administrator. Invite another one "
                "first; nothing was changed."
            )
            return _render(problem=problem, status=409)
        user.is_district_admin, user.district_deactivated_at = False, utcnow()
        message = _("%(who)s can no longer use the district console.", who=user.label)
    else:
        if user.is_district_admin:
            return redirect(url_for("district.admins"))
        user.is_district_admin, user.district_deactivated_at = True, None
        message = _("%(who)s can use the district console again.", who=user.label)
    audit.record(f"district.admin_{change}", user.email)
    db.session.commit()
    flash(message, "success")
    if user.id == current_user.id:
        return redirect(url_for("index"))
    return redirect(url_for("district.admins"))


@bp.route("/admins/<int:user_id>/setup-link", methods=["POST"])
def admin_setup_link(user_id):
    """Mail an invited administrator who has not chosen a password a new link."""
    user = _administrator_or_404(user_id)
    confirmed_or_400()
    if not setup_links.may_issue_district(user):
        abort(409)
    link = setup_links.send_district(user, current_user._get_current_object(), reissued=True)
    audit.record("district.admin_setup_link", user.email)
    db.session.commit()
    return render_template(
        "district/admin_invited.html",
        admin=user,
        link=link,
        reissued=True,
    )
