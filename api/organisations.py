"""/api/v2/organisations/: the partner organisations, by name."""

from api.base import PagesEndpoint, PageTypeEndpoint
from partners.models import OrganisationPage


class OrganisationsEndpoint(PageTypeEndpoint):
    name = "organisations"
    model = OrganisationPage
    ordering = ["title"]
    listing_default_fields = [*PagesEndpoint.listing_default_fields, "short_name", "kind"]
