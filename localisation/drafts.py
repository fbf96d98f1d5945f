"""Saving a translation without touching what visitors read.

wagtail-localize's ``TranslationSource.create_or_update_translation(publish=False)`` (behind
``Translation.save_target(publish=False)``, "Translate this page" and its sync) writes the
translated text into the page's row before it saves a revision. For a page that is live, that
row *is* what visitors read (the page itself, the API, search, the sitemap, feeds and calendars):
text handed over to review would be public at once, and the review would approve what everyone
already reads.

Here the text of a live page goes into a new revision only. The live row changes when a
moderator approves that revision (Wagtail's workflow publishes it) or publishes the language.
``keep_live_pages_until_published`` makes every caller of wagtail-localize's method take this
way, so that no path (ours, wagtail-localize's views, its operations) can skip the review.
"""

import functools

from django.core.exceptions import ObjectDoesNotExist
from django.db import transaction
from django.utils.text import slugify
from wagtail.coreutils import find_available_slug
from wagtail.models import Page, Revision
from wagtail_localize.fields import copy_synchronised_fields
from wagtail_localize.models import Translation, TranslationLog, TranslationSource
from wagtail_localize.segments.ingest import ingest_segments


def translated_page(source: TranslationSource, locale) -> Page | None:
    """The page a translation fills, in its specific class, or None before it is created (or
    when the source is not a page)."""
    try:
        instance = source.get_translated_instance(locale)
    except ObjectDoesNotExist:
        return None
    return instance if isinstance(instance, Page) else None


@transaction.atomic
def save_live_page_draft(source, page, locale, user, *, fallback=True, check=None) -> Revision:
    """Put the translation of ``source`` into a new revision of the live ``page``, leaving the
    page's row (what visitors read) as it is.

    ``check(page)`` may refuse the translated page before it is saved, and ``Page.full_clean``
    does: both raise ``ValidationError`` (a value too long for its field, a link that is not
    one), and nothing is saved then."""
    original = source.as_instance()
    copy_synchronised_fields(original, page)
    segments = source._get_segments_for_translation(locale, fallback=fallback)
    ingest_segments(original, page, source.locale, locale, segments)
    page.slug = find_available_slug(page.get_parent(), slugify(page.slug), ignore_page_id=page.pk)
    if check is not None:
        check(page)
    if page.alias_of_id:
        # An alias mirrors the source page; from now on it is a translation of its own. Only
        # that column changes: the live text stays the mirrored one until the review is approved.
        Page.objects.filter(pk=page.pk).update(alias_of_id=None)
        page.alias_of_id = None
    # save_revision validates the page (full_clean) and writes only the revision pointers to
    # the page row, never the content visitors read.
    revision = page.save_revision(user=user)
    source.sync_view_restrictions(original, page)
    TranslationLog.objects.create(source=source, locale=locale, revision=revision)
    return revision


def save_for_review(translation: Translation, user, *, check=None) -> tuple[Page, Revision]:
    """Save the translation as the latest revision of its page, leaving the live page as it is
    (see ``save_live_page_draft``; ``check`` as there)."""
    page = translated_page(translation.source, translation.target_locale)
    if page is not None and page.live:
        revision = save_live_page_draft(
            translation.source, page, translation.target_locale, user, check=check
        )
        return page, revision
    # Nothing public to protect: wagtail-localize's own way, which also creates the page (and
    # any missing parent) the first time.
    with transaction.atomic():
        translation.save_target(user=user, publish=False)
        page = translated_page(translation.source, translation.target_locale)
        if check is not None:
            check(page.get_latest_revision_as_object())
    return page, page.latest_revision


def keep_live_pages_until_published():
    """Make wagtail-localize save the translation of a live page as a revision, never into the
    live row, whenever it is asked not to publish. Called once, from the app's ready()."""
    original = TranslationSource.create_or_update_translation
    if getattr(original, "keeps_live_pages", False):
        return

    @functools.wraps(original)
    def create_or_update_translation(
        self, locale, user=None, publish=True, copy_parent_pages=False, fallback=False
    ):
        if not publish:
            page = translated_page(self, locale)
            if page is not None and page.live:
                save_live_page_draft(self, page, locale, user, fallback=fallback)
                return page, False
        return original(
            self,
            locale,
            user=user,
            publish=publish,
            copy_parent_pages=copy_parent_pages,
            fallback=fallback,
        )

    create_or_update_translation.keeps_live_pages = True
    TranslationSource.create_or_update_translation = create_or_update_translation
