"""The admin pages of a kind of content: a list, a new-item form, an edit form,
publishing and moving to the trash, the same for every kind (news, events,
free pages, documents, staff).

A kind subclasses `KindAdmin`, names its model, form and titles, and adds its
own steps through hooks (`check`, `after_save`, `list_query`, ...). Editors save
drafts; only admins publish and delete (a 403 and an audit entry otherwise,
also when an editor posts an admin's button by hand). Every field of the form
goes through versioning, so nothing of a "Save draft" reaches the public.
"""

from flask import flash, g, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user

from mektep.extensions import db
from mektep.registries import registry
from tenants.admin.access import admin_required
from tenants.admin.toolkit import stop_words
from tenants.admin.toolkit.saving import form_values, refuse_editor_buttons, save
from tenants.translations import stale_of
from tenants.trash import TRASH_DAYS, move_to_trash
from tenants.versioning import PublishRefused, Revision, drafts_of, pending_draft, publish

# view: (rule after the kind's URL, methods); a kind serves those in its `views`.
RULES = {
    "list": ("", ["GET"]),
    "new": ("/new", ["GET", "POST"]),
    "edit": ("/<int:item_id>", ["GET", "POST"]),
    "publish": ("/<int:item_id>/publish", ["POST"]),
    "delete": ("/<int:item_id>/delete", ["POST"]),
}


def add_to_dashboard(app, admin):
    """List `admin`'s kind on the dashboard's panel of what waits to be published."""
    registry("dashboard_kinds", app).append(admin)


def dashboard_kinds():
    return registry("dashboard_kinds")


def _named(method, name):
    """A plain function calling `method`, named for the audit log and the URL map."""

    def view(**kwargs):
        return method(**kwargs)

    view.__name__ = name
    return view


class KindAdmin:
    """The admin pages of one kind of content (see the module's docstring)."""

    name: str  # the views are admin.<name>_<view> unless `endpoints` says otherwise
    model: type
    form_class: type
    url: str  # where its pages are, under /admin
    titles: dict  # {"list": ..., "new": ..., "edit": ...}: lazy strings the templates show
    templates = {"list": "admin/toolkit/list.html", "form": "admin/toolkit/form.html"}
    views = ("list", "new", "edit", "publish", "delete")
    endpoints: dict = {}  # {view: endpoint name} where it is not <name>_<view>
    rules: dict = {}  # {view: rule} where it is not the usual one after `url`
    admin_views = ("publish", "delete")
    admin_buttons = ("publish",)  # buttons of the form only an admin may press
    schedule_subjects = ()  # subjects of the update schedule its list reviews (tenants.schedule)
    checks_stop_words = False  # an admin's publication is checked against the district's list

    # Routes.

    def endpoint(self, view):
        return f"admin.{self.endpoints.get(view, f'{self.name}_{view}')}"

    def add_routes(self, bp):
        for view in self.views:
            rule, methods = RULES[view]
            endpoint = self.endpoint(view).removeprefix("admin.")
            func = _named(getattr(self, f"{view}_view"), endpoint)
            if view in self.admin_views:
                func = admin_required(func)
            bp.add_url_rule(self.rules.get(view, self.url + rule), endpoint, func, methods=methods)

    # Hooks a kind may override.

    def list_query(self):
        return db.select(self.model).order_by(self.model.id.desc())

    def list_context(self):
        """What else the list's template shows (a filter's choices, say)."""
        return {}

    def describe(self, item):
        """A short note under the item's title in the list."""
        return ""

    def new_url(self):
        """Where a new item is made."""
        return url_for(self.endpoint("new"))

    def public_url(self, item):
        """Where the public reads the item, or None."""
        return None

    def new_item(self):
        """The item a "new" form fills (not yet in the session)."""
        return self.model()

    def form_data(self, item):
        """What the form shows: the new item's defaults, or the item's draft or columns."""
        return {} if item is None else form_values(item)

    def form_context(self, item):
        """What else the form's template shows."""
        return {}

    def check(self, item, form):
        """Checks that need the item; False (with the reason on the form) refuses."""
        return True

    def publishing(self, form):
        """Whether this save publishes: the admin pressed "Save and publish" (or
        "Publish anyway" over stop words)."""
        return form.publish.data or form.publish_anyway.data

    def scheduling(self, form):
        """Whether this save schedules the content to appear later (a kind that can says so)."""
        return False

    def after_save(self, item, form):
        """Further steps once the content is saved; a message replacing the usual one, or None."""
        return None

    def after_save_url(self, item):
        return url_for(self.endpoint("edit"), item_id=item.id)

    def refuse_trash(self, item):
        """Refuse (and audit) moving `item` to the trash, if this person may not."""

    # What the pages show.

    def get(self, item_id):
        return self.model.get_for_school(item_id, g.school)

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

    def saved_message(self, item, publishing):
        if publishing:
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

    # The views.

    def list_view(self):
        return render_template(
            self.templates["list"],
            admin=self,
            items=db.session.scalars(self.list_query()).all(),
            drafted=drafts_of(self.model.version_kind),
            stale=stale_of(self.model.version_kind),
            title=self.titles["list"],
            **self.list_context(),
        )

    def new_view(self):
        return self.edit(None)

    def edit_view(self, item_id):
        return self.edit(self.get(item_id))

    def edit(self, item):
        """The form of `item` (None: a new one), saved once valid."""
        stored = self.form_data(item)
        form = self.form_class(data=stored, stored=stored)
        if form.validate_on_submit():
            refuse_editor_buttons(form, self.name, (*self.admin_buttons, "publish_anyway"))
            found = self.stop_words_to_confirm(form)
            if found:
                return self.render_form(form, item, 409, found)
            target = item if item is not None else self.new_item()
            if self.check(target, form):
                return self.save(target, form, is_new=item is None)
        return self.render_form(form, item)

    def stop_words_to_confirm(self, form):
        """The district's stop words an admin publishing (or scheduling) `form` has
        not yet confirmed: by "Publish anyway", or by scheduling again once shown."""
        scheduling = self.scheduling(form)
        if not (self.checks_stop_words and (self.publishing(form) or scheduling)):
            return []
        return stop_words.to_confirm(form, anyway=form.publish_anyway.data or scheduling)

    def render_form(self, form, item, status=None, found=()):
        """The form; `found`: the stop words it holds, for the admin to confirm."""
        status = status or (400 if form.is_submitted() else 200)
        return render_template(
            self.templates["form"],
            admin=self,
            form=form,
            item=item,
            title=self.titles.get("edit" if item is not None else "new"),
            draft=pending_draft(item) if item is not None else None,
            stop_words=found,
            anyway_button="schedule" if self.scheduling(form) else "publish_anyway",
            **self.form_context(item),
        ), status

    def save(self, item, form, is_new):
        publishing = self.publishing(form)
        if is_new:
            db.session.add(item)
        try:
            save(item, form.content_data(), publishing)
        except PublishRefused as refusal:
            db.session.rollback()
            form.form_errors.append(str(refusal))
            return self.render_form(form, None if is_new else item, 409)
        if (publishing or self.scheduling(form)) and self.checks_stop_words:
            stop_words.record_confirmed(form, self.model.version_kind, item)
        message = self.after_save(item, form) or self.saved_message(item, publishing)
        db.session.commit()
        flash(message, "success")
        return redirect(self.after_save_url(item))

    def publish_view(self, item_id):
        """Publish the item's draft from the list; over stop words, its form asks first."""
        item = self.get(item_id)
        if self.checks_stop_words:
            stored = self.form_data(item)
            form = self.form_class(formdata=None, data=stored, stored=stored)
            form.publish.data = True
            found = stop_words.to_confirm(form, anyway=False)
            if found:
                return self.render_form(form, item, 409, found)
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
        self.refuse_trash(item)
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
