"""schema.org JSON-LD of a school (School with name, address, telephone, email,
foundingDate, employee), from the same published values as the pages."""

import json

from markupsafe import Markup

from mektep.hosts import external_url
from mektep.schema import STAFF_FIELDS, section
from tenants.content.values import in_language, published_values, staff


def school_jsonld(school, lang, rows):
    common = section("common")
    values = published_values(school, common, rows.get("common"))
    fields = {f.name: f for f in common.fields}

    def text(name):
        return in_language(fields[name], values.get(name), lang)[0]

    data = {
        "@context": "https://schema.org",
        "@type": "School",
        "name": school.name(lang),
        "url": external_url("index"),
        "inLanguage": lang,
    }
    optional = {
        "alternateName": text("shortName"),
        "address": text("address"),
        "telephone": text("telephone"),
        "email": text("email"),
        "foundingDate": text("regDate"),
    }
    data.update({key: value for key, value in optional.items() if value})
    employees = [
        {"@type": "Person", "name": person.full_name(lang), "jobTitle": _post(person, lang)}
        for person in staff(school)
    ]
    if employees:
        data["employee"] = employees
    return data


def as_script_text(data):
    """JSON for a <script type="application/ld+json"> block: readable UTF-8, with
    the characters that could end the block escaped."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    for char, escaped in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026")):
        text = text.replace(char, escaped)
    return Markup(text)


def _post(person, lang):
    return in_language(STAFF_FIELDS["post"], person.value("post"), lang)[0]
