"""What speakers said at the editions of the series, across the years.

Quotes are rows of their edition (editions.EditionQuote), translated with it. The quotes page
lists those of the live editions of its series in its language, filtered by edition and by
speaker, and gives each quote a permalink. A permalink names the quote by its translation key,
which its translations share: /en/quotes/<key>/ and /fr/quotes/<key>/ are the same words in
two languages, and the address survives edits, reordering and retitling.
"""

from urllib.parse import urlencode

from django import forms
from django.core.paginator import Paginator
from django.db import models
from django.http import Http404
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.models import Page

from conference_site.filters import PageFilterForm
from conference_site.routes import TranslatedRoute
from editions.models import EditionPage, EditionQuote, EditionSpeaker
from home.models import home_path
from localisation.fields import SYNCHRONISED_SLUG
from localisation.links import follow_language, live_translations, localized_page
from speakers.models import SpeakerPage, alphabetical_key


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


class QuoteIndexPage(RoutablePageMixin, Page):
    """Every quote of the series, newest edition first, each with its permalink."""

    intro = models.TextField(
        _("introduction"),
        blank=True,
        help_text=_("A sentence or two shown above the quotes."),
    )

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    override_translatable_fields = SYNCHRONISED_SLUG

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1

    per_page = 20

    class Meta:
        verbose_name = _("quotes page")

    # Quote rows point at source-language speaker pages (page relations are synchronised), so
    # speakers are matched on translation_key; editions are those of this language and this
    # series (the editions under the same home page).

    def editions(self):
        """The live, public editions of this series in this page's language."""
        return (
            EditionPage.objects.live()
            .public()
            .filter(
                locale_id=self.locale_id,
                path__startswith=home_path(self),
            )
        )

    def quotes(self):
        """The quotes of those editions whose speaker is published, newest edition first, then
        in their edition's order."""
        return EditionQuote.objects.filter(page__in=self.editions(), speaker__live=True).order_by(
            "-page__start_date", "page_id", "sort_order", "pk"
        )

    @staticmethod
    def quoted_editions(quotes):
        """The editions ``quotes`` come from, newest first."""
        return EditionPage.objects.filter(pk__in=quotes.values("page_id")).order_by("-start_date")

    def quoted_speakers(self, quotes):
        """The people ``quotes`` are by, each in this page's language where translated, in
        directory order."""
        speakers = SpeakerPage.objects.filter(pk__in=quotes.values("speaker_id"))
        translations = live_translations(speakers, self.locale_id)
        language = get_language()
        return sorted(
            (translations.get(speaker.translation_key, speaker) for speaker in speakers),
            key=lambda speaker: (
                alphabetical_key(speaker.family_name or speaker.title, language),
                alphabetical_key(speaker.title, language),
            ),
        )

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
        paginator = Paginator(
            self.filtered(quotes, **filters.selected_pages()).select_related("page", "speaker"),
            self.per_page,
        )
        # A missing, non-numeric or out-of-range page number gives the first or last page.
        page_of_quotes = paginator.get_page(request.GET.get("page"))
        page_of_quotes.object_list = follow_language(
            page_of_quotes.object_list, "speaker", self.locale_id
        )
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
        follow_language([quote], "speaker", self.locale_id)
        languages = EditionQuote.objects.filter(
            translation_key=quote.translation_key, page__in=EditionPage.objects.live().public()
        ).values_list("page__locale__language_code", flat=True)
        return {
            "quote": quote,
            "participation": participation,
            "organisation_then": participation
            and localized_page(participation.organisation, self.locale_id),
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
        cache[home] = QuoteIndexPage.objects.live().filter(path__startswith=home).first()
    index = cache[home]
    return index.quote_url(quote, request, full=full) if index is not None else None
