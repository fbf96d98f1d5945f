"""What speakers said at the editions of the series, across the years.

Quotes are rows of their edition (editions.EditionQuote), translated with it. The quotes page
lists those of the live editions of its series in its language, filtered by edition and by
speaker, and gives each quote a permalink. A permalink names the quote by its translation key,
which its translations share: /en/quotes/<key>/ and /fr/quotes/<key>/ are the same words in
two languages, and the address survives edits, reordering and retitling.
"""

from urllib.parse import urlencode

from django import forms
from django.http import Http404
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.routable_page.models import RoutablePageMixin, path

from core.alphabet import by_name
from core.filters import PageFilterForm
from core.links import follow, in_language, visible_targets
from core.pages import IndexPage, home_path
from core.pagination import paginate
from core.routes import TranslatedRoute
from core.visibility import with_visibility
from editions.models import EditionPage, EditionQuote, EditionSpeaker
from quotes.structured_data import quotation
from speakers.models import SpeakerPage


class QuoteFilterForm(PageFilterForm):
    edition = forms.ChoiceField(
        label=_("Edition"),
        required=False,
        error_messages={
            "invalid_choice": _("No quote of this edition is published, so the filter was ignored.")
        },
    )
    speaker = forms.ChoiceField(
        label=_("Speaker"),
        required=False,
        error_messages={
            "invalid_choice": _("No quote of this speaker is published, so the filter was ignored.")
        },
    )
    all_labels = {"edition": _("All editions"), "speaker": _("All speakers")}


class QuoteIndexPage(RoutablePageMixin, IndexPage):
    """Every quote of the series, newest edition first, each with its permalink."""

    subpage_types = []

    per_page = 20

    class Meta:
        verbose_name = _("quotes page")

    # Quote rows point at source-language speaker pages (page relations are synchronised), so
    # speakers are matched on translation_key; editions are those of this language and this
    # series (the editions under the same home page).

    def editions(self):
        """The visible editions of this series in this page's language."""
        return EditionPage.objects.visible(self.locale_id).filter(path__startswith=home_path(self))

    def quotes(self):
        """The quotes of those editions whose speaker is visible, newest edition first, then
        in their edition's order."""
        return EditionQuote.objects.filter(
            page__in=self.editions(), speaker__in=SpeakerPage.objects.visible()
        ).order_by("-page__start_date", "page_id", "sort_order", "pk")

    @staticmethod
    def quoted_editions(quotes):
        """The editions ``quotes`` come from, newest first."""
        return EditionPage.objects.filter(pk__in=quotes.values("page_id")).order_by("-start_date")

    def quoted_speakers(self, quotes):
        """The people ``quotes`` are by, each in this page's language where translated, in
        directory order."""
        speakers = SpeakerPage.objects.filter(pk__in=quotes.values("speaker_id"))
        targets = visible_targets([(speaker, self.locale_id) for speaker in speakers])
        found = {page.pk: page for page in targets.values() if page is not None}
        return by_name(found.values(), get_language())

    @staticmethod
    def filtered(quotes, edition=None, speaker=None):
        if edition is not None:
            quotes = quotes.filter(page_id=edition.pk)
        if speaker is not None:
            quotes = quotes.filter(speaker__translation_key=speaker.translation_key)
        return quotes

    def get_context(self, request, *args, quote=None, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        if quote is not None:
            context.update(self.quote_context(quote))
            return context
        quotes = self.quotes()
        filters = QuoteFilterForm(
            request.GET,
            edition=self.quoted_editions(quotes),
            speaker=self.quoted_speakers(quotes),
        )
        applied = filters.applied()
        page_of_quotes = paginate(
            with_visibility(
                self.filtered(quotes, **filters.selected_pages()).select_related("page", "speaker"),
                "speaker",
            ),
            request,
            self.per_page,
        )
        page_of_quotes.object_list = follow(page_of_quotes.object_list, "speaker")
        context.update(
            quotes=page_of_quotes,
            filter_form=filters,
            is_filtered=bool(applied),
            pagination_query=urlencode(applied),
            # The filters only offer editions and speakers that someone is quoted from.
            has_quotes=bool(page_of_quotes.object_list or applied),
        )
        return context

    def quote_context(self, quote):
        """What a quote's permalink shows besides the quote: the position its speaker held at
        that edition, their organisation then, and the languages the quote exists in."""
        # Participation rows, like quote rows, point at the source-language speaker page.
        participation = (
            EditionSpeaker.objects.filter(
                page_id=quote.page_id, speaker__translation_key=quote.speaker.translation_key
            )
            .select_related("organisation")
            .first()
        )
        follow([quote], "speaker")
        languages = EditionQuote.objects.filter(
            translation_key=quote.translation_key,
            page__in=EditionPage.objects.visible(),
            speaker__in=SpeakerPage.objects.visible(),
        ).values_list("page__locale__language_code", flat=True)
        return {
            "quote": quote,
            "participation": participation,
            "organisation_then": participation
            and in_language(participation.organisation, self.locale_id),
            "translated_route": TranslatedRoute(
                subpath=self.reverse_subpage("quote", kwargs={"key": quote.translation_key}),
                languages=frozenset(languages),
            ),
            "share_overrides": {
                "title": quote.speaker.title,
                "description": " ".join(quote.text.split()),
                "type": "article",
            },
        }

    def quote_url(self, quote, request=None, *, full=False):
        """The permalink of ``quote`` (of this page's language), with the site's scheme and
        host when ``full``, or None when this page has no address."""
        url = self.get_full_url(request) if full else self.get_url(request)
        if url is None:
            return None
        return url + self.reverse_subpage("quote", kwargs={"key": quote.translation_key})

    @path("<uuid:key>/", name="quote")
    def quote_view(self, request, key):
        """One quote, with who said it (and their position then) and where."""
        quote = (
            self.quotes()
            .filter(translation_key=key)
            .select_related("page", "page__venue", "speaker")
            .first()
        )
        if quote is None:
            raise Http404("No such quote in this language.")
        return self.render(request, quote=quote, template="quotes/quote_page.html")

    def structured_data(self, context, meta, home):
        return quotation(self, context, meta, home)

    @classmethod
    def sitemap_entries(cls, indexes, pages):
        """The permalinks of the quotes on ``pages`` (the sitemap's visible pages), for the
        sitemap: [(translation key, quotes page, permalink, last published), ...], in one
        query whatever the number of quotes. ``indexes``: {home path: (quotes page, url)}."""
        entries = []
        quotes = EditionQuote.objects.filter(
            page__in=pages.type(EditionPage), speaker__in=SpeakerPage.objects.visible()
        ).values_list("translation_key", "page__path", "page__last_published_at")
        for key, edition_path, published_at in quotes:
            index, index_url = indexes.get(home_path(edition_path), (None, None))
            if index is not None:
                entries.append((key, index, f"{index_url}{key}/", published_at))
        return entries


def quote_permalink(quote, request, *, full=False):
    """The permalink of ``quote`` on the quotes page of its edition's language and series (with
    the site's scheme and host when ``full``), or None when that series has no live quotes page
    in that language.

    ``quote.page`` must be loaded (select_related("page")). The quotes page is looked up once
    per request and home page, so a list of quotes costs one query, not one per quote.
    """
    home = home_path(quote.page)
    cache = request.__dict__.setdefault("_quote_indexes", {}) if request is not None else {}
    if home not in cache:
        cache[home] = QuoteIndexPage.objects.visible().filter(path__startswith=home).first()
    index = cache[home]
    return index.quote_url(quote, request, full=full) if index is not None else None
