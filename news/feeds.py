"""The Atom feed of the news, one per language: /en/news/feed/, /ru/news/feed/, ..."""

from django.utils.html import format_html
from django.utils.translation import gettext as _

from core.dates import start_of_day
from core.feeds import SeriesFeed


class NewsFeed(SeriesFeed):
    """The latest news of the series, the newest first."""

    def default_subtitle(self, index):
        return _("The latest news of %(series)s") % {"series": self.home.title}

    def items(self, index):
        return index.news_items().prefetch_related("topics__topic")[: self.max_items]

    def item_description(self, news):
        return format_html("<p>{}</p>", news.lead) if news.lead else None

    def item_categories(self, news):
        return [link.topic.name for link in news.topics.all()]

    def item_pubdate(self, news):
        # The date editors give is the date of the news, whenever the page went live.
        return start_of_day(news.date)

    def item_updateddate(self, news):
        published = start_of_day(news.date)
        if news.last_published_at is None:
            return published
        return max(news.last_published_at, published)
