"""The district's stop words in Kyrgyz and Russian, and matching text against them.

A stop word matches any word that begins with it, so one entry covers the
suffixed forms Kyrgyz and Russian build from a stem; a phrase of several words
matches the same way at its first word's start. Matching ignores case.
"""

import re
import unicodedata

from mektep.clock import utcnow
from mektep.extensions import db

STOP_WORD_MAX_LENGTH = 100


class StopWord(db.Model):
    __table_args__ = (db.UniqueConstraint("lang", "phrase"),)

    id = db.Column(db.Integer, primary_key=True)
    lang = db.Column(db.String(2), nullable=False)
    phrase = db.Column(db.String(STOP_WORD_MAX_LENGTH), nullable=False)
    created_at = db.Column(db.DateTime, nullable=False, default=utcnow)


def normalize(text):
    return " ".join(unicodedata.normalize("NFC", text).casefold().split())


def phrases(lang):
    query = db.select(StopWord.phrase).where(StopWord.lang == lang).order_by(StopWord.phrase)
    return db.session.scalars(query).all()


def replace_list(lang, lines):
    """Make the list of `lang` exactly the distinct non-empty `lines`; returns it."""
    wanted = sorted({normalize(line) for line in lines if normalize(line)})
    db.session.execute(db.delete(StopWord).where(StopWord.lang == lang))
    db.session.add_all(StopWord(lang=lang, phrase=phrase) for phrase in wanted)
    return wanted


def matches(text):
    """The stop words (of either language) that `text` contains, in order of the list."""
    haystack = normalize(text)
    found = []
    for phrase in db.session.scalars(db.select(StopWord.phrase).order_by(StopWord.phrase)):
        if phrase not in found and re.search(rf"(?<!\w){re.escape(phrase)}", haystack):
            found.append(phrase)
    return found
