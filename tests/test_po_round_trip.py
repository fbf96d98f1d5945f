"""Translating a page with a PO file, through wagtail-localize's admin views: download the French
PO file, fill it in (as a translator's tool would, with polib), upload it, publish.

A PO file made for another translation, or a file that is not a PO file, is refused with a
message and changes nothing.
"""

import polib
import pytest
from django.contrib.messages import get_messages
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from pytest_django.asserts import assertContains, assertRedirects
from wagtail.models import Page
from wagtail_localize.models import StringTranslation, Translation, TranslationSource

from tests.factories import NewsIndexPageFactory

FRENCH = {
    "Synthetic conference series": "Série de conférences synthétique",
    "A synthetic series of conferences, for tests": (
        "Une série synthétique de conférences, pour les tests"
    ),
    "Synthetic introduction to the series.": "Introduction synthétique à la série.",
}


@pytest.fixture
def translate_into(django_capture_on_commit_callbacks):
    """Makes a wagtail-localize translation of an instance into a locale, its target page
    created from the source (untranslated) and published, as the "Translate" action does."""

    def translate(instance, locale):
        source, _created = TranslationSource.get_or_create_from_instance(instance)
        translation = Translation.objects.create(source=source, target_locale=locale)
        # wagtail-localize publishes once the transaction commits.
        with django_capture_on_commit_callbacks(execute=True):
            translation.save_target(publish=True)
        return translation

    return translate


@pytest.fixture
def french(home_page, locales, translate_into):
    return translate_into(home_page, locales["fr"])


@pytest.fixture
def russian(home_page, locales, translate_into):
    return translate_into(home_page, locales["ru"])


def edit_url(translation):
    return reverse("wagtailadmin_pages:edit", args=[translation.get_target_instance().id])


def download(client, translation):
    response = client.get(reverse("wagtail_localize:download_pofile", args=[translation.id]))
    assert response["Content-Type"] == "text/x-gettext-translation"
    return polib.pofile(response.content.decode())


def upload(client, translation, content, filename="translation.po"):
    return client.post(
        reverse("wagtail_localize:upload_pofile", args=[translation.id]),
        {"file": SimpleUploadedFile(filename, content), "next": edit_url(translation)},
    )


def messages_of(response):
    return [str(message).strip() for message in get_messages(response.wsgi_request)]


def stored_translations():
    return sorted(
        StringTranslation.objects.values_list("locale__language_code", "context__path", "data")
    )


def test_the_downloaded_po_file_lists_the_page_strings_for_this_translation(
    superuser_client, french
):
    response = superuser_client.get(reverse("wagtail_localize:download_pofile", args=[french.id]))
    po = polib.pofile(response.content.decode())

    assert response["Content-Disposition"] == (
        "attachment; filename=synthetic-conference-series-fr.po"
    )
    assert po.metadata["X-WagtailLocalize-TranslationID"] == str(french.uuid)
    assert [(entry.msgctxt, entry.msgid, entry.msgstr) for entry in po] == [
        ("title", "Synthetic conference series", ""),
        ("slug", "home-page", ""),
        ("tagline", "A synthetic series of conferences, for tests", ""),
        ("intro", "Synthetic introduction to the series.", ""),
    ]


def test_a_filled_po_file_translates_the_page_and_publishing_shows_the_french_title(
    superuser_client, french, django_capture_on_commit_callbacks
):
    po = download(superuser_client, french)
    for entry in po:
        entry.msgstr = FRENCH.get(entry.msgid, "")

    response = upload(superuser_client, french, str(po).encode())

    assertRedirects(response, edit_url(french), fetch_redirect_response=False)
    assert messages_of(response) == ["Successfully imported translations from PO File."]
    assert stored_translations() == [
        ("fr", "intro", "Introduction synthétique à la série."),
        ("fr", "tagline", "Une série synthétique de conférences, pour les tests"),
        ("fr", "title", "Série de conférences synthétique"),
    ]
    # The slug was left blank in the PO file: the only segment still to translate.
    assert french.get_progress() == (4, 3)

    with django_capture_on_commit_callbacks(execute=True):
        superuser_client.post(edit_url(french), {"action": "publish"})

    french_page = Page.objects.get(pk=french.get_target_instance().pk).specific
    assert french_page.title == "Série de conférences synthétique"
    assert french_page.live
    public = superuser_client.get(french_page.url)
    assertContains(public, "Série de conférences synthétique")
    assertContains(public, "Introduction synthétique à la série.")


def test_the_downloaded_po_file_carries_existing_translations(superuser_client, french):
    po = download(superuser_client, french)
    po[0].msgstr = "Série de conférences synthétique"
    upload(superuser_client, french, str(po).encode())

    again = download(superuser_client, french)

    assert again[0].msgstr == "Série de conférences synthétique"


@pytest.fixture
def other_page_french(site_tree, locales, french, translate_into):
    # The news index's parent (the home page) already has its French translation.
    news = NewsIndexPageFactory(parent=site_tree.home, slug="synthetic-news")
    return translate_into(news, locales["fr"])


@pytest.mark.parametrize(
    "other", ["russian", "other_page_french"], ids=["same-page-russian", "other-page-french"]
)
def test_a_po_file_made_for_another_translation_is_refused(
    superuser_client, french, other, request
):
    other_translation = request.getfixturevalue(other)
    po = download(superuser_client, other_translation)
    for entry in po:
        entry.msgstr = f"Traduit : {entry.msgid}"
    before = stored_translations()

    response = upload(superuser_client, french, str(po).encode())

    assertRedirects(response, edit_url(french), fetch_redirect_response=False)
    assert messages_of(response) == [
        "Cannot import PO file that was created for a different translation."
    ]
    assert stored_translations() == before == []


@pytest.mark.parametrize(
    "content",
    [
        b"This is a note to the translator, not a PO file.",
        b"%PDF-1.7\n\x89\x00\xff binary data",
    ],
    ids=["plain-text", "binary"],
)
def test_a_file_that_is_not_a_po_file_is_refused_with_a_clear_message(
    superuser_client, french, content
):
    response = upload(superuser_client, french, content, filename="notes.po")

    assertRedirects(response, edit_url(french), fetch_redirect_response=False)
    assert messages_of(response) == ["Please upload a valid PO file."]
    assert stored_translations() == []


def po_without_header():
    po = polib.POFile()
    po.append(polib.POEntry(msgid="Synthetic conference series", msgstr="Série synthétique"))
    return str(po).encode()


@pytest.mark.parametrize(
    "content",
    [b"", b'msgid "unterminated', po_without_header()],
    ids=["empty-file", "truncated-po", "po-without-wagtail-header"],
)
def test_a_po_file_without_the_translation_header_is_refused_with_a_clear_message(
    superuser_client, french, content
):
    response = upload(superuser_client, french, content)

    assert messages_of(response) == ["Please upload a valid PO file."]
    assert stored_translations() == []


def test_an_upload_without_a_file_is_refused_with_a_clear_message(superuser_client, french):
    response = superuser_client.post(
        reverse("wagtail_localize:upload_pofile", args=[french.id]), {"next": edit_url(french)}
    )

    assertRedirects(response, edit_url(french), fetch_redirect_response=False)
    assert messages_of(response) == ["Please upload a valid PO file."]


def test_a_file_with_a_text_too_long_for_its_field_is_refused_and_nothing_imported(
    superuser_client, french
):
    po = download(superuser_client, french)
    for entry in po:
        entry.msgstr = "É" * 300 if entry.msgctxt == "title" else FRENCH.get(entry.msgid, "")

    response = upload(superuser_client, french, str(po).encode())

    assert messages_of(response) == [
        "The file was not imported: “Synthetic conference series”: Ensure this value has at "
        "most 255 characters (it has 300)."
    ]
    assert stored_translations() == []
