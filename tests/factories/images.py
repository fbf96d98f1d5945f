import factory
import wagtail_factories
from wagtail.models import Collection


class ImageFactory(wagtail_factories.ImageFactory):
    """A small generated image in the root collection (wagtail-factories' own factory would
    add a new root collection for every image)."""

    title = factory.Sequence(lambda n: f"Synthetic image {n}")
    collection = factory.LazyFunction(Collection.get_first_root_node)
