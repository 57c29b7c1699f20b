"""The public mandated section /sveden/ («Мектеп жөнүндө маалымат»), the site map
page and /sitemap.xml (G4), all generated from the shared schema."""

from flask import abort, g, render_template, url_for
from flask_babel import lazy_gettext as _l

from config import LANGUAGES
from mektep.hosts import site_url
from mektep.pagecache import per_school
from mektep.schema import SECTIONS, STAFF_FIELDS, section
from tenants.content.display import PLAIN_KINDS
from tenants.content.values import (
    head_of_school,
    public_sections,
    published_staff,
    published_values,
)
from tenants.documents.links import documents_for_field
from tenants.public.blueprint import bp
from tenants.public.navigation import add_menu_entry, main_menu
from tenants.public.structured_data import as_script_text, school_jsonld
from tenants.schedule.freshness import update_sources

SVEDEN_TITLE = _l("Information about the school")
# Staff values a card shows without a label (see staff_labels).
SELF_EXPLANATORY = frozenset({"post", "teachingLevel", "qualification"})
COMMON = section("common")
COMMON_FIELDS = {field.name: field for field in COMMON.fields}


def _section_rows():
    """The school's section rows, read once per request: the page and the
    footer's contacts both need them."""
    if "section_rows" not in g:
        g.section_rows = public_sections(g.school)
    return g.section_rows


def school_contacts():
    """The head and contacts for the home page and footer, read once when used (P2)."""
    if "school_contacts" not in g:
        g.school_contacts = {
            "section": COMMON,
            "fields": COMMON_FIELDS,
            "values": published_values(g.school, COMMON, _section_rows().get("common")),
            "head": head_of_school(g.school),
        }
    return g.school_contacts


def css_string(text):
    """`text` as the inside of a CSS string (the staff cards' labels)."""
    return text.replace("\\", "\\\\").replace('"', '\\"')


def _staff_lists(schema):
    """{list name: published people} of the section's staff lists, in one query:
    plain rows (role, data, published_at), the page reads nothing else of them."""
    roles = sorted({role for member in schema.staff_lists for role in member.roles})
    people = published_staff(g.school, roles) if roles else []
    return {
        member.name: [person for person in people if person.role in member.roles]
        for member in schema.staff_lists
    }


def _borrowed(schema):
    """(member, its section's published values, its section) of each member of
    another section that `schema`'s page shows as well."""
    shown = []
    for key in schema.also_shows:
        slug, name = key.split(".")
        other = section(slug)
        member = next(member for member in other.members if member.name == name)
        shown.append((member, published_values(g.school, other, _section_rows().get(slug)), other))
    return shown


def _last_updated(schema, staff_lists):
    """When anything shown on the page was last published: what updates its
    subject (`freshness.update_sources`: its values, those it shows of other
    sections, its documents) and the staff it lists."""
    sources = update_sources(schema)
    rows = [_section_rows().get(slug) for slug in sources.sections]
    dates = [row.published_at for row in rows if row is not None and row.is_published]
    dates += [p.published_at for people in staff_lists.values() for p in people]
    dates += [d.published_at for key in sources.document_keys for d in documents_for_field(key)]
    return max(dates) if dates else None


@bp.route("/sveden/labels.css")
def staff_labels():
    """The labels of staff cards on phones (templates/sveden/macros.html), for the
    values that do not name themselves: a position, a level of education or a
    category reads as what it is, a number of years does not."""
    fields = [
        (field, field.kind not in PLAIN_KINDS and field.member_type == "field")
        for field in STAFF_FIELDS.values()
        if field.itemprop and field.name not in SELF_EXPLANATORY
    ]
    css = render_template("sveden/labels.css", fields=fields)
    return css, 200, {"Content-Type": "text/css; charset=utf-8", "Cache-Control": "max-age=86400"}


@per_school
def sveden_menu():
    """(slug, link, title) of each section of the /sveden/ side menu: the same
    on every page of the section, so made once per school and generation."""
    return [
        (schema.slug, url_for("public.sveden_section", slug=schema.slug), str(schema.title))
        for schema in _shown_sections()
    ]


def _shown_sections():
    """The mandatory sections, and the optional ones the school has published:
    an optional section it does not use is in no menu, list or sitemap."""
    rows = _section_rows()
    return [
        schema
        for schema in SECTIONS
        if not schema.optional
        or (rows.get(schema.slug) is not None and rows[schema.slug].is_published)
    ]


@bp.route("/sveden/")
def sveden_index():
    rows = _section_rows()
    return render_template(
        "sveden/index.html",
        sections=_shown_sections(),
        rows=rows,
        jsonld=as_script_text(school_jsonld(g.school, g.lang, rows)),
    )


@bp.route("/sveden/<slug>/")
def sveden_section(slug):
    schema = section(slug)
    if schema is None:
        abort(404)
    row = _section_rows().get(slug)
    staff_lists = _staff_lists(schema)
    return render_template(
        "sveden/section.html",
        section=schema,
        values=published_values(g.school, schema, row),
        staff_lists=staff_lists,
        borrowed=_borrowed(schema),
        last_updated=_last_updated(schema, staff_lists),
    )


def _public_pages():
    """(endpoint, kwargs, label) of every public page, for the site map."""
    pages = [(entry.endpoint, entry.args, entry.label) for entry in main_menu()]
    pages += [("public.sveden_section", {"slug": s.slug}, s.title) for s in _shown_sections()]
    return pages


@bp.route("/sitemap")
def site_map():
    return render_template("sveden/sitemap.html", pages=_public_pages())


@bp.route("/sitemap.xml")
def sitemap_xml():
    languages = LANGUAGES
    base = site_url(g.school, "")
    default = g.school.default_language
    urls = []
    for endpoint, kwargs, _label in [*_public_pages(), ("public.site_map", {}, None)]:
        alternates = {
            lang: base + url_for(endpoint, **kwargs, lang=None if lang == default else lang)
            for lang in languages
        }
        urls.extend((alternates[lang], alternates) for lang in languages)
    body = render_template("sveden/sitemap.xml", urls=urls)
    return body, 200, {"Content-Type": "application/xml; charset=utf-8"}


def init_app(app):
    add_menu_entry(app, "public.sveden_index", SVEDEN_TITLE, 10)
    # Every page of a school shows its contacts in the footer; the home page
    # (served by `index`, outside the blueprint) links the section.
    app.jinja_env.globals.update(
        school_contacts=school_contacts, SVEDEN_TITLE=SVEDEN_TITLE, sveden_menu=sveden_menu
    )
    app.add_template_filter(css_string, "css_string")
