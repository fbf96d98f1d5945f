"""Serializer fields for the page classes' ``api_fields``: how they read in the JSON API.

Related pages are written the way Wagtail's API nests a page (``id``, ``meta`` with ``type``,
``detail_url`` and ``html_url``, ``title``). Which page a relation leads to (the visible one in
the reader's language) is the page class's own relation method (``core.relations``), the one
its HTML page reads too.
"""

from rest_framework.fields import Field


def nested_page(page, context):
    """``page`` as Wagtail's API nests a related page, with the fields its endpoint nests."""
    # Wagtail's API views load the Page model when imported: not at this module's import time,
    # which is the models' own.
    from wagtail.api.v2.views import PagesAPIViewSet

    router = context["router"]
    page_serializers = context.setdefault("nested_page_serializers", {})
    model = type(page)
    if model not in page_serializers:
        endpoint = router.get_model_endpoint(model)
        endpoint_class = endpoint[1] if endpoint else PagesAPIViewSet
        page_serializers[model] = endpoint_class._get_serializer_class(
            router, model, [], nested=True
        )
    return page_serializers[model](context=context).to_representation(page)


class ReadOnlyField(Field):
    def __init__(self, **kwargs):
        kwargs["read_only"] = True
        super().__init__(**kwargs)


class PageLinkField(ReadOnlyField):
    """A related page, nested as Wagtail's API nests pages; null when there is none."""

    def to_representation(self, page):
        return nested_page(page, self.context)

    def get_attribute(self, instance):
        value = super().get_attribute(instance)
        return value() if callable(value) else value


class PageListField(ReadOnlyField):
    """A list of related pages (``source`` names an attribute or a method that gives them)."""

    def to_representation(self, pages):
        return [nested_page(page, self.context) for page in pages]

    def get_attribute(self, instance):
        value = super().get_attribute(instance)
        return value() if callable(value) else value


class CountryDetailsField(ReadOnlyField):
    """A django-countries value as ``{"code": "RU", "name": "Russia"}`` (the name in the
    language being spoken), null when blank."""

    def to_representation(self, country):
        if not country:
            return None
        return {"code": country.code, "name": str(country.name)}


class RelationField(ReadOnlyField):
    """A page's relation (``core.relations.relation``) as a list, each row written by
    ``represent(row, field)``. The relation is loaded on first use for every page of the
    response at once (the endpoint lists them in the serializer context as ``objects``), so a
    listing costs the same number of queries whatever its length."""

    def __init__(self, relation, represent, **kwargs):
        kwargs["source"] = "*"
        super().__init__(**kwargs)
        self.relation_name = relation
        self.represent = represent

    def to_representation(self, page):
        relation = getattr(type(page), self.relation_name)
        batch = [p for p in self.context.get("objects", ()) if type(p) is type(page)]
        relation.preload(batch if page in batch else [page])
        return [self.represent(row, self) for row in getattr(page, self.relation_name)()]

    def nested(self, page):
        return page and nested_page(page, self.context)
