"""Sign in, sign out, set up a new account, change a password."""

from urllib.parse import urlsplit

from flask import flash, g, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required, login_user, logout_user

from mektep import audit, throttle
from mektep.accounts import bp, setup_links
from mektep.accounts.forms import LoginForm, PasswordChangeForm, SetupForm
from mektep.accounts.models import User
from mektep.extensions import db


def may_work_here(user):
    """Whether `user` has business signing in on this host."""
    if user.is_district_admin:
        return True
    return g.school is not None and user.role_in(g.school) is not None


def landing_url():
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
        return redirect(landing_url())
    form = LoginForm()
    status = 200
    if form.validate_on_submit():
        email = form.email.data
        status = _try_login(form, email)
        if status == 302:
            return redirect(landing_url())
    elif form.is_submitted():
        status = 400
    return render_template("auth/login.html", form=form), status


def _try_login(form, email):
    """Sign the user in; on failure put the reason on the form. Returns a status."""
    minutes = throttle.minutes_blocked(email)
    if minutes:
        form.form_errors.append(_("Too many failed attempts. Try again in %(n)s min.", n=minutes))
        return 429
    user = db.session.scalar(db.select(User).where(User.email == email))
    if user is None or not user.check_password(form.password.data):
        throttle.count_failure(email)
        form.form_errors.append(_("Wrong e-mail or password."))
        return 401
    if not user.active:
        form.form_errors.append(_("This account has been deactivated."))
        return 403
    if not may_work_here(user):
        form.form_errors.append(_("This account has no access to this site."))
        return 403
    throttle.clear_account(email)
    login_user(user)
    audit.record("auth.login", user=user)
    db.session.commit()
    return 302


@bp.route("/logout", methods=["POST"])
@login_required
def logout():
    audit.record("auth.logout")
    current_user.invalidate_sessions()
    db.session.commit()
    logout_user()
    flash(_("You have signed out."), "success")
    return redirect(url_for("index"))


@bp.route("/account/setup/<token>", methods=["GET", "POST"])
def setup(token):
    try:
        user = setup_links.redeem(token)
    except setup_links.LinkProblem as problem:
        status = 410 if problem.reason == "expired" else 400
        return render_template("auth/setup_invalid.html", reason=problem.reason), status
    form = SetupForm(display_name=user.display_name)
    if form.validate_on_submit():
        user.display_name = form.display_name.data.strip()
        user.set_password(form.password.data)
        audit.record("auth.setup", user=user)
        db.session.commit()
        login_user(user)
        flash(_("Your password is saved. Welcome!"), "success")
        return redirect(landing_url())
    status = 400 if form.is_submitted() else 200
    return render_template("auth/setup.html", form=form, user=user), status


@bp.route("/account/password", methods=["GET", "POST"])
@login_required
def change_password():
    form = PasswordChangeForm()
    status = 200
    if form.validate_on_submit():
        if current_user.check_password(form.current.data):
            current_user.set_password(form.password.data)
            audit.record("auth.password_changed")
            db.session.commit()
            login_user(current_user)
            flash(_("Your password is changed. Other devices have been signed out."), "success")
            return redirect(landing_url())
        form.current.errors.append(_("This is not your current password."))
        status = 400
    elif form.is_submitted():
        status = 400
    return render_template("auth/password.html", form=form), status
