"""District console pages."""

from functools import partial

from flask import abort, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user

from mektep import audit
from mektep.accounts import reset_links, setup_links
from mektep.district.blueprint import bp
from mektep.district.forms import SchoolCreateForm
from mektep.district.provisioning import (
    ProvisioningError,
    change_status,
    create_school,
    first_admin,
)
from mektep.extensions import db
from mektep.forms import ConfirmForm, confirmed_or_400
from tenants.models import School


@bp.route("/")
def schools():
    rows = db.session.scalars(db.select(School).order_by(School.created_at.desc())).all()
    return render_template("district/schools.html", schools=rows, confirm=ConfirmForm())


@bp.route("/schools/new", methods=["GET", "POST"])
def new_school():
    form = SchoolCreateForm()
    if form.validate_on_submit():
        try:
            school, invitation = create_school(
                form.slug.data,
                form.name_ky.data,
                form.name_ru.data,
                form.default_language.data,
                form.admin_email.data,
                inviter=current_user._get_current_object(),
            )
        except ProvisioningError as error:
            db.session.rollback()
            getattr(form, error.field).errors.append(error.message)
        else:
            flash(_("The school %(name)s is created.", name=school.name_ky), "success")
            return render_template(
                "district/created.html",
                school=school,
                admin=invitation.membership.user,
                link=invitation.link,
                mailed=not invitation.membership.pending,
                pending=invitation.membership.pending,
            )
    status = 400 if form.is_submitted() else 200
    return render_template("district/new_school.html", form=form), status


@bp.route("/schools/<int:school_id>/<any(suspend, resume, archive):change>", methods=["POST"])
def school_status(school_id, change):
    school = db.get_or_404(School, school_id)
    confirmed_or_400()
    if change_status(school, change):
        flash(
            _(
                "Done: %(name)s is now %(status)s.",
                name=school.name_ky,
                status=status_label(school.status),
            ),
            "success",
        )
    else:
        flash(
            _(
                "%(name)s is %(status)s; that cannot be done now.",
                name=school.name_ky,
                status=status_label(school.status),
            ),
            "error",
        )
    return redirect(url_for("district.schools"))


@bp.route("/schools/<int:school_id>/archive")
def confirm_archive(school_id):
    """Archiving closes a site for good, so it is asked for twice."""
    school = db.get_or_404(School, school_id)
    if school.status == "archived":
        return redirect(url_for("district.schools"))
    return render_template("district/confirm_archive.html", school=school, confirm=ConfirmForm())


@bp.route("/schools/<int:school_id>/setup-link", methods=["POST"])
def new_setup_link(school_id):
    """Help the school's first admin in without ever holding their credentials:
    a new set-up link mailed to them while the account this school created has
    no password, a reset mailed to them once it has one, and nothing for an
    account that another school's invitation is setting up."""
    school = db.get_or_404(School, school_id)
    membership = first_admin(school)
    confirmed_or_400()
    if membership is None:
        abort(400)
    admin = membership.user
    page = partial(render_template, "district/created.html", school=school, admin=admin)
    if admin.has_password:
        reset_links.send(admin, school)
        audit.record("school.password_reset", admin.email, school_id=school.id)
        db.session.commit()
        return page(reset_sent=True)
    if not setup_links.may_issue(membership):
        return page(held=True), 409
    link = setup_links.send(membership, current_user._get_current_object(), reissued=True)
    audit.record("school.setup_link", admin.email, school_id=school.id)
    db.session.commit()
    return page(link=link, mailed=True, reissued=True)


def status_label(status):
    return {
        "active": _("active"),
        "suspended": _("suspended"),
        "archived": _("archived"),
    }[status]


@bp.context_processor
def district_helpers():
    return {"status_label": status_label}
