"""The `DistrictAlert` model and which alerts the pages show now.

Pages read the clock: an alert is shown while `starts_at <= now < ends_at`. Its
rows show on every school's pages, so the model is district-wide for the page
cache (docs/DEVELOPING.md, the page cache's contract): a write to it changes the
district-wide generation. A start or an end is a change by the clock alone, so
the worker's sweep `record_states` writes the alert's `state` when the clock
crosses either: that write is what tells the page cache, within a sweep
(30 seconds), that every school's pages changed.
"""

from config import LANGUAGES
from mektep.clock import utcnow
from mektep.extensions import db
from mektep.i18n import fallback_order

TEXT_MAX_LENGTH = 500
SCHEDULED, LIVE, ENDED = "scheduled", "live", "ended"

# The alert's text in every official language: text_ky, text_ru.
AlertTexts = type(
    "AlertTexts",
    (),
    {
        f"text_{lang}": db.Column(db.String(TEXT_MAX_LENGTH), nullable=False, default="")
        for lang in LANGUAGES
    },
)


class DistrictAlert(AlertTexts, db.Model):
    __tablename__ = "district_alert"
    # Shown on every school's pages: a write changes every school's cached pages.
    page_cache_scope = "district"

    id = db.Column(db.Integer, primary_key=True)
    # In UTC, as every stored time; typed and shown in the district's time zone.
    starts_at = db.Column(db.DateTime, nullable=False, index=True)
    ends_at = db.Column(db.DateTime, nullable=False, index=True)
    # The state the worker last recorded (see the module's docstring).
    state = db.Column(db.String(10), nullable=False, default=SCHEDULED)
    created_at = db.Column(db.DateTime, nullable=False, default=utcnow)
    created_by_id = db.Column(db.ForeignKey("user.id"))
    updated_at = db.Column(db.DateTime, nullable=False, default=utcnow, onupdate=utcnow)

    created_by = db.relationship("User")

    def text(self, lang):
        """(text, its language): the alert in `lang`, else in another official language."""
        for code in fallback_order(lang):
            value = getattr(self, f"text_{code}")
            if value:
                return value, code
        return "", lang

    def state_at(self, now):
        if now < self.starts_at:
            return SCHEDULED
        return LIVE if now < self.ends_at else ENDED

    @property
    def current_state(self):
        return self.state_at(utcnow())

    def end_now(self):
        """Stop showing the alert from this moment (a scheduled one never shows)."""
        now = utcnow()
        self.ends_at = now
        self.starts_at = min(self.starts_at, now)
        self.state = ENDED


def live_alerts():
    """The alerts every school's pages show now, the latest to start first."""
    now = utcnow()
    return db.session.scalars(
        db.select(DistrictAlert)
        .where(DistrictAlert.starts_at <= now, DistrictAlert.ends_at > now)
        .order_by(DistrictAlert.starts_at.desc(), DistrictAlert.id.desc())
    ).all()


def all_alerts():
    """Every alert for the console: the latest to end first."""
    return db.session.scalars(
        db.select(DistrictAlert).order_by(DistrictAlert.ends_at.desc(), DistrictAlert.id.desc())
    ).all()


def record_states(now=None):
    """The worker's sweep: write the state of every alert whose start or end the
    clock has crossed since the last sweep; returns how many changed."""
    now = now or utcnow()
    changed = 0
    unfinished = db.select(DistrictAlert).where(DistrictAlert.state != ENDED)
    for alert in db.session.scalars(unfinished):
        state = alert.state_at(now)
        if state != alert.state:
            alert.state = state
            changed += 1
    if changed:
        db.session.commit()
    return changed
