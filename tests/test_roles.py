"""Who may do what: Editors write English, each Translators group works on its own language,
Moderators review and publish everything (home/roles.py, `manage.py setup_roles`).

The truth table below is the specification; every cell is checked twice, once through Wagtail's
and wagtail-localize's permission checks and once through the admin views a person would use.
"""

import io
import json
from urllib.parse import urlencode

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.urls import reverse
from wagtail.models import (
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    Page,
    TaskState,
    Workflow,
    WorkflowPage,
)
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield
from wagtail_localize.models import StringTranslation, Translation
from wagtail_localize.operations import translate_object

from home.roles import EDITORS, MODERATORS, REVIEW_WORKFLOW, translators_group_name
from news.models import NewsPage
from tests.factories import HomePageFactory, NewsPageFactory, translate_page

pytestmark = pytest.mark.django_db

ROLE_GROUPS = {
    "editor": EDITORS,
    "moderator": MODERATORS,
    "translator_ru": translators_group_name("ru"),
    "translator_fr": translators_group_name("fr"),
}

# What each action means, for a page in the given language:
#   view_draft  preview the latest draft (Wagtail's "View draft")
#   edit        open the page in the admin editor
#   submit      send the page to the "Review before publishing" workflow
#   approve     approve the page while it is in that workflow
#   publish     publish the page directly
#   translate   on an English page: send it for translation (wagtail-localize's "Translate this
#               page"); on a translated page: translate it in wagtail-localize's editor
TRUTH_TABLE = """
role            page  view_draft  edit  submit  approve  publish  translate
editor          en    yes         yes   yes     no       no       no
editor          ru    no          no    no      no       no       no
editor          fr    no          no    no      no       no       no
moderator       en    yes         yes   yes     yes      yes      yes
moderator       ru    yes         yes   yes     yes      yes      yes
moderator       fr    yes         yes   yes     yes      yes      yes
translator_ru   en    no          no    no      no       no       no
translator_ru   ru    yes         yes   yes     no       no       yes
translator_ru   fr    no          no    no      no       no       no
translator_fr   en    no          no    no      no       no       no
translator_fr   ru    no          no    no      no       no       no
translator_fr   fr    yes         yes   yes     no       no       yes
"""


def truth_table_cases():
    header, *rows = (line.split() for line in TRUTH_TABLE.strip().splitlines())
    actions = header[2:]
    return [
        pytest.param(role, language, action, answer == "yes", id=f"{role}-{language}-{action}")
        for role, language, *answers in rows
        for action, answer in zip(actions, answers, strict=True)
    ]


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


@pytest.fixture
def page_to(news_index_in, news_item_in, synced_translation_in, superuser):
    """``page_to(action, language)``: the page the action is tried on, in the state it needs."""

    def page_for(action, language):
        if action == "translate" and language == "en":
            news_index_in("ru")  # where the translation will go
            return NewsPageFactory(parent=news_index_in("en"), title="Untranslated", slug="new")
        if action == "translate":
            return synced_translation_in(language)
        page = news_item_in(language)
        if action == "approve":
            start_review(page, superuser)
        return page

    return page_for


def start_review(page, user):
    page.save_revision(user=user)
    page.get_workflow().start(page, user)


# Each action through the permission checks the admin makes -----------------------------------


def allowed_by_permission_checks(action, user, page):
    perms = page.permissions_for_user(user)
    if action == "view_draft":
        # The rule of Wagtail's ViewDraftView.
        return perms.can_edit() or perms.can_publish()
    if action == "edit":
        return perms.can_edit()
    if action == "submit":
        return perms.can_edit() and perms.can_submit_for_moderation()
    if action == "approve":
        actions = page.current_workflow_task.specific.get_actions(page, user)
        return "approve" in {name for name, _label, _needs_data in actions}
    if action == "publish":
        return perms.can_publish()
    if action == "translate":
        if page.locale.language_code == "en":
            # wagtail-localize's submit views check this model permission and nothing else.
            return user.has_perm("wagtail_localize.submit_translation")
        # Its translation editor and string API check the page's edit permission.
        return perms.can_edit()
    raise ValueError(action)


@pytest.mark.parametrize(("role", "language", "action", "expected"), truth_table_cases())
def test_permission_checks_follow_the_truth_table(role, language, action, expected, team, page_to):
    page = page_to(action, language)

    assert allowed_by_permission_checks(action, team[role], page) is expected


# Each action through the admin views -----------------------------------------------------------


def granted(response):
    """True when the admin served the page, False when it refused: a redirect to the dashboard
    (Wagtail's "Sorry, you do not have permission") or a 403. Anything else fails the test."""
    if response.status_code == 200:
        return True
    if response.status_code == 403:
        return False
    if response.status_code == 302 and response.url == reverse("wagtailadmin_home"):
        return False
    raise AssertionError(f"Neither served nor refused: {response.status_code} {response}")


def edit_url(page):
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


def news_form_data(page, **fields):
    """The POST the page editor sends for a news item with nothing inline."""
    return nested_form_data(
        {
            "title": page.title,
            "slug": page.slug,
            "date": page.date.isoformat(),
            "edition": "",
            "topics": inline_formset([]),
            "lead": page.lead,
            "body": streamfield([]),
            "seo_title": "",
            "search_description": "",
            "go_live_at": "",
            "expire_at": "",
            **fields,
        }
    )


def allowed_through_the_admin(action, client, page, locales):
    if action == "view_draft":
        return granted(client.get(reverse("wagtailadmin_pages:view_draft", args=[page.pk])))
    if action == "edit":
        return granted(client.get(edit_url(page)))
    if action == "submit":
        client.post(edit_url(page), news_form_data(page, **{"action-submit": "Submit"}))
        return Page.objects.get(pk=page.pk).workflow_in_progress
    if action == "approve":
        task_state = page.current_workflow_task_state
        client.post(
            reverse("wagtailadmin_pages:workflow_action", args=[page.pk, "approve", task_state.pk]),
            {"comment": ""},
        )
        return TaskState.objects.get(pk=task_state.pk).status == TaskState.STATUS_APPROVED
    if action == "publish":
        client.post(
            edit_url(page),
            news_form_data(page, title="Published title", **{"action-publish": "Publish"}),
        )
        return NewsPage.objects.get(pk=page.pk).title == "Published title"
    if action == "translate":
        if page.locale.language_code == "en":
            client.post(
                reverse("wagtail_localize:submit_page_translation", args=[page.pk]),
                {"locales": [locales["ru"].pk]},
            )
            return page.get_translations().filter(locale=locales["ru"]).exists()
        return translated_in_the_translation_editor(client, page)
    raise ValueError(action)


def translated_in_the_translation_editor(client, page):
    """Opens the page's translation in wagtail-localize's editor and translates its title."""
    translation = Translation.objects.get(
        source__object_id=page.translation_key, target_locale=page.locale
    )
    editor = client.get(edit_url(page))
    editor_opened = granted(editor)
    if editor_opened:
        props = json.loads(editor.context["props"])
        assert props["locale"]["code"] == page.locale.language_code

    title = translation.source.stringsegment_set.get(context__path="title")
    client.put(
        reverse("wagtail_localize:edit_string_translation", args=[translation.pk, title.pk]),
        urlencode({"value": "Translated title"}),
        content_type="application/x-www-form-urlencoded",
    )
    title_translated = StringTranslation.objects.filter(
        translation_of=title.string, locale=page.locale, data="Translated title"
    ).exists()

    assert editor_opened == title_translated, "the editor and its string API disagree"
    return title_translated


@pytest.mark.parametrize(("role", "language", "action", "expected"), truth_table_cases())
def test_admin_views_follow_the_truth_table(
    role, language, action, expected, team, page_to, client, locales
):
    page = page_to(action, language)
    client.force_login(team[role])

    assert allowed_through_the_admin(action, client, page, locales) is expected


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


# Snippets, glossary, images: model-wide rights, deliberately narrow for translators --------------

SNIPPET_TABLE = """
role            venue_add  topic_add  glossary_list  glossary_add
editor          yes        yes        yes            no
moderator       yes        yes        yes            yes
translator_ru   no         no         yes            no
"""

SNIPPET_URLS = {
    "venue_add": "wagtailsnippets_editions_venue:add",
    "topic_add": "wagtailsnippets_news_topic:add",
    "glossary_list": "wagtailsnippets_localisation_glossaryterm:list",
    "glossary_add": "wagtailsnippets_localisation_glossaryterm:add",
}


def snippet_cases():
    header, *rows = (line.split() for line in SNIPPET_TABLE.strip().splitlines())
    return [
        pytest.param(role, view, answer == "yes", id=f"{role}-{view}")
        for role, *answers in rows
        for view, answer in zip(header[1:], answers, strict=True)
    ]


@pytest.mark.parametrize(("role", "view", "expected"), snippet_cases())
def test_snippet_views_follow_the_table(role, view, expected, team, client):
    client.force_login(team[role])

    assert granted(client.get(reverse(SNIPPET_URLS[view]))) is expected
