"""The school's accounts (A4): invite editors and admins, change roles,
deactivate and reactivate memberships, withdraw invitations.

A person may work for several schools, so everything here acts on their
membership in this school, never on the account itself: an address that has an
account already is invited, and its owner accepts (mektep.accounts.invitations);
a set-up link is made only for an account this school created. The school
always keeps at least one active admin.
"""

from flask import abort, flash, g, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user
from flask_wtf import FlaskForm
from wtforms import RadioField, SubmitField
from wtforms.fields.choices import SelectChoice

from mektep import audit
from mektep.accounts import invitations, reset_links, setup_links
from mektep.accounts.models import ROLE_LABELS, ROLES, Membership, User
from mektep.extensions import db
from mektep.forms import confirmed_or_400, email_field
from tenants.admin.access import admin_required
from tenants.admin.blueprint import bp
from tenants.admin.navigation import add_admin_entry, add_dashboard_panel
from tenants.models import School


def _role_field():
    return RadioField(
        _l("Role"),
        choices=[SelectChoice(role, ROLE_LABELS[role]) for role in ROLES],
        default="editor",
        description=_l(
            "Editors draft content and upload documents; administrators also publish, "
            "delete, moderate the discussion and manage accounts."
        ),
    )


class InviteForm(FlaskForm):
    email = email_field(description=_l("The person's work e-mail; it is their sign-in name."))
    role = _role_field()
    submit = SubmitField(_l("Invite"))


class RoleForm(FlaskForm):
    role = _role_field()
    submit = SubmitField(_l("Change role"))


def _members():
    return db.session.scalars(
        db.select(Membership)
        .join(User)
        .where(Membership.school_id == g.school.id)
        .order_by(Membership.active.desc(), Membership.pending, Membership.role, User.email)
    ).all()


def _membership_or_404(membership_id):
    membership = db.session.get(Membership, membership_id)
    if membership is None or membership.school_id != g.school.id:
        abort(404)
    return membership


def _is_last_admin(membership):
    """Whether `membership` is the school's only active admin (an invitation not
    yet accepted is nobody's work). Locks the school's row first, so two admins
    cannot demote each other at the same moment."""
    if membership.role != "admin" or not membership.active or membership.pending:
        return False
    db.session.execute(db.select(School.id).where(School.id == g.school.id).with_for_update())
    others = db.session.scalar(
        db.select(db.func.count(Membership.id)).where(
            Membership.school_id == g.school.id,
            Membership.role == "admin",
            Membership.active.is_(True),
            Membership.pending.is_(False),
            Membership.id != membership.id,
        )
    )
    return others == 0


def _render(invite=None, problem=None, status=200):
    return render_template(
        "accounts/list.html",
        members=_members(),
        invite=invite or InviteForm(formdata=None),
        problem=problem,
        may_issue_link=setup_links.may_issue,
    ), status


@bp.route("/accounts")
@admin_required
def accounts():
    return _render()


@bp.route("/accounts/invite", methods=["POST"])
@admin_required
def invite():
    form = InviteForm()
    if not form.validate_on_submit():
        return _render(invite=form, status=400)
    user = invitations.find_user(form.email.data)
    if user is not None and user.membership_in(g.school) is not None:
        form.email.errors.append(
            _(
                "%(email)s already has an account in this school; change it in the list below.",
                email=form.email.data,
            )
        )
        return _render(invite=form, status=400)
    invitation = invitations.invite(
        g.school, form.email.data, form.role.data, current_user._get_current_object()
    )
    state = "pending" if invitation.membership.pending else "new account"
    audit.record("accounts.invite", f"{form.email.data} role={form.role.data} ({state})")
    db.session.commit()
    return _show_invitation(invitation.membership, invitation.link)


@bp.route("/accounts/<int:membership_id>/setup-link", methods=["POST"])
@admin_required
def account_setup_link(membership_id):
    """Mail a fresh set-up link to an account this school created, not set up yet."""
    membership = _membership_or_404(membership_id)
    confirmed_or_400()
    if not setup_links.may_issue(membership):
        abort(400)
    link = setup_links.send(membership, current_user._get_current_object(), reissued=True)
    audit.record("accounts.setup_link", membership.user.email)
    db.session.commit()
    return _show_invitation(membership, link, reissued=True)


def _show_invitation(membership, link, reissued=False):
    """The page that says a set-up link was mailed (showing it too in development),
    or that the invitation waits for the account's owner."""
    return render_template(
        "accounts/invited.html",
        member=membership.user,
        membership=membership,
        link=link,
        role=ROLE_LABELS[membership.role],
        reissued=reissued,
    )


@bp.route("/accounts/<int:membership_id>/password-reset", methods=["POST"])
@admin_required
def account_password_reset(membership_id):
    """Send a member who forgot their password a reset link, to their own address
    only: the admin never sees it, and nothing changes until the owner uses it."""
    membership = _membership_or_404(membership_id)
    confirmed_or_400()
    user = membership.user
    if membership.pending or not membership.active or not user.has_password:
        abort(409)
    reset_links.send(user, g.school)
    audit.record("accounts.password_reset", user.email)
    db.session.commit()
    flash(
        _(
            "A link to choose a new password was sent to %(email)s; nobody else sees it.",
            email=user.email,
        ),
        "success",
    )
    return redirect(url_for("admin.accounts"))


@bp.route("/accounts/<int:membership_id>/withdraw", methods=["POST"])
@admin_required
def account_withdraw(membership_id):
    """Take back an invitation its owner has not answered yet."""
    membership = _membership_or_404(membership_id)
    confirmed_or_400()
    if not membership.pending:
        abort(409)
    email = membership.user.email
    invitations.withdraw(membership)
    db.session.commit()
    flash(_("The invitation to %(email)s is withdrawn.", email=email), "success")
    return redirect(url_for("admin.accounts"))


@bp.route("/accounts/<int:membership_id>/role", methods=["POST"])
@admin_required
def account_role(membership_id):
    membership = _membership_or_404(membership_id)
    form = RoleForm()
    if not form.validate_on_submit():
        abort(400)
    if form.role.data == membership.role:
        return redirect(url_for("admin.accounts"))
    if _is_last_admin(membership):
        return _last_admin_refusal()
    membership.role = form.role.data
    audit.record("accounts.role", f"{membership.user.email} role={membership.role}")
    db.session.commit()
    flash(
        _("%(who)s is now %(role)s.", who=membership.user.label, role=ROLE_LABELS[membership.role]),
        "success",
    )
    return _back_to_accounts(membership)


@bp.route("/accounts/<int:membership_id>/<any(deactivate, reactivate):change>", methods=["POST"])
@admin_required
def account_active(membership_id, change):
    membership = _membership_or_404(membership_id)
    confirmed_or_400()
    if membership.pending:
        abort(409)  # an invitation is withdrawn, not deactivated
    if change == "deactivate" and _is_last_admin(membership):
        return _last_admin_refusal()
    membership.active = change == "reactivate"
    audit.record(f"accounts.{change}", membership.user.email)
    db.session.commit()
    if membership.active:
        message = _("%(who)s can work on this site again.", who=membership.user.label)
    else:
        message = _(
            "%(who)s can no longer work on this site. Their account stays, "
            "with any other schools they work for.",
            who=membership.user.label,
        )
    flash(message, "success")
    return _back_to_accounts(membership)


def _back_to_accounts(membership):
    """The list of accounts, unless the admin just took that right from themselves."""
    if membership.user_id == current_user.id and not membership.active:
        return redirect(url_for("index"))
    if membership.user_id == current_user.id and membership.role != "admin":
        return redirect(url_for("admin.dashboard"))
    return redirect(url_for("admin.accounts"))


def _last_admin_refusal():
    db.session.rollback()
    problem = _(
        "This is the school's only active administrator. Make someone else an "
        "administrator first; nothing was changed."
    )
    return _render(problem=problem, status=409)


def init_app(app):
    add_admin_entry(app, "admin.accounts", _l("Accounts"), 80, role="admin")
    add_dashboard_panel(app, "accounts/invitations_panel.html")
