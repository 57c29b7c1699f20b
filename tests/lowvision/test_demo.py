"""What the demo district shows of this area: an ended district alert no page
shows, and school №35's page whose Kyrgyz text waits for a translation update."""

from mektep.alerts.models import ENDED, DistrictAlert
from mektep.demo import load
from mektep.extensions import db


def test_the_demo_shows_an_ended_alert_and_a_stale_translation(app, site):
    with app.app_context():
        lines = list(load())
        alerts = db.session.scalars(db.select(DistrictAlert)).all()
        assert len(alerts) == 1 and alerts[0].current_state == ENDED
    assert any("waits for its Kyrgyz translation" in line for line in lines)
    school = site("school35")
    assert "district-alert" not in school.get("/").get_data(as_text=True)
    school.login("admin35@mektep.kg", "school35-demo-2026")
    pages = school.get("/admin/pages?lang=ru").get_data(as_text=True)
    assert "Нужно обновить перевод: Кыргызча" in pages
    with app.app_context():
        again = list(load())
    assert "school35: translation marks already there" in again
