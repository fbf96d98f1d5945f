"""What a translator reads in the admin: their own languages, and the source language as
visitors read it.

Wagtail's page chooser lists every page of every language, drafts and pages under view
restrictions included: a Russian translator picking a page for a link read the titles of
French drafts. For a translator (someone who edits some target languages, not all of them) the
chooser and the page listings keep the pages of their languages, and of the source language
only what any visitor may see (``core.visibility.visible``). Editors, moderators and
administrators keep everything.
"""

from django.db.models import Q
from wagtail.models import Page

from core.visibility import visible

from .board import content_languages, languages_user_edits


def translator_locales(user):
    """The target locales a translator works in, or None for someone who is not confined to
    some languages (an editor of the source, a moderator, an administrator)."""
    languages = content_languages()
    edits = languages_user_edits(user, languages.targets)
    if not edits or len(edits) == len(languages.targets):
        return None
    return edits


def pages_readable_by(pages, user):
    locales = translator_locales(user)
    if locales is None:
        return pages
    source = content_languages().source
    return pages.filter(
        Q(depth=1)
        | Q(locale__in=locales)
        | Q(pk__in=visible(Page.objects.all(), source).values("pk"))
    )
