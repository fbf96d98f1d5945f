"""Translators submit their translation for review, like editors submit their pages.

wagtail-localize's translation editor offers "Publish" to those who may publish and nothing to
the others, so a translator could finish a translation but not hand it over. This view saves the
translation as a new revision of the translated page (``drafts.save_for_review``: the live page
stays as visitors know it) and starts the page's workflow ("Review before publishing"):
moderators then approve it, which publishes it, or ask for changes, which hands it back to the
translator with their comment; the translator submits again from here.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.generic import TemplateView
from wagtail.admin.utils import get_valid_next_url_from_request
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.models import Page, WorkflowState
from wagtail_localize.models import SegmentOverride, StringTranslation, Translation

from .drafts import save_for_review
from .validation import validate_translated_page


def translation_of(page):
    """The enabled wagtail-localize translation that fills ``page``, or None for a source page
    or a page translated by hand."""
    return (
        Translation.objects.filter(
            source__object_id=page.translation_key,
            target_locale_id=page.locale_id,
            enabled=True,
        )
        .select_related("source")
        .first()
    )


def may_submit(page, user):
    """Whether the user may hand this page over to review (once it is in review, only whether
    they may edit it: they are then told it is in review already)."""
    permissions = page.permissions_for_user(user)
    return permissions.can_edit() and (
        page.workflow_in_progress or permissions.can_submit_for_moderation()
    )


def untranslated_segments(translation):
    segments = translation.source.stringsegment_set.annotate_translation(translation.target_locale)
    return segments.filter(translation__isnull=True).count()


def values_in_error(translation):
    """The values the translator supplied that the editor marks as invalid (a link that is
    not one, a text too long for its field): they are left out of the page, so the translation
    is not finished."""
    mine = {
        "locale_id": translation.target_locale_id,
        "context__object_id": translation.source.object_id,
        "has_error": True,
    }
    return (
        SegmentOverride.objects.filter(**mine).count()
        + StringTranslation.objects.filter(**mine).count()
    )


def nothing_to_review(translation, page) -> bool:
    """Whether the live page already shows this translation as it stands: nothing was
    translated, overridden or synced since it was last published, and no draft waits."""
    published = page.last_published_at
    if not page.live or page.has_unpublished_changes or published is None:
        return False
    if translation.source.last_updated_at > published:
        return False
    mine = {
        "locale_id": translation.target_locale_id,
        "context__object_id": translation.source.object_id,
        "updated_at__gt": published,
    }
    return not (
        StringTranslation.objects.filter(**mine).exists()
        or SegmentOverride.objects.filter(**mine).exists()
    )


def describe(error: ValidationError) -> str:
    """A validation error as one line an editor reads."""
    if hasattr(error, "error_dict"):
        return " ".join(message for messages in error.message_dict.values() for message in messages)
    return " ".join(error.messages)


class SubmitTranslationForReviewView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "localisation/submit_for_review.html"
    header_icon = "tasks"

    def dispatch(self, request, page_id):
        self.page = get_object_or_404(Page, id=page_id).specific
        self.translation = translation_of(self.page)
        if self.translation is None:
            raise PermissionDenied
        if not may_submit(self.page, request.user):
            raise PermissionDenied
        self.workflow = self.page.get_workflow()
        self.next_url = get_valid_next_url_from_request(request) or reverse(
            "wagtailadmin_explore", args=[self.page.get_parent().id]
        )
        return super().dispatch(request, page_id)

    def get_page_title(self):
        return _("Submit translation for review")

    def get_page_subtitle(self):
        return self.page.get_admin_display_title()

    def problem(self):
        """Why the translation cannot be submitted now, or None."""
        if self.workflow is None:
            return _("No review workflow applies to this page: ask a moderator to publish it.")
        if self.page.workflow_in_progress:
            return _("This page is already in review.")
        if nothing_to_review(self.translation, self.page):
            return _("Nothing to review: the live page already shows this translation.")
        invalid = values_in_error(self.translation)
        if invalid:
            return ngettext(
                "%(count)s value is marked as invalid in the translation editor: correct it "
                "before submitting.",
                "%(count)s values are marked as invalid in the translation editor: correct them "
                "before submitting.",
                invalid,
            ) % {"count": invalid}
        missing = untranslated_segments(self.translation)
        if missing:
            return ngettext(
                "%(count)s segment is not translated yet: translate it before submitting.",
                "%(count)s segments are not translated yet: translate them before submitting.",
                missing,
            ) % {"count": missing}
        return None

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(page=self.page, problem=self.problem(), next_url=self.next_url)
        return context

    def post(self, request, page_id):
        problem = self.problem()
        if problem:
            messages.error(request, problem)
            return redirect(self.next_url)
        try:
            page, _revision = save_for_review(
                self.translation, request.user, check=validate_translated_page
            )
        except ValidationError as error:
            messages.error(
                request,
                _("The translation was not submitted: %(errors)s") % {"errors": describe(error)},
            )
            return redirect(self.next_url)
        state = page.current_workflow_state
        if state is not None and state.status == WorkflowState.STATUS_NEEDS_CHANGES:
            # Changes were requested: the same review goes on with the corrected translation.
            state.resume(request.user)
        else:
            self.workflow.start(page, request.user)
        messages.success(
            request,
            _("“%(title)s” was submitted for review in %(language)s.")
            % {
                "title": self.page.get_admin_display_title(),
                "language": self.page.locale.get_display_name(),
            },
        )
        return redirect(self.next_url)
