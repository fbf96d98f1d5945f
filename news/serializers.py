"""How a news item's own objects read in the JSON API (the page's ``api_fields``)."""

from core.api_fields import ReadOnlyField


class TopicsField(ReadOnlyField):
    """A news item's topics: ``[{"id": 3, "name": "Technology & innovation"}]``."""

    def to_representation(self, topic_links):
        return [{"id": link.topic.id, "name": link.topic.name} for link in topic_links.all()]
