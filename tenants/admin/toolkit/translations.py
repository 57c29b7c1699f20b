"""Translations needing an update (issue 11.7, `tenants.translations`) in the
admin: the mark beside an item in its kind's list, the fields named on its form,
and "The translation is still right" (anyone who may edit the item: editors too),
audited. Generic over every versioned kind, like the history."""

from flask import flash, redirect, url_for
from flask_babel import gettext as _
from flask_login import current_user

from mektep.extensions import db
from mektep.forms import confirmed_or_400
from tenants import translations
from tenants.admin.blueprint import bp
from tenants.admin.toolkit.forms import input_labels
from tenants.admin.toolkit.history import item_or_404


def stale_fields(form, item):
    """[label] of the texts of `item` needing a translation update, as `form` names them."""
    labels = input_labels(form)
    return [labels.get(name, name) for name, _lang in translations.stale(item)]


@bp.route("/translations/<kind>/<int:item_id>/confirm", methods=["POST"])
def translation_confirm(kind, item_id):
    item = item_or_404(kind, item_id)
    confirmed_or_400()
    translations.confirm(item, current_user)
    db.session.commit()
    flash(_("Marked as still right: the translations no longer wait for an update."), "success")
    return redirect(url_for(item.admin_endpoint, item_id=item.id))


def init_app(app):
    app.jinja_env.globals.update(stale_fields=stale_fields)
