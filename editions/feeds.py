"""Atom feeds of the series: the editions here, the news in news/feeds.py.

A feed is served by an index page (a RoutablePageMixin route: /en/editions/feed/) and lists
the live pages under that index, so it is in the index's language: the French archive's feed
holds the French editions. Its links lead to the host the visitor used.
"""

import datetime
import uuid

from django.contrib.syndication.views import Feed
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import format_html_join
from django.utils.translation import gettext as _

from conference_site.templatetags.conference_tags import SPACED_DASH, format_date_range
from editions.models import EditionPage


def start_of_day(date):
    return timezone.make_aware(datetime.datetime.combine(date, datetime.time.min))


class SeriesFeed(Feed):
    """A feed of the live pages under an index page, in the index's language.

    Call it with the index: ``EditionFeed()(request, index=self)``, one instance per request.
    The series, named after the home page, is the feed's author: Atom wants an author, and
    what the site publishes is the series' word rather than a person's.
    """

    feed_type = Atom1Feed
    max_items = 50

    def get_object(self, request, index):
        self.request = request
        self.language = index.locale.language_code
        self.home = index.get_parent()
        return index

    def default_subtitle(self, index):
        raise NotImplementedError

    def title(self, index):
        return f"{index.title}{SPACED_DASH}{self.home.title}"

    def subtitle(self, index):
        return index.intro or self.default_subtitle(index)

    def link(self, index):
        return index.get_url(self.request)

    def author_name(self, index):
        return self.home.title

    def author_link(self, index):
        return self.request.build_absolute_uri(self.home.get_url(self.request))

    def item_title(self, page):
        return page.title

    def item_link(self, page):
        return page.get_url(self.request)

    def item_guid(self, page):
        # Stable whatever happens to the page's title or address, and different in each
        # language, as each language's entry is a text of its own.
        return f"urn:uuid:{uuid.uuid5(page.translation_key, self.language)}"


class EditionFeed(SeriesFeed):
    """The editions of the series, the latest first."""

    def default_subtitle(self, index):
        return _("Every edition of %(series)s, the latest first") % {"series": self.home.title}

    def items(self, index):
        return (
            EditionPage.objects.child_of(index)
            .live()
            .select_related("venue")
            .order_by("-start_date", "-pk")[: self.max_items]
        )

    def item_description(self, edition):
        when_and_where = format_date_range(edition.start_date, edition.end_date)
        if edition.venue is not None:
            place = ", ".join(part for part in (edition.venue.name, edition.venue.locality) if part)
            when_and_where = f"{when_and_where}, {place}"
        paragraphs = (when_and_where, edition.theme, edition.lead)
        return format_html_join("", "<p>{}</p>", ((text,) for text in paragraphs if text))

    def item_pubdate(self, edition):
        return edition.first_published_at

    def item_updateddate(self, edition):
        return (
            edition.last_published_at
            or edition.first_published_at
            or start_of_day(edition.start_date)
        )
