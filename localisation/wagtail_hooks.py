from django.urls import path
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import GlossaryTerm
from .po_upload import upload_pofile_with_header_check

# --- Glossary: names machine translation leaves as written (localisation/machine_translation.py)


class GlossaryTermViewSet(SnippetViewSet):
    model = GlossaryTerm
    icon = "clipboard-list"
    menu_label = _("Glossary")
    menu_name = "glossary"
    # Next to "Locales": both shape how content is translated, and both change rarely.
    add_to_settings_menu = True
    menu_order = 604
    list_display = ["term", "note"]
    search_fields = ["term", "note"]


register_snippet(GlossaryTermViewSet)

# --- end of Glossary


# --- PO upload: refuse files without wagtail-localize's header (localisation/po_upload.py)


@hooks.register("register_admin_urls")
def register_po_upload_guard():
    # The same path as wagtail-localize's upload view: this app comes first in INSTALLED_APPS,
    # so its admin URLs are matched first and the editor's upload form reaches the guard.
    return [
        path(
            "localize/translate/<int:translation_id>/pofile/upload/",
            upload_pofile_with_header_check,
            name="localisation_upload_pofile",
        )
    ]


# --- end of PO upload
