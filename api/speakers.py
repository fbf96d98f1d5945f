"""/api/v2/speakers/: everyone who spoke at an edition, by family name."""

from api.base import PagesEndpoint, PageTypeEndpoint
from speakers.models import SpeakerPage


class SpeakersEndpoint(PageTypeEndpoint):
    name = "speakers"
    model = SpeakerPage
    ordering = ["family_name", "title"]
    listing_default_fields = [*PagesEndpoint.listing_default_fields, "position"]
