"""Demo discussion of school №35: parents' questions in Kyrgyz and Russian, some
answered, one waiting, one flagged by the district's stop words; and a short
district stop-word list for the flag to come from."""

from datetime import timedelta

from flask import g

from mektep.clock import utcnow
from mektep.demo.accounts import admin_of
from mektep.extensions import db
from mektep.moderation import stopwords
from tenants.discussion.models import Answer, Post
from tenants.discussion.moderation import approve, flags_for
from tenants.scoping import bind_school
from tenants.versioning import publish

SCHOOL = "school35"
STOP_WORDS = {"ky": ["зордук", "келесоо", "кордо"], "ru": ["идиот", "насили", "убью"]}

# (days ago, kind, name, lang, text, answer in ky, answer in ru); no answer: waits.
POSTS = [
    (
        21, "question", "Айзада Эркинбекова", "ky",
        "Саламатсызбы! 1-класска кабыл алуу качан башталат жана кандай документтер керек?",
        "Кабыл алуу 1-апрелден 31-июлга чейин жүрөт. Арызды, баланын туулгандыгы "
        "тууралуу күбөлүктүн көчүрмөсүн жана медициналык картаны алып келиңиз.",
        "Приём идёт с 1 апреля по 31 июля. Принесите заявление, копию свидетельства "
        "о рождении ребёнка и медицинскую карту.",
    ),
    (
        14, "question", "Ольга Петренко", "ru",
        "Будет ли в этом году кружок робототехники для 5–7 классов?",
        "Ооба, робототехника ийрими шейшемби жана бейшемби күндөрү саат 15:00дө "
        "информатика кабинетинде өтөт.",
        "Да, кружок робототехники работает по вторникам и четвергам в 15:00 "
        "в кабинете информатики.",
    ),
    (
        9, "feedback", "Нурлан Сыдыков", "ky",
        "Жаңы спорт аянтчасы үчүн мектептин жетекчилигине чоң рахмат! Балдар абдан кубанычта.",
        None, None,
    ),
    (
        2, "question", "Гүлмира Асанова", "ky",
        "Кышкы каникул качан башталат? Ата-энелер чогулушу болобу?",
        None, None,
    ),
    (
        1, "feedback", "Аноним", "ru",
        "Учитель физики идиот, всех бы разогнать! Подробности на www.example-spam.ru",
        None, None,
    ),
]  # fmt: skip
APPROVED_WITHOUT_ANSWER = {"Нурлан Сыдыков"}


def _seed_stop_words():
    if db.session.scalar(db.select(stopwords.StopWord.id).limit(1)) is None:
        for lang, words in STOP_WORDS.items():
            stopwords.replace_list(lang, words)
        db.session.flush()


def load_discussion(schools):
    school = schools.get(SCHOOL)
    if school is None:
        return
    _seed_stop_words()
    if db.session.scalar(db.select(Post.id).where(Post.school_id == school.id).limit(1)):
        yield f"{SCHOOL}: discussion already there"
        return
    previous = g.get("school")
    bind_school(school)
    try:
        admin = admin_of(SCHOOL)
        now = utcnow()
        for days, kind, name, lang, text, answer_ky, answer_ru in POSTS:
            created = now - timedelta(days=days)
            post = Post(
                kind=kind,
                author_name=name,
                body=text,
                lang=lang,
                flags=flags_for(f"{name}\n{text}"),
                created_at=created,
            )
            db.session.add(post)
            db.session.flush()
            if answer_ky:
                approve(post, admin)
                answer = Answer(post=post)
                db.session.add(answer)
                publish(answer, admin, data={"body_ky": answer_ky, "body_ru": answer_ru})
            elif name in APPROVED_WITHOUT_ANSWER:
                approve(post, admin)
        db.session.commit()
    finally:
        bind_school(previous)
    yield f"{SCHOOL}: {len(POSTS)} discussion posts, 2 answered, 2 waiting (1 flagged)"
