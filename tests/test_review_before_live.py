"""A translation goes live only when a moderator approves it (localisation/drafts.py).

For a speaker page already live in Russian, through the real admin views: the translator edits a
segment in wagtail-localize's editor and submits; the public page, the API and search stay byte
for byte what they were until a moderator approves; a moderator who asks for changes hands it
back with a comment; the translator corrects and submits again; approval puts it live.
"""

import json
from urllib.parse import urlencode

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.models import Page, WorkflowState
from wagtail_localize.models import StringSegment, StringTranslation, Translation
from wagtail_localize.operations import translate_object

from home.roles import MODERATORS, translators_group_name
from localisation.templatetags.review_tags import with_segment_context
from speakers.models import SpeakerPage
from tests.factories import SpeakerLinkFactory, SpeakerPageFactory, build_edition, translate_pages
from tests.html import soup_of
from tests.roles import people_in_roles

pytestmark = pytest.mark.django_db

RUSSIAN_BIOGRAPHY = "Синтетическая биография."


@pytest.fixture
def team(site_tree, locales, django_user_model):
    translate_pages([site_tree.home, site_tree.speakers], "ru")
    return people_in_roles(translator_ru=translators_group_name("ru"), moderator=MODERATORS)


@pytest.fixture
def live_russian_speaker(site_tree, locales, superuser, django_capture_on_commit_callbacks):
    """A speaker page live in English and in Russian, every segment translated."""
    source = SpeakerPageFactory(
        parent=site_tree.speakers,
        title="Synthetic Speaker",
        slug="synthetic-speaker",
        biography="<p>A synthetic biography.</p>",
    )
    SpeakerLinkFactory(page=source, label="Synthetic profile", url="https://example.org/p")
    source.save_revision().publish()
    with django_capture_on_commit_callbacks(execute=True):
        translate_object(source, [locales["ru"]], user=superuser)
    translation = translation_of(source, locales["ru"])
    for segment in translation.source.stringsegment_set.select_related("string", "context"):
        StringTranslation.objects.update_or_create(
            translation_of=segment.string,
            locale=locales["ru"],
            context=segment.context,
            defaults={"data": f"RU {segment.string.data}"},
        )
    with django_capture_on_commit_callbacks(execute=True):
        translation.save_target(user=superuser, publish=True)
    page = source.get_translation(locales["ru"]).specific
    assert page.live
    return page


def translation_of(page, locale):
    return Translation.objects.get(source__object_id=page.translation_key, target_locale=locale)


def public_outputs(client, page):
    """Everything a visitor can read of the page: the page, its API entry, a search."""
    return {
        "page": client.get(page.url).content,
        "api": client.get(f"/api/v2/pages/{page.pk}/").content,
        "listing": client.get("/api/v2/speakers/?locale=ru&fields=*").content,
        "search": client.get("/ru/search/", {"q": "Синтетическая"}).content,
    }


def edit_segment(client, translation, source_text, new_text):
    segment = StringSegment.objects.get(source=translation.source, string__data=source_text)
    return client.put(
        reverse("wagtail_localize:edit_string_translation", args=[translation.pk, segment.pk]),
        f"value={new_text}",
        content_type="application/x-www-form-urlencoded",
    )


def review_action(client, page, action, **data):
    page.refresh_from_db()
    task_state = page.current_workflow_task_state
    return client.post(
        reverse("wagtailadmin_pages:workflow_action", args=[page.pk, action, task_state.pk]),
        data,
    )


@pytest.mark.search_index
def test_a_submitted_translation_stays_off_the_live_site_until_a_moderator_approves(
    client, team, live_russian_speaker, locales, django_capture_on_commit_callbacks
):
    page = live_russian_speaker
    translation = translation_of(page, locales["ru"])
    visitor = client.__class__()
    before = public_outputs(visitor, page)

    client.force_login(team["translator_ru"])
    assert (
        edit_segment(client, translation, "A synthetic biography.", RUSSIAN_BIOGRAPHY).status_code
        == 200
    )
    with django_capture_on_commit_callbacks(execute=True):
        submitted = client.post(reverse("localisation_submit_for_review", args=[page.pk]))

    assert submitted.status_code == 302
    page = Page.objects.get(pk=page.pk).specific
    assert page.workflow_in_progress
    assert RUSSIAN_BIOGRAPHY in page.get_latest_revision_as_object().biography
    assert RUSSIAN_BIOGRAPHY not in page.biography
    assert public_outputs(visitor, page) == before

    client.force_login(team["moderator"])
    with django_capture_on_commit_callbacks(execute=True):
        review_action(client, page, "approve")

    page = SpeakerPage.objects.get(pk=page.pk)
    assert not page.workflow_in_progress
    assert RUSSIAN_BIOGRAPHY in page.biography
    assert RUSSIAN_BIOGRAPHY in visitor.get(page.url).content.decode()
    assert RUSSIAN_BIOGRAPHY.encode() in visitor.get(f"/api/v2/pages/{page.pk}/").content


def test_changes_requested_go_back_to_the_translator_who_corrects_and_resubmits(
    client, team, live_russian_speaker, locales, django_capture_on_commit_callbacks
):
    page = live_russian_speaker
    translation = translation_of(page, locales["ru"])
    client.force_login(team["translator_ru"])
    edit_segment(client, translation, "A synthetic biography.", "Черновик.")
    client.post(reverse("localisation_submit_for_review", args=[page.pk]))

    client.force_login(team["moderator"])
    review_action(client, page, "reject", comment="Use the full sentence.")

    page.refresh_from_db()
    state = page.current_workflow_state
    assert state.status == WorkflowState.STATUS_NEEDS_CHANGES
    assert "Черновик." not in SpeakerPage.objects.get(pk=page.pk).biography

    client.force_login(team["translator_ru"])
    footer = soup_of(client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))).select_one(
        ".translation-review-footer"
    )
    assert footer["data-review-state"] == "changes_requested"
    assert footer.button.get_text(strip=True) == "Submit again for review"
    status = soup_of(client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))).select_one(
        ".translation-review-footer__status"
    )
    assert "Changes requested: “Use the full sentence.”" in " ".join(status.get_text().split())
    edit_segment(client, translation, "A synthetic biography.", RUSSIAN_BIOGRAPHY)
    client.post(reverse("localisation_submit_for_review", args=[page.pk]))
    state.refresh_from_db()
    in_review = soup_of(client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])))
    assert in_review.select_one(".translation-review-footer")["data-review-state"] == "in_review"
    assert state.status == WorkflowState.STATUS_IN_PROGRESS

    client.force_login(team["moderator"])
    with django_capture_on_commit_callbacks(execute=True):
        review_action(client, page, "approve")
    assert RUSSIAN_BIOGRAPHY in SpeakerPage.objects.get(pk=page.pk).biography


def test_a_link_that_is_not_a_web_address_is_marked_in_the_editor_and_never_goes_live(
    client, team, live_russian_speaker, locales
):
    page = live_russian_speaker
    translation = translation_of(page, locales["ru"])
    segment = translation.source.overridablesegment_set.get(context__path__endswith=".url")
    client.force_login(team["translator_ru"])

    response = client.put(
        reverse("wagtail_localize:edit_override", args=[translation.pk, segment.pk]),
        "value=javascript:alert(document.domain)",
        content_type="application/x-www-form-urlencoded",
    )
    submitted = client.post(reverse("localisation_submit_for_review", args=[page.pk]), follow=True)

    assert response.json()["error"] == "Enter a valid URL."
    assert "1 value is marked as invalid in the translation editor" in submitted.content.decode()
    assert not Page.objects.get(pk=page.pk).workflow_in_progress
    assert "javascript:" not in client.get(page.url).content.decode()


@pytest.mark.parametrize(
    "address",
    ["javascript:alert(1)", " JavaScript:alert(1)", "java\tscript:alert(1)", "data:text/html,x"],
)
def test_a_link_override_is_refused_however_it_is_spelled(
    client, team, live_russian_speaker, locales, address
):
    translation = translation_of(live_russian_speaker, locales["ru"])
    segment = translation.source.overridablesegment_set.get(context__path__endswith=".url")
    client.force_login(team["translator_ru"])

    response = client.put(
        reverse("wagtail_localize:edit_override", args=[translation.pk, segment.pk]),
        urlencode({"value": address}),
        content_type="application/x-www-form-urlencoded",
    )

    assert response.json()["error"]


def test_a_valid_link_override_is_accepted(client, team, live_russian_speaker, locales):
    translation = translation_of(live_russian_speaker, locales["ru"])
    segment = translation.source.overridablesegment_set.get(context__path__endswith=".url")
    client.force_login(team["translator_ru"])

    response = client.put(
        reverse("wagtail_localize:edit_override", args=[translation.pk, segment.pk]),
        "value=https://example.org/ru",
        content_type="application/x-www-form-urlencoded",
    )

    assert response.json()["error"] is None


def test_a_translation_the_live_page_already_shows_is_not_sent_to_review(
    client, team, live_russian_speaker
):
    client.force_login(team["translator_ru"])

    response = client.post(
        reverse("localisation_submit_for_review", args=[live_russian_speaker.pk]), follow=True
    )

    assert "Nothing to review: the live page already shows this translation." in (
        response.content.decode()
    )
    assert not Page.objects.get(pk=live_russian_speaker.pk).workflow_in_progress


def test_inline_rows_are_labelled_with_whom_they_are_about_in_the_translation_editor(
    superuser_client, superuser, site_tree, locales, django_capture_on_commit_callbacks
):
    edition = build_edition(site_tree.editions, speakers=1, quotes=1, sessions=0, partners=0)
    speaker = edition.participations.get().speaker
    with django_capture_on_commit_callbacks(execute=True):
        translate_object(edition, [locales["ru"]], user=superuser)
    russian = edition.get_translation(locales["ru"])

    editor = soup_of(superuser_client.get(reverse("wagtailadmin_pages:edit", args=[russian.pk])))

    props = json.loads(editor.select_one(".js-translation-editor")["data-props"])
    labels = {
        segment["contentPath"].split(".")[0] + "." + segment["contentPath"].split(".")[-1]: (
            segment["location"]["subField"]
        )
        for segment in props["segments"]
        if segment["contentPath"].startswith(("participations.", "quotes."))
    }
    assert labels["participations.position"] == f"Position at the time · {speaker.title}"
    assert labels["quotes.text"] == f"Quotation · {speaker.title}"


def test_a_title_longer_than_its_field_is_marked_in_the_editor_and_not_submitted(
    client, team, live_russian_speaker, locales
):
    page = live_russian_speaker
    translation = translation_of(page, locales["ru"])
    client.force_login(team["translator_ru"])

    response = edit_segment(client, translation, "Synthetic Speaker", "Я" * 300)
    submitted = client.post(reverse("localisation_submit_for_review", args=[page.pk]), follow=True)

    assert response.json()["error"] == "Ensure this value has at most 255 characters (it has 300)."
    assert "1 value is marked as invalid in the translation editor" in submitted.content.decode()
    assert not Page.objects.get(pk=page.pk).workflow_in_progress


def test_no_path_of_wagtail_localize_writes_a_live_translation_without_publishing(
    client, superuser, live_russian_speaker, locales, django_capture_on_commit_callbacks
):
    """wagtail-localize's own operations (here "Translate this page" into a language the page
    is already live in, and save_target) save a revision of a live page, never its live row
    (localisation/drafts.keep_live_pages_until_published)."""
    page = live_russian_speaker
    translation = translation_of(page, locales["ru"])
    segment = StringSegment.objects.get(
        source=translation.source, string__data="A synthetic biography."
    )
    StringTranslation.objects.filter(translation_of=segment.string, locale=locales["ru"]).update(
        data=RUSSIAN_BIOGRAPHY
    )
    before = client.get(page.url).content
    source = page.get_translation(locales["en"]).specific

    with django_capture_on_commit_callbacks(execute=True):
        translate_object(source, [locales["ru"]], user=superuser)
        translation.save_target(user=superuser, publish=False)

    page = SpeakerPage.objects.get(pk=page.pk)
    assert client.get(page.url).content == before
    assert RUSSIAN_BIOGRAPHY in page.get_latest_revision_as_object().biography
    assert page.has_unpublished_changes


def test_a_translation_that_would_not_validate_is_not_submitted_and_says_why(
    client, team, live_russian_speaker, locales
):
    """A text that reached the translation without the editor's check (a machine translation,
    a script) is caught when the whole page is validated at submission."""
    page = live_russian_speaker
    translation = translation_of(page, locales["ru"])
    segment = StringSegment.objects.get(source=translation.source, string__data="Synthetic profile")
    label = StringTranslation.objects.get(translation_of=segment.string, locale=locales["ru"])
    label.data = "Я" * 150
    label.save()
    visitor = client.__class__()
    before = visitor.get(page.url).content
    client.force_login(team["translator_ru"])

    submitted = client.post(reverse("localisation_submit_for_review", args=[page.pk]), follow=True)

    message = soup_of(submitted).select_one(".messages").get_text(" ", strip=True)
    assert message.startswith("The translation was not submitted: Link “")
    assert "Label: Ensure this value has at most 100 characters (it has 150)." in message
    assert not Page.objects.get(pk=page.pk).workflow_in_progress
    assert visitor.get(page.url).content == before


# The content type, the source page, its rows, their speakers. Lower it when a change saves one.
LABELLING_QUERIES = 4


@pytest.mark.parametrize("speakers", [1, 4])
def test_labelling_rows_costs_the_same_queries_whatever_the_number_of_speakers(
    superuser, site_tree, locales, speakers, django_capture_on_commit_callbacks
):
    """Pinned at 1 and 4 speakers: the source page, its rows, and the speakers in one query."""
    edition = build_edition(site_tree.editions, speakers=speakers, quotes=0, sessions=0, partners=0)
    with django_capture_on_commit_callbacks(execute=True):
        translate_object(edition, [locales["ru"]], user=superuser)
    translation = translation_of(edition, locales["ru"])
    props = json.dumps(
        {
            "segments": [
                {
                    "contentPath": f"participations.{row.translation_key}.position",
                    "location": {"subField": "Position at the time"},
                }
                for row in edition.participations.all()
            ]
        }
    )
    translation = Translation.objects.select_related("source").get(pk=translation.pk)

    with CaptureQueriesContext(connection) as queries:
        labelled = json.loads(with_segment_context(props, translation))

    names = {row.speaker.title for row in edition.participations.select_related("speaker")}
    assert {s["location"]["subField"].split(" · ")[1] for s in labelled["segments"]} == names
    assert len(queries) == LABELLING_QUERIES
