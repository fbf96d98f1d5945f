"""Saving a translation for review without touching what visitors read.

wagtail-localize's ``Translation.save_target(publish=False)`` writes the translated text into the
page's row before it saves a revision. For a page that is live, that row *is* what visitors read
(the page itself, the API, search, the sitemap, feeds and calendars): the text a translator hands
over to review would be public at once, and the review would approve what everyone already reads.

``save_for_review`` puts the translation into a new revision only. The live row changes when a
moderator approves that revision: Wagtail's workflow then publishes it, as for any page.
"""

from django.core.exceptions import ObjectDoesNotExist
from django.db import transaction
from django.utils.text import slugify
from wagtail.coreutils import find_available_slug
from wagtail.models import Page, Revision
from wagtail_localize.fields import copy_synchronised_fields
from wagtail_localize.models import Translation
from wagtail_localize.segments.ingest import ingest_segments


def translated_page(translation: Translation) -> Page | None:
    """The page a translation fills, in its specific class, or None before it is created."""
    try:
        return translation.source.get_translated_instance(translation.target_locale)
    except ObjectDoesNotExist:
        return None


@transaction.atomic
def save_for_review(translation: Translation, user, *, check=None) -> tuple[Page, Revision]:
    """Save the translation as the latest revision of its page, leaving the live page as it is.

    ``check(page)`` may refuse the translated page before it is saved, and ``Page.full_clean``
    does: both raise ``ValidationError`` (a value too long for its field, a link that is not
    one), and nothing is saved then.
    """
    page = translated_page(translation)
    if page is None or not page.live:
        # Nothing public to protect: wagtail-localize's own way, which also creates the page
        # (and any missing parent) the first time.
        translation.save_target(user=user, publish=False)
        page = translated_page(translation)
        if check is not None:
            check(page.get_latest_revision_as_object())
        return page, page.latest_revision

    source = translation.source
    original = source.as_instance()
    copy_synchronised_fields(original, page)
    # As save_target does: a segment nobody translated yet keeps the source text.
    segments = source._get_segments_for_translation(translation.target_locale, fallback=True)
    ingest_segments(original, page, source.locale, translation.target_locale, segments)
    page.slug = find_available_slug(page.get_parent(), slugify(page.slug), ignore_page_id=page.pk)
    if page.alias_of_id:
        # An alias mirrors the source page; from now on it is a translation of its own. Only
        # that column changes: the live text stays the mirrored one until the review is approved.
        Page.objects.filter(pk=page.pk).update(alias_of_id=None)
        page.alias_of_id = None
    if check is not None:
        check(page)
    # save_revision validates the page (full_clean) and writes only the revision pointers to
    # the page row, never the content visitors read.
    revision = page.save_revision(user=user)
    source.sync_view_restrictions(original, page)
    return page, revision
