"""The district's stop words on publishing (P1–P6, issue 11.9): what must not be
published applies to a school's own content too.

When an admin publishes a news post, an event, a page or a mandated section,
every text input of its form, in both languages, is matched against the
district's list (`mektep.moderation.stopwords`). A match is never blocked
silently: the form comes back (a 409) with each field that matched, an excerpt
with the words marked, and a "Publish anyway" button. Pressing it publishes what
the form holds, unless the text now holds words the admin was not shown (then
it asks again); the publication is audited with the words confirmed.

The form (`KindForm`) carries the button and the hidden list of the words shown;
templates include `admin/toolkit/stop_words.html` inside the form.
"""

import json
import re
from dataclasses import dataclass

from markupsafe import Markup, escape
from wtforms import HiddenField, StringField, TextAreaField

from mektep import audit
from mektep.moderation import stopwords
from tenants.admin.toolkit.forms import every_input

# Characters of context on each side of the first match in an excerpt.
CONTEXT = 60


@dataclass(frozen=True)
class Finding:
    """A field holding stop words: its label, the words, and an excerpt with them marked."""

    label: str
    words: tuple
    excerpt: Markup


def _texts(form):
    """(label, text) of every filled text input of `form`, rows of groups included."""
    for field in every_input(form):
        if (
            isinstance(field, StringField | TextAreaField)
            and not isinstance(field, HiddenField)
            and isinstance(field.data, str)
            and field.data.strip()
        ):
            yield field.label.text, Markup(field.data).striptags()


def _pattern(words):
    """The words as typed in any case and spacing, each to the end of its word."""
    longest_first = sorted(words, key=len, reverse=True)
    alternatives = "|".join(r"\s+".join(map(re.escape, word.split())) for word in longest_first)
    return re.compile(rf"(?<!\w)(?:{alternatives})\w*", re.IGNORECASE)


def _excerpt(text, words):
    """The text around its first match, every match in it marked."""
    spans = [match.span() for match in _pattern(words).finditer(text)]
    if not spans:
        return escape(text[: 2 * CONTEXT])
    start = max(0, spans[0][0] - CONTEXT)
    end = min(len(text), spans[0][1] + CONTEXT)
    pieces, at = [Markup("…") if start else Markup("")], start
    for span_start, span_end in spans:
        if span_end > end:
            break
        marked = Markup("<mark>%s</mark>") % text[span_start:span_end]
        pieces += [escape(text[at:span_start]), marked]
        at = span_end
    pieces += [escape(text[at:end]), Markup("…") if end < len(text) else Markup("")]
    return Markup("").join(pieces)


def findings(form):
    """The fields of `form` holding stop words, in the form's order."""
    found = []
    for label, text in _texts(form):
        words = stopwords.matches(text)
        if words:
            found.append(Finding(label, tuple(words), _excerpt(text, words)))
    return found


def words_of(found):
    return sorted({word for finding in found for word in finding.words})


def to_confirm(form, anyway):
    """The findings an admin publishing `form` has still to confirm ([] when none,
    or when the admin pressed on `anyway` having been shown these words or more).
    Sets the form's hidden list of the words shown."""
    found = findings(form)
    words = words_of(found)
    try:
        seen = set(json.loads(form.stop_words_seen.data or "[]"))
    except (TypeError, ValueError):
        seen = set()
    if not found or (anyway and set(words) <= seen):
        return []
    form.stop_words_seen.data = json.dumps(words, ensure_ascii=False)
    return found


def record_confirmed(form, kind, item):
    """Audit a publication its admin confirmed over stop words (nothing when none matched)."""
    words = words_of(findings(form))
    if words:
        audit.record(
            f"{kind}.publish_stop_words",
            f"#{item.id}: {', '.join(words)}",
            school_id=item.school_id,
        )
