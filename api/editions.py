"""/api/v2/editions/: the editions of the series, newest first."""

from api.base import PagesEndpoint, PageTypeEndpoint
from editions.models import EditionPage


class EditionsEndpoint(PageTypeEndpoint):
    name = "editions"
    model = EditionPage
    ordering = ["-start_date"]
    listing_default_fields = [
        *PagesEndpoint.listing_default_fields,
        "year",
        "edition_number",
        "theme",
        "start_date",
        "end_date",
        "status",
    ]
    nested_default_fields = [*PagesEndpoint.nested_default_fields, "year"]
