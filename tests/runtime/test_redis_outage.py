"""Issue 9.1: while Redis is down (a real redis-server of the test's own, stopped),
sign-in, the password-change page, the visitor's question form, uploads,
publishing and the public pages work as usual; the rate limits are counted by
each process alone meanwhile (a per-process limit, not none), with one warning
in the log; what was left to queue is caught up once Redis is back."""

import logging

from mektep.extensions import db
from tenants.documents.models import StoredFile
from tenants.news.models import NewsPost
from tests.conftest import PASSWORD
from tests.discussion.conftest import posts, visitor_post
from tests.documents.conftest import file_bytes, only_document, upload

from .conftest import using_redis

NEWS = {"title_ky": "Жаңылык", "title_ru": "Новость", "body_ky": "Текст.", "body_ru": "Текст."}
PUBLIC_PAGES = ("/", "/sveden/", "/sveden/common/", "/news/", "/documents", "/discussion")


def outage_warnings(caplog):
    return [r for r in caplog.records if r.getMessage().startswith("Redis is unreachable")]


def test_everything_works_while_redis_is_down(app, schools, site, own_redis, caplog, run_worker):
    caplog.set_level(logging.WARNING, logger="mektep.queue")
    with using_redis(app, own_redis.url):
        wrong = site("school-a").submit("/login", {"email": "admin@a.kg", "password": "guess"})
        assert wrong.status_code == 401
        assert own_redis.client().keys("mektep*")  # counted in Redis while it is up
        own_redis.stop()

        admin = site("school-a")
        response = admin.login("admin@a.kg")
        assert response.headers["Location"].endswith("/admin/")
        assert admin.get("/account/password").status_code == 200
        change = {"current": PASSWORD, "password": "a new long password"}
        response = admin.submit("/account/password", change | {"confirm": change["password"]})
        assert response.status_code == 302

        visitor = site("school-a")
        response = visitor_post(visitor, "Окуу жылы качан башталат?")
        assert response.status_code == 302
        assert "Рахмат" in visitor.get(response.headers["Location"]).get_data(as_text=True)
        assert [post.status for post in posts(app)] == ["pending"]

        for path in PUBLIC_PAGES:
            page = visitor.get(path)
            assert page.status_code == 200, path
            assert "Redis" not in page.get_data(as_text=True)

        upload(admin, [(file_bytes("sample.pdf"), "plan.pdf")], expect=302)
        response = admin.submit("/admin/news/new", NEWS | {"publish": "1"})
        assert response.status_code == 302
        with app.app_context():
            assert only_document().file.status == "pending"  # its job waits for the sweep
            assert db.session.scalar(db.select(NewsPost.published_at)) is not None

        assert len(outage_warnings(caplog)) == 1  # one warning per outage, not per request

        own_redis.start()
        run_worker()  # its sweep at start queues what was left
        with app.app_context():
            assert db.session.scalar(db.select(StoredFile.status)) == "ready"


def test_the_sign_in_limit_holds_per_process_while_redis_is_down(app, schools, site, own_redis):
    with using_redis(app, own_redis.url):
        own_redis.stop()
        guesser = site("school-a")
        statuses = [
            guesser.submit("/login", {"email": "editor@a.kg", "password": f"guess {n}"}).status_code
            for n in range(6)
        ]
        assert statuses == [401] * 5 + [429]
        refused = guesser.submit("/login", {"email": "editor@a.kg", "password": PASSWORD})
        assert refused.status_code == 429  # the right password too, until the window ends
        assert "Ийгиликсиз аракеттер өтө көп" in refused.get_data(as_text=True)
        site("school-a").login("admin@a.kg")  # another account is not held up
