from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import Page


def home_path(page_or_path):
    """The tree path of the home page above a page (or a page's path): home pages sit directly
    under the tree root, one per language (HomePage.can_create_at), so it is the path's first
    step below the root."""
    path = getattr(page_or_path, "path", page_or_path)
    return path[: Page.steplen * 2]


class HomePage(Page):
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
        from editions.models import EditionPage
        from news.models import NewsPage

        context = super().get_context(request, *args, **kwargs)
        context["featured_edition"] = (
            EditionPage.objects.descendant_of(self).live().select_related("venue").featured()
        )
        context["latest_news"] = (
            NewsPage.objects.descendant_of(self)
            .live()
            .order_by("-date", "-pk")[: self.latest_news_count]
        )
        return context
