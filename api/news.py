"""/api/v2/news/: the news of the series, newest first."""

from api.base import PagesEndpoint, PageTypeEndpoint
from news.models import NewsPage


class NewsEndpoint(PageTypeEndpoint):
    name = "news"
    model = NewsPage
    ordering = ["-date"]
    listing_default_fields = [*PagesEndpoint.listing_default_fields, "date", "edition"]
