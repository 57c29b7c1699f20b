"""Saving an edit of any kind of content, the one way: an editor's draft or an
admin's publication through versioning, with the buttons only an admin may
press refused (and audited) for editors; and what an edit form starts with."""

from flask import flash, render_template
from flask_babel import gettext as _
from flask_login import current_user

from mektep import audit
from mektep.extensions import db
from tenants.admin.access import admin_only
from tenants.versioning import editable_data, publish, save_draft, typed


def form_values(item):
    """What an edit form starts with: the pending draft, else the published
    columns, each value typed as its column is (dates, times)."""
    return typed(item, editable_data(item))


def refuse_editor_buttons(form, name, buttons):
    """Refuse, audited as `<name>_<button>`, an editor who pressed one of the
    admin's `buttons` of `form` (also when posted by hand)."""
    for button in buttons:
        if button in form and form[button].data:
            admin_only(f"{name}_{button}")


def save(item, data, publishing):
    """Publish `data` as the item's new version (an admin), or save it as its
    draft; returns the version or draft. Raises `PublishRefused`."""
    if publishing:
        return publish(item, current_user, data=data)
    return save_draft(item, data, current_user)


def confirm_page(form, question, consequence, action, back):
    """The page that asks before an action that cannot be undone: `action` and
    `back` are (label, URL); a rejected confirmation shows why, with a 400."""
    page = {"question": question, "consequence": consequence, "action": action, "back": back}
    status = 400 if form.is_submitted() else 200
    return render_template("admin/toolkit/confirm.html", confirm_form=form, **page), status


def commit_settings(action, changes, saved_message):
    """Commit a settings form's `changes` (what changed, for the audit log, as
    `action`) and say so; or say that nothing changed, writing nothing."""
    if not changes:
        flash(_("Nothing changed."), "info")
        return
    audit.record(action, ", ".join(changes))
    db.session.commit()
    flash(saved_message, "success")
