"""An edition for search engines: a schema.org Event of the series (https://schema.org/Event)."""

from core.structured_data import SCHEMA_ORG, organization, place, unique, without_empty
from editions.choices import ORGANISER_ROLES


def edition_event(page, context, meta, home):
    """An edition as an Event of the series (``home``: the home page in the edition's
    language). Past editions stay EventScheduled: they took place as planned, and the site
    records no cancellation."""
    request = context["request"]
    participations = page.speaker_participations()
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
        if partner.role in ORGANISER_ROLES
    ]
    sponsors = [
        organization(partner.organisation, request)
        for partner in partners
        if partner.role not in ORGANISER_ROLES
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
