"""History and trash through the answers: restore an old version, restore from
the trash, delete for good; and none of it across schools."""

import re

from mektep.extensions import db
from tenants.discussion.models import Answer
from tenants.trash import trashable_models
from tenants.versioning import Revision, versioned_models
from tests.conftest import assert_redirect, nothing_changes

from .conftest import posts, visitor_post


def answered_post(app, visitor, admin, *answers):
    visitor_post(visitor, "Мектептин китепканасы качан иштейт? <b>шашылыш</b>")
    post = posts(app)[-1]
    for text in answers:
        response = admin.submit(f"/admin/discussion/{post.id}", {"body_ky": text, "body_ru": ""})
        assert response.status_code == 302
    with app.app_context():
        answer_id = db.session.scalar(db.select(Answer.id).where(Answer.post_id == post.id))
    return post, answer_id


def test_restore_an_earlier_version_from_history(app, visitor, admin_a):
    post, answer_id = answered_post(app, visitor, admin_a, "Биринчи жооп", "Экинчи жооп")
    history = admin_a.get(f"/admin/history/answer/{answer_id}").get_data(as_text=True)
    revision_ids = [
        int(i) for i in re.findall(rf"/admin/history/answer/{answer_id}/(\d+)", history)
    ]
    assert len(revision_ids) == 2
    oldest = min(revision_ids)
    version = admin_a.get(f"/admin/history/answer/{answer_id}/{oldest}").get_data(as_text=True)
    assert "Биринчи жооп" in version and "Кыргызча жооп" in version
    assert "учурдагы версиядан айырмаланат" in version  # the current text is the second
    response = admin_a.submit(
        f"/admin/history/answer/{answer_id}/{oldest}/restore",
        {},
        form_page=f"/admin/history/answer/{answer_id}/{oldest}",
    )
    assert response.status_code == 302
    page = visitor.get("/discussion").get_data(as_text=True)
    assert "Биринчи жооп" in page and "Экинчи жооп" not in page
    history = admin_a.get(f"/admin/history/answer/{answer_id}").get_data(as_text=True)
    assert len(set(re.findall(rf"/admin/history/answer/{answer_id}/(\d+)", history))) == 3
    index = admin_a.get("/admin/history").get_data(as_text=True)
    assert f"/admin/history/answer/{answer_id}" in index
    assert "&lt;b&gt;шашылыш" in index and "<b>шашылыш" not in index


def test_editor_reads_history_but_cannot_restore(app, visitor, admin_a, editor_a):
    _post, answer_id = answered_post(app, visitor, admin_a, "Биринчи", "Экинчи")
    with app.app_context():
        oldest = db.session.scalar(db.select(db.func.min(Revision.id)))
    assert editor_a.get(f"/admin/history/answer/{answer_id}").status_code == 200
    restore = f"/admin/history/answer/{answer_id}/{oldest}/restore"
    with nothing_changes(app):
        response = editor_a.submit(restore, {}, form_page="/admin/")
    assert response.status_code == 403
    assert "Экинчи" in visitor.get("/discussion").get_data(as_text=True)
    assert_redirect(
        admin_a.submit(restore, {}, form_page="/admin/"), f"/admin/history/answer/{answer_id}"
    )
    assert "Биринчи" in visitor.get("/discussion").get_data(as_text=True)


def test_trash_and_restore_an_answer(app, visitor, admin_a):
    post, answer_id = answered_post(app, visitor, admin_a, "Китепкана саат 9да ачылат")
    response = admin_a.submit(
        f"/admin/discussion/{post.id}/answer/trash", {}, form_page=f"/admin/discussion/{post.id}"
    )
    assert response.status_code == 302
    public = visitor.get("/discussion").get_data(as_text=True)
    assert "Мектептин китепканасы" in public and "саат 9да" not in public
    trash = admin_a.get("/admin/trash").get_data(as_text=True)
    assert "Мектептин китепканасы" in trash and "admin" in trash
    assert "&lt;b&gt;шашылыш" in trash and "<b>шашылыш" not in trash
    assert '<span class="badge">Талкуу</span>' in trash  # the kind, named as in the menu
    response = admin_a.submit(
        f"/admin/trash/discussion_answer/{answer_id}/restore", {}, form_page="/admin/trash"
    )
    assert response.status_code == 302
    assert "саат 9да" in visitor.get("/discussion").get_data(as_text=True)
    assert "Себет бош" in admin_a.get("/admin/trash").get_data(as_text=True)


def test_delete_for_good_asks_first_then_removes_versions(app, visitor, admin_a):
    post, answer_id = answered_post(app, visitor, admin_a, "Жооп")
    admin_a.submit(
        f"/admin/discussion/{post.id}/answer/trash", {}, form_page=f"/admin/discussion/{post.id}"
    )
    purge_url = f"/admin/trash/discussion_answer/{answer_id}/purge"
    assert admin_a.get(purge_url).status_code == 200
    with app.app_context():
        assert db.session.scalar(db.select(db.func.count(Revision.id))) == 1
    assert admin_a.submit(purge_url, {}).status_code == 302
    with app.app_context():
        assert db.session.scalar(db.select(db.func.count(Revision.id))) == 0
        assert (
            db.session.scalar(
                db.select(db.func.count(Answer.id)).execution_options(include_trashed=True)
            )
            == 0
        )
    assert posts(app)[0].status == "approved"


def test_history_and_trash_of_another_school_are_out_of_reach(app, site, visitor, admin_a):
    post, answer_id = answered_post(app, visitor, admin_a, "А мектебинин жообу")
    with app.app_context():
        revision_id = db.session.scalar(db.select(Revision.id))
    admin_b = site("school-b")
    admin_b.login("admin@b.kg")
    with nothing_changes(app):
        assert admin_b.get(f"/admin/history/answer/{answer_id}").status_code == 404
        assert admin_b.get(f"/admin/history/answer/{answer_id}/{revision_id}").status_code == 404
        response = admin_b.submit(
            f"/admin/history/answer/{answer_id}/{revision_id}/restore", {}, form_page="/admin/"
        )
        assert response.status_code == 404
    admin_a.submit(
        f"/admin/discussion/{post.id}/answer/trash", {}, form_page=f"/admin/discussion/{post.id}"
    )
    with nothing_changes(app):
        assert "А мектебинин" not in admin_b.get("/admin/trash").get_data(as_text=True)
        for action in ("restore", "purge"):
            response = admin_b.submit(
                f"/admin/trash/discussion_answer/{answer_id}/{action}",
                {},
                form_page="/admin/trash",
            )
            assert response.status_code == 404
        assert admin_b.get("/admin/history/nonsense/1").status_code == 404
        assert admin_b.get("/admin/trash/nonsense/1/purge").status_code == 404
    with app.app_context():
        assert (
            db.session.scalar(db.select(Answer.deleted_at).execution_options(include_trashed=True))
            is not None
        )
    restore = f"/admin/trash/discussion_answer/{answer_id}/restore"
    assert_redirect(admin_a.submit(restore, {}, form_page="/admin/trash"), "/admin/trash")
    with app.app_context():
        assert db.session.get(Answer, answer_id).deleted_at is None


def test_every_kind_offers_what_the_generic_pages_need(app):
    """History and trash are generic: each kind needs a title and an edit view by item_id."""
    with app.app_context():
        kinds = {*trashable_models(), *versioned_models().values()}
    assert Answer in kinds
    for model in kinds:
        assert callable(getattr(model, "display_title", None)), model
        rules = list(app.url_map.iter_rules(model.admin_endpoint))
        assert rules and "item_id" in rules[0].arguments, model


def test_an_answer_is_reached_and_trashed_in_its_own_school_only(
    app, site, visitor, admin_a, admin_b_on_a
):
    post, answer_id = answered_post(app, visitor, admin_a, "А мектебинин жообу")
    response = admin_a.get(f"/admin/discussion/answers/{answer_id}")
    assert response.status_code == 302
    assert response.headers["Location"].endswith(f"/admin/discussion/{post.id}")
    trash = f"/admin/discussion/{post.id}/answer/trash"
    admin_b = site("school-b")
    admin_b.login("admin@b.kg")
    with nothing_changes(app):
        # B's session carried to A's host: no role at school A.
        assert admin_b_on_a.get("/admin/").status_code == 403
        assert admin_b_on_a.get(f"/admin/discussion/answers/{answer_id}").status_code == 403
        assert admin_b_on_a.submit(trash, {}).status_code == 403
        # On B's own host, A's answer is not there.
        assert admin_b.get(f"/admin/discussion/answers/{answer_id}").status_code == 404
        response = admin_b.submit(trash, {}, form_page="/admin/discussion")
        assert response.status_code == 404
    with app.app_context():
        assert db.session.get(Answer, answer_id).deleted_at is None
    assert_redirect(admin_a.submit(trash, {}, form_page="/admin/"), f"/admin/discussion/{post.id}")
    with app.app_context():
        trashed = db.select(Answer.deleted_at).execution_options(include_trashed=True)
        assert db.session.scalar(trashed) is not None
