"""A guard in front of wagtail-localize's PO file upload.

wagtail-localize 1.14 reads the file's X-WagtailLocalize-TranslationID header without checking
that it is there, so an empty file, a truncated one, or a PO file whose header another tool
dropped is a server error instead of a message. This view refuses those files with the message
wagtail-localize gives any other invalid file, then hands every other upload to
wagtail-localize, which checks the header's value and imports.
"""

import re

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from wagtail.admin.utils import get_valid_next_url_from_request
from wagtail_localize.models import Translation
from wagtail_localize.views.edit_translation import upload_pofile, user_can_edit_instance

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
    return upload_pofile(request, translation_id)
