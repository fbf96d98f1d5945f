from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import Page

from core.pages import SitePage
from editions.models import EditionPage
from news.models import NewsPage


class HomePage(SitePage):
    """The front page of the series; one per language."""

    tagline = models.CharField(
        _("tagline"),
        max_length=255,
        blank=True,
        help_text=_("One line under the series name, for example what the series is about."),
    )
    intro = models.TextField(
        _("introduction"), blank=True, help_text=_("A short paragraph presenting the series.")
    )

    content_panels = [*Page.content_panels, FieldPanel("tagline"), FieldPanel("intro")]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "editions.EditionIndexPage",
        "speakers.SpeakerIndexPage",
        "partners.PartnerIndexPage",
        "news.NewsIndexPage",
        "quotes.QuoteIndexPage",
    ]

    latest_news_count = 3

    @classmethod
    def can_create_at(cls, parent):
        # Home pages (one per language) sit directly under the tree root, nowhere else.
        return super().can_create_at(parent) and parent.is_root()

    class Meta:
        verbose_name = _("home page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["featured_edition"] = (
            EditionPage.objects.descendant_of(self).visible().select_related("venue").featured()
        )
        context["latest_news"] = (
            NewsPage.objects.descendant_of(self)
            .visible()
            .order_by("-date", "-pk")[: self.latest_news_count]
        )
        return context
