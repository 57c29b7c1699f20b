"""A school's mandated content: the values of the shared schema's sections and
the staff records, with drafts and versions, and how complete they are."""


def init_app(app):
    from tenants.content import search

    search.init_app(app)
