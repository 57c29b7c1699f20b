"""What a shared link and a search engine see of a public page: its canonical URL
(the language variant's own), the picture of its preview, and its locale.

The layouts put these in Open Graph tags (`templates/public/layout.html`); a
page gives its own description and picture by its `description` and
`share_image` blocks (a news post's cover, say).
"""

from flask import request

from mektep.hosts import external_url
from mektep.pagecache import per_school
from tenants.branding.look import current_look
from tenants.public import lowvision

# Open Graph locales of the page languages.
OG_LOCALES = {"ky": "ky_KG", "ru": "ru_RU", "en": "en_US"}
# Query arguments that make a different page; any other (tracking tags, say) is
# left out of the canonical URL.
PAGE_ARGUMENTS = ("page", "kind", "q")


def canonical_url():
    """This page's absolute URL in its own language, without stray arguments: the
    usual version of a low-vision version's page."""
    args = dict(request.view_args or {})
    args.update((key, request.args[key]) for key in PAGE_ARGUMENTS if key in request.args)
    args[lowvision.ARGUMENT] = None
    return external_url(request.endpoint, **args)


@per_school
def default_share_image():
    """The picture of a page's preview when the page has none of its own: the
    school's logo when it has one, else the platform's picture."""
    look = current_look()
    if look is not None and look.logo is not None and look.logo.has_thumbnail("large", "jpg"):
        return thumbnail_url(look.logo)
    return external_url("static", filename="img/share.png")


def thumbnail_url(stored):
    """The absolute URL of a stored picture's large thumbnail, for a preview: a
    JPEG, which every link-preview crawler reads."""
    return external_url(
        "public.file_thumbnail",
        file_id=stored.id,
        size="large",
        fmt="jpg",
        lang=None,  # the same picture in every language
    )


def template_globals():
    return {
        "canonical_url": canonical_url,
        "default_share_image": default_share_image,
        "thumbnail_url": thumbnail_url,
        "OG_LOCALES": OG_LOCALES,
    }
