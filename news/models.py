from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page, TranslatableMixin
from wagtail.search import index

from conference_site.api_fields import TopicsField
from conference_site.blocks import BodyBlock
from editions.calendars import subpage_url
from localisation.fields import SYNCHRONISED_SLUG, synchronised
from localisation.links import follow_language, localized_page


class Topic(TranslatableMixin, models.Model):
    """A subject heading for news, for example “Technology & innovation”."""

    name = models.CharField(_("name"), max_length=100)

    panels = [FieldPanel("name")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("topic")
        ordering = ["name"]

    def __str__(self):
        return self.name


class NewsIndexPage(RoutablePageMixin, Page):
    """The news of the series, with its feed."""

    intro = models.TextField(
        _("introduction"),
        blank=True,
        help_text=_("A sentence or two shown above the list of news."),
    )

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    override_translatable_fields = SYNCHRONISED_SLUG

    parent_page_types = ["home.HomePage"]
    subpage_types = ["news.NewsPage"]
    max_count_per_parent = 1

    per_page = 10

    class Meta:
        verbose_name = _("news index")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        news = (
            NewsPage.objects.child_of(self)
            .live()
            .select_related("edition")
            .prefetch_related("topics__topic")
            .order_by("-date", "-pk")
        )
        paginator = Paginator(news, self.per_page)
        try:
            page_of_news = paginator.page(request.GET.get("page", 1))
        except PageNotAnInteger:
            page_of_news = paginator.page(1)
        except EmptyPage:
            page_of_news = paginator.page(paginator.num_pages)
        page_of_news.object_list = follow_language(
            page_of_news.object_list, "edition", self.locale_id
        )
        context["news"] = page_of_news
        context["feed_url"] = subpage_url(self, request, "feed")
        return context

    @path("feed/", name="feed")
    def feed_view(self, request):
        from news.feeds import NewsFeed

        return NewsFeed()(request, index=self)


class NewsPage(Page):
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

    # The JSON API (conference_site.api): the edition in this page's language.
    api_fields = [
        APIField("date"),
        APIField("lead"),
        APIField("body"),
        APIField("edition"),
        APIField("topics", serializer=TopicsField()),
    ]

    parent_page_types = ["news.NewsIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("news item")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["topics"] = [link.topic for link in self.topics.select_related("topic")]
        context["edition"] = localized_page(self.edition, self.locale_id)
        return context


class NewsPageTopic(TranslatableMixin, Orderable):
    page = ParentalKey(NewsPage, on_delete=models.CASCADE, related_name="topics")
    topic = models.ForeignKey(
        Topic, verbose_name=_("topic"), on_delete=models.CASCADE, related_name="+"
    )

    panels = [FieldPanel("topic")]

    class Meta(TranslatableMixin.Meta):
        ordering = ["sort_order"]
        verbose_name = _("news topic")
