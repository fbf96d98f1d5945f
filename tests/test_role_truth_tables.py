"""Who may do what, cell by cell: the truth table of home/roles.py, checked twice, once
through Wagtail's and wagtail-localize's permission checks and once through the admin views a
person would use. Every cell reads one site built once for the module (``world``); what a cell
changes (a submission, a translation) is rolled back after it."""

import io

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.cache import cache
from django.core.management import call_command
from django.db import transaction
from django.test import TestCase
from django.urls import reverse
from wagtail.models import Locale, Page, TaskState
from wagtail_localize.operations import translate_object

from news.models import NewsPage
from tests.conftest import make_home_page
from tests.factories import NewsIndexPageFactory, NewsPageFactory, translate_page
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
        superuser = get_user_model().objects.create_superuser(
            username="synthetic-superuser", email="superuser@example.org", password="unused"
        )
        pages = {("news", "en"): item.pk, ("synced", "en"): synced.pk}
        for code in ("ru", "fr"):
            translate_page(home, code)
            translate_page(index, code)
            pages["news", code] = translate_page(item, code, title=f"News ({code})").pk
            with TestCase.captureOnCommitCallbacks(execute=True):
                translate_object(synced, [locales[code]], user=superuser)
            pages["synced", code] = synced.get_translation(locales[code]).pk
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
