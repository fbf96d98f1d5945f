from django.db import models
from django.db.models import prefetch_related_objects
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Page, TranslatableMixin
from wagtail.search import index

from core.api_fields import PageLinkField
from core.blocks import BodyBlock
from core.fields import SYNCHRONISED_SLUG, synchronised
from core.links import visible_targets
from core.pages import IndexPage, SitePage, TranslatableRow, subpage_url
from core.pagination import paginate
from core.relations import relation
from news.feeds import NewsFeed
from news.serializers import TopicsField


class Topic(TranslatableMixin, models.Model):
    """A subject heading for news, for example “Technology & innovation”."""

    name = models.CharField(_("name"), max_length=100)

    panels = [FieldPanel("name")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("topic")
        ordering = ["name"]

    def __str__(self):
        return self.name


class NewsIndexPage(RoutablePageMixin, IndexPage):
    """The news of the series, with its feed."""

    subpage_types = ["news.NewsPage"]

    per_page = 10

    class Meta:
        verbose_name = _("news index")

    def news_items(self):
        """The visible news of this index, so in its language, newest first."""
        return NewsPage.objects.child_of(self).visible().order_by("-date", "-pk")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        page_of_news = paginate(
            self.news_items().prefetch_related("topics__topic"), request, self.per_page
        )
        page_of_news.object_list = list(page_of_news.object_list)
        NewsPage.edition_in_language.preload(page_of_news.object_list)
        context["news"] = page_of_news
        context["feed_url"] = subpage_url(self, request, "feed")
        return context

    @path("feed/", name="feed")
    def feed_view(self, request):
        return NewsFeed()(request, index=self)


class NewsPage(SitePage):
    """A news item or press release."""

    date = models.DateField(_("date"), help_text=_("The date of publication of the news."))
    lead = models.TextField(
        _("lead"), blank=True, help_text=_("The first sentence or two, shown in lists.")
    )
    body = StreamField(BodyBlock(), verbose_name=_("body"), blank=True)
    edition = models.ForeignKey(
        "editions.EditionPage",
        verbose_name=_("edition"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The edition this news is about, if any."),
    )

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel(
            [FieldPanel("date"), FieldPanel("edition"), InlinePanel("topics", label=_("Topic"))],
            heading=_("About"),
        ),
        FieldPanel("lead"),
        FieldPanel("body"),
    ]
    override_translatable_fields = [*SYNCHRONISED_SLUG, *synchronised("date", "edition")]

    search_fields = [
        *Page.search_fields,
        index.SearchField("lead"),
        index.SearchField("body"),
        index.FilterField("date"),
    ]

    # The JSON API (api/): the edition in this page's language.
    api_fields = [
        APIField("date"),
        APIField("lead"),
        APIField("body"),
        APIField("edition", serializer=PageLinkField(source="edition_in_language")),
        APIField("topics", serializer=TopicsField()),
    ]

    parent_page_types = ["news.NewsIndexPage"]
    subpage_types = []

    og_type = "article"
    search_result_label = _("News")

    class Meta:
        verbose_name = _("news item")

    @relation
    def edition_in_language(news):
        """The edition a news item is about, as a link in the news item's language."""
        prefetch_related_objects(news, "edition")
        targets = visible_targets([(item.edition, item.locale_id) for item in news])
        return {item.pk: item.edition and targets[item.edition.pk, item.locale_id] for item in news}

    @classmethod
    def api_prefetch(cls, news, fields):
        if "edition" in fields:
            cls.edition_in_language.preload(news)
        if "topics" in fields:
            prefetch_related_objects(news, "topics__topic")

    def search_snippet(self):
        return self.lead

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["topics"] = [link.topic for link in self.topics.select_related("topic")]
        context["edition"] = self.edition_in_language()
        return context


class NewsPageTopic(TranslatableRow):
    page = ParentalKey(NewsPage, on_delete=models.CASCADE, related_name="topics")
    topic = models.ForeignKey(
        Topic, verbose_name=_("topic"), on_delete=models.CASCADE, related_name="+"
    )

    panels = [FieldPanel("topic")]

    class Meta(TranslatableRow.Meta):
        verbose_name = _("news topic")
