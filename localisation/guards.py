"""What a translator may not do, refused where the request arrives and not only hidden.

A translator changes the text of their language's pages; the shape of the site is the
moderators'. wagtail-localize offers anyone who may edit a translated page actions that replace
or remove it at once, without review: "Convert to alias page" (the live page shows the source
language again), "Stop Synced translation", and through Wagtail's page permissions Delete, Move
and Copy of a page that is not live. The rule is the pages' permission tester's
(``core.pages.SitePagePermissionTester``), which Wagtail's own views and menus ask; the views
below stand in front of
wagtail-localize's on the same admin paths (this app comes first in INSTALLED_APPS, so its admin
URLs are matched first), as ``po_upload`` does.

They also keep wagtail-localize's "Sync translated pages" from publishing: its "Publish
immediately" box would publish every language of the page at once, untranslated text included.
A moderator publishes one language at a time, from its translation editor or its review.
"""

from django import forms
from django.core.exceptions import PermissionDenied
from django.http import Http404, JsonResponse, QueryDict
from django.shortcuts import get_object_or_404
from django.utils import timezone
from wagtail.models import Page
from wagtail_localize.models import (
    OverridableSegment,
    SegmentOverride,
    StringSegment,
    StringTranslation,
    Translation,
)
from wagtail_localize.views.convert import convert_to_alias
from wagtail_localize.views.edit_translation import (
    SegmentOverrideSerializer,
    StringTranslationSerializer,
    edit_override,
    edit_string_translation,
    stop_translation,
    user_can_edit_instance,
)
from wagtail_localize.views.update_translations import UpdateTranslationsView

from .validation import check_override, check_string


def refuse_unless_may_restructure(page: Page, user) -> None:
    """The rule is the page's (core.pages.SitePagePermissionTester)."""
    if not page.specific_deferred.permissions_for_user(user).can_restructure():
        raise PermissionDenied


def convert_to_alias_for_moderators(request, page_id):
    refuse_unless_may_restructure(get_object_or_404(Page, id=page_id), request.user)
    return convert_to_alias(request, page_id)


def stop_translation_for_moderators(request, translation_id):
    translation = get_object_or_404(Translation, id=translation_id)
    target = translation.get_target_instance()
    if isinstance(target, Page):
        refuse_unless_may_restructure(target, request.user)
    return stop_translation(request, translation_id)


def saved(response, request) -> bool:
    """Whether wagtail-localize's editing view saved a value (a PUT it accepted)."""
    return request.method == "PUT" and response.status_code in (200, 201)


def marked_if_invalid(response, value, error, serializer_class, translation):
    """The editing view's answer, with ``value`` (the row it saved) marked with ``error``
    when there is one: the editor shows the error next to the field, and wagtail-localize
    leaves a value in error out of the page."""
    if error is not None:
        value.set_field_error([error])
        response.data = serializer_class(
            value, context={"translation_source": translation.source}
        ).data
    return response


def edit_override_with_check(request, translation_id, overridable_segment_id):
    """wagtail-localize's override editing, then the value checked as the admin form would."""
    response = edit_override(request, translation_id, overridable_segment_id)
    if not saved(response, request):
        return response
    segment = OverridableSegment.objects.select_related("source", "context").get(
        pk=overridable_segment_id
    )
    translation = Translation.objects.get(pk=translation_id)
    override = SegmentOverride.objects.get(
        locale_id=translation.target_locale_id, context_id=segment.context_id
    )
    error = check_override(segment, override.data)
    return marked_if_invalid(response, override, error, SegmentOverrideSerializer, translation)


def edit_string_translation_with_check(request, translation_id, string_segment_id):
    """The text checked against its field (a title longer than the field holds) before
    wagtail-localize saves it: an invalid one is kept with its error, shown in the editor.

    It has to be checked first: saving a page title's translation makes wagtail-localize copy
    it into the page's ``draft_title`` at once, which PostgreSQL refuses when it is too long
    (a server error instead of a message)."""
    if request.method == "PUT":
        value = QueryDict(request.body).get("value")
        segment = get_object_or_404(
            StringSegment.objects.select_related("source", "context", "string"),
            pk=string_segment_id,
        )
        translation = get_object_or_404(Translation, pk=translation_id)
        error = check_string(segment, value) if value is not None else None
        if error is not None:
            if segment.context.object_id != translation.source.object_id:
                raise Http404
            if not user_can_edit_instance(request.user, translation.get_target_instance()):
                raise PermissionDenied
            text = keep_with_error(segment, translation, value, error, request.user)
            return JsonResponse(
                StringTranslationSerializer(
                    text, context={"translation_source": translation.source}
                ).data
            )
    return edit_string_translation(request, translation_id, string_segment_id)


def keep_with_error(segment, translation, value, error, user):
    """Store a translator's text with its error, without wagtail-localize's save signal (which
    would copy a too-long title into the page): the editor shows it marked, the page ignores it."""
    fields = {
        "data": value,
        "translation_type": StringTranslation.TRANSLATION_TYPE_MANUAL,
        "tool_name": "",
        "last_translated_by": user,
        "has_error": True,
        "field_error": error.messages[0],
    }
    key = {
        "translation_of_id": segment.string_id,
        "locale_id": translation.target_locale_id,
        "context_id": segment.context_id,
    }
    if not StringTranslation.objects.filter(**key).update(**fields, updated_at=timezone.now()):
        StringTranslation.objects.bulk_create([StringTranslation(**key, **fields)])
    return StringTranslation.objects.get(**key)


class SyncWithoutPublishingView(UpdateTranslationsView):
    """wagtail-localize's "Sync translated pages" without its "Publish immediately" box: the
    sync brings the new source text to the translators, and what is live stays live."""

    def get_form(self):
        form = super().get_form()
        if "publish_translations" in form.fields:
            form.fields["publish_translations"] = forms.BooleanField(
                required=False, initial=False, disabled=True, widget=forms.HiddenInput
            )
        return form
