"""A person for search engines: a schema.org Person (https://schema.org/Person)."""

from django.db.models import prefetch_related_objects

from core.structured_data import SCHEMA_ORG, organization, without_empty


def speaker_person(page, context, meta, home):
    request = context["request"]
    organisation = page.current_organisation()
    if page.pk is not None:
        # Fetched here for the template too: its {% with links=page.links.all %} then reads
        # them from the page instead of querying them a second time. (A new page being
        # previewed has its links in memory only.)
        prefetch_related_objects([page], "links")
    return without_empty(
        {
            "@context": SCHEMA_ORG,
            "@type": "Person",
            "name": page.title,
            "url": meta["canonical_url"],
            "jobTitle": page.position,
            "worksFor": organization(organisation, request) if organisation else None,
            "image": meta["image"].url if meta["image"] else None,
            "sameAs": [link.url for link in page.links.all()],
        }
    )
