"""The dashboard tells each person what waits for them (localisation/panels.py): a translator,
their language's pages by state with the pages returned to them; a moderator, the translations
awaiting review per language; an editor, nothing of the kind."""

import pytest
from django.urls import reverse
from wagtail_localize.models import StringTranslation, Translation
from wagtail_localize.operations import translate_object

from home.roles import EDITORS, MODERATORS, translators_group_name
from tests.factories import NewsPageFactory
from tests.html import soup_of
from tests.roles import people_in_roles

pytestmark = pytest.mark.django_db


@pytest.fixture
def people(site_tree, locales, django_user_model, superuser, django_capture_on_commit_callbacks):
    """Three English news items: one translated into Russian and in review, one translated and
    returned with changes requested, one never translated."""
    with django_capture_on_commit_callbacks(execute=True):
        translate_object(site_tree.home, [locales["ru"]], user=superuser)
        translate_object(site_tree.news, [locales["ru"]], user=superuser)
    users = people_in_roles(
        translator=translators_group_name("ru"), moderator=MODERATORS, editor=EDITORS
    )
    for title, outcome in [("Reviewed item", "review"), ("Returned item", "returned")]:
        source = NewsPageFactory(parent=site_tree.news, title=title)
        with django_capture_on_commit_callbacks(execute=True):
            translate_object(source, [locales["ru"]], user=superuser)
        translation = Translation.objects.get(
            source__object_id=source.translation_key, target_locale=locales["ru"]
        )
        for segment in translation.source.stringsegment_set.select_related("string", "context"):
            StringTranslation.objects.create(
                translation_of=segment.string,
                locale=locales["ru"],
                context=segment.context,
                data=f"RU {segment.string.data}",
            )
        page = source.get_translation(locales["ru"]).specific
        page.save_revision(user=users["translator"])
        state = page.get_workflow().start(page, users["translator"])
        if outcome == "returned":
            task_state = state.current_task_state
            task_state.task.specific.on_action(
                task_state, users["moderator"], "reject", comment="Shorter, please."
            )
    NewsPageFactory(parent=site_tree.news, title="Untranslated item")
    return users


def panel(client, panel_id):
    return soup_of(client.get(reverse("wagtailadmin_home"))).select_one(f"#{panel_id}-section")


def test_a_translator_sees_what_waits_in_their_language(client, people):
    client.force_login(people["translator"])

    work = panel(client, "translator-work")

    counts = {li["data-state"]: int(li.strong.get_text()) for li in work.select("[data-state]")}
    assert counts["changes_requested"] == 1
    assert counts["missing"] == 4  # the untranslated item and three index pages
    returned = [a.get_text(strip=True) for a in work.select(".translator-work__returned a")]
    assert returned == ["Returned item"]
    link = work.select_one('[data-state="missing"] a')["href"]
    assert link == "/admin/translation-status/?state=missing&language=ru"


def test_a_moderator_sees_the_translations_awaiting_review_per_language(client, people):
    client.force_login(people["moderator"])

    queue = panel(client, "translations-in-review")

    assert " ".join(queue.select_one('[data-language="ru"]').get_text().split()) == "Russian: 1"
    assert queue.select_one('[data-language="ru"] a')["href"] == (
        "/admin/translation-status/?state=in_review&language=ru"
    )


def test_an_editor_has_no_translation_panel(client, people):
    client.force_login(people["editor"])

    assert panel(client, "translator-work") is None
    assert panel(client, "translations-in-review") is None


def test_an_editor_reads_each_translations_state_on_the_page_status_panel(
    client, people, site_tree
):
    client.force_login(people["editor"])

    editor = soup_of(client.get(reverse("wagtailadmin_pages:edit", args=[site_tree.news.pk])))

    states = {
        li["data-language"]: li.get_text(strip=True)
        for li in editor.select(".translation-states li")
    }
    assert states["ru"] == "Russian: In progress"  # published with English segments left
    assert states["fr"] == "French: Missing"
    panel_text = editor.select_one(".translation-states").find_parent("div").get_text(" ")
    assert "No other translations" not in panel_text
    assert "Its translations:" in panel_text
