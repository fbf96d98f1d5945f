"""The public archive as a read-only JSON API (Wagtail API v2), mounted at /api/v2/.

- ``pages/``: Wagtail's own pages endpoint, every visible page of every language
  (``?type=editions.EditionPage&fields=*&locale=fr``);
- ``editions/``, ``speakers/``, ``organisations/``, ``news/``: the same, one page type each,
  newest or alphabetical first, with more fields in their listings;
- ``quotes/``: what speakers said, from every visible edition, by edition and by speaker.
"""

from django.http import JsonResponse
from django.urls import re_path, reverse
from wagtail.api.v2.router import WagtailAPIRouter

from api.base import PagesEndpoint
from api.editions import EditionsEndpoint
from api.news import NewsEndpoint
from api.organisations import OrganisationsEndpoint
from api.quotes import QuotesEndpoint
from api.speakers import SpeakersEndpoint


class ArchiveAPIRouter(WagtailAPIRouter):
    """Wagtail's router, answering any other address under it with a JSON 404 that lists the
    endpoints."""

    def get_urlpatterns(self):
        return [*super().get_urlpatterns(), re_path(r"", self.unknown_endpoint)]

    def unknown_endpoint(self, request, *args, **kwargs):
        endpoints = ", ".join(
            reverse(f"{self.url_namespace}:{name}:listing") for name in self._endpoints
        )
        return JsonResponse(
            {"message": f"not found: the endpoints are {endpoints}"},
            status=404,
            json_dumps_params={"indent": 4},
        )


api_router = ArchiveAPIRouter("wagtailapi")
# A model's first endpoint gives its objects their detail_url: the page types' own endpoints
# come before the general pages endpoint, so an edition's is /api/v2/editions/<id>/.
for endpoint in (
    EditionsEndpoint,
    SpeakersEndpoint,
    OrganisationsEndpoint,
    NewsEndpoint,
    QuotesEndpoint,
    PagesEndpoint,
):
    api_router.register_endpoint(endpoint.name, endpoint)
