"""Who may do what, cell by cell: the truth table of home/roles.py, checked twice, once
through Wagtail's and wagtail-localize's permission checks and once through the admin views a
person would use. Every cell reads one site built once for the module (``world``); what a cell
changes (a submission, a translation) is rolled back after it."""

import io
import json

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.cache import cache
from django.core.management import call_command
from django.db import transaction
from django.test import TestCase
from django.urls import reverse
from wagtail.models import Locale, Page, TaskState
from wagtail_localize.models import Translation
from wagtail_localize.operations import translate_object

from news.models import NewsPage
from tests.conftest import make_home_page
from tests.factories import NewsIndexPageFactory, NewsPageFactory, translate_page
from tests.html import soup_of
from tests.roles import (
    ROLE_GROUPS,
    edit_url,
    granted,
    news_form_data,
    start_review,
    translated_in_the_translation_editor,
)

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


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker):
    """The roles, one user per role, and in each language a news item made the Wagtail way
    and one sent for translation through wagtail-localize; an English item nobody translated.
    Built once for the module and rolled back after it; its value is the objects' ids."""
    with django_db_blocker.unblock(), transaction.atomic():
        locales = {
            code: Locale.objects.get_or_create(language_code=code)[0] for code in ("en", "ru", "fr")
        }
        home = make_home_page(Page.get_first_root_node())
        index = NewsIndexPageFactory(parent=home, slug="news")
        item = NewsPageFactory(parent=index, title="News", slug="news")
        synced = NewsPageFactory(parent=index, title="Synced news", slug="synced")
        untranslated = NewsPageFactory(parent=index, title="Untranslated", slug="new")
        draft = NewsPageFactory(parent=index, title="Draft", slug="draft", live=False)
        superuser = get_user_model().objects.create_superuser(
            username="synthetic-superuser", email="superuser@example.org", password="unused"
        )
        pages = {("news", "en"): item.pk, ("synced", "en"): synced.pk, ("draft", "en"): draft.pk}
        for code in ("ru", "fr"):
            translate_page(home, code)
            translate_page(index, code)
            pages["news", code] = translate_page(item, code, title=f"News ({code})").pk
            with TestCase.captureOnCommitCallbacks(execute=True):
                translate_object(synced, [locales[code]], user=superuser)
            pages["synced", code] = synced.get_translation(locales[code]).pk
            pages["draft", code] = translate_page(draft, code, publish=False).pk
        call_command("setup_roles", stdout=io.StringIO())
        team = {}
        for role, group_name in ROLE_GROUPS.items():
            user = get_user_model().objects.create_user(username=f"synthetic-{role}", password="x")
            user.groups.add(Group.objects.get(name=group_name))
            team[role] = user.pk
        yield {
            "pages": pages,
            "untranslated": untranslated.pk,
            "team": team,
            "superuser": superuser.pk,
            "locales": {code: locale.pk for code, locale in locales.items()},
        }
        transaction.set_rollback(True)
    cache.clear()


@pytest.fixture
def team(world, db):
    users = get_user_model().objects.in_bulk(world["team"].values())
    return {role: users[pk] for role, pk in world["team"].items()}


@pytest.fixture
def locales(world, db):
    return {code: Locale.objects.get(pk=pk) for code, pk in world["locales"].items()}


@pytest.fixture
def page_to(world, db):
    """``page_to(action, language)``: the page the action is tried on, in the state it needs,
    fresh from the database."""

    def page_for(action, language):
        if action == "translate" and language == "en":
            return NewsPage.objects.get(pk=world["untranslated"])
        if action == "translate":
            return NewsPage.objects.get(pk=world["pages"]["synced", language])
        page = NewsPage.objects.get(pk=world["pages"]["news", language])
        if action == "approve":
            start_review(page, get_user_model().objects.get(pk=world["superuser"]))
        return page

    return page_for


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


# Each action through the admin views ---------------------------------------------------------


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


@pytest.mark.parametrize(("role", "language", "action", "expected"), truth_table_cases())
def test_admin_views_follow_the_truth_table(
    role, language, action, expected, team, page_to, client, locales
):
    page = page_to(action, language)
    client.force_login(team[role])

    assert allowed_through_the_admin(action, client, page, locales) is expected


# Changing the shape of the site: structural actions on pages ----------------------------------

# Translators change the text of their language's pages, never its shape: none of these actions
# is theirs (core.pages.SitePagePermissionTester, localisation/guards.py). For each, the page it
# is tried on:
#   delete, move   a page never published (Wagtail lets an editor delete or move their drafts)
#   copy           a live page
#   unpublish      a live page
#   alias          a live wagtail-localize translation: "Convert to alias page"
#   stop_sync      a live wagtail-localize translation: "Stop Synced translation"
# English pages are the source of the translations: they have none to alias or stop.
RESTRUCTURING_TABLE = """
role            page  delete  move  copy  unpublish  alias  stop_sync
editor          en    yes     yes   yes   no         no     no
editor          ru    no      no    no    no         no     no
moderator       en    yes     yes   yes   yes        no     no
moderator       ru    yes     yes   yes   yes        yes    yes
moderator       fr    yes     yes   yes   yes        yes    yes
translator_ru   ru    no      no    no    no         no     no
translator_ru   fr    no      no    no    no         no     no
translator_fr   fr    no      no    no    no         no     no
"""


def restructuring_cases():
    header, *rows = (line.split() for line in RESTRUCTURING_TABLE.strip().splitlines())
    return [
        pytest.param(role, language, action, answer == "yes", id=f"{role}-{language}-{action}")
        for role, language, *answers in rows
        for action, answer in zip(header[2:], answers, strict=True)
    ]


def restructured_through_the_admin(action, client, world, language):
    pages = world["pages"]
    if action in ("delete", "move"):
        page = Page.objects.get(pk=pages["draft", language])
    elif action in ("alias", "stop_sync"):
        page = Page.objects.get(pk=pages["synced", language])
    else:
        page = Page.objects.get(pk=pages["news", language])
    if action == "delete":
        client.post(reverse("wagtailadmin_pages:delete", args=[page.pk]))
        return not Page.objects.filter(pk=page.pk).exists()
    if action == "move":
        return granted(client.get(reverse("wagtailadmin_pages:move", args=[page.pk])))
    if action == "copy":
        return granted(client.get(reverse("wagtailadmin_pages:copy", args=[page.pk])))
    if action == "unpublish":
        client.post(reverse("wagtailadmin_pages:unpublish", args=[page.pk]))
        return not Page.objects.get(pk=page.pk).live
    translation = Translation.objects.filter(
        source__object_id=page.translation_key, target_locale_id=page.locale_id
    ).first()
    if translation is None:
        return False
    if action == "alias":
        client.post(reverse("wagtail_localize:convert_to_alias", args=[page.pk]))
        return Page.objects.get(pk=page.pk).alias_of_id is not None
    if action == "stop_sync":
        client.post(reverse("wagtail_localize:stop_translation", args=[translation.pk]))
        return not Translation.objects.get(pk=translation.pk).enabled
    raise ValueError(action)


@pytest.mark.parametrize(("role", "language", "action", "expected"), restructuring_cases())
def test_only_moderators_change_the_shape_of_a_translated_language(
    role, language, action, expected, team, world, client
):
    client.force_login(team[role])

    assert restructured_through_the_admin(action, client, world, language) is expected


@pytest.mark.parametrize("language", ["ru", "fr"])
def test_the_translation_editor_offers_a_translator_review_and_no_structural_action(
    language, team, world, client
):
    client.force_login(team[f"translator_{language}"])
    page = Page.objects.get(pk=world["pages"]["synced", language])

    editor = soup_of(client.get(edit_url(page)))
    listing = client.get(reverse("wagtailadmin_explore", args=[page.get_parent().pk]))

    props = json.loads(editor.select_one(".js-translation-editor")["data-props"])
    assert props["perms"]["canDelete"] is False
    footer = editor.select_one(".translation-review-footer")
    assert footer.select_one("form")["action"] == reverse(
        "localisation_submit_for_review", args=[page.pk]
    )
    assert footer.button.get_text(strip=True) == "Submit translation for review"
    for view in ("delete", "move", "copy", "unpublish"):
        url = reverse(f"wagtailadmin_pages:{view}", args=[page.pk])
        assert not editor.select(f'a[href^="{url}"]'), view
        assert url not in listing.content.decode(), view


def test_a_moderator_keeps_wagtail_localizes_own_footer(team, world, client):
    client.force_login(team["moderator"])
    page = Page.objects.get(pk=world["pages"]["synced", "ru"])

    editor = soup_of(client.get(edit_url(page)))

    assert editor.select_one(".translation-review-footer") is None
    props = json.loads(editor.select_one(".js-translation-editor")["data-props"])
    assert props["perms"]["canPublish"] is True
    assert props["links"]["convertToAliasUrl"]


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
