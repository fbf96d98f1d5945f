"""Bases for the project's pages and inline rows, and where a page sits in the tree.

Every public page type derives from ``SitePage``: it answers, about itself, what sharing and
search ask of it (``seo_description``, ``og_type``, ``structured_data``, ``search_snippet``,
``api_prefetch``), so that SEO, JSON-LD, search and the API keep no list of page types.
"""

from html import unescape

from django.db import models
from django.http import Http404
from django.utils.html import strip_tags
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import Locale, Orderable, Page, PagePermissionTester, TranslatableMixin

from core.fields import SYNCHRONISED_SLUG
from core.visibility import VisiblePageManager

# Rich text is cut to a length social networks and search results show in full.
DESCRIPTION_WORDS = 40


def home_path(page_or_path):
    """The tree path of the home page above a page (or a page's path): home pages sit directly
    under the tree root, one per language, so it is the path's first step below the root."""
    path = getattr(page_or_path, "path", page_or_path)
    return path[: Page.steplen * 2]


def absolute_url(page, request):
    """The page's address on the host the visitor used."""
    return request.build_absolute_uri(page.get_url(request))


def subpage_url(page, request, route_name, **kwargs):
    """The address of one of a routable page's routes, e.g. its calendar, or "" when the page
    has no address (outside any site)."""
    url = page.get_url(request)
    return f"{url}{page.reverse_subpage(route_name, kwargs=kwargs)}" if url else ""


def webcal_url(url, request):
    """The same address with the webcal: scheme, which makes the browser hand it to the
    reader's calendar app to subscribe to."""
    if not url:
        return ""
    absolute = request.build_absolute_uri(url)
    return f"webcal://{absolute.partition('://')[2]}"


def source_locale_id(user) -> int:
    """The id of the source language's locale, for the admin's checks made row by row (an
    explorer listing asks for every page): looked up once per request, kept on its user as
    Wagtail keeps the user's page permissions."""
    if not hasattr(user, "_source_locale_id"):
        user._source_locale_id = Locale.get_default().pk
    return user._source_locale_id


class SitePagePermissionTester(PagePermissionTester):
    """Wagtail's page permissions, with one rule more: in a translated language, the shape of
    the site is the moderators'. Whoever may edit a page there (its translators) changes its
    text; deleting, moving or copying it, turning it into an alias of the source page or
    stopping its synchronised translation is for those who may publish there.

    Wagtail's menus, buttons and views, and wagtail-localize's translation editor, all ask the
    page's tester, so what a translator is not offered is also refused when asked for directly.
    """

    def can_restructure(self):
        return self.can_publish() or self.page.locale_id == source_locale_id(self.user)

    def can_delete(self, ignore_bulk=False):
        return super().can_delete(ignore_bulk) and self.can_restructure()

    def can_move(self):
        return super().can_move() and self.can_restructure()

    def can_copy(self):
        return super().can_copy() and self.can_restructure()


def plain_text(rich_text):
    """Rich text read as one line of plain text."""
    return " ".join(unescape(strip_tags(str(rich_text or ""))).split())


class SitePage(Page):
    """What every public page of the project knows about itself. Not a page type."""

    objects = VisiblePageManager()

    def permissions_for_user(self, user):
        return SitePagePermissionTester(user, self)

    # The text fields that describe the page, in order of preference, for sharing and search.
    description_fields = ("lead", "intro", "tagline")
    rich_description_fields = ()
    # OpenGraph's type of the page: "article" for news, "profile" for a person.
    og_type = "website"
    # The image fields shared with the page (core.seo.ShareImageSpec), in order of preference.
    share_images = ()
    # The label of the page in search results, or None for a page that search does not list.
    search_result_label = None

    class Meta:
        abstract = True

    def route(self, request, path_components):
        # Wagtail serves the live pages under an unpublished one; a visitor may not see them
        # (core.visibility), so they are not served either.
        if path_components and not self.live:
            raise Http404
        return super().route(request, path_components)

    def seo_description(self):
        """What the page is about in a sentence or two: the promote tab's search description,
        else its lead or introduction, else the start of its rich text."""
        for field in ("search_description", *self.description_fields):
            text = " ".join(str(getattr(self, field, "") or "").split())
            if text:
                return text
        for field in self.rich_description_fields:
            text = plain_text(getattr(self, field, ""))
            if text:
                return Truncator(text).words(DESCRIPTION_WORDS)
        return ""

    def search_snippet(self):
        """The text under the page's title in search results."""
        return self.seo_description()

    def structured_data(self, context, meta, home):
        """schema.org data about the page as a dict (core.structured_data), or None."""
        return None

    @classmethod
    def api_prefetch(cls, pages, fields):
        """Fetch what the API's ``fields`` read of ``pages`` for all of them at once."""


class IndexPage(SitePage):
    """A list of one kind of page under a home page: one per home page, same slug in every
    language."""

    intro = models.TextField(
        _("introduction"),
        blank=True,
        help_text=_("A sentence or two shown above the list."),
    )

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    override_translatable_fields = SYNCHRONISED_SLUG

    parent_page_types = ["home.HomePage"]
    max_count_per_parent = 1

    class Meta:
        abstract = True


class TranslatableRow(TranslatableMixin, Orderable):
    """An inline row of a page, translated with it and kept in the editor's order."""

    def translation_context(self) -> str:
        """Who or what the row is about, shown beside its texts in the translation editor (a
        position or a quote is translated knowing whose it is); empty when its texts say it."""
        return ""

    class Meta(TranslatableMixin.Meta):
        abstract = True
        ordering = ["sort_order"]
