"""The `flask` commands, with good and bad input."""

import pytest

from mektep.accounts.models import User
from mektep.extensions import db
from tenants.models import School
from tests.account_steps import credentials, invite, membership_state, setup_path
from tests.conftest import nothing_changes


@pytest.fixture
def cli(app):
    return app.test_cli_runner()


def test_create_district_admin(app, cli):
    result = cli.invoke(
        args=["district", "create-admin", "Boss@Mektep.kg", "--password", "a long password"]
    )
    assert result.exit_code == 0, result.output
    with app.app_context():
        user = db.session.scalar(db.select(User).where(User.email == "boss@mektep.kg"))
        assert user.is_district_admin and user.check_password("a long password")


@pytest.mark.parametrize(
    "args, message",
    [
        (
            ["district", "create-admin", "not-an-email", "--password", "a long password"],
            "not a valid e-mail",
        ),
        (["district", "create-admin", "a@b.kg", "--password", "short"], "at least 10"),
    ],
)
def test_create_district_admin_bad_input(app, cli, args, message):
    with nothing_changes(app):
        result = cli.invoke(args=args)
    assert result.exit_code != 0
    assert message in result.output


def test_create_school_prints_the_setup_link(app, cli, schools):
    result = cli.invoke(
        args=[
            "schools",
            "create",
            "school35",
            "--name-ky",
            "№35 мектеби",
            "--name-ru",
            "Школа №35",
            "--admin-email",
            "d35@mektep.kg",
        ]
    )
    assert result.exit_code == 0, result.output
    assert "http://school35.mektep.test/account/setup/" in result.output
    listing = cli.invoke(args=["schools", "list"])
    assert "school35" in listing.output and "school-a" in listing.output


@pytest.mark.parametrize(
    "slug, message",
    [
        ("www", "reserved"),
        ("school-a", "already exists"),
        ("Bad Slug", "Use 2 to 63"),
    ],
)
def test_create_school_bad_slug(app, cli, schools, slug, message):
    result = cli.invoke(
        args=[
            "schools",
            "create",
            slug,
            "--name-ky",
            "к",
            "--name-ru",
            "р",
            "--admin-email",
            "x@mektep.kg",
        ]
    )
    assert result.exit_code != 0
    assert message in result.output
    with app.app_context():
        assert db.session.scalar(db.select(db.func.count(School.id))) == 2


def test_create_school_bad_email(cli, schools):
    result = cli.invoke(
        args=[
            "schools",
            "create",
            "s1",
            "--name-ky",
            "к",
            "--name-ru",
            "р",
            "--admin-email",
            "nobody",
        ]
    )
    assert result.exit_code != 0 and "not a valid e-mail" in result.output


def test_suspend_and_resume(app, cli, schools):
    assert cli.invoke(args=["schools", "suspend", "school-a"]).exit_code == 0
    with nothing_changes(app):
        again = cli.invoke(args=["schools", "suspend", "school-a"])
    assert again.exit_code != 0 and "cannot suspend" in again.output
    assert cli.invoke(args=["schools", "resume", "school-a"]).exit_code == 0
    missing = cli.invoke(args=["schools", "suspend", "nosuch"])
    assert missing.exit_code != 0 and "No school" in missing.output


def test_demo_load_makes_a_district(app, cli):
    result = cli.invoke(args=["demo", "load"])
    assert result.exit_code == 0, result.output
    with app.app_context():
        names = set(db.session.scalars(db.select(School.name_ky)))
    assert len(names) >= 3
    assert "№35 Ш.Суеркулов атындагы жалпы билим берүүчү орто мектеби" in names
    again = cli.invoke(args=["demo", "load", "--if-empty"])
    assert "not loaded" in again.output


def test_create_school_with_an_address_that_has_an_account_invites_it(app, cli, site, schools):
    school_a = site("school-a")
    school_a.login("admin@a.kg")
    link_a = setup_path(invite(school_a, "director@mail.kg").get_data(as_text=True))
    before = credentials(app, "director@mail.kg")
    args = ["schools", "create", "school35", "--name-ky", "№35 мектеби", "--name-ru", "Школа №35"]
    result = cli.invoke(args=[*args, "--admin-email", "director@mail.kg"])
    assert result.exit_code == 0, result.output
    assert "/account/setup/" not in result.output
    assert "accept the invitation" in result.output
    assert "http://school35.mektep.test/account/invitations" in result.output
    assert credentials(app, "director@mail.kg") == before
    assert site("school-a").get(link_a).status_code == 200  # school A's link still works
    with app.app_context():
        school35 = db.session.scalar(db.select(School.id).where(School.slug == "school35"))
    assert membership_state(app, "director@mail.kg", school35) == ("admin", True, True)


def test_making_an_existing_account_a_district_admin_keeps_its_password(app, cli, schools):
    before = credentials(app, "admin@a.kg")
    args = ["district", "create-admin", "admin@a.kg"]
    refused = cli.invoke(args=[*args, "--password", "the operator's choice"])
    assert refused.exit_code != 0 and "stays its owner's" in refused.output
    assert credentials(app, "admin@a.kg") == before
    result = cli.invoke(args=args)
    assert result.exit_code == 0, result.output
    assert credentials(app, "admin@a.kg") == before
    with app.app_context():
        user = db.session.scalar(db.select(User).where(User.email == "admin@a.kg"))
        assert user.is_district_admin


def test_create_district_admin_prompts_for_a_new_accounts_password(app, cli):
    result = cli.invoke(
        args=["district", "create-admin", "new@mektep.kg"],
        input="a long password\na long password\n",
    )
    assert result.exit_code == 0, result.output
    with app.app_context():
        user = db.session.scalar(db.select(User).where(User.email == "new@mektep.kg"))
        assert user.is_district_admin and user.check_password("a long password")
