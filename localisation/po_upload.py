"""A guard in front of wagtail-localize's PO file upload.

wagtail-localize 1.14 reads the file's X-WagtailLocalize-TranslationID header without checking
that it is there, so an empty file, a truncated one, or a PO file whose header another tool
dropped is a server error instead of a message. This view refuses those files with the message
wagtail-localize gives any other invalid file, then hands every other upload to
wagtail-localize, which checks the header's value and imports. What it imported is then checked
as text typed in the editor is (``validation.check_string``): a text too long for its field is
marked in the editor, and the translation cannot be submitted until it is corrected.
"""

import re

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST
from wagtail.admin.utils import get_valid_next_url_from_request
from wagtail_localize.models import StringSegment, StringTranslation, Translation
from wagtail_localize.views.edit_translation import upload_pofile, user_can_edit_instance

from .validation import check_string

TRANSLATION_HEADER = re.compile(rb'^"X-WagtailLocalize-TranslationID: [^"\\]+\\n"', re.MULTILINE)


@require_POST
def upload_pofile_with_header_check(request, translation_id):
    translation = get_object_or_404(Translation, id=translation_id)
    if not user_can_edit_instance(request.user, translation.get_target_instance()):
        raise PermissionDenied
    uploaded = request.FILES.get("file")
    if uploaded is None or not TRANSLATION_HEADER.search(uploaded.read()):
        # The same words as wagtail-localize's own refusal, so its catalogue translates them.
        messages.error(request, _("Please upload a valid PO file."))
        return redirect(get_valid_next_url_from_request(request) or reverse("wagtailadmin_home"))
    uploaded.seek(0)
    response = upload_pofile(request, translation_id)
    invalid = mark_invalid_strings(translation)
    if invalid:
        messages.warning(
            request,
            ngettext(
                "%(count)s imported text does not fit its field: it is marked in the editor.",
                "%(count)s imported texts do not fit their fields: they are marked in the editor.",
                invalid,
            )
            % {"count": invalid},
        )
    return response


def mark_invalid_strings(translation) -> int:
    """Check every translated text of the translation against its field; mark those that do not
    fit, as the editor does when they are typed. Returns how many were marked."""
    marked = 0
    for segment in StringSegment.objects.filter(source=translation.source).select_related(
        "source", "context", "string"
    ):
        string_translation = StringTranslation.objects.filter(
            translation_of_id=segment.string_id,
            locale_id=translation.target_locale_id,
            context_id=segment.context_id,
            has_error=False,
        ).first()
        if string_translation is None:
            continue
        error = check_string(segment, string_translation.data)
        if error is not None:
            string_translation.set_field_error([error])
            marked += 1
    return marked
