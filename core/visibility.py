"""The one rule of what a visitor may see.

A page is visible when it is live, when no page above it is unpublished (its address would
lead nowhere), and when neither it nor a page above it has a view restriction (password, login
or groups). Rows of a page (an edition's quotes, its speakers) are visible when their page is.
Every public output asks this module: pages, home-page blocks, previous/next links, feeds,
calendars, the sitemap, search, the API and the language switcher.

The restrictions and the unpublished ancestors are matched in the database (EXISTS subqueries),
so applying the rule costs no query of its own, whatever the number of pages.
"""

from django.db.models import BooleanField, Exists, ExpressionWrapper, OuterRef, Q
from django.db.models.functions import Length, Substr
from wagtail.models import Page, PageManager, PageQuerySet, PageViewRestriction


def hidden_by_an_ancestor_or_itself(path="path"):
    """An expression true for a page that is restricted, or under a restricted or unpublished
    page. ``path`` names the page's path in the outer query ("speaker__path" from a row). The
    inner pages' paths are prefixes of that path: the page itself or an ancestor."""
    restricted = PageViewRestriction.objects.filter(
        page__path=Substr(OuterRef(path), 1, Length("page__path"))
    )
    # Only a page with children can be the unpublished ancestor of another: few rows to match.
    unpublished_above = Page.objects.filter(
        live=False, numchild__gt=0, path=Substr(OuterRef(path), 1, Length("path"))
    )
    return Exists(restricted) | Exists(unpublished_above)


def with_visibility(rows, field_name):
    """``rows`` annotated with whether the page their ``field_name`` points at is visible
    (``<field_name>_visible``), so that core.links.follow need not look it up."""
    visible_page = Q(**{f"{field_name}__live": True}) & ~hidden_by_an_ancestor_or_itself(
        f"{field_name}__path"
    )
    return rows.annotate(
        **{f"{field_name}_visible": ExpressionWrapper(visible_page, output_field=BooleanField())}
    )


def visible(pages, locale=None):
    """The pages of the queryset ``pages`` that a visitor may see, in ``locale`` (a Locale or
    its id) when one is given."""
    pages = pages.filter(live=True).exclude(hidden_by_an_ancestor_or_itself())
    if locale is not None:
        pages = pages.filter(locale_id=getattr(locale, "pk", locale))
    return pages


class VisiblePageQuerySet(PageQuerySet):
    def visible(self, locale=None):
        return visible(self, locale)


VisiblePageManager = PageManager.from_queryset(VisiblePageQuerySet)
