"""A quote on its permalink for search engines: a schema.org Quotation
(https://schema.org/Quotation)."""

from core.structured_data import SCHEMA_ORG, organization, place, without_empty


def quotation(page, context, meta, home):
    """On a quote's permalink, the quote as a Quotation, spoken by a Person (with the position
    they held then) at the edition, an Event. The quotes page itself has none."""
    quote = context.get("quote")
    if quote is None:
        return None
    request = context["request"]
    participation = context.get("participation")
    organisation = context.get("organisation_then")
    edition = quote.page
    return without_empty(
        {
            "@context": SCHEMA_ORG,
            "@type": "Quotation",
            "text": quote.text,
            "description": quote.context,
            "url": meta["canonical_url"],
            "inLanguage": meta["language"],
            "spokenByCharacter": without_empty(
                {
                    "@type": "Person",
                    "name": quote.speaker.title,
                    "url": quote.speaker.get_full_url(request),
                    "jobTitle": participation.position if participation else None,
                    "affiliation": organization(organisation, request) if organisation else None,
                }
            ),
            "recordedAt": without_empty(
                {
                    "@type": "Event",
                    "name": edition.title,
                    "url": edition.get_full_url(request),
                    "startDate": edition.start_date.isoformat(),
                    "endDate": edition.end_date.isoformat(),
                    "location": place(edition.venue),
                }
            ),
        }
    )
