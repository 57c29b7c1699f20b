"""The invited person's side: the invitations waiting for them, and their answer.

A session belongs to one host, so a school's invitation is answered on that
school's own host; the page names the others, each with a link to its site.
"""

from flask import abort, flash, g, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required

from mektep.accounts import invitations
from mektep.accounts.blueprint import bp
from mektep.accounts.forms import AnswerForm
from mektep.accounts.models import ROLE_LABELS
from mektep.extensions import db


@bp.route("/account/invitations", endpoint="invitations")
@login_required
def invitations_page():
    here = current_user.invitation_to(g.school)
    elsewhere = [m for m in current_user.invitations if m is not here]
    return render_template(
        "auth/invitations.html", here=here, elsewhere=elsewhere, form=AnswerForm()
    )


@bp.route(
    "/account/invitations/<int:membership_id>/<any(accept, decline):answer>", methods=["POST"]
)
@login_required
def answer_invitation(membership_id, answer):
    membership = current_user.invitation_to(g.school)
    if membership is None or membership.id != membership_id:
        abort(404)
    if not AnswerForm().validate_on_submit():
        abort(400)
    school, role = membership.school, ROLE_LABELS[membership.role]
    if answer == "accept":
        invitations.accept(membership)
        db.session.commit()
        flash(_("Welcome: you now work on this site as %(role)s.", role=role), "success")
        return redirect(url_for("admin.dashboard"))
    invitations.decline(membership)
    db.session.commit()
    flash(_("You declined the invitation of %(school)s.", school=school.name(g.lang)), "success")
    return redirect(url_for("index"))
