"""The district console's pages of a school's hosts: its subdomain and own
domains, adding and removing one, and making one the school's address (the
primary host) once the DNS check passes and the certificate is known.
The rules and audit entries are tenants/domains/rules.py's, shared with the CLI."""

from flask import abort, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import StringField, SubmitField
from wtforms.validators import InputRequired

from mektep.district.blueprint import bp
from mektep.dns_check import check
from mektep.extensions import db
from mektep.forms import ConfirmForm, confirmed_or_400, max_length
from tenants.domains.rules import (
    DomainError,
    add_domain,
    certificate_name,
    make_primary,
    needs_own_certificate,
    remove_domain,
)
from tenants.models import Domain, School


class DomainForm(FlaskForm):
    hostname = StringField(
        _l("Domain name"),
        validators=[InputRequired(message=_l("Enter a domain name.")), max_length(253)],
        description=_l(
            "For example gymnasium12.kg. It starts as a second address that leads to "
            "the school's site; it becomes the address once its DNS check passes."
        ),
    )
    submit = SubmitField(_l("Add the domain"))


def _school_or_404(school_id):
    return db.get_or_404(School, school_id)


def _domain_or_404(school, domain_id):
    domain = db.session.get(Domain, domain_id)
    if domain is None or domain.school_id != school.id:
        abort(404)
    return domain


def _domains_page(school, form, status=200):
    return (
        render_template(
            "district/domains.html",
            school=school,
            form=form,
            confirm=ConfirmForm(),
            certificate_name=certificate_name,
        ),
        status,
    )


@bp.route("/schools/<int:school_id>/domains")
def school_domains(school_id):
    return _domains_page(_school_or_404(school_id), DomainForm(formdata=None))


@bp.route("/schools/<int:school_id>/domains", methods=["POST"])
def add_school_domain(school_id):
    school = _school_or_404(school_id)
    form = DomainForm()
    if not form.validate_on_submit():
        return _domains_page(school, form, 400)
    try:
        domain = add_domain(school, form.hostname.data)
    except DomainError as error:
        db.session.rollback()
        form.hostname.errors.append(error.message)
        return _domains_page(school, form, 400)
    db.session.commit()
    flash(_("%(name)s now leads to the school's site.", name=domain.display_name), "success")
    return redirect(url_for("district.domain_check", school_id=school.id, domain_id=domain.id))


@bp.route("/schools/<int:school_id>/domains/<int:domain_id>")
def domain_check(school_id, domain_id):
    """Before a domain becomes the address: where its name leads, and what its
    certificate must cover."""
    school = _school_or_404(school_id)
    domain = _domain_or_404(school, domain_id)
    return _check_page(school, domain)


def _check_page(school, domain, status=200):
    return (
        render_template(
            "district/domain_check.html",
            school=school,
            domain=domain,
            result=check(domain.hostname),
            certificate=certificate_name(domain.hostname),
            own_certificate=needs_own_certificate(domain.hostname),
            confirm=ConfirmForm(),
        ),
        status,
    )


@bp.route("/schools/<int:school_id>/domains/<int:domain_id>/primary", methods=["POST"])
def make_domain_primary(school_id, domain_id):
    school = _school_or_404(school_id)
    domain = _domain_or_404(school, domain_id)
    confirmed_or_400()
    if not check(domain.hostname).passed:
        # The page said so: the name does not (or no longer) lead here.
        return _check_page(school, domain, 409)
    make_primary(school, domain)
    db.session.commit()
    flash(_("The school's address is now %(name)s.", name=domain.display_name), "success")
    return redirect(url_for("district.school_domains", school_id=school.id))


@bp.route("/schools/<int:school_id>/subdomain-primary", methods=["POST"])
def make_subdomain_primary(school_id):
    school = _school_or_404(school_id)
    confirmed_or_400()
    make_primary(school, None)
    db.session.commit()
    flash(_("The school's address is its subdomain again."), "success")
    return redirect(url_for("district.school_domains", school_id=school.id))


@bp.route("/schools/<int:school_id>/domains/<int:domain_id>/remove", methods=["GET", "POST"])
def remove_school_domain(school_id, domain_id):
    school = _school_or_404(school_id)
    domain = _domain_or_404(school, domain_id)
    confirm = ConfirmForm()
    if not confirm.is_submitted():
        return render_template(
            "district/confirm_domain_removal.html", school=school, domain=domain, confirm=confirm
        )
    confirmed_or_400()
    name = domain.display_name
    remove_domain(domain)
    db.session.commit()
    flash(_("%(name)s no longer leads to the school's site.", name=name), "success")
    return redirect(url_for("district.school_domains", school_id=school.id))
