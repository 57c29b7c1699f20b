"""Answering a question whose answer is in the trash brings that answer back with
the new text and its history, as `publish_answer` promises (it was a 500: the
trashed answer was not found, and a second answer for the post broke a unique key)."""

from mektep.extensions import db
from tenants.discussion.models import Answer
from tenants.versioning import Revision

from .test_history_trash import answered_post


def test_answering_again_restores_the_trashed_answer(app, visitor, admin_a):
    post, answer_id = answered_post(app, visitor, admin_a, "Биринчи жооп")
    path = f"/admin/discussion/{post.id}"
    trashed = admin_a.submit(f"{path}/answer/trash", {}, form_page=path)
    assert trashed.status_code == 302
    assert "Биринчи жооп" not in visitor.get("/discussion").get_data(as_text=True)

    again = admin_a.submit(path, {"body_ky": "Жаңы жооп", "body_ru": "Новый ответ"})
    assert again.status_code == 302
    with app.app_context():
        answers = db.session.scalars(
            db.select(Answer).execution_options(include_trashed=True)
        ).all()
        assert [(a.id, a.body_ky, a.in_trash) for a in answers] == [(answer_id, "Жаңы жооп", False)]
        versions = db.session.scalar(
            db.select(db.func.count(Revision.id)).where(Revision.item_id == answer_id)
        )
        assert versions == 2
    assert "Жаңы жооп" in visitor.get("/discussion").get_data(as_text=True)
