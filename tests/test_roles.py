"""Who may do what: Editors write English, each Translators group works on its own language,
Moderators review and publish everything (home/roles.py, `manage.py setup_roles`). The truth
table itself is checked in test_role_truth_tables.py; here, what setup_roles does and the
publishing of synced translations."""

import io
import json

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from wagtail.models import (
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    Workflow,
    WorkflowPage,
)
from wagtail_localize.models import StringTranslation, Translation
from wagtail_localize.operations import translate_object

from home.roles import EDITORS, MODERATORS, REVIEW_WORKFLOW, translators_group_name
from news.models import NewsPage
from tests.factories import HomePageFactory, NewsPageFactory, translate_page
from tests.roles import (
    ROLE_GROUPS,
    edit_url,
    granted,
    translated_in_the_translation_editor,
)

pytestmark = pytest.mark.django_db

# The site: a news item in English and its translations --------------------------------------


@pytest.fixture
def roles(db):
    output = io.StringIO()
    call_command("setup_roles", stdout=output)
    return output.getvalue()


@pytest.fixture
def team(roles, django_user_model):
    """One user per role, in the group setup_roles made for it."""
    team = {}
    for role, group_name in ROLE_GROUPS.items():
        user = django_user_model.objects.create_user(username=f"synthetic-{role}", password="x")
        user.groups.add(Group.objects.get(name=group_name))
        team[role] = user
    return team


@pytest.fixture
def news_index_in(home_page, news_index, locales):
    """``news_index_in(language)``: the news index in that language; the Russian or French one
    (and its home page) is translated on first use, so a test builds only what it acts on."""
    indexes = {"en": news_index}

    def news_index_in(code):
        if code not in indexes:
            translate_page(home_page, code)
            indexes[code] = translate_page(news_index, code)
        return indexes[code]

    return news_index_in


@pytest.fixture
def news_item_in(news_index_in):
    """``news_item_in(language)``: a news item in English, or its translation made the Wagtail
    way (a copy, edited in Wagtail's own editor)."""
    items = {"en": NewsPageFactory(parent=news_index_in("en"), title="News", slug="news")}

    def news_item_in(code):
        if code not in items:
            news_index_in(code)
            items[code] = translate_page(items["en"], code, title=f"News ({code})")
        return items[code]

    return news_item_in


@pytest.fixture
def synced_translation_in(news_index_in, locales, superuser, django_capture_on_commit_callbacks):
    """``synced_translation_in(language)``: another English news item, sent for translation
    through wagtail-localize; its translation opens in wagtail-localize's editor."""
    source = NewsPageFactory(parent=news_index_in("en"), title="Synced news", slug="synced")

    def synced_translation_in(code):
        news_index_in(code)
        with django_capture_on_commit_callbacks(execute=True):
            translate_object(source, [locales[code]], user=superuser)
        return source.get_translation(locales[code]).specific

    return synced_translation_in


# Synced translations: publishing is the moderators' ------------------------------------------


def test_a_translator_cannot_publish_from_the_translation_editor(
    team, synced_translation_in, client, django_capture_on_commit_callbacks
):
    russian = synced_translation_in("ru")
    client.force_login(team["translator_ru"])
    assert translated_in_the_translation_editor(client, russian)

    editor = client.get(edit_url(russian))
    with django_capture_on_commit_callbacks(execute=True):
        attempt = client.post(edit_url(russian), {"action": "publish"})

    assert json.loads(editor.context["props"])["perms"]["canPublish"] is False
    assert not granted(attempt)
    assert NewsPage.objects.get(pk=russian.pk).title == "Synced news"


def test_a_moderator_publishes_a_translation_from_the_translation_editor(
    team, synced_translation_in, client, django_capture_on_commit_callbacks
):
    russian = synced_translation_in("ru")
    translation = Translation.objects.get(
        source__object_id=russian.translation_key, target_locale=russian.locale
    )
    title = translation.source.stringsegment_set.get(context__path="title")
    StringTranslation.objects.create(
        translation_of=title.string, locale=russian.locale, context=title.context, data="Новость"
    )
    client.force_login(team["moderator"])

    with django_capture_on_commit_callbacks(execute=True):
        client.post(edit_url(russian), {"action": "publish"})

    published = NewsPage.objects.get(pk=russian.pk)
    assert (published.title, published.live) == ("Новость", True)


# setup_roles -------------------------------------------------------------------------------------


def snapshot_of_roles():
    """Every row setup_roles manages, as comparable data."""
    return {
        "groups": sorted(
            (group.name, sorted(group.permissions.values_list("codename", flat=True)))
            for group in Group.objects.all()
        ),
        "page permissions": sorted(
            GroupPagePermission.objects.values_list(
                "group__name", "page_id", "permission__codename"
            )
        ),
        "collection permissions": sorted(
            GroupCollectionPermission.objects.values_list(
                "group__name", "collection_id", "permission__codename"
            )
        ),
        "workflows": sorted(Workflow.objects.values_list("name", "active")),
        "workflow pages": sorted(WorkflowPage.objects.values_list("page_id", "workflow__name")),
    }


def test_setup_roles_a_second_time_changes_nothing_and_says_so(site_tree, locales, roles):
    before = snapshot_of_roles()
    output = io.StringIO()

    call_command("setup_roles", stdout=output)

    assert snapshot_of_roles() == before
    assert "nothing changed" in output.getvalue()


def test_setup_roles_reports_what_it_changed(site_tree, locales, roles):
    assert "Roles updated:" in roles
    assert "Editors: page permissions add_page, change_page revoked on the tree root" in roles
    assert "Created the group “Translators: Russian (ru)”." in roles
    assert "Created the group “Translators: French (fr)”." in roles
    assert (
        "Renamed Wagtail's starter workflow “Moderators approval” to “Review before publishing”."
        in roles
    )


def test_editors_lose_wagtails_default_rights_on_the_whole_tree(site_tree, locales, roles):
    editors = GroupPagePermission.objects.filter(group__name=EDITORS)

    assert set(editors.values_list("page_id", "permission__codename")) == {
        (site_tree.home.pk, "add_page"),
        (site_tree.home.pk, "change_page"),
        (site_tree.home.pk, "lock_page"),
    }
    assert (
        not Group.objects.get(name=EDITORS)
        .permissions.filter(codename="submit_translation")
        .exists()
    )


def test_every_page_of_every_language_goes_through_moderators_review(news_item_in, roles):
    workflow = Workflow.objects.get(name=REVIEW_WORKFLOW)
    task = GroupApprovalTask.objects.get(workflow_tasks__workflow=workflow)

    assert Workflow.objects.filter(active=True).get() == workflow
    assert list(task.groups.values_list("name", flat=True)) == [MODERATORS]
    assert list(workflow.tasks) == [task.task_ptr]
    pages = [news_item_in(code) for code in ("en", "ru", "fr")]
    assert {page.get_workflow() for page in pages} == {workflow}
    assert WorkflowPage.objects.get(workflow=workflow).page.is_root()


def test_a_language_without_a_home_page_is_reported(site_tree, locales, roles):
    assert "There is no Russian home page yet" in roles
    assert not GroupPagePermission.objects.filter(group__name=translators_group_name("ru")).exists()


def test_translators_get_their_languages_home_page_when_it_is_created_later(
    site_tree, locales, roles
):
    russian_home = translate_page(site_tree.home, "ru")
    output = io.StringIO()
    call_command("setup_roles", stdout=output)

    assert "nothing changed" in output.getvalue()
    rows = GroupPagePermission.objects.filter(group__name=translators_group_name("ru"))
    assert list(rows.values_list("page_id", "permission__codename")) == [
        (russian_home.pk, "change_page")
    ]


def test_editors_get_the_english_home_page_when_it_is_created_after_setup_roles(
    root_page, locales, roles
):
    home = HomePageFactory(parent=root_page, slug="english-home")
    output = io.StringIO()
    call_command("setup_roles", stdout=output)

    assert "nothing changed" in output.getvalue()
    rows = GroupPagePermission.objects.filter(group__name=EDITORS)
    assert sorted(rows.values_list("page_id", "permission__codename")) == [
        (home.pk, "add_page"),
        (home.pk, "change_page"),
        (home.pk, "lock_page"),
    ]


def test_adding_a_language_to_the_settings_adds_its_translators(
    site_tree, locales, roles, settings
):
    settings.WAGTAIL_CONTENT_LANGUAGES = settings.LANGUAGES = [
        *settings.WAGTAIL_CONTENT_LANGUAGES,
        ("de", "German"),
    ]
    output = io.StringIO()

    call_command("setup_roles", stdout=output)

    assert "Created the group “Translators: German (de)”." in output.getvalue()
    assert Group.objects.filter(name__startswith="Translators: ").count() == 3


def test_a_translators_group_is_found_by_its_language_code_when_renamed(site_tree, locales, roles):
    Group.objects.filter(name=translators_group_name("fr")).update(name="Translators: FR team (fr)")
    output = io.StringIO()

    call_command("setup_roles", stdout=output)

    assert "Renamed the group “Translators: FR team (fr)” to “Translators: French (fr)”." in (
        output.getvalue()
    )
    assert Group.objects.filter(name__startswith="Translators: ").count() == 2
