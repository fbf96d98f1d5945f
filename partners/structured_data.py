"""An organisation for search engines: a schema.org Organization
(https://schema.org/Organization)."""

from core.structured_data import SCHEMA_ORG, postal_address, without_empty


def organisation_data(page, context, meta, home):
    return without_empty(
        {
            "@context": SCHEMA_ORG,
            "@type": "Organization",
            "name": page.title,
            "alternateName": page.short_name if page.short_name != page.title else "",
            "url": meta["canonical_url"],
            "sameAs": page.website,
            "logo": meta["image"].url if meta["image"] else None,
            "address": postal_address(country=page.country.code),
        }
    )
