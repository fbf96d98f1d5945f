"""What every endpoint of the JSON API shares: serializers that write each object in its own
language, filters, pagination, and the pages endpoints.

What each page type shows is its ``api_fields`` (on the page class, with the serializer fields
of ``core.api_fields``); what they need is fetched for a whole page of results at once by the
page class's ``api_prefetch``. Relations lead to the visible page in the language of the page
being read, like links on the public site (``core.links``); pages a visitor may not see
(``core.visibility``) never appear, neither listed nor as a relation. Bad input is a 400 or 404
with a JSON ``{"message": ...}``, never a server error.
"""

from collections import defaultdict
from functools import cached_property
from types import SimpleNamespace

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import prefetch_related_objects
from django.utils import translation
from rest_framework.filters import BaseFilterBackend
from wagtail.api import APIField
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
from wagtail.api.v2.serializers import PageSerializer as WagtailPageSerializer
from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.coreutils import get_content_languages
from wagtail.models import Locale, Page

from core.visibility import visible

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
            page = visible(target_model.objects.all()).filter(pk=pk).first()
            if page is None:
                raise BadRequestError(
                    f"{parameter}: there is no visible {target_model._meta.label} with id {pk}"
                )
            queryset = queryset.filter(**{f"{field_name}__translation_key": page.translation_key})
            if "locale" not in request.GET:
                queryset = queryset.filter(locale_id=page.locale_id)
        return queryset


# The largest id a database holds (a signed 64-bit integer): a larger number in a filter would
# overflow in the database driver, a server error instead of an empty result.
LARGEST_ID = 2**63 - 1


def check_ids(request, model, view):
    """Refuse, with a 400, a filter on an integer field or a relation (``?venue=``,
    ``?participations=``, ``?alias_of=``) whose value is not an integer the database can hold."""
    # ?locale= is a language code, read by its own filter (as in Wagtail's FieldsFilter).
    fields = set(view.get_available_fields(model, db_fields_only=True)) - {"locale"}
    for name in fields & request.GET.keys():
        try:
            field = model._meta.get_field(name)
        except LookupError:
            continue
        if not (field.is_relation or isinstance(field, models.IntegerField | models.AutoField)):
            continue
        if field.is_relation and field.many_to_many and not field.auto_created:
            continue  # tags and the like are filtered by name
        value = request.GET[name]
        try:
            number = int(value)
        except ValueError:
            raise BadRequestError(f"{name} must be an integer, not {value[:40]!r}") from None
        if abs(number) > LARGEST_ID:
            raise BadRequestError(f"{name} must be an integer under {LARGEST_ID + 1}")


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
        check_ids(request, queryset.model, view)
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


class PrepareMixin:
    """What every endpoint of ours does: refuse what no parameter can use, and prepare a page
    of results at once."""

    def initial(self, request, *args, **kwargs):
        # A NUL character reaches the database as is: SQLite's full-text search and PostgreSQL
        # both fail on it (a server error), and no parameter of this API has a use for one.
        # Checked before anything reads a parameter (Wagtail looks ?site= up first of all).
        for name, values in request.GET.lists():
            if any("\x00" in text for text in (name, *values)):
                raise BadRequestError(f"{name.replace(chr(0), '')} must not contain NUL characters")
        # DRF answers an unknown ?format= with an empty 404.
        formats = [renderer.format for renderer in self.renderer_classes]
        if request.GET.get("format", formats[0]) not in formats:
            raise BadRequestError(f"format must be one of: {', '.join(formats)}")
        super().initial(request, *args, **kwargs)

    def get_serializer(self, instance, many=False, **kwargs):
        serializer_class = self.get_serializer_class()
        objects = list(instance) if many else [instance]
        self.prepare(objects, set(serializer_class.Meta.fields))
        context = self.get_serializer_context()
        context["objects"] = objects
        return serializer_class(objects if many else instance, many=many, context=context)


class PagesEndpoint(PrepareMixin, PagesAPIViewSet):
    """Every visible page (Wagtail's pages endpoint), relations in the page's language."""

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
        # Wagtail asks for them three times a request, querying view restrictions each time;
        # the visibility rule is the site's own (core.visibility), applied as a subquery because
        # the search backend (?search=) filters on plain fields only.
        visible_pages = visible(super().get_base_queryset())
        return Page.objects.filter(pk__in=visible_pages.values("pk"))

    def get_base_queryset(self):
        return self.public_pages

    def get_queryset(self):
        return super().get_queryset().select_related("locale")

    def prepare(self, pages, fields):
        """Fetch what the serializer's ``fields`` read, for the whole page of results at once:
        each page class says what (``api_prefetch``)."""
        prefetch_related_objects(pages, "locale")
        by_model = defaultdict(list)
        for page in pages:
            by_model[type(page)].append(page)
        for model, pages_of_model in by_model.items():
            if hasattr(model, "api_prefetch"):
                model.api_prefetch(pages_of_model, fields)

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
