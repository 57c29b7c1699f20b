"""Sign in, sign out, set up a new account, reset or change a password."""

from urllib.parse import urlsplit

from flask import flash, g, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required, login_user, logout_user

from mektep import audit, throttle
from mektep.accounts import passwords, reset_links, setup_links
from mektep.accounts.blueprint import bp
from mektep.accounts.forms import LoginForm, PasswordChangeForm, ResetForm, SetupForm
from mektep.accounts.models import User
from mektep.accounts.settings import remember_page_language
from mektep.extensions import db


def may_work_here(user):
    """Whether `user` has business signing in on this host: a role here, or an
    invitation here to answer."""
    if user.is_district_admin:
        return True
    if g.school is None:
        return False
    return user.role_in(g.school) is not None or user.invitation_to(g.school) is not None


def landing_url(user):
    """Where `user` goes after signing in here: this school's invitation first."""
    if g.school is not None and user.role_in(g.school) is None and user.invitation_to(g.school):
        return url_for("auth.invitations")
    target = request.args.get("next", "")
    parts = urlsplit(target)
    if target.startswith("/") and not target.startswith("//") and not parts.netloc:
        return target
    if g.school is not None:
        return url_for("admin.dashboard")
    return url_for("district.schools")


@bp.route("/login", methods=["GET", "POST"])
def login():
    if current_user.is_authenticated and may_work_here(current_user):
        return redirect(landing_url(current_user))
    form = LoginForm()
    status = 200
    if form.validate_on_submit():
        email = form.email.data
        status = _try_login(form, email)
        if status == 302:
            return redirect(landing_url(current_user))
    elif form.is_submitted():
        status = 400
    return render_template("auth/login.html", form=form), status


def _try_login(form, email):
    """Sign the user in; on failure put the reason on the form. Returns a status.

    The attempt is counted before the password is checked, and an unknown
    address costs the same hashing as a known one."""
    if _refused_for_now(form, email):
        return 429
    user = db.session.scalar(db.select(User).where(User.email == email))
    if not passwords.verify(user.password_hash if user else None, form.password.data):
        form.form_errors.append(_("Wrong e-mail or password."))
        return 401
    throttle.password_accepted(email)
    if not user.active:
        form.form_errors.append(_("This account has been deactivated."))
        return 403
    if not may_work_here(user):
        form.form_errors.append(_("This account has no access to this site."))
        return 403
    login_user(user)
    audit.record("auth.login", user=user)
    remember_page_language(user)
    db.session.commit()
    return 302


def _refused_for_now(form, email):
    """Count a password guess for `email`; True (and a message) once over the limit."""
    minutes = throttle.take_password_attempt(email)
    if minutes:
        form.form_errors.append(_("Too many failed attempts. Try again in %(n)s min.", n=minutes))
    return bool(minutes)


@bp.route("/logout", methods=["POST"])
@login_required
def logout():
    audit.record("auth.logout")
    remember_page_language(current_user)
    current_user.invalidate_sessions()
    db.session.commit()
    logout_user()
    flash(_("You have signed out."), "success")
    return redirect(url_for("index"))


@bp.route("/account/setup/<token>", methods=["GET", "POST"])
def setup(token):
    """A new account's owner chooses their name and first password."""
    try:
        grant = setup_links.redeem(token)
    except setup_links.LinkProblem as problem:
        return _link_problem(problem)
    user = grant.user
    form = SetupForm(display_name=user.display_name)
    if form.validate_on_submit():
        user.display_name = form.display_name.data.strip()
        user.set_password(form.password.data)
        remember_page_language(user)
        audit.record("auth.setup", user=user, school_id=grant.school_id)
        db.session.commit()
        flash(_("Your password is saved. Welcome!"), "success")
        return _signed_in_here(user)
    status = 400 if form.is_submitted() else 200
    return render_template("auth/setup.html", form=form, user=user), status


@bp.route("/account/reset/<token>", methods=["GET", "POST"])
def reset(token):
    """The owner of an account chooses a new password from the link sent to them."""
    try:
        user = reset_links.redeem(token)
    except setup_links.LinkProblem as problem:
        return _link_problem(problem, reset=True)
    form = ResetForm()
    if form.validate_on_submit():
        user.set_password(form.password.data)
        remember_page_language(user)
        audit.record("auth.password_reset", user=user)
        db.session.commit()
        flash(_("Your new password is saved. Other devices have been signed out."), "success")
        return _signed_in_here(user)
    status = 400 if form.is_submitted() else 200
    return render_template("auth/reset.html", form=form, user=user), status


def _link_problem(problem, reset=False):
    status = 410 if problem.reason == "expired" else 400
    page = render_template("auth/setup_invalid.html", reason=problem.reason, reset=reset)
    return page, status


def _signed_in_here(user):
    """After the owner chose a password: signed in where they may work, else
    sent to sign in (their work is on another school's host)."""
    if not may_work_here(user):
        return redirect(url_for("auth.login"))
    login_user(user)
    return redirect(landing_url(user))


@bp.route("/account/password", methods=["GET", "POST"])
@login_required
def change_password():
    form = PasswordChangeForm()
    status = 200
    if form.validate_on_submit():
        if _refused_for_now(form, current_user.email):
            status = 429
        elif current_user.check_password(form.current.data):
            user = current_user._get_current_object()
            throttle.password_accepted(user.email)
            user.set_password(form.password.data)
            audit.record("auth.password_changed")
            db.session.commit()
            login_user(user)  # a new session version: this device stays signed in
            flash(_("Your password is changed. Other devices have been signed out."), "success")
            return redirect(landing_url(user))
        else:
            form.current.errors.append(_("This is not your current password."))
            status = 400
    elif form.is_submitted():
        status = 400
    return render_template("auth/password.html", form=form), status
