"""A translator reads their own language, and English as visitors read it (localisation/scope.py):
no title of another language's pages, of an English draft or of a restricted English page in
the page chooser, its search or the explorer."""

import io

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.urls import reverse
from wagtail.models import PageViewRestriction

from home.roles import MODERATORS, translators_group_name
from tests.factories import NewsPageFactory, translate_page, translate_pages

pytestmark = pytest.mark.django_db


@pytest.fixture
def pages(site_tree, locales):
    translate_pages([site_tree.home, site_tree.news], "ru")
    translate_pages([site_tree.home, site_tree.news], "fr")
    public = NewsPageFactory(parent=site_tree.news, title="Zebra public")
    draft = NewsPageFactory(parent=site_tree.news, title="Zebra draft", live=False)
    restricted = NewsPageFactory(parent=site_tree.news, title="Zebra restricted")
    PageViewRestriction.objects.create(page=restricted, restriction_type="login")
    return {
        "public": public,
        "draft": draft,
        "restricted": restricted,
        "russian draft": translate_page(public, "ru", title="Zebra по-русски", publish=False),
        "french draft": translate_page(public, "fr", title="Zebra en français", publish=False),
    }


@pytest.fixture
def user_in(django_user_model, pages):
    call_command("setup_roles", stdout=io.StringIO())

    def user(group_name):
        person = django_user_model.objects.create_user(username=group_name[:30], password="x")
        person.groups.add(Group.objects.get(name=group_name))
        return person

    return user


def chooser_titles(client, **query):
    response = client.get(reverse("wagtailadmin_choose_page_search"), {"q": "Zebra", **query})
    assert response.status_code == 200
    return {title for title in ("Zebra public", "Zebra draft", "Zebra restricted",
                                "Zebra по-русски", "Zebra en français")
            if title in response.content.decode()}  # fmt: skip


@pytest.mark.search_index
def test_a_translator_chooses_among_their_language_and_english_as_visitors_see_it(client, user_in):
    client.force_login(user_in(translators_group_name("ru")))

    assert chooser_titles(client) == {"Zebra public", "Zebra по-русски"}


@pytest.mark.search_index
def test_a_moderator_chooses_among_every_page(client, user_in):
    client.force_login(user_in(MODERATORS))

    assert chooser_titles(client) == {
        "Zebra public",
        "Zebra draft",
        "Zebra restricted",
        "Zebra по-русски",
        "Zebra en français",
    }


def test_a_translator_browsing_the_chooser_from_the_root_sees_no_other_language(
    client, user_in, site_tree, pages
):
    client.force_login(user_in(translators_group_name("ru")))
    french_news = site_tree.news.get_translation(pages["french draft"].locale)

    root = client.get(
        reverse("wagtailadmin_choose_page_child", args=[site_tree.home.get_parent().pk])
    )
    french = client.get(reverse("wagtailadmin_choose_page_child", args=[french_news.pk]))

    home_pages = root.json()["html"]
    assert "Synthetic conference series" in home_pages  # English, live and public
    assert "Zebra en français" not in french.json()["html"]
