"""The public archive as a read-only JSON API (Wagtail API v2), mounted at /api/v2/.

- ``pages/``: Wagtail's own pages endpoint, every live page of every language
  (``?type=editions.EditionPage&fields=*&locale=fr``);
- ``editions/``, ``speakers/``, ``organisations/``, ``news/``: the same, one page type each,
  newest or alphabetical first, with more fields in their listings;
- ``quotes/``: what speakers said, from every live edition, by edition and by speaker.

What each page type shows is its ``api_fields`` (on the models, with the serializer fields of
``conference_site.api_fields``). Relations between pages point at the live translation in the
language of the page being read, like links on the public site (``localisation.links``); pages
that are not live never appear, neither listed nor as a relation. A page of results costs the
same number of queries whatever its length: what the requested fields need is fetched for the
whole page of results at once (``prepare_pages``). Bad input is a 400 or 404 with a JSON
``{"message": ...}``, never a server error.
"""

from collections import defaultdict
from functools import cached_property
from types import SimpleNamespace

from django.core.exceptions import ValidationError
from django.db.models import Prefetch, prefetch_related_objects
from django.http import JsonResponse
from django.urls import re_path, reverse
from django.utils import translation
from rest_framework.fields import Field
from rest_framework.filters import BaseFilterBackend
from wagtail.api import APIField
from wagtail.api.querysets import get_public_pages_queryset
from wagtail.api.v2.filters import (
    AncestorOfFilter,
    ChildOfFilter,
    DescendantOfFilter,
    FieldsFilter,
    OrderingFilter,
    SearchFilter,
    TranslationOfFilter,
)
from wagtail.api.v2.pagination import WagtailPagination
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.serializers import BaseSerializer
from wagtail.api.v2.serializers import PageSerializer as WagtailPageSerializer
from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v2.views import BaseAPIViewSet, PagesAPIViewSet
from wagtail.coreutils import get_content_languages
from wagtail.images.models import Rendition
from wagtail.models import Locale, Page

from conference_site.api_fields import PageLinkField, attach_session_speakers, follow_live_language
from editions.models import (
    EditionContact,
    EditionObjective,
    EditionPage,
    EditionPartner,
    EditionQuote,
    EditionSpeaker,
    ProgrammeSession,
)
from news.models import NewsPage
from partners.models import OrganisationPage
from quotes.models import quote_permalink
from speakers.models import SpeakerPage

# The largest id a database integer column holds: a bigger one is a bad request, not a crash.
MAX_ID = 2**63 - 1


# Serializers: each object is written in its own language (role, status and country names).


def language_of(obj):
    """The language code of an object whose locale was fetched with it, else None."""
    field = obj._meta.get_field("locale")
    if field.is_cached(obj):
        return obj.locale.language_code
    return None


class InItsLanguage:
    def to_representation(self, instance):
        language = language_of(instance)
        if language is None:
            return super().to_representation(instance)
        with translation.override(language):
            return super().to_representation(instance)


class PageSerializer(InItsLanguage, WagtailPageSerializer):
    pass


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


# Filters and pagination


def parse_id(parameter, value):
    try:
        pk = int(value)
    except ValueError:
        pk = 0
    if not 0 < pk <= MAX_ID:
        raise BadRequestError(f"{parameter} must be a page id (a positive integer)")
    return pk


class LanguageFilter(BaseFilterBackend):
    """``?locale=fr``: only what is in that language. Replaces Wagtail's LocaleFilter, which
    answers a language the site does not have with a 404 that looks like a missing page."""

    def filter_queryset(self, request, queryset, view):
        if "locale" not in request.GET:
            return queryset
        code = request.GET["locale"]
        languages = list(get_content_languages())
        if code not in languages:
            raise BadRequestError(f"locale must be one of: {', '.join(languages)}")
        # By the locale itself, not its language code: search can filter on the former only.
        locale = Locale.objects.filter(language_code=code).first()
        child_of = getattr(queryset, "_filtered_by_child_of", None)
        queryset = queryset.filter(locale=locale) if locale else queryset.none()
        if child_of is not None:
            queryset._filtered_by_child_of = child_of
        return queryset


class RelatedPageFilter(BaseFilterBackend):
    """``?edition=<id>``, ``?speaker=<id>``, ``?organisation=<id>``: what relates to that page.

    Relations between pages are stored against the source-language page (wagtail-localize
    synchronises them), so the page is matched in every language, by its translation key:
    the id of the French page works as well as the English one. The results are in the
    language of the page named, unless ``?locale=`` asks for another.
    """

    def filter_queryset(self, request, queryset, view):
        for parameter, field_name in view.related_page_filters(queryset.model).items():
            if parameter not in request.GET:
                continue
            pk = parse_id(parameter, request.GET[parameter])
            target_model = queryset.model._meta.get_field(field_name).related_model
            page = target_model.objects.live().filter(pk=pk).first()
            if page is None:
                raise BadRequestError(
                    f"{parameter}: there is no live {target_model._meta.label} with id {pk}"
                )
            queryset = queryset.filter(**{f"{field_name}__translation_key": page.translation_key})
            if "locale" not in request.GET:
                queryset = queryset.filter(locale_id=page.locale_id)
        return queryset


class OtherFieldsFilter(FieldsFilter):
    """Wagtail's ``?field=value`` filter, for the fields RelatedPageFilter does not handle,
    and with a 400 for a value the field cannot hold (Wagtail's lets ``?start_date=x`` crash)."""

    def filter_queryset(self, request, queryset, view):
        related = view.related_page_filters(queryset.model).keys() & request.GET.keys()
        if related:
            query = request.GET.copy()
            for parameter in related:
                del query[parameter]
            request = SimpleNamespace(GET=query)
        try:
            return super().filter_queryset(request, queryset, view)
        except ValidationError as error:
            raise BadRequestError(f"field filter error: {' '.join(error.messages)}") from error


class ArchivePagination(WagtailPagination):
    """Wagtail's ``?limit=`` and ``?offset=``; an offset past the last result is a 400."""

    def paginate_queryset(self, queryset, request, view=None):
        results = super().paginate_queryset(queryset, request, view)
        offset = int(request.GET.get("offset", 0))
        if offset and offset >= self.total_count:
            raise BadRequestError(
                f"offset must be less than the number of results ({self.total_count})"
            )
        return results


# Fetching what the requested fields need, for a whole page of results at once.


def prepare_pages(pages, fields):
    """Fetch, for every page of ``pages``, what the serializer's ``fields`` will read, in a
    fixed number of queries; point relations at the pages' languages, drop relations to
    pages that are not live."""
    prefetch_related_objects(pages, "locale")
    by_model = defaultdict(list)
    for page in pages:
        by_model[type(page)].append(page)
    for model, pages_of_model in by_model.items():
        prepare = PREPARE.get(model)
        if prepare is not None:
            prepare(pages_of_model, fields)


def attach_rows(pages, relation, queryset, *, live=None, follow=()):
    """Fetch the inline rows ``relation`` of every page in one query and attach them to
    their pages in memory (modelcluster keeps them there; nothing is saved).

    Rows whose ``live`` relation is a page that is not live are left out; the ``follow``
    relations point at the live translation in the page's language.
    """
    rows = list(queryset.filter(page__in=pages))
    if live:
        rows = [row for row in rows if getattr(row, live).live]
    locale_of_page = {page.pk: page.locale_id for page in pages}
    rows_by_locale = defaultdict(list)
    for row in rows:
        rows_by_locale[locale_of_page[row.page_id]].append(row)
    for locale_id, rows_in_language in rows_by_locale.items():
        for field_name in follow:
            follow_live_language(rows_in_language, field_name, locale_id)
    rows_by_page = defaultdict(list)
    for row in rows:
        rows_by_page[row.page_id].append(row)
    for page in pages:
        setattr(page, relation, rows_by_page[page.pk])
    return rows


def follow_page_language(pages, field_name):
    for locale_id in {page.locale_id for page in pages}:
        follow_live_language(
            [page for page in pages if page.locale_id == locale_id], field_name, locale_id
        )


def prepare_editions(editions, fields):
    if "venue" in fields:
        prefetch_related_objects(editions, "venue")
    if "objectives" in fields:
        attach_rows(editions, "objectives", EditionObjective.objects.all())
    if "sessions" in fields:
        sessions = attach_rows(editions, "sessions", ProgrammeSession.objects.all())
        attach_session_speakers(sessions)
    if "participations" in fields:
        attach_rows(
            editions,
            "participations",
            EditionSpeaker.objects.select_related("speaker", "organisation"),
            live="speaker",
            follow=("speaker", "organisation"),
        )
    if "quotes" in fields:
        attach_rows(
            editions,
            "quotes",
            EditionQuote.objects.select_related("speaker"),
            live="speaker",
            follow=("speaker",),
        )
    if "partners" in fields:
        attach_rows(
            editions,
            "partners",
            EditionPartner.objects.select_related("organisation"),
            live="organisation",
            follow=("organisation",),
        )
    if "contacts" in fields:
        attach_rows(editions, "contacts", EditionContact.objects.all())


def prepare_speakers(speakers, fields):
    if "photo" in fields:
        prefetch_related_objects(
            speakers, "photo", Prefetch("photo__renditions", queryset=Rendition.objects.all())
        )
    if "organisation" in fields:
        prefetch_related_objects(speakers, "organisation")
        follow_page_language(speakers, "organisation")
    if "links" in fields:
        prefetch_related_objects(speakers, "links")


def prepare_organisations(organisations, fields):
    if "logo" in fields:
        prefetch_related_objects(
            organisations, "logo", Prefetch("logo__renditions", queryset=Rendition.objects.all())
        )


def prepare_news(news, fields):
    if "edition" in fields:
        prefetch_related_objects(news, "edition")
        follow_page_language(news, "edition")
    if "topics" in fields:
        prefetch_related_objects(news, "topics__topic")


PREPARE = {
    EditionPage: prepare_editions,
    SpeakerPage: prepare_speakers,
    OrganisationPage: prepare_organisations,
    NewsPage: prepare_news,
}


# Endpoints


class PrepareMixin:
    def get_serializer(self, instance, many=False, **kwargs):
        serializer_class = self.get_serializer_class()
        objects = list(instance) if many else [instance]
        self.prepare(objects, set(serializer_class.Meta.fields))
        context = self.get_serializer_context()
        context["objects"] = objects
        return serializer_class(objects if many else instance, many=many, context=context)


class PagesEndpoint(PrepareMixin, PagesAPIViewSet):
    """Every live page (Wagtail's pages endpoint), relations in the page's language."""

    base_serializer_class = PageSerializer
    pagination_class = ArchivePagination
    filter_backends = [
        OtherFieldsFilter,
        RelatedPageFilter,
        ChildOfFilter,
        AncestorOfFilter,
        DescendantOfFilter,
        OrderingFilter,
        TranslationOfFilter,
        LanguageFilter,
        SearchFilter,  # last: search results cannot be filtered further
    ]
    nested_default_fields = [*PagesAPIViewSet.nested_default_fields, "html_url"]

    @cached_property
    def public_pages(self):
        # Wagtail asks for them three times a request, querying view restrictions each time.
        return super().get_base_queryset()

    def get_base_queryset(self):
        return self.public_pages

    def get_queryset(self):
        return super().get_queryset().select_related("locale")

    def prepare(self, pages, fields):
        prepare_pages(pages, fields)

    @classmethod
    def related_page_filters(cls, model):
        """``{parameter: field}`` for the model's own api_fields that link to a page."""
        filters = {}
        for api_field in APIField.get_fields_for_model(model, db_fields_only=True):
            field = model._meta.get_field(api_field.name)
            if field.many_to_one and issubclass(field.related_model, Page):
                filters[api_field.name] = api_field.name
        return filters


class PageTypeEndpoint(PagesEndpoint):
    """The pages endpoint for one page type (``model``), in the order of ``ordering``."""

    known_query_parameters = PagesEndpoint.known_query_parameters - {"type"}
    ordering = ()

    def get_queryset(self):
        public = self.get_base_queryset().values_list("pk", flat=True)
        return (
            self.model.objects.filter(pk__in=public)
            .select_related("locale")
            .order_by(*self.ordering, "pk")
        )


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


class SpeakersEndpoint(PageTypeEndpoint):
    name = "speakers"
    model = SpeakerPage
    ordering = ["family_name", "title"]
    listing_default_fields = [*PagesEndpoint.listing_default_fields, "position"]


class OrganisationsEndpoint(PageTypeEndpoint):
    name = "organisations"
    model = OrganisationPage
    ordering = ["title"]
    listing_default_fields = [*PagesEndpoint.listing_default_fields, "short_name", "kind"]


class NewsEndpoint(PageTypeEndpoint):
    name = "news"
    model = NewsPage
    ordering = ["-date"]
    listing_default_fields = [*PagesEndpoint.listing_default_fields, "date", "edition"]


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
            return get_public_pages_queryset(self.request)
        except ValueError as error:
            raise BadRequestError(str(error)) from error

    def get_queryset(self):
        public_editions = EditionPage.objects.filter(pk__in=self.public_pages.values_list("pk"))
        return (
            EditionQuote.objects.filter(page__in=public_editions, speaker__live=True)
            .select_related("locale", "page", "speaker")
            .order_by("-page__start_date", "page_id", "sort_order", "pk")
        )

    def prepare(self, quotes, fields):
        if "speaker" in fields:
            follow_page_language(quotes, "speaker")


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
