"""The demo discussion loads into school №35 once, with what the demo promises."""

from mektep.demo.data import SCHOOLS
from mektep.demo.discussion import load_discussion
from mektep.extensions import db
from mektep.moderation.stopwords import StopWord
from tenants.discussion.models import Answer, Post
from tests.conftest import make_school


def test_demo_discussion_loads_once(app):
    admin_email = next(s for s in SCHOOLS if s["slug"] == "school35")["accounts"]["admin"]["email"]
    with app.app_context():
        school = make_school("school35", admin_email)
        db.session.commit()
        lines = list(load_discussion({"school35": school}))
        again = list(load_discussion({"school35": school}))
        db.session.remove()
        statuses = db.session.scalars(db.select(Post.status)).all()
        flagged = db.session.scalars(db.select(Post).where(Post.status == "pending")).all()
        answers = db.session.scalars(db.select(Answer)).all()
        assert db.session.scalar(db.select(db.func.count(StopWord.id))) > 0
    assert "already there" not in lines[0] and "already there" in again[0]
    assert sorted(statuses) == ["approved", "approved", "approved", "pending", "pending"]
    assert [bool(post.flags) for post in flagged].count(True) == 1
    assert len(answers) == 2 and all(a.is_published and a.body_ky and a.body_ru for a in answers)
