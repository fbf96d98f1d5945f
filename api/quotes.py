"""/api/v2/quotes/: what speakers said at every visible edition, newest edition first, each
with its permalink."""

from functools import cached_property

from rest_framework.fields import Field
from wagtail.api import APIField
from wagtail.api.querysets import get_public_pages_queryset
from wagtail.api.v2.serializers import BaseSerializer
from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v2.views import BaseAPIViewSet

from api.base import (
    ArchivePagination,
    InItsLanguage,
    LanguageFilter,
    OtherFieldsFilter,
    PrepareMixin,
    RelatedPageFilter,
)
from core.api_fields import PageLinkField
from core.links import follow
from core.visibility import visible
from editions.models import EditionPage, EditionQuote
from quotes.models import quote_permalink
from speakers.models import SpeakerPage


class QuoteSerializer(InItsLanguage, BaseSerializer):
    pass


class QuotePermalinkField(Field):
    """A quote's public address: its permalink on the quotes page of its language (null in a
    series without one)."""

    def __init__(self, **kwargs):
        kwargs["read_only"] = True
        kwargs["source"] = "*"
        super().__init__(**kwargs)

    def to_representation(self, quote):
        return quote_permalink(quote, self.context["request"], full=True)


class LanguageCodeField(Field):
    def __init__(self, **kwargs):
        kwargs["read_only"] = True
        super().__init__(**kwargs)

    def to_representation(self, locale):
        return locale.language_code


class QuotesEndpoint(PrepareMixin, BaseAPIViewSet):
    """What speakers said at every live edition, newest edition first."""

    name = "quotes"
    model = EditionQuote
    base_serializer_class = QuoteSerializer
    pagination_class = ArchivePagination
    filter_backends = [OtherFieldsFilter, RelatedPageFilter, LanguageFilter]
    known_query_parameters = frozenset(
        ["limit", "offset", "fields", "locale", "edition", "speaker", "format", "_"]
    )
    meta_fields = [
        *BaseAPIViewSet.meta_fields,
        APIField("html_url", QuotePermalinkField()),
        APIField("locale", LanguageCodeField()),
    ]
    listing_default_fields = [
        *BaseAPIViewSet.listing_default_fields,
        "html_url",
        "locale",
        "text",
        "context",
        "speaker",
        "edition",
    ]
    nested_default_fields = listing_default_fields

    @classmethod
    def get_body_fields(cls, model):
        return [
            *super().get_body_fields(model),
            APIField("edition", serializer=PageLinkField(source="page")),
        ]

    @classmethod
    def _get_serializer_class(cls, router, model, fields_config, show_details=False, nested=False):
        if nested:
            # A quote shown within its edition needs no link back to it, nor its language.
            fields_config = [*fields_config, ("edition", True, None), ("locale", True, None)]
        return super()._get_serializer_class(
            router, model, fields_config, show_details=show_details, nested=nested
        )

    @classmethod
    def related_page_filters(cls, model):
        return {"edition": "page", "speaker": "speaker"}

    @cached_property
    def public_pages(self):
        try:
            return visible(get_public_pages_queryset(self.request))
        except ValueError as error:
            raise BadRequestError(str(error)) from error

    def get_queryset(self):
        public_editions = EditionPage.objects.filter(pk__in=self.public_pages.values_list("pk"))
        return (
            EditionQuote.objects.filter(
                page__in=public_editions, speaker__in=SpeakerPage.objects.visible()
            )
            .select_related("locale", "page", "speaker")
            .order_by("-page__start_date", "page_id", "sort_order", "pk")
        )

    def prepare(self, quotes, fields):
        if "speaker" in fields:
            follow(quotes, "speaker")
