"""Demo news, events and free pages for school35, in Kyrgyz and Russian.

Dates are relative to the day the demo is loaded, so the site always has
fresh news (one with a cover photo), an urgent notice, a post scheduled for
tomorrow morning and upcoming events.
"""

from datetime import datetime, time, timedelta

from mektep.clock import to_district, to_utc, utcnow
from mektep.demo.accounts import admin_of
from mektep.demo.documents import draw_photo
from mektep.extensions import db
from tenants.documents.uploads import store_upload
from tenants.events.models import Event
from tenants.news.models import NewsPost
from tenants.pages.models import Page
from tenants.scoping import bind_school
from tenants.versioning import publish

SCHOOL = "school35"

NEWS = [
    {
        "title_ky": "Жаңы окуу жылына даярдык аяктады",
        "title_ru": "Подготовка к новому учебному году завершена",
        "body_ky": "Жай мезгилинде мектептин үч классы жана ашканасы оңдолду, "
        "спорт залга жаңы шаймандар алынды.\n\nЖардам берген ата-энелерге ыраазычылык билдиребиз.",
        "body_ru": "За лето в школе отремонтированы три класса и столовая, "
        "для спортзала закуплено новое оборудование.\n\nБлагодарим родителей за помощь.",
        "days_ago": 20,
        "cover": ((135, 185, 230), (220, 200, 160)),
    },
    {
        "title_ky": "Окуучубуз математика боюнча облустук олимпиадада биринчи орунду алды",
        "title_ru": "Наш ученик занял первое место на областной олимпиаде по математике",
        "body_ky": "10-«А» классынын окуучусу Айбек Жумабеков облустук олимпиадада "
        "биринчи орунду ээледи. Ал республикалык турда мектептин намысын коргойт.",
        "body_ru": "Ученик 10 «А» класса Айбек Жумабеков занял первое место на областной "
        "олимпиаде. Он будет защищать честь школы на республиканском туре.",
        "days_ago": 6,
    },
    {
        "title_ky": "Мектеп китепканасы жаңы китептер менен толукталды",
        "title_ru": "Школьная библиотека пополнилась новыми книгами",
        "body_ky": "Китепканага 350дөн ашык жаңы окуу китеби жана көркөм адабият келди. "
        "Китепкана дүйшөмбүдөн жумага чейин 8:00дөн 16:00гө чейин иштейт.",
        "body_ru": "В библиотеку поступило более 350 новых учебников и книг художественной "
        "литературы. Библиотека работает с понедельника по пятницу с 8:00 до 16:00.",
        "days_ago": 3,
    },
    {
        "title_ky": "Ата-энелер жыйыны кийинки шейшембиде өтөт",
        "title_ru": "Родительское собрание пройдёт в следующий вторник",
        "body_ky": "Жалпы мектептик ата-энелер жыйыны саат 17:00дө акт залында башталат. "
        "Күн тартибинде: биринчи чейректин жыйынтыгы жана кышкы каникул.",
        "body_ru": "Общешкольное родительское собрание начнётся в 17:00 в актовом зале. "
        "На повестке: итоги первой четверти и зимние каникулы.",
        "days_ago": 1,
        "pinned": True,
    },
    {
        "title_ky": "Катуу суукка байланыштуу 1–4-класстардын сабактары эртең болбойт",
        "title_ru": "Из-за сильных морозов завтра занятий в 1–4 классах не будет",
        "body_ky": "Райондук билим берүү бөлүмүнүн чечими менен эртең 1–4-класстардын "
        "окуучулары сабакка келишпейт. Тапшырмалар класс жетекчилери аркылуу берилет.",
        "body_ru": "По решению районного отдела образования завтра ученики 1–4 классов "
        "не приходят на занятия. Задания передадут классные руководители.",
        "days_ago": 0,
        "important_days": 2,
    },
]

SCHEDULED = {
    "title_ky": "Жаңы жылдык майрамдын программасы",
    "title_ru": "Программа новогоднего праздника",
    "body_ky": "Майрам спорт залда өтөт: 1–4-класстар саат 10:00дө, 5–8-класстар 12:00дө.",
    "body_ru": "Праздник пройдёт в спортзале: 1–4 классы в 10:00, 5–8 классы в 12:00.",
}

EVENTS = [
    ("Ата-энелер жыйыны", "Родительское собрание", "Акт залы", "Актовый зал", 5, 17, 90),
    ("Ачык эшиктер күнү", "День открытых дверей", "Мектептин имараты", "Здание школы", 12, 10, 240),
    ("«Ден соолук күнү» спорттук мелдеши", "Спортивные соревнования «День здоровья»",
     "Мектептин стадиону", "Школьный стадион", 16, 9, 180),
    ("Жаңы жылдык майрам", "Новогодний праздник", "Спорт зал", "Спортивный зал", 30, 10, 120),
]  # fmt: skip

PAGES = [
    ("history", "Мектептин тарыхы", "История школы",
     "Мектеп 1957-жылы ачылган. Ошондон бери анын бүтүрүүчүлөрү мугалим, дарыгер "
     "жана инженер болуп өлкөбүздө иштеп келишет.",
     "Школа открыта в 1957 году. С тех пор её выпускники работают учителями, врачами "
     "и инженерами по всей стране."),
    ("clubs", "Ийримдер жана секциялар", "Кружки и секции",
     "Мектепте шахмат, робототехника, хор жана волейбол ийримдери иштейт. "
     "Ийримдерге катышуу акысыз.",
     "В школе работают кружки шахмат, робототехники, хор и секция волейбола. "
     "Занятия бесплатные."),
    ("achievements", "Жетишкендиктер", "Достижения",
     "Акыркы үч жылда окуучуларыбыз облустук жана республикалык олимпиадаларда "
     "40тан ашык байге алышты.",
     "За последние три года наши ученики завоевали более 40 призов на областных "
     "и республиканских олимпиадах."),
]  # fmt: skip


def _at_district_time(days_from_today, hour, minute=0):
    day = to_district(utcnow()).date() + timedelta(days=days_from_today)
    return to_utc(datetime.combine(day, time(hour, minute)))


def _published(item, admin, when):
    db.session.add(item)
    db.session.flush()
    publish(item, admin)
    item.published_at = item.updated_at = when


def _load(admin, school_id):
    now = utcnow()
    for spec in NEWS:
        fields = {k: v for k, v in spec.items() if k.endswith(("_ky", "_ru"))}
        post = NewsPost(**fields, pinned=spec.get("pinned", False))
        if "cover" in spec:
            photo = store_upload(draw_photo(*spec["cover"]), "cover.jpg", school_id, admin)
            post.cover_file_id = photo.id
        if "important_days" in spec:
            post.important_until = now + timedelta(days=spec["important_days"])
        _published(post, admin, now - timedelta(days=spec["days_ago"]))
    db.session.add(
        NewsPost(**SCHEDULED, scheduled_for=_at_district_time(1, 8), scheduled_by_id=admin.id)
    )
    for title_ky, title_ru, place_ky, place_ru, days, hour, minutes in EVENTS:
        starts = _at_district_time(days, hour)
        event = Event(
            title_ky=title_ky,
            title_ru=title_ru,
            place_ky=place_ky,
            place_ru=place_ru,
            starts_at=starts,
            ends_at=starts + timedelta(minutes=minutes),
        )
        _published(event, admin, now)
    for order, (slug, title_ky, title_ru, body_ky, body_ru) in enumerate(PAGES):
        page = Page(
            slug=slug,
            title_ky=title_ky,
            title_ru=title_ru,
            body_ky=f"<p>{body_ky}</p>",
            body_ru=f"<p>{body_ru}</p>",
            menu_order=(order + 1) * 10,
        )
        _published(page, admin, now)


def news_events_pages(schools):
    school = schools.get(SCHOOL)
    if school is None:
        return
    bind_school(school)
    try:
        if db.session.scalar(db.select(NewsPost.id).limit(1)) is not None:
            yield f"{SCHOOL}: news, events and pages already there"
            return
        _load(admin_of(SCHOOL), school.id)
        db.session.commit()
        yield f"{SCHOOL}: {len(NEWS) + 1} news posts, {len(EVENTS)} events, {len(PAGES)} pages"
    finally:
        bind_school(None)
