"""The whole translation cycle of an edition page, through the admin views an editor and a
translator use, with the translation status board (/admin/translation-status/) after each step:

submit the English page for translation into French, translate its segments in wagtail-localize's
editor, publish, and a visitor reads French at /fr/editions/<slug>/; then the English page is
edited and published, the board says the French page is out of date, "Sync translated pages"
brings it up to date, and the board says it is current again.
"""

import datetime
from urllib.parse import urlencode

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from wagtail.models import Page
from wagtail_localize.models import StringSegment, Translation

from localisation.board import State
from tests.factories import build_edition

pytestmark = pytest.mark.django_db

BOARD_URL = "/admin/translation-status/"

FRENCH = {
    "Synthetic edition 2016": "Édition synthétique 2016",
    "A synthetic theme": "Un thème synthétique",
    "A synthetic lead sentence about the edition.": "Une phrase d’introduction synthétique.",
}


@pytest.fixture
def edition(site_tree, locales):
    return build_edition(
        site_tree.editions,
        speakers=1,
        quotes=1,
        sessions=1,
        partners=1,
        objectives=2,
        title="Synthetic edition 2016",
        start_date=datetime.date(2016, 9, 22),
        edition_number=1,
    )


# What the editor and the translator do, through the admin -------------------------------------


def submit_for_translation(client, page, locale):
    response = client.post(
        reverse("wagtail_localize:submit_page_translation", args=[page.pk]),
        {"locales": [locale.pk]},
    )
    translated = Page.objects.get(translation_key=page.translation_key, locale=locale)
    # With one language chosen, wagtail-localize opens the new translation in its editor.
    assert response.status_code == 302
    assert response["Location"] == reverse("wagtailadmin_pages:edit", args=[translated.pk])
    return Translation.objects.get(source__object_id=page.translation_key, target_locale=locale)


def untranslated_segments(translation):
    """The segments of the translation's source with no French yet, as the editor lists them."""
    return [
        segment
        for segment in StringSegment.objects.filter(source=translation.source)
        .select_related("string")
        .annotate_translation(translation.target_locale)
        .order_by("order")
        if segment.translation is None
    ]


def translate_segments(client, translation, segments):
    """Type a translation for each segment in wagtail-localize's editor (it saves each one with
    a PUT as the translator leaves the field)."""
    for segment in segments:
        french = FRENCH.get(segment.string.data, f"[fr] {segment.string.data}")
        response = client.put(
            reverse("wagtail_localize:edit_string_translation", args=[translation.pk, segment.pk]),
            urlencode({"value": french}),
            content_type="application/x-www-form-urlencoded",
        )
        assert response.status_code in (200, 201), response.content


def publish(client, translation, django_capture_on_commit_callbacks):
    """The editor's "Publish in French" button."""
    target = translation.get_target_instance()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("wagtailadmin_pages:edit", args=[target.pk]), {"action": "publish"}
        )
    assert response.status_code == 302


def sync(client, translation, django_capture_on_commit_callbacks):
    """The board's "Sync translated pages" link. "Publish immediately" is not offered, and
    ticking it anyway (a hand-made POST) publishes nothing (localisation/guards.py)."""
    url = reverse("wagtail_localize:update_translations", args=[translation.source_id])
    form = BeautifulSoup(client.get(url).content, "html.parser")
    assert form.select_one('input[name="publish_translations"][type="checkbox"]') is None
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, {"publish_translations": "on", "next": BOARD_URL})
    assert response.status_code == 302
    assert response["Location"] == BOARD_URL


def edit_and_publish_source(page, **changes):
    page.refresh_from_db()
    for name, value in changes.items():
        setattr(page, name, value)
    page.save_revision().publish()


# What they read ------------------------------------------------------------------------------


def board_cell(client, page, code="fr"):
    soup = BeautifulSoup(client.get(BOARD_URL).content, "html.parser")
    cell = soup.select_one(f'tr[data-page="{page.pk}"] td[data-language="{code}"]')
    anchor = cell.find("a")
    return {
        "state": cell["data-state"],
        "text": " ".join(cell.get_text(" ").split()),
        "link": (anchor.get_text(strip=True), anchor["href"]) if anchor else None,
    }


def visible_text(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    main = BeautifulSoup(response.content, "html.parser").find("main")
    return " ".join(main.get_text(" ").split())


# The cycle --------------------------------------------------------------------------------------


def test_submit_translate_publish_edit_source_sync_and_translate_again(
    superuser_client, client, edition, locales, django_capture_on_commit_callbacks
):
    french_url = f"/fr/editions/{edition.slug}/"
    assert board_cell(superuser_client, edition)["state"] == State.MISSING

    # Submitted: the French page exists at once, as a draft (nobody reads it in English).
    translation = submit_for_translation(superuser_client, edition, locales["fr"])
    total = len(untranslated_segments(translation))
    assert total > len(FRENCH)
    cell = board_cell(superuser_client, edition)
    assert cell["state"] == State.IN_PROGRESS
    assert f"0 of {total} segments (0%)" in cell["text"]
    assert cell["link"] == (
        "Edit translation",
        reverse("wagtailadmin_pages:edit", args=[translation.get_target_instance().pk]),
    )
    assert "Not live" in cell["text"]
    assert client.get(french_url).status_code == 404

    # Translated, segment by segment: in progress until published.
    segments = untranslated_segments(translation)
    translate_segments(superuser_client, translation, segments[:3])
    assert (
        f"3 of {total} segments ({300 // total}%)" in board_cell(superuser_client, edition)["text"]
    )
    translate_segments(superuser_client, translation, segments[3:])
    cell = board_cell(superuser_client, edition)
    assert cell["state"] == State.IN_PROGRESS
    assert f"{total} of {total} segments (100%)" in cell["text"]
    assert "Not live" in cell["text"]

    # Published: a visitor reads French, and the board says so.
    publish(superuser_client, translation, django_capture_on_commit_callbacks)
    page_text = visible_text(client, french_url)
    assert "Un thème synthétique" in page_text
    assert "Une phrase d’introduction synthétique." in page_text
    assert "A synthetic theme" not in page_text
    cell = board_cell(superuser_client, edition)
    assert cell["state"] == State.CURRENT
    assert cell["link"] == ("View live", french_url)

    # The English page is edited and published: the French one is out of date.
    edit_and_publish_source(edition, theme="A revised synthetic theme")
    cell = board_cell(superuser_client, edition)
    assert cell["state"] == State.OUT_OF_DATE
    sync_url = reverse("wagtail_localize:update_translations", args=[translation.source_id])
    assert cell["link"] == (
        "Sync translated pages",
        f"{sync_url}?next=%2Fadmin%2Ftranslation-status%2F",
    )

    # Synced: the new theme is the one segment left to translate, and visitors still read the
    # French page as it was approved.
    live_before_sync = client.get(french_url).content
    sync(superuser_client, translation, django_capture_on_commit_callbacks)
    cell = board_cell(superuser_client, edition)
    assert cell["state"] == State.IN_PROGRESS
    assert f"{total - 1} of {total} segments" in cell["text"]
    assert client.get(french_url).content == live_before_sync

    # Translated and published again: current.
    FRENCH["A revised synthetic theme"] = "Un thème synthétique revu"
    translate_segments(superuser_client, translation, untranslated_segments(translation))
    publish(superuser_client, translation, django_capture_on_commit_callbacks)
    assert board_cell(superuser_client, edition)["state"] == State.CURRENT
    assert "Un thème synthétique revu" in visible_text(client, french_url)


def test_a_change_to_a_synchronised_field_is_current_once_synced_and_published_again(
    superuser_client, client, edition, locales, django_capture_on_commit_callbacks
):
    translation = submit_for_translation(superuser_client, edition, locales["fr"])
    translate_segments(superuser_client, translation, untranslated_segments(translation))
    publish(superuser_client, translation, django_capture_on_commit_callbacks)
    assert board_cell(superuser_client, edition)["state"] == State.CURRENT

    # The edition number is kept in step with the English page, not translated.
    edit_and_publish_source(edition, edition_number=7)
    assert board_cell(superuser_client, edition)["state"] == State.OUT_OF_DATE

    sync(superuser_client, translation, django_capture_on_commit_callbacks)
    # Nothing changes for visitors until a moderator publishes French.
    assert (
        "7"
        not in BeautifulSoup(client.get(f"/fr/editions/{edition.slug}/").content, "html.parser")
        .select_one(".page-header__eyebrow")
        .get_text()
    )
    publish(superuser_client, translation, django_capture_on_commit_callbacks)

    assert board_cell(superuser_client, edition)["state"] == State.CURRENT
    eyebrow = BeautifulSoup(
        client.get(f"/fr/editions/{edition.slug}/").content, "html.parser"
    ).select_one(".page-header__eyebrow")
    assert "7" in eyebrow.get_text()
