import datetime

import factory
import wagtail_factories

from news.models import NewsIndexPage, NewsPage, NewsPageTopic, Topic


class TopicFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Synthetic topic {n}")

    class Meta:
        model = Topic


class NewsIndexPageFactory(wagtail_factories.PageFactory):
    title = "News"
    intro = "Synthetic introduction to the news."

    class Meta:
        model = NewsIndexPage


class NewsPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Synthetic news {n}")
    date = factory.Sequence(lambda n: datetime.date(2020, 1, 1) + datetime.timedelta(days=n))
    lead = "A synthetic lead sentence."

    class Meta:
        model = NewsPage


class NewsPageTopicFactory(factory.django.DjangoModelFactory):
    """Tags a news page with a topic: ``NewsPageTopicFactory(page=news, topic=topic)``."""

    topic = factory.SubFactory(TopicFactory)
    sort_order = factory.Sequence(lambda n: n)

    class Meta:
        model = NewsPageTopic
