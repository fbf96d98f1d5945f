"""Pictures of pages, fetched with the pages that show them."""

from django.db.models import Prefetch
from wagtail.images.models import Rendition


def with_renditions(image_field):
    """A prefetch of the renditions of ``image_field`` ("photo", "organisation__logo"), so that
    a list of pages shows its pictures without a query per picture."""
    return Prefetch(f"{image_field}__renditions", queryset=Rendition.objects.all())
