"""The RQ worker: a real worker process runs jobs inside the app."""

import redis

from mektep.extensions import db
from mektep.queue import enqueue_after_commit, get_queue
from tenants.models import School, count_schools


def test_a_real_worker_process_runs_a_job(app, schools, run_worker):
    with app.app_context():
        job = get_queue(app).enqueue(count_schools)
    run_worker()
    job.refresh()
    assert job.get_status() == "finished", job.latest_result().exc_string
    assert job.return_value() == 2


def test_jobs_are_queued_only_after_commit(app, schools):
    with app.app_context():
        queue = get_queue(app)
        enqueue_after_commit(count_schools)
        assert queue.count == 0
        db.session.rollback()
        enqueue_after_commit(count_schools)
        db.session.add(School(slug="c-school", name_ky="к", name_ru="р"))
        db.session.commit()
        assert queue.count == 1


def test_an_unreachable_redis_does_not_fail_the_commit(app, schools):
    with app.app_context():
        app.extensions["mektep_redis"], real = (
            redis.Redis(host="127.0.0.1", port=1, socket_connect_timeout=0.2),
            get_queue(app).connection,
        )
        try:
            enqueue_after_commit(count_schools)
            db.session.add(School(slug="d-school", name_ky="к", name_ru="р"))
            db.session.commit()
        finally:
            app.extensions["mektep_redis"] = real
        assert db.session.scalar(db.select(School).where(School.slug == "d-school"))
