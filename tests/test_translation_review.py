"""A translator hands a finished translation over to review; a moderator approves and publishes
it (localisation/review.py). Moderation and translation fit together."""

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse
from wagtail.models import Page
from wagtail_localize.models import StringTranslation, Translation
from wagtail_localize.operations import translate_object

from home.roles import MODERATORS, translators_group_name
from tests.factories import NewsPageFactory, translate_pages
from tests.roles import people_in_roles

pytestmark = pytest.mark.django_db


@pytest.fixture
def users(site_tree, locales, django_user_model):
    translate_pages([site_tree.home, site_tree.news], "fr")
    translate_pages([site_tree.home], "ru")
    return people_in_roles(
        translator_fr=translators_group_name("fr"),
        translator_ru=translators_group_name("ru"),
        moderator=MODERATORS,
    )


@pytest.fixture
def french_news(site_tree, locales, superuser, django_capture_on_commit_callbacks):
    """An English news item sent for translation into French through wagtail-localize; its
    French page is a draft whose strings nobody has translated yet."""
    source = NewsPageFactory(
        parent=site_tree.news, title="Synthetic announcement", lead="A synthetic lead."
    )
    with django_capture_on_commit_callbacks(execute=True):
        translate_object(source, [locales["fr"]], user=superuser)
    return source.get_translation(locales["fr"]).specific


def translate_every_segment(page, prefix="FR "):
    translation = Translation.objects.get(
        source__object_id=page.translation_key, target_locale=page.locale
    )
    for segment in translation.source.stringsegment_set.select_related("string", "context"):
        StringTranslation.objects.update_or_create(
            translation_of=segment.string,
            locale=page.locale,
            context=segment.context,
            defaults={"data": f"{prefix}{segment.string.data}"},
        )


def submit_url(page):
    return reverse("localisation_submit_for_review", args=[page.pk])


def messages_of(response):
    return [str(message) for message in get_messages(response.wsgi_request)]


def test_a_translator_submits_a_finished_translation_and_a_moderator_publishes_it(
    client, users, french_news
):
    translate_every_segment(french_news)
    client.force_login(users["translator_fr"])

    confirmation = client.get(submit_url(french_news))
    response = client.post(submit_url(french_news))

    assert "will be saved as a draft and sent to review" in confirmation.content.decode()
    page = Page.objects.get(pk=french_news.pk).specific
    assert page.workflow_in_progress
    assert not page.live
    assert page.get_latest_revision_as_object().title == "FR Synthetic announcement"
    assert messages_of(response) == [
        "“FR Synthetic announcement” was submitted for review in French."
    ]

    client.force_login(users["moderator"])
    task_state = page.current_workflow_task_state
    client.post(
        reverse("wagtailadmin_pages:workflow_action", args=[page.pk, "approve", task_state.pk])
    )

    page.refresh_from_db()
    assert page.live
    assert not page.workflow_in_progress
    assert "FR Synthetic announcement" in client.get(page.url).content.decode()


def test_an_unfinished_translation_cannot_be_submitted(client, users, french_news):
    client.force_login(users["translator_fr"])

    confirmation = client.get(submit_url(french_news))
    response = client.post(submit_url(french_news))

    assert "2 segments are not translated yet" in confirmation.content.decode()
    assert messages_of(response) == [
        "2 segments are not translated yet: translate them before submitting."
    ]
    assert not Page.objects.get(pk=french_news.pk).workflow_in_progress


def test_a_translation_already_in_review_is_not_submitted_twice(client, users, french_news):
    translate_every_segment(french_news)
    client.force_login(users["translator_fr"])
    client.post(submit_url(french_news))

    response = client.post(submit_url(french_news))

    assert messages_of(response)[-1] == "This page is already in review."


def test_a_translator_of_another_language_cannot_submit(client, users, french_news):
    translate_every_segment(french_news)
    client.force_login(users["translator_ru"])

    response = client.post(submit_url(french_news))

    assert response.status_code in (302, 403)
    assert response.status_code == 403 or response["Location"] == reverse("wagtailadmin_home")
    assert not Page.objects.get(pk=french_news.pk).workflow_in_progress


def test_a_source_page_is_not_a_translation_to_submit(
    client, users, french_news, superuser, locales
):
    client.force_login(superuser)
    source = french_news.get_translation(locales["en"])

    response = client.get(submit_url(source))

    assert response.status_code in (302, 403)


def test_the_page_explorer_offers_the_translator_to_submit(client, users, french_news):
    translate_every_segment(french_news)
    client.force_login(users["translator_fr"])

    listing = client.get(reverse("wagtailadmin_explore", args=[french_news.get_parent().pk]))

    assert "Submit translation for review" in listing.content.decode()
    assert submit_url(french_news) in listing.content.decode()


def test_the_page_explorer_does_not_offer_it_to_another_language(client, users, french_news):
    client.force_login(users["moderator"])
    english = client.get(reverse("wagtailadmin_explore", args=[french_news.get_parent().pk]))
    client.force_login(users["translator_ru"])
    russian = client.get(reverse("wagtailadmin_explore", args=[french_news.get_parent().pk]))

    assert "Submit translation for review" in english.content.decode()
    assert "Submit translation for review" not in russian.content.decode()


def test_the_status_board_leads_a_finished_draft_to_review(client, users, french_news):
    client.force_login(users["translator_fr"])
    board = reverse("localisation_translation_board")
    unfinished = client.get(board).content.decode()
    translate_every_segment(french_news)

    finished = client.get(board).content.decode()

    assert submit_url(french_news) not in unfinished
    assert reverse("wagtailadmin_pages:edit", args=[french_news.pk]) in unfinished
    assert f"{submit_url(french_news)}?next=" in finished
    assert "Submit translation for review" in finished
