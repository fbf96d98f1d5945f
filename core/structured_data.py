"""schema.org data about a page, for search engines, rendered by {% seo_meta %} as JSON-LD.

Each page class says what it is (``structured_data``: an edition is an Event of the series, a
speaker a Person, a partner an Organization, a quote on its permalink a Quotation), with the
pieces here. It reads the page's relations (core.relations), which get_context has loaded and
which lead to the visible pages in the reader's language (core.links), so that every address
given is in the reader's language and nothing is queried twice.
"""

import json

from django.core.serializers.json import DjangoJSONEncoder
from django.utils.html import format_html
from django.utils.safestring import mark_safe

SCHEMA_ORG = "https://schema.org"

# The same escapes as django.utils.html.json_script: whatever an editor types, nothing in the
# JSON can close the <script> element or open another.
JSON_SCRIPT_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


def json_ld_script(data):
    """``data`` as a <script type="application/ld+json"> element, safe to put in HTML."""
    payload = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False)
    return format_html(
        '<script type="application/ld+json">{}</script>',
        mark_safe(payload.translate(JSON_SCRIPT_ESCAPES)),
    )


def without_empty(data):
    """The dict without the keys whose value is empty: schema.org wants absent, not blank."""
    return {key: value for key, value in data.items() if value not in (None, "", [], {})}


def organization(organisation, request):
    return without_empty(
        {
            "@type": "Organization",
            "name": organisation.title,
            "url": organisation.get_full_url(request),
            "sameAs": organisation.website,
        }
    )


def unique(items):
    """The items in order, without repeats (a speaker with two roles is one performer)."""
    seen = []
    for item in items:
        if item not in seen:
            seen.append(item)
    return seen


def postal_address(*, street="", locality="", country=""):
    address = without_empty(
        {
            "streetAddress": " ".join(street.split()),
            "addressLocality": locality,
            "addressCountry": str(country or ""),
        }
    )
    return {"@type": "PostalAddress", **address} if address else None


def place(venue):
    if venue is None:
        return None
    return without_empty(
        {
            "@type": "Place",
            "name": venue.name,
            "address": postal_address(
                street=venue.address, locality=venue.city, country=venue.country.code
            ),
            "containedInPlace": ({"@type": "Place", "name": venue.place} if venue.place else None),
            "url": venue.website,
        }
    )


def structured_data(page, context, meta, home):
    """The schema.org description of ``page`` as a dict, or None for a page that has none: the
    page's own ``structured_data``. ``meta`` is core.seo.page_meta's result for the page,
    ``home`` the home page in its language (the series)."""
    build = getattr(page, "structured_data", None)
    return build(context, meta, home) if build is not None else None
