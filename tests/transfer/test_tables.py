"""What a school archive carries is read from the models' metadata: every table
with a school_id and every table whose rows belong to such rows travel by
themselves; any other table must be named, with its reason, in LEFT_OUT, and
the account columns that stay behind in ACCOUNT_COLUMNS_LEFT_OUT. A table added
later (another engineer's district alerts, visits, branding...) is either
carried or makes this test fail until someone decides."""

from contextlib import contextmanager

import pytest
from sqlalchemy import Column, ForeignKey, Integer, String, Table

from mektep.extensions import db
from tenants.transfer.tables import (
    ACCOUNT_COLUMNS,
    ACCOUNT_COLUMNS_LEFT_OUT,
    ACCOUNTS,
    LEFT_OUT,
    SCHOOL,
    owned_tables,
    problems,
    selection,
)


@contextmanager
def extra_table(*columns):
    """A table added to the models' metadata for the block's duration (never created)."""
    table = Table("zz_added_later", db.metadata, Column("id", Integer, primary_key=True), *columns)
    try:
        yield table
    finally:
        db.metadata.remove(table)


def test_every_table_travels_or_is_left_out_with_its_reason():
    assert problems() == []
    travelling = {table.name for table in owned_tables()} | {SCHOOL, ACCOUNTS}
    # What stays behind, and only that: adding to it is a decision, made here.
    assert set(LEFT_OUT) == {
        "search_entry",
        "stop_word",
        "mail_message",
        "district_period",
        "district_snapshot",
        "periodic_run",
        "district_alert",
        "district_branding",
    }
    assert set(db.metadata.tables) == travelling | set(LEFT_OUT)
    assert travelling >= {
        "domain",
        "membership",
        "audit_entry",
        "revision",
        "section_content",
        "staff_member",
        "stored_file",
        "document",
        "news_post",
        "event",
        "free_page",
        "discussion_post",
        "discussion_answer",
    }
    assert all(reason.strip() for reason in LEFT_OUT.values())


def test_an_account_travels_as_its_address_and_name_only():
    accounts = db.metadata.tables[ACCOUNTS]
    assert set(ACCOUNT_COLUMNS) == {"id", "email", "display_name"}
    assert {"password_hash", "session_version"} <= set(ACCOUNT_COLUMNS_LEFT_OUT)
    assert set(accounts.columns.keys()) == set(ACCOUNT_COLUMNS) | set(ACCOUNT_COLUMNS_LEFT_OUT)


def test_a_table_added_with_a_school_id_travels_by_itself():
    with extra_table(Column("school_id", ForeignKey("school.id"), nullable=False)) as table:
        assert table in owned_tables() and problems() == []
    with extra_table(
        # Rows that belong to a school's rows, without a school_id of their own.
        Column("post_id", ForeignKey("discussion_post.id"), nullable=False),
        Column("note", String(10)),
    ) as table:
        assert table in owned_tables() and problems() == []
        # Its rows are those of the school's posts.
        query = str(selection(table, 7).compile(compile_kwargs={"literal_binds": True}))
        assert "zz_added_later.post_id IN (SELECT discussion_post.id" in query, query
        assert "discussion_post.school_id = 7" in query, query


@pytest.mark.parametrize(
    "columns, problem",
    [
        ((Column("note", String(10)),), "neither belongs to a school nor is in LEFT_OUT"),
        (
            (
                Column("school_id", ForeignKey("school.id"), nullable=False),
                Column("word_id", ForeignKey("stop_word.id")),
            ),
            "zz_added_later.word_id refers to stop_word, which does not travel",
        ),
        (
            (
                Column("school_id", ForeignKey("school.id"), nullable=False),
                Column("post_id", Integer),
            ),
            "zz_added_later.post_id looks like an id without a foreign key",
        ),
    ],
)
def test_a_table_added_that_fits_no_rule_fails_here(columns, problem):
    with extra_table(*columns):
        assert any(problem in found for found in problems()), problems()
    assert problems() == []
