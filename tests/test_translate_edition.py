""" "Translate this edition" (localisation/edition_translation.py): the edition page, its
speakers, partners, venue and news prepared in a language in one action, machine-translated
for translators to check, and nothing live without review."""

import datetime
import io

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.models import Page
from wagtail_localize.models import StringTranslation

from editions.models import Venue
from home.roles import MODERATORS, translators_group_name
from localisation.edition_translation import plan
from news.models import NewsPage
from tests.factories import NewsPageFactory, build_edition, translate_pages
from tests.html import soup_of
from tests.roles import granted

pytestmark = pytest.mark.django_db


@pytest.fixture
def edition(site_tree, locales):
    translate_pages(
        [
            site_tree.home,
            site_tree.editions,
            site_tree.speakers,
            site_tree.partners,
            site_tree.news,
        ],
        "ru",
    )
    edition = build_edition(
        site_tree.editions,
        speakers=2,
        quotes=1,
        sessions=0,
        partners=1,
        title="Synthetic edition 2016",
        start_date=datetime.date(2016, 9, 22),
    )
    NewsPageFactory(parent=site_tree.news, edition=edition, title="Synthetic news")
    return edition


@pytest.fixture
def moderator(django_user_model, edition):
    call_command("setup_roles", stdout=io.StringIO())
    user = django_user_model.objects.create_user(username="moderator", password="x")
    user.groups.add(Group.objects.get(name=MODERATORS))
    return user


def url(edition):
    return reverse("localisation_translate_edition", args=[edition.pk])


def russian(instance, locales):
    return instance.get_translations().filter(locale=locales["ru"]).first()


def test_the_moderator_sees_what_will_be_prepared_before_confirming(client, moderator, edition):
    client.force_login(moderator)

    preview = soup_of(client.get(url(edition), {"language": "ru"}))

    created = [li.get_text(strip=True) for li in preview.select('[data-action="create"]')]
    assert "To create: Synthetic edition 2016" in created
    assert "To create: Synthetic news" in created
    assert len(created) == 1 + 2 + 1 + 1 + 1  # edition, speakers, partner, news, venue
    assert Page.objects.filter(locale__language_code="ru").count() == 5  # nothing done yet
    trail = [a.get_text(strip=True) for a in preview.select("nav[aria-label] a")]
    assert "Synthetic edition 2016" in trail


def test_translating_the_edition_prepares_every_page_as_a_machine_translated_draft(
    client, moderator, edition, locales, django_capture_on_commit_callbacks
):
    client.force_login(moderator)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url(edition), {"language": "ru", "machine_translate": "on"})

    speakers = [row.speaker for row in edition.participations.all()]
    prepared = [edition, *speakers, edition.partners.get().organisation]
    prepared.append(NewsPage.objects.get(edition=edition, locale=locales["en"]))
    pages = [russian(page, locales) for page in prepared]
    assert all(page is not None and not page.live for page in pages)
    assert russian(Venue.objects.get(pk=edition.venue_id), locales) is not None
    machine = StringTranslation.objects.filter(
        locale=locales["ru"], translation_type=StringTranslation.TRANSLATION_TYPE_MACHINE
    )
    assert machine.exists()
    assert response["Location"] == (f"/admin/translation-status/?edition={edition.pk}&language=ru")
    board = soup_of(client.get(response["Location"]))
    message = board.select_one(".messages").get_text(" ", strip=True)
    assert "6 pages and venues of “Synthetic edition 2016” were prepared in Russian" in message
    assert "machine-translated, for translators to check" in message
    assert client.get("/ru/editions/").status_code == 200
    assert "Synthetic edition 2016" not in client.get("/ru/editions/").content.decode()


def test_a_live_translation_is_synced_into_a_revision_and_stays_as_visitors_read_it(
    client, moderator, edition, locales, django_capture_on_commit_callbacks
):
    client.force_login(moderator)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url(edition), {"language": "ru"})
    speaker = edition.participations.first().speaker
    page = russian(speaker, locales).specific
    page.save_revision().publish()
    before = client.get(page.url).content
    speaker.refresh_from_db()
    speaker.title = "Synthetic Speaker renamed"
    speaker.save_revision().publish()

    preview = soup_of(client.get(url(edition), {"language": "ru"}))
    assert f"To sync: {speaker.title}" in [
        li.get_text(strip=True) for li in preview.select('[data-action="update"]')
    ]
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url(edition), {"language": "ru", "machine_translate": "on"})

    page = Page.objects.get(pk=page.pk).specific
    assert client.get(page.url).content == before
    assert page.has_unpublished_changes


def test_translators_may_not_translate_a_whole_edition(client, django_user_model, edition):
    call_command("setup_roles", stdout=io.StringIO())
    user = django_user_model.objects.create_user(username="translator", password="x")
    user.groups.add(Group.objects.get(name=translators_group_name("ru")))
    client.force_login(user)

    assert granted(client.get(url(edition))) is False
    assert granted(client.post(url(edition), {"language": "ru"})) is False
    assert not Page.objects.filter(
        locale__language_code="ru", title="Synthetic edition 2016"
    ).exists()


def test_the_edition_page_offers_the_action_to_a_moderator(client, moderator, edition):
    client.force_login(moderator)

    explorer = client.get(reverse("wagtailadmin_explore", args=[edition.get_parent().pk]))

    assert url(edition) in explorer.content.decode()


@pytest.mark.parametrize("speakers", [1, 5])
def test_showing_what_will_be_prepared_costs_the_same_queries_whatever_the_size(
    site_tree, locales, speakers
):
    """Pinned at 1 and 5 speakers: the pages, the venue, what is translated, what is synced."""
    translate_pages([site_tree.home, site_tree.editions], "ru")
    edition = build_edition(site_tree.editions, speakers=speakers, quotes=0, sessions=0, partners=2)

    with CaptureQueriesContext(connection) as queries:
        work = plan(edition, locales["ru"])

    assert len(work.create) == 1 + speakers + 2 + 1  # edition, speakers, partners, venue
    assert len(queries) == PLAN_QUERIES


# The pages (and their specific rows, one query per page type), the venue, the translated
# pages, the translated venues, the synced sources. Lower it when a change saves one.
PLAN_QUERIES = 7
