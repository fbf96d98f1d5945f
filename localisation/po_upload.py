"""A guard in front of wagtail-localize's PO file upload.

wagtail-localize 1.14 reads the file's X-WagtailLocalize-TranslationID header without checking
that it is there, so an empty file, a truncated one, or a PO file whose header another tool
dropped is a server error instead of a message. This view refuses those files with the message
wagtail-localize gives any other invalid file.

It then checks every translated text as the editor checks what is typed
(``validation.check_string``), before anything is imported: a file with a text too long for
its field is refused, naming each such text, and nothing of it is imported (importing a page
title too long for the page would be a server error on PostgreSQL, see ``guards``). Every other
upload goes to wagtail-localize, which checks the header's value and imports.
"""

import re

import polib
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from wagtail.admin.utils import get_valid_next_url_from_request
from wagtail_localize.models import StringSegment, Translation
from wagtail_localize.views.edit_translation import upload_pofile, user_can_edit_instance

from .validation import check_string

TRANSLATION_HEADER = re.compile(rb'^"X-WagtailLocalize-TranslationID: [^"\\]+\\n"', re.MULTILINE)


@require_POST
def upload_pofile_with_header_check(request, translation_id):
    translation = get_object_or_404(Translation, id=translation_id)
    if not user_can_edit_instance(request.user, translation.get_target_instance()):
        raise PermissionDenied
    back = get_valid_next_url_from_request(request) or reverse("wagtailadmin_home")
    uploaded = request.FILES.get("file")
    content = uploaded.read() if uploaded is not None else b""
    if not TRANSLATION_HEADER.search(content):
        # The same words as wagtail-localize's own refusal, so its catalogue translates them.
        messages.error(request, _("Please upload a valid PO file."))
        return redirect(back)
    problems = invalid_texts(translation, content)
    if problems:
        messages.error(
            request,
            _("The file was not imported: %(problems)s") % {"problems": " ".join(problems)},
        )
        return redirect(back)
    uploaded.seek(0)
    return upload_pofile(request, translation_id)


def invalid_texts(translation, content: bytes) -> list[str]:
    """One line for each translated text of the file that does not fit its field; empty when
    every text fits, or when the file cannot be read (wagtail-localize then says so)."""
    try:
        entries = polib.pofile(content.decode("utf-8"))
    except (OSError, UnicodeDecodeError, ValueError):
        return []
    segments = {
        (segment.context.path, segment.string.data): segment
        for segment in StringSegment.objects.filter(source=translation.source).select_related(
            "source", "context", "string"
        )
    }
    problems = []
    for entry in entries:
        segment = segments.get((entry.msgctxt, entry.msgid))
        if segment is None or not entry.msgstr:
            continue
        error = check_string(segment, entry.msgstr)
        if error is not None:
            problems.append(f"“{entry.msgid}”: {error.messages[0]}")
    return problems
