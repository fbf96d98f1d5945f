"""schema.org data about a page, for search engines: an edition is an Event of the series, a
speaker a Person, a partner an Organization, a quote on its permalink a Quotation
(https://schema.org/Event, /Person, /Organization, /Quotation).

Built from the page's template context, whose related pages are already the live translations
in the page's language (localisation.links), so that every address given is in the reader's
language and nothing is queried twice. Rendered by {% seo_meta %} as JSON-LD.
"""

import json

from django.core.serializers.json import DjangoJSONEncoder
from django.db.models import prefetch_related_objects
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from editions.models import EditionPage, PartnerRole
from partners.models import OrganisationPage
from quotes.models import QuoteIndexPage
from speakers.models import SpeakerPage

SCHEMA_ORG = "https://schema.org"

ORGANIZER_ROLES = {PartnerRole.HOST, PartnerRole.ORGANISER, PartnerRole.CO_ORGANISER}

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


def edition_event(page, context, meta, home):
    """An edition as an Event of the series (``home``: the home page in the edition's
    language). Past editions stay EventScheduled: they took place as planned, and the site
    records no cancellation."""
    request = context["request"]
    participations = context.get("participations")
    if participations is None:
        participations = page.speaker_participations()
    partners = context.get("partners")
    if partners is None:
        partners = page.partners_with_organisations()

    performers = [
        without_empty(
            {
                "@type": "Person",
                "name": participation.speaker.title,
                "url": participation.speaker.get_full_url(request),
                "jobTitle": participation.position,
                "affiliation": (
                    organization(participation.organisation, request)
                    if participation.organisation
                    else None
                ),
            }
        )
        for participation in participations
    ]
    organizers = [
        organization(partner.organisation, request)
        for partner in partners
        if partner.role in ORGANIZER_ROLES
    ]
    sponsors = [
        organization(partner.organisation, request)
        for partner in partners
        if partner.role not in ORGANIZER_ROLES
    ]
    return without_empty(
        {
            "@context": SCHEMA_ORG,
            "@type": "Event",
            "name": page.title,
            "description": meta["description"],
            "url": meta["canonical_url"],
            "inLanguage": meta["language"],
            "startDate": page.start_date.isoformat(),
            "endDate": page.end_date.isoformat(),
            "eventStatus": f"{SCHEMA_ORG}/EventScheduled",
            "eventAttendanceMode": f"{SCHEMA_ORG}/OfflineEventAttendanceMode",
            "location": place(page.venue),
            "image": meta["image"].url if meta["image"] else None,
            "organizer": unique(organizers),
            "sponsor": unique(sponsors),
            "performer": unique(performers),
            "superEvent": (
                {"@type": "EventSeries", "name": home.title, "url": home.get_full_url(request)}
                if home is not None
                else None
            ),
        }
    )


def speaker_person(page, context, meta, home):
    request = context["request"]
    organisation = context.get("current_organisation", page.organisation)
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


BUILDERS = (
    (EditionPage, edition_event),
    (SpeakerPage, speaker_person),
    (OrganisationPage, organisation_data),
    (QuoteIndexPage, quotation),
)


def structured_data(page, context, meta, home):
    """The schema.org description of ``page`` as a dict, or None for a page type that has
    none. ``meta`` is conference_site.seo.page_meta's result for the page, ``home`` the home
    page in its language (the series)."""
    for model, build in BUILDERS:
        if isinstance(page, model):
            return build(page, context, meta, home)
    return None
