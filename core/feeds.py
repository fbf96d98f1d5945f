"""Atom feeds of the series: one per index page and language (/en/editions/feed/, ...).

A feed is served by an index page (a RoutablePageMixin route) and lists the visible pages under
it (``core.visibility``), so it is in the index's language: the French archive's feed holds the
French editions. Its links lead to the host the visitor used.
"""

import uuid

from django.contrib.syndication.views import Feed
from django.utils.feedgenerator import Atom1Feed

from core.dates import SPACED_DASH


class SeriesFeed(Feed):
    """A feed of the visible pages under an index page, in the index's language.

    Call it with the index: ``EditionFeed()(request, index=self)``, one instance per request.
    The series, named after the home page, is the feed's author: Atom wants an author, and
    what the site publishes is the series' word rather than a person's. Subclasses say which
    pages (``items``) and what of them (``item_description``, dates).
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
