from urllib.parse import urlencode

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.widgets import Button
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from core.pages import source_locale_id
from editions.models import EditionPage

from .guards import (
    SyncWithoutPublishingView,
    convert_to_alias_for_moderators,
    edit_override_with_check,
    edit_string_translation_with_check,
    stop_translation_for_moderators,
)
from .memory import fill_from_memory
from .models import GlossaryTerm
from .panels import dashboard_panels
from .po_upload import upload_pofile_with_header_check
from .review import SubmitTranslationForReviewView, may_submit, translation_of
from .scope import pages_readable_by
from .views import TranslateEditionView, TranslationBoardView

# --- Glossary: names machine translation leaves alone (localisation/machine_translation.py)


class GlossaryTermViewSet(SnippetViewSet):
    model = GlossaryTerm
    icon = "clipboard-list"
    menu_label = _("Glossary")
    menu_name = "glossary"
    # Next to "Locales": both shape how content is translated, and both change rarely.
    add_to_settings_menu = True
    menu_order = 604
    list_display = ["term", "established_forms", "note"]
    search_fields = ["term", "note"]

    def get_queryset(self, request):
        return GlossaryTerm.objects.prefetch_related("renderings")


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


# --- Translation memory: what was translated before is offered again (memory.py)


@hooks.register("before_edit_page")
def offer_translation_memory(request, page):
    # Before wagtail-localize's own before_edit_page hook (this app comes first), which renders
    # the translation editor: the segments it shows are then pre-filled.
    if request.method != "GET" or page.locale_id == source_locale_id(request.user):
        return None
    translation = translation_of(page)
    if translation is not None and page.permissions_for_user(request.user).can_edit():
        fill_from_memory(translation, request.user)
    return None


# --- end of Translation memory


# --- Guards: translators change text, not the shape of the site (localisation/guards.py)


@hooks.register("register_admin_urls")
def register_translation_guards():
    # The same paths as wagtail-localize's views, matched first (see register_po_upload_guard).
    return [
        path(
            "localize/page/<int:page_id>/convert_to_alias/",
            convert_to_alias_for_moderators,
            name="localisation_convert_to_alias",
        ),
        path(
            "localize/translate/<int:translation_id>/disable/",
            stop_translation_for_moderators,
            name="localisation_stop_translation",
        ),
        path(
            "localize/translate/<int:translation_id>/overrides/<int:overridable_segment_id>/edit/",
            edit_override_with_check,
            name="localisation_edit_override",
        ),
        path(
            "localize/translate/<int:translation_id>/strings/<int:string_segment_id>/edit/",
            edit_string_translation_with_check,
            name="localisation_edit_string_translation",
        ),
        path(
            "localize/update/<int:translation_source_id>/",
            SyncWithoutPublishingView.as_view(),
            name="localisation_update_translations",
        ),
    ]


# --- end of Guards


# --- What a translator reads: their languages, and the source as visitors read it (scope.py)


@hooks.register("construct_page_chooser_queryset")
def page_chooser_in_the_translators_languages(pages, request):
    return pages_readable_by(pages, request.user)


@hooks.register("construct_explorer_page_queryset")
def explorer_in_the_translators_languages(parent_page, pages, request):
    return pages_readable_by(pages, request.user)


# --- end of What a translator reads


# --- Dashboard: what waits for translators and moderators (panels.py)


@hooks.register("construct_homepage_panels")
def translation_panels(request, panels):
    panels.extend(dashboard_panels(request.user))


# --- end of Dashboard


# --- Translate a whole edition at once (edition_translation.py)


@hooks.register("register_admin_urls")
def register_translate_edition_url():
    return [
        path(
            "localisation/editions/<int:page_id>/translate/",
            TranslateEditionView.as_view(),
            name="localisation_translate_edition",
        )
    ]


def translate_edition_button(page, user, priority=36):
    if not isinstance(page.specific_deferred, EditionPage):
        return None
    if page.locale_id != source_locale_id(user):
        return None
    if not user.has_perm("wagtail_localize.submit_translation"):
        return None
    url = reverse("localisation_translate_edition", args=[page.pk])
    return Button(_("Translate this edition"), url, icon_name="globe", priority=priority)


@hooks.register("register_page_listing_more_buttons")
def page_listing_translate_edition_button(page, user, next_url=None):
    button = translate_edition_button(page, user)
    if button is not None:
        yield button


@hooks.register("register_page_header_buttons")
def page_header_translate_edition_button(page, user, view_name, next_url=None):
    button = translate_edition_button(page, user)
    if button is not None:
        yield button


# --- end of Translate a whole edition


# --- Translation status board: every page against every language (localisation/board.py)


@hooks.register("register_admin_urls")
def register_translation_board_url():
    return [
        path(
            "translation-status/",
            TranslationBoardView.as_view(),
            name="localisation_translation_board",
        )
    ]


@hooks.register("register_admin_menu_item")
def register_translation_board_menu_item():
    # Shown to everyone who can use the admin: translators follow their work there too.
    return MenuItem(
        _("Translation status"),
        reverse("localisation_translation_board"),
        name="translation-status",
        icon_name="globe",
        order=250,
    )


# --- end of Translation status board


# --- Review of translations (localisation/review.py)


@hooks.register("register_admin_urls")
def register_translation_review_url():
    return [
        path(
            "localisation/pages/<int:page_id>/submit-translation/",
            SubmitTranslationForReviewView.as_view(),
            name="localisation_submit_for_review",
        )
    ]


def submit_translation_button(page, user, next_url=None, priority=35):
    """ "Submit translation for review" on a page that wagtail-localize keeps in sync, for
    someone who may edit it, while it is not in review already."""
    if page.locale_id == source_locale_id(user) or page.workflow_in_progress:
        return None
    if not may_submit(page, user) or translation_of(page) is None:
        return None
    url = reverse("localisation_submit_for_review", args=[page.pk])
    if next_url:
        url = f"{url}?{urlencode({'next': next_url})}"
    return Button(_("Submit translation for review"), url, icon_name="tasks", priority=priority)


@hooks.register("register_page_listing_more_buttons")
def page_listing_submit_translation_button(page, user, next_url=None):
    button = submit_translation_button(page, user, next_url)
    if button is not None:
        yield button


@hooks.register("register_page_header_buttons")
def page_header_submit_translation_button(page, user, view_name, next_url=None):
    button = submit_translation_button(page, user, next_url)
    if button is not None:
        yield button


# --- end of Review of translations
