"""The district console's page of the stop-word list (`mektep.moderation.stopwords`)
that flags visitors' posts in every school."""

from flask import flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import SubmitField, TextAreaField
from wtforms.validators import ValidationError

from config import LANGUAGES
from mektep import audit
from mektep.district.blueprint import bp
from mektep.extensions import db
from mektep.forms import with_inputs
from mektep.moderation import stopwords
from tenants.discussion.moderation import recheck_pending


def _short_lines(form, field):
    if any(len(line.strip()) > stopwords.STOP_WORD_MAX_LENGTH for line in field.data.splitlines()):
        raise ValidationError(
            _l(
                "A stop word or phrase is at most %(n)s characters.",
                n=stopwords.STOP_WORD_MAX_LENGTH,
            )
        )


# (label, help) of each official language's list.
LISTS = {
    "ky": (
        _l("Stop words in Kyrgyz"),
        _l("One word or phrase per line. A word also matches its suffixed forms."),
    ),
    "ru": (
        _l("Stop words in Russian"),
        _l("One word or phrase per line. A word also matches its longer forms."),
    ),
}


@with_inputs(
    {
        f"words_{lang}": TextAreaField(
            LISTS[lang][0], validators=[_short_lines], description=LISTS[lang][1]
        )
        for lang in LANGUAGES
    }
)
class StopWordsForm(FlaskForm):
    submit = SubmitField(_l("Save the list"))
    inputs = tuple(f"words_{lang}" for lang in LANGUAGES)


@bp.route("/stop-words", methods=["GET", "POST"])
def stop_words():
    form = StopWordsForm(
        data={f"words_{lang}": "\n".join(stopwords.phrases(lang)) for lang in LANGUAGES}
    )
    if form.validate_on_submit():
        counts = {
            lang: len(
                stopwords.replace_list(lang, getattr(form, f"words_{lang}").data.splitlines())
            )
            for lang in LANGUAGES
        }
        rechecked = recheck_pending()
        audit.record("district.stop_words", " ".join(f"{lang}={n}" for lang, n in counts.items()))
        db.session.commit()
        flash(
            _(
                "The list is saved: %(ky)s in Kyrgyz, %(ru)s in Russian. "
                "%(n)s waiting messages were checked again.",
                ky=counts["ky"],
                ru=counts["ru"],
                n=rechecked,
            ),
            "success",
        )
        return redirect(url_for("district.stop_words"))
    status = 400 if form.is_submitted() else 200
    return render_template("discussion/stop_words.html", form=form), status
