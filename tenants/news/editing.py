"""The admin pages every kind of school content shares (news, events, free pages):
a list, a new-item form, an edit form, publish and move-to-trash.

Editors save drafts; only admins publish and delete (a 403 and an audit entry
otherwise, also when an editor posts the publish button by hand). A kind adds
its own steps through `check`/`on_save` (e.g. an unused address, scheduling)
and `describe` (a list column). Every field of the form goes through
versioning, so nothing of a "Save draft" reaches the public.
"""

from datetime import datetime

from flask import flash, g, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user
from flask_wtf import FlaskForm

from mektep.extensions import db
from mektep.registries import registry
from tenants.admin.access import admin_only, admin_required
from tenants.trash import TRASH_DAYS, move_to_trash
from tenants.versioning import (
    PublishRefused,
    Revision,
    drafts_of,
    pending_draft,
    publish,
    save_draft,
)


def form_values(item):
    """What an edit form starts with: the pending draft, else the published columns."""
    draft = pending_draft(item)
    values = dict(draft.data) if draft is not None else item.snapshot()
    for name, value in values.items():
        column = item.__table__.columns.get(name)
        if isinstance(value, str) and column is not None and column.type.python_type is datetime:
            values[name] = datetime.fromisoformat(value)
    return values


def saved_message(item, form):
    if form.publish.data:
        return _("Saved and published.")
    if item.is_published:
        return _(
            "Your changes are saved as a draft. The public keeps seeing the published "
            "version until the draft is published."
        )
    if item.has_approved_content:
        return _(
            "Your changes are saved as a draft. The version an administrator scheduled "
            "appears at its time; the draft waits until an administrator publishes it."
        )
    return _("Draft saved. The public does not see it until it is published.")


# Submit buttons only an admin may press (a kind's form may lack some).
ADMIN_BUTTONS = ("publish", "schedule")


def _pressed(form, name):
    button = getattr(form, name, None)
    return bool(button is not None and button.data)


def _named(method, name):
    """A plain function calling `method`, named for the audit log and the URL map."""

    def view(**kwargs):
        return method(**kwargs)

    view.__name__ = name
    return view


def add_content_admin(app, admin):
    """List `admin`'s kind on the dashboard's panel of what waits to be published."""
    registry("content_admins", app).append(admin)


def content_admins():
    return registry("content_admins")


class ContentAdmin:
    def __init__(
        self,
        *,
        name,
        model,
        form_class,
        titles,
        list_query,
        describe,
        public_url,
        check=None,
        on_save=None,
    ):
        self.name = name
        self.model = model
        self.form_class = form_class
        self.titles = titles  # {"list": ..., "new": ..., "edit": ...}, lazy strings
        self.list_query = list_query
        self.describe = describe  # describe(item) -> a short note for the list
        self.public_url = public_url  # public_url(item) -> where the public reads it
        # check(item, form): checks that need the item; False (with field errors) refuses.
        # on_save(item, form): further steps after saving, returning a message or None.
        self.check = check
        self.on_save = on_save

    def endpoint(self, view):
        return f"admin.{self.name}_{view}"

    def register(self, bp, url):
        routes = [
            ("", "list", self.list_view, ["GET"], False),
            ("/new", "new", self.new_view, ["GET", "POST"], False),
            ("/<int:item_id>", "edit", self.edit_view, ["GET", "POST"], False),
            ("/<int:item_id>/publish", "publish", self.publish_view, ["POST"], True),
            ("/<int:item_id>/delete", "delete", self.delete_view, ["POST"], True),
        ]
        for rule, view, method, methods, admins_only in routes:
            func = _named(method, f"{self.name}_{view}")
            if admins_only:
                func = admin_required(func)
            bp.add_url_rule(f"/{url}{rule}", f"{self.name}_{view}", func, methods=methods)

    def waiting_count(self):
        """How many items have text the public does not see yet: drafts never
        published, and items with changes waiting for an admin (each once)."""
        model = self.model
        drafted = db.select(Revision.item_id).where(
            Revision.kind == model.version_kind, Revision.status == "draft"
        )
        waiting = db.select(db.func.count(model.id)).where(
            db.or_(model.published_at.is_(None), model.id.in_(drafted))
        )
        return db.session.scalar(waiting)

    def status(self, item, drafted=None):
        """(badge style, label) of an item's publishing state. `drafted`: the ids
        of items with a draft waiting (or {id: draft}), when the caller has read them."""
        if not item.has_approved_content:
            return "warn", _("Draft")
        if drafted is None:
            drafted = {item.id} if pending_draft(item) is not None else set()
        waiting = item.id in drafted
        if not item.is_published:
            return ("warn", _("Scheduled, changes waiting")) if waiting else ("ok", _("Scheduled"))
        if waiting:
            return "warn", _("Published, changes waiting")
        return "ok", _("Published")

    def get(self, item_id):
        return self.model.get_for_school(item_id, g.school)

    def list_view(self):
        items = db.session.scalars(self.list_query()).all()
        return render_template(
            "news/admin_list.html",
            admin=self,
            items=items,
            drafted=drafts_of(self.model.version_kind),
            title=self.titles["list"],
            action_form=FlaskForm(),
        )

    def new_view(self):
        form = self.form_class()
        item = self.model()
        if form.validate_on_submit() and self._checked(item, form):
            db.session.add(item)
            return self._save(item, form)
        return self._render_form(form, None)

    def edit_view(self, item_id):
        item = self.get(item_id)
        stored = form_values(item) | self._extra_values(item)
        form = self.form_class(data=stored, stored=stored)
        if form.validate_on_submit() and self._checked(item, form):
            return self._save(item, form)
        return self._render_form(form, item)

    def _checked(self, item, form):
        return self.check is None or self.check(item, form)

    def _extra_values(self, item):
        names = set(self.form_class.content_fields)
        return {
            name: getattr(item, name)
            for name in self.form_class.__dict__
            if name not in names and name in item.__table__.columns
        }

    def _render_form(self, form, item, status=None):
        status = status or (400 if form.is_submitted() else 200)
        title = self.titles["edit"] if item is not None else self.titles["new"]
        draft = pending_draft(item) if item is not None else None
        return render_template(
            "news/admin_form.html",
            admin=self,
            form=form,
            item=item,
            title=title,
            draft=draft,
            action_form=FlaskForm(),
        ), status

    def _save(self, item, form):
        is_new = item.id is None
        admin_action = next((name for name in ADMIN_BUTTONS if _pressed(form, name)), None)
        if admin_action:
            admin_only(f"{self.name}_{admin_action}")
        save_draft(item, form.content_data(), current_user)
        if form.publish.data:
            try:
                publish(item, current_user)
            except PublishRefused as refusal:
                db.session.rollback()
                form.form_errors.append(str(refusal))
                return self._render_form(form, None if is_new else item, 409)
        custom = self.on_save(item, form) if self.on_save is not None else None
        message = custom or saved_message(item, form)
        db.session.commit()
        flash(message, "success")
        return redirect(url_for(self.endpoint("edit"), item_id=item.id))

    def publish_view(self, item_id):
        item = self.get(item_id)
        try:
            publish(item, current_user)
        except PublishRefused as refusal:
            db.session.rollback()
            flash(str(refusal), "error")
            return redirect(url_for(self.endpoint("edit"), item_id=item_id))
        db.session.commit()
        flash(_("Published: %(title)s.", title=item.display_title(g.lang)), "success")
        return redirect(url_for(self.endpoint("list")))

    def delete_view(self, item_id):
        item = self.get(item_id)
        move_to_trash(item, current_user)
        db.session.commit()
        flash(
            _(
                "“%(title)s” moved to the trash. An administrator can restore it "
                "from there for %(days)s days.",
                title=item.display_title(g.lang),
                days=TRASH_DAYS,
            ),
            "success",
        )
        return redirect(url_for(self.endpoint("list")))
