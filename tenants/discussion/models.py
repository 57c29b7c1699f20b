"""A visitor's post, and the school's answer to it.

Posts are plain text as typed: stored unchanged, always shown escaped. The
answer is school content like any other: versioned (its history can be
restored) and trashable.
"""

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from mektep.clock import utcnow
from mektep.extensions import db
from tenants.bilingual import Paragraphs, bilingual
from tenants.scoping import TenantOwned
from tenants.trash import Trashable
from tenants.versioning import Versioned

NAME_MAX_LENGTH = 100
BODY_MAX_LENGTH = 2000
ANSWER_MAX_LENGTH = 5000

KINDS = {"question": _l("Question"), "feedback": _l("Feedback")}
STATUSES = {"pending": _l("Waiting"), "approved": _l("Approved"), "rejected": _l("Rejected")}


class Post(TenantOwned, db.Model):
    __tablename__ = "discussion_post"
    __table_args__ = (db.Index("ix_discussion_post_status", "school_id", "status", "created_at"),)

    id = db.Column(db.Integer, primary_key=True)
    kind = db.Column(db.String(10), nullable=False, default="question")
    author_name = db.Column(db.String(NAME_MAX_LENGTH), nullable=False)
    author_email = db.Column(db.String(254))
    body = db.Column(db.Text, nullable=False)
    # The language of the page it was written on, for the `lang` attribute.
    lang = db.Column(db.String(2), nullable=False)
    status = db.Column(db.String(10), nullable=False, default="pending")
    # What made it stand out in the queue: matched stop words, "link".
    flags = db.Column(db.JSON, nullable=False, default=list)
    address = db.Column(db.String(64), nullable=False, default="")
    created_at = db.Column(db.DateTime, nullable=False, default=utcnow)
    moderated_at = db.Column(db.DateTime)
    moderated_by_id = db.Column(db.ForeignKey("user.id"))

    moderated_by = db.relationship("User")
    answer = db.relationship("Answer", back_populates="post", uselist=False)

    @property
    def kind_label(self):
        return KINDS[self.kind]

    @property
    def status_label(self):
        return STATUSES[self.status]

    @property
    def public_answer(self):
        """The answer the public sees (a relationship load does not skip the trash)."""
        answer = self.answer
        if answer is None or answer.in_trash or not answer.is_published:
            return None
        return answer

    def excerpt(self, length=80):
        text = " ".join(self.body.split())
        return text if len(text) <= length else text[: length - 1] + "…"


# Plain text, shown escaped.
AnswerTexts = bilingual(
    body=Paragraphs(
        ANSWER_MAX_LENGTH,
        rich=False,
        labels={"ky": _l("Answer in Kyrgyz"), "ru": _l("Answer in Russian")},
    )
)


class Answer(AnswerTexts, TenantOwned, Versioned, Trashable, db.Model):
    """The school's public answer to a post, in Kyrgyz and Russian."""

    __tablename__ = "discussion_answer"

    version_kind = "answer"
    versioned_fields = AnswerTexts.text_fields
    admin_endpoint = "admin.discussion_answer"

    id = db.Column(db.Integer, primary_key=True)
    post_id = db.Column(db.ForeignKey("discussion_post.id"), nullable=False, unique=True)

    post = db.relationship("Post", back_populates="answer")

    def display_title(self, lang):
        # gettext, not a lazy string: Jinja would take a lazy string for safe HTML.
        return _("Answer to: %(question)s", question=self.post.excerpt(60))

    def body(self, lang):
        """(text, its language): the answer in `lang`, else in the other language."""
        return self.localized("body", lang)
