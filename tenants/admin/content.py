"""School admin: the sections of mandated content, with drafts, publishing,
history and restore (G3), and the dashboard checklist (A5)."""

from flask import abort, flash, g, redirect, render_template, request, url_for
from flask_babel import format_datetime
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user

from mektep.extensions import db
from mektep.forms import confirmed_or_400
from mektep.schema import SECTIONS, section
from tenants import translations, versioning
from tenants.admin.access import admin_only, admin_required
from tenants.admin.blueprint import bp
from tenants.admin.content_forms import (
    form_to_values,
    input_names,
    section_form,
    values_to_form,
)
from tenants.admin.navigation import add_admin_entry, add_dashboard_panel
from tenants.admin.toolkit import stop_words
from tenants.admin.toolkit.history import published_revision_or_404
from tenants.admin.toolkit.saving import refuse_editor_buttons, save
from tenants.content.completeness import by_item, checklist, summary
from tenants.content.models import SectionContent
from tenants.content.school_fields import school_members, with_school_values
from tenants.content.values import section_row, section_rows
from tenants.versioning import DraftNotYours


@bp.context_processor
def checklist_helpers():
    def school_checklist():
        entries = checklist(g.school)
        return {"entries": entries, "summary": summary(entries), "items": by_item(entries)}

    def stale_members():
        """{(section slug, member name)} of the sections' items whose translation
        waits for an update (a group's: any of its records)."""
        slugs = {row.id: slug for slug, row in section_rows(g.school).items()}
        return {
            (slugs[item_id], name.split("-", 1)[0])
            for item_id, name in translations.stale_names(SectionContent.version_kind)
            if item_id in slugs
        }

    return {"school_checklist": school_checklist, "stale_members": stale_members}


def _editable_section(slug):
    found = section(slug)
    if found is None:
        abort(404)
    return found


@bp.route("/content/")
def content_index():
    entries = checklist(g.school)
    return render_template(
        "content/index.html",
        sections=SECTIONS,
        rows=section_rows(g.school),
        items=by_item(entries),
        summary=summary(entries),
    )


@bp.route("/content/item/<int:item_id>")
def content_item(item_id):
    row = SectionContent.get_for_school(item_id, g.school)
    return redirect(url_for("admin.content_section", slug=row.section))


@bp.route("/content/<slug>", methods=["GET", "POST"])
def content_section(slug):
    schema = _editable_section(slug)
    if not schema.editable:
        return redirect(url_for("admin.staff_index"))
    row = section_row(g.school, slug)
    stored = _editable_values(schema, row)
    form_class = section_form(schema)
    found = []
    if request.method == "POST":
        form = form_class()
        if form.validate_on_submit():
            refuse_editor_buttons(form, "content", ("publish", "publish_anyway"))
            found = (
                stop_words.to_confirm(form, form.publish_anyway.data) if _publishing(form) else []
            )
            if not found:
                return _save(schema, form)
        _show_locked_values(schema, form, stored)
        status = 409 if found else 400
    else:
        form, status = form_class(data=values_to_form(schema, stored)), 200
    drafts = _drafts(schema, row)
    return render_template(
        "content/section.html",
        section=schema,
        form=form,
        row=row,
        draft=max(drafts, key=lambda draft: draft.created_at) if drafts else None,
        can_discard=all(versioning.may_discard(d, current_user, g.role) for d in drafts),
        can_edit_sources=g.role == "admin",
        stop_words=found,
    ), status


def _drafts(schema, row):
    """The pending drafts the section's form shows: its own and the School's
    (for the fields whose record is the School row)."""
    items = ([row] if row is not None else []) + ([g.school] if school_members(schema) else [])
    return [draft for draft in map(versioning.pending_draft, items) if draft is not None]


def _editable_values(schema, row):
    """What the form shows: the section's draft (else its columns), with the
    School's own fields as the School's draft (else its columns) has them."""
    values = versioning.editable_data(row)["values"] if row is not None else {}
    if school_members(schema):
        values = with_school_values(schema, values, versioning.editable_data(g.school))
    return values


def _show_locked_values(schema, form, stored):
    """Fields an editor may not change are not sent back; show them as stored."""
    if g.role == "admin":
        return
    shown = values_to_form(schema, stored)
    for field in schema.fields:
        if field.source:
            for name in input_names(field):
                form[name].data = shown[name]


def _publishing(form):
    return form.publish.data or form.publish_anyway.data


def _save(schema, form):
    publishing = _publishing(form)
    values = form_to_values(schema, form, skip_sources=g.role != "admin")
    row = section_row(g.school, schema.slug, create=True)
    save(row, {"values": values}, publishing)
    if publishing:
        stop_words.record_confirmed(form, row.version_kind, row)
        message = _(
            "Published: the public now sees this version of «%(title)s».", title=schema.title
        )
    else:
        message = _(
            "Draft of «%(title)s» saved. The public does not see it until an administrator "
            "publishes it.",
            title=schema.title,
        )
    db.session.commit()
    flash(message, "success")
    return redirect(url_for("admin.content_section", slug=schema.slug))


@bp.route("/content/<slug>/discard", methods=["POST"])
def content_discard(slug):
    schema = _editable_section(slug)
    row = section_row(g.school, slug)
    confirmed_or_400()
    if row is None:
        abort(400)
    items = [row] + ([g.school] if school_members(schema) else [])
    try:
        for item in items:
            versioning.discard_draft(item, current_user, g.role)
    except DraftNotYours:
        admin_only("content_discard")
    db.session.commit()
    flash(_("The draft is discarded; the published version stays."), "success")
    return redirect(url_for("admin.content_section", slug=slug))


@bp.route("/content/<slug>/history")
def content_history(slug):
    schema = _editable_section(slug)
    row = section_row(g.school, slug)
    versions = versioning.history(row) if row else []
    return render_template("content/history.html", section=schema, row=row, versions=versions)


def _revision(slug, revision_id):
    schema = _editable_section(slug)
    row = section_row(g.school, slug)
    return schema, row, published_revision_or_404(row, revision_id)


@bp.route("/content/<slug>/history/<int:revision_id>")
def content_version(slug, revision_id):
    schema, row, revision = _revision(slug, revision_id)
    return render_template(
        "content/version.html",
        section=schema,
        row=row,
        revision=revision,
        values=revision.data.get("values", {}),
    )


@bp.route("/content/<slug>/history/<int:revision_id>/restore", methods=["POST"])
@admin_required
def content_restore(slug, revision_id):
    schema, row, revision = _revision(slug, revision_id)
    confirmed_or_400()
    versioning.restore(row, revision, current_user)
    db.session.commit()
    flash(
        _(
            "The version of %(date)s is published again.",
            date=format_datetime(revision.created_at, "short"),
        ),
        "success",
    )
    return redirect(url_for("admin.content_section", slug=slug))


def init_app(app):
    add_admin_entry(app, "admin.content_index", _l("Mandated information"), 10)
    add_dashboard_panel(app, "content/checklist_panel.html")
