"""The people a school archive names, found again in this deployment by
e-mail, as an invitation finds them (`mektep.accounts.invitations`):

- an address with an account here keeps that account untouched (credentials,
  name, other schools); its membership in the imported school is pending
  until its owner accepts, as an invitation to an existing account is;
- a member's address unknown here gets a new account with the archive's
  e-mail and name and no password, and its membership as the archive has it,
  as an invitation to a new address does; a set-up link makes it usable (the
  import prints the admins' links; the school's admin makes the others');
- anyone else the rows name (someone who left the school, a district admin
  who published) and who has no account here is left out: their rows keep no
  reference to them.
"""

from dataclasses import dataclass, field

from sqlalchemy import select

from mektep.accounts import setup_links
from mektep.accounts.models import Membership
from mektep.extensions import db
from tenants.transfer.archive import ArchiveProblem, decode_row
from tenants.transfer.tables import ACCOUNTS

MEMBERSHIPS = Membership.__table__.name


@dataclass
class Accounts:
    existing: list = field(default_factory=list)
    created: list = field(default_factory=list)
    absent: list = field(default_factory=list)
    created_ids: set = field(default_factory=set)
    # {e-mail: set-up link} of the new accounts that administer the school.
    links: dict = field(default_factory=dict)


def match_accounts(connection, rows, ids):
    """Map every account of the archive (`ids`, an IdMap) to one here."""
    table = db.metadata.tables[ACCOUNTS]
    members = {row.get("user_id") for row in rows.rows(MEMBERSHIPS)}
    accounts = Accounts()
    for data in rows.rows(ACCOUNTS):
        row = decode_row(table, data)
        email = str(row.get("email") or "").strip().lower()
        if not email or "@" not in email:
            raise ArchiveProblem(f"account #{row.get('id')} of the archive has no e-mail address")
        found = connection.execute(select(table.c.id).where(table.c.email == email)).scalar()
        if found is not None:
            if row["id"] in members:
                accounts.existing.append(email)
        elif row["id"] in members:
            values = {"email": email, "display_name": row.get("display_name") or ""}
            found = connection.execute(table.insert().returning(table.c.id), values).scalar_one()
            accounts.created.append(email)
            accounts.created_ids.add(found)
        else:
            accounts.absent.append(email)
        if found is not None:
            ids.add(ACCOUNTS, row["id"], found)
    return accounts


def adjust_row(table, row, accounts):
    """A membership of an account that existed here waits for its owner."""
    if table.name == MEMBERSHIPS:
        row["pending"] = row["user_id"] not in accounts.created_ids


def issue_admin_links(accounts, school_id):
    """Set-up links for the new accounts that administer the school (committed)."""
    memberships = db.session.scalars(
        select(Membership).where(
            Membership.school_id == school_id,
            Membership.role == "admin",
            Membership.user_id.in_(accounts.created_ids),
        )
    ).all()
    for membership in memberships:
        if setup_links.may_issue(membership):
            accounts.links[membership.user.email] = setup_links.external_link(membership)
    db.session.commit()
