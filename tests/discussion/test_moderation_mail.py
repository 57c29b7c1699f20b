"""The school's admins hear by e-mail that visitors' posts wait: one message
per admin saying how many wait, batched (never one per post), in each admin's
language, with a link to the queue on the school's host."""

from datetime import timedelta

from mektep.clock import utcnow
from mektep.extensions import db
from mektep.mail.models import MailMessage
from tests.discussion.conftest import visitor_post
from tests.mail.steps import one_link, set_user
from tests.mailboxes import text_part


def told(messages):
    return sorted(message["To"] for message in messages)


def test_admins_hear_how_many_posts_wait_in_one_message(app, site, schools, visitor, outbox):
    set_user(app, "admin@b.kg", language="ru")  # B's admin: no mail about school A
    for number in range(3):
        assert visitor_post(visitor, body=f"Суроо {number}").status_code == 302
    visitor_post(visitor, kind="feedback", body="Рахмат мугалимдерге")
    (message,) = outbox.delivered()
    assert message["To"] == "admin@a.kg"  # the admin, not the editor
    assert message["Subject"] == "4 билдирүү модерацияны күтүп турат"
    text = text_part(message)
    assert "3 суроо" in text and "1 пикир" in text
    link = one_link(message, "/admin/discussion")
    assert link.startswith("http://school-a.mektep.test/admin/discussion")

    # A new post right after: no new message until the pause has passed.
    visitor_post(visitor, body="Дагы бир суроо")
    assert outbox.delivered() == []
    with app.app_context():
        db.session.execute(
            db.update(MailMessage).values(
                created_at=utcnow() - timedelta(minutes=app.config["MODERATION_MAIL_MINUTES"] + 1)
            )
        )
        db.session.commit()
    (again,) = outbox.delivered()
    assert again["Subject"] == "5 билдирүү модерацияны күтүп турат"
    # Nothing new since: nothing more, however long it waits.
    assert outbox.delivered() == []


def test_each_admin_in_their_own_language(app, site, schools, visitor, outbox):
    with app.app_context():
        from mektep.accounts.models import Membership, User
        from tests.conftest import make_user

        second = make_user("second@a.kg", language="ru")
        db.session.add(Membership(user=second, school_id=schools["a"], role="admin"))
        # An admin who has not set up their account yet is not told.
        db.session.add(
            Membership(user=User(email="unset@a.kg"), school_id=schools["a"], role="admin")
        )
        db.session.commit()
    visitor_post(visitor)
    messages = outbox.delivered()
    assert told(messages) == ["admin@a.kg", "second@a.kg"]
    subjects = {message["To"]: message["Subject"] for message in messages}
    assert subjects["second@a.kg"] == "1 сообщение ждёт модерации"
    assert subjects["admin@a.kg"] == "1 билдирүү модерацияны күтүп турат"
