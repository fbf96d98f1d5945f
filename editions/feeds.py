"""The Atom feed of the editions, one per language: /en/editions/feed/, /ru/editions/feed/, ..."""

from django.utils.html import format_html_join
from django.utils.translation import gettext as _

from core.dates import format_date_range, start_of_day
from core.feeds import SeriesFeed


class EditionFeed(SeriesFeed):
    """The editions of the series, the latest first."""

    def default_subtitle(self, index):
        return _("Every edition of %(series)s, the latest first") % {"series": self.home.title}

    def items(self, index):
        return index.editions()[: self.max_items]

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
