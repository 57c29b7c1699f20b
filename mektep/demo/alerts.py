"""Demo district alerts: one that has ended (the frost days of last winter), so the
console lists it and no school's page shows it; none live, so the schools' pages
look as they usually do."""

from datetime import timedelta

from mektep.accounts.models import User
from mektep.alerts.models import ENDED, DistrictAlert
from mektep.clock import utcnow
from mektep.demo.data import ACCOUNTS
from mektep.extensions import db

FROST = {
    "text_ky": "Катуу суукка байланыштуу эртең райондун бардык мектептеринде сабактар "
    "болбойт. Окуучулар үйдө калышат; тапшырмалар класс жетекчилеринен.",
    "text_ru": "В связи с сильным морозом завтра занятия во всех школах района "
    "отменяются. Ученики остаются дома; задания — у классных руководителей.",
}


def load_alerts(schools):
    if db.session.scalar(db.select(DistrictAlert.id).limit(1)) is not None:
        yield "district alerts: already there"
        return
    district = db.session.scalar(db.select(User).where(User.email == ACCOUNTS["district"]["email"]))
    ended = utcnow() - timedelta(days=20)
    db.session.add(
        DistrictAlert(
            **FROST,
            starts_at=ended - timedelta(hours=20),
            ends_at=ended,
            state=ENDED,
            created_by_id=district.id,
        )
    )
    yield "district alerts: one that has ended (frost), none shown now"
