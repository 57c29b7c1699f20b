"""Operations from the command line: `flask --app wsgi district|schools|demo ...`.

Messages are in English (the locale is forced) and bad input exits non-zero.
"""

import click
from email_validator import EmailNotValidError, validate_email
from flask.cli import AppGroup
from flask_babel import force_locale

from config import LANGUAGES
from mektep.accounts.models import User
from mektep.extensions import db
from tenants.models import School

district_cli = AppGroup("district", help="District administrators.")
schools_cli = AppGroup("schools", help="Provision and manage schools.")
demo_cli = AppGroup("demo", help="Demonstration data.")


def checked_email(value):
    try:
        return validate_email(value, check_deliverability=False).normalized.lower()
    except EmailNotValidError as error:
        raise click.BadParameter(f"{value!r} is not a valid e-mail address ({error}).") from None


def school_by_slug(slug):
    school = db.session.scalar(db.select(School).where(School.slug == slug.lower()))
    if school is None:
        raise click.ClickException(f"No school with the address {slug!r}.")
    return school


@district_cli.command("create-admin")
@click.argument("email")
@click.option("--password", help="For a new account (prompted for when missing).")
@click.option("--name", default="", help="Display name.")
def create_district_admin(email, password, name):
    """Create a district administrator, or make an existing user one: an
    existing account keeps its password, which is its owner's alone."""
    from mektep.forms import MIN_PASSWORD_LENGTH

    email = checked_email(email)
    user = db.session.scalar(db.select(User).where(User.email == email))
    if user is not None and user.has_password:
        if password is not None:
            raise click.ClickException(
                f"{email} already has an account with its own password, which stays its "
                "owner's: run again without --password to make it a district administrator."
            )
    else:
        if password is None:
            password = click.prompt("Password", hide_input=True, confirmation_prompt=True)
        if len(password) < MIN_PASSWORD_LENGTH:
            raise click.BadParameter(f"A password has at least {MIN_PASSWORD_LENGTH} characters.")
        if user is None:
            user = User(email=email)
            db.session.add(user)
        user.set_password(password)
    user.display_name = name or user.display_name
    user.is_district_admin = True
    db.session.commit()
    click.echo(f"District administrator {email} is ready.")


@schools_cli.command("create")
@click.argument("slug")
@click.option("--name-ky", required=True, help="Full name in Kyrgyz.")
@click.option("--name-ru", required=True, help="Full name in Russian.")
@click.option("--language", type=click.Choice(LANGUAGES), default=LANGUAGES[0])
@click.option("--admin-email", required=True, help="E-mail of the first school admin.")
def create_school_command(slug, name_ky, name_ru, language, admin_email):
    """Create a school and its first admin, whom a set-up link is mailed to (printed
    too while mail goes to the outbox folder)."""
    from mektep.accounts.invitations import answer_url
    from mektep.district.provisioning import ProvisioningError, create_school

    admin_email = checked_email(admin_email)
    if not name_ky.strip() or not name_ru.strip():
        raise click.BadParameter("Both names must be given.")
    with force_locale("en"):
        try:
            school, invitation = create_school(slug, name_ky, name_ru, language, admin_email)
        except ProvisioningError as error:
            db.session.rollback()
            raise click.ClickException(f"{error.field}: {error.message}") from None
        accept_at = answer_url(school)
    click.echo(f"Created {school.slug}: {school.name_ky}")
    if invitation.membership.pending:
        click.echo(
            f"{admin_email} already has an account: they become the school's admin "
            f"once they accept the invitation, after signing in at {accept_at} "
            "(a message telling them is queued)."
        )
    elif invitation.link:
        click.echo(f"Set-up link for {admin_email} (also in the outbox): {invitation.link}")
    else:
        click.echo(f"A set-up link is queued for {admin_email}; a worker sends it.")


@schools_cli.command("list")
def list_schools():
    """List every school with its status and host."""
    from flask import current_app

    for school in db.session.scalars(db.select(School).order_by(School.slug)):
        host = school.host(current_app.config["BASE_DOMAIN"])
        click.echo(f"{school.slug:<20} {school.status:<10} {host:<40} {school.name_ky}")


def _status_command(change):
    @click.argument("slug")
    def command(slug):
        from mektep.district.provisioning import change_status

        school = school_by_slug(slug)
        if not change_status(school, change):
            raise click.ClickException(f"{school.slug} is {school.status}; cannot {change}.")
        click.echo(f"{school.slug} is now {school.status}.")

    command.__doc__ = f"{change.capitalize()} a school."
    return schools_cli.command(change)(command)


for _change in ("suspend", "resume", "archive"):
    _status_command(_change)


@demo_cli.command("load")
@click.option("--if-empty", is_flag=True, help="Do nothing if any school exists.")
def load_demo(if_empty):
    """Load a demonstration district with real Kyrgyz and Russian content."""
    from mektep.demo import load

    if if_empty and db.session.scalar(db.select(School.id).limit(1)) is not None:
        click.echo("Demo data not loaded: the database already has schools.")
        return
    for line in load():
        click.echo(line)


@demo_cli.command("accounts")
@click.option("--port", default=5000, help="Port the web server listens on.")
def demo_accounts(port):
    """Print the demo sites and how to sign in to them."""
    from flask import current_app

    from mektep.demo import credentials

    base = f"{current_app.config['BASE_DOMAIN'].split(':')[0]}:{port}"
    scheme = current_app.config["PREFERRED_URL_SCHEME"]
    click.echo(f"\n  District directory and console: {scheme}://{base}/  (/district/)")
    schools = db.session.scalars(db.select(School).order_by(School.slug)).all()
    for school in schools:
        click.echo(f"  {school.name_ky}: {scheme}://{school.host(base)}/  (/admin/)")
        if school.primary_domain is not None:
            subdomain = f"{scheme}://{school.subdomain_host(base)}/"
            click.echo(f"      on its own domain; its subdomain {subdomain} leads there")
    hosts = {school.slug: school.host(base) for school in schools}
    click.echo("\n  Demo sign-ins (demo passwords; never use them in production):")
    for role, email, password, slug in credentials():
        where = hosts.get(slug, base)
        click.echo(f"    {role:<15} {email:<24} {password:<24} on {where}")
    click.echo("\n  Press Ctrl-C to stop the web server and the worker.\n")


def init_app(app):
    from mektep.translations_cli import i18n_cli

    for group in (district_cli, schools_cli, demo_cli, i18n_cli):
        app.cli.add_command(group)
