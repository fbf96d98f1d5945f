"""The translation status board (localisation/board.py, /admin/translation-status/): every English
page against Russian and French, each cell in one of four states with the link that state needs,
filterable by edition and language, in the same number of queries for 3 pages as for 30.

Translations are made with wagtail-localize's models here (TranslationSource, Translation,
StringTranslation); tests/test_translation_cycle.py goes through its admin views.
"""

import datetime
from types import SimpleNamespace

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group, Permission
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.models import GroupPagePermission, Page, WorkflowState
from wagtail_localize.models import (
    StringSegment,
    StringTranslation,
    Translation,
    TranslationSource,
)

from localisation import board
from localisation.board import State
from localisation.views import TranslationBoardView
from tests.factories import (
    EditionPartnerFactory,
    EditionSpeakerFactory,
    NewsPageFactory,
    OrganisationPageFactory,
    SpeakerPageFactory,
    build_edition,
    translate_page,
    translate_pages,
)

pytestmark = pytest.mark.django_db

BOARD_URL = "/admin/translation-status/"


# Making translations -----------------------------------------------------------------------------


@pytest.fixture
def translate_into():
    """A wagtail-localize translation of a page into a locale, made as "Translate this page"
    makes it on this site: the target page created from the source, untranslated, as a draft
    (WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE is off). Parents without a translation become
    aliases of the source's, as wagtail-localize makes them."""

    def translate(page, locale):
        source, _created = TranslationSource.get_or_create_from_instance(page)
        translation = Translation.objects.create(source=source, target_locale=locale)
        translation.save_target(publish=False)
        return translation

    return translate


@pytest.fixture
def publish_translation(django_capture_on_commit_callbacks):
    """Publish the translation with the segments translated so far (the others in English)."""

    def publish(translation):
        with django_capture_on_commit_callbacks(execute=True):
            translation.save_target(publish=True)

    return publish


def fill(translation, count=None, *, has_error=False):
    """Translate the first ``count`` segments of the translation (all of them by default)."""
    segments = (
        StringSegment.objects.filter(source=translation.source)
        .select_related("string", "context")
        .order_by("order")
    )
    code = translation.target_locale.language_code
    for segment in list(segments)[:count]:
        StringTranslation.objects.update_or_create(
            translation_of=segment.string,
            locale=translation.target_locale,
            context=segment.context,
            defaults={"data": f"[{code}] {segment.string.data}", "has_error": has_error},
        )


def republish(page):
    page.refresh_from_db()
    page.specific.save_revision().publish()
    page.refresh_from_db()


# Reading the board -------------------------------------------------------------------------------


def get_board(client, query=""):
    response = client.get(BOARD_URL + query)
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def text(element):
    return " ".join(element.get_text(" ").split())


def cell(soup, page, code):
    """The board's cell for a source page and a target language."""
    row = soup.select_one(f'table.translation-board tr[data-page="{page.pk}"]')
    assert row is not None, f"no row for {page}"
    return row.select_one(f'td[data-language="{code}"]')


def link(element):
    anchor = element.find("a")
    return (text(anchor), anchor["href"]) if anchor else None


def rows(soup):
    return [int(tr["data-page"]) for tr in soup.select("table.translation-board tbody tr")]


def columns(soup):
    return [text(th) for th in soup.select("table.translation-board thead th")][1:]


def summary(soup):
    return {
        tr["data-language"]: {td["data-state"]: int(text(td)) for td in tr.select("td")}
        for tr in soup.select("table.translation-board__summary tbody tr")
    }


# The state rule, without the database ------------------------------------------------------------

T0 = datetime.datetime(2024, 1, 1, tzinfo=datetime.UTC)
BEFORE, AFTER = T0 - datetime.timedelta(hours=1), T0 + datetime.timedelta(hours=1)


def page(*, published=T0, live=True, draft_changes=False, alias=False):
    return SimpleNamespace(
        live=live,
        has_unpublished_changes=draft_changes,
        last_published_at=published if live or published else None,
        alias_of_id=1 if alias else None,
    )


def managed(*, synced=T0, total=4, translated=4, strings_changed=None):
    return board.ManagedTranslation(
        translation_source_id=1,
        synced_at=synced,
        progress=board.Progress(total=total, translated=translated),
        strings_changed_at=strings_changed,
    )


@pytest.mark.parametrize(
    ("source", "target", "translation", "state"),
    [
        pytest.param(page(), None, None, State.MISSING, id="no-page-missing"),
        pytest.param(page(), page(alias=True), None, State.MISSING, id="alias-missing"),
        # Made with wagtail-localize: the source against the last sync.
        pytest.param(page(published=BEFORE), page(published=AFTER), managed(), State.CURRENT,
                     id="localize-complete-current"),
        pytest.param(page(published=AFTER), page(published=AFTER), managed(), State.OUT_OF_DATE,
                     id="localize-source-published-after-sync-out-of-date"),
        # Never published: nothing a visitor reads is behind, the work is in progress.
        pytest.param(page(published=AFTER), page(live=False, published=None), managed(),
                     State.IN_PROGRESS, id="localize-never-published-source-newer-in-progress"),
        pytest.param(page(published=AFTER), page(live=False, published=None),
                     managed(translated=0), State.IN_PROGRESS,
                     id="localize-never-published-untranslated-in-progress"),
        pytest.param(page(published=BEFORE), page(published=AFTER), managed(translated=3),
                     State.IN_PROGRESS, id="localize-segments-left-in-progress"),
        pytest.param(page(published=BEFORE), page(live=False, published=None), managed(),
                     State.IN_PROGRESS, id="localize-not-live-in-progress"),
        pytest.param(page(published=BEFORE), page(published=AFTER, draft_changes=True), managed(),
                     State.IN_PROGRESS, id="localize-draft-changes-in-progress"),
        pytest.param(page(published=BEFORE), page(published=BEFORE), managed(synced=T0),
                     State.IN_PROGRESS, id="localize-synced-not-published-in-progress"),
        pytest.param(page(published=BEFORE), page(published=T0), managed(synced=BEFORE,
                     strings_changed=AFTER), State.IN_PROGRESS,
                     id="localize-strings-translated-since-publishing-in-progress"),
        pytest.param(page(published=None, live=False), page(live=False, published=None),
                     managed(), State.IN_PROGRESS, id="localize-never-published-source"),
        # Made without wagtail-localize: the source against the translated page.
        pytest.param(page(published=BEFORE), page(published=T0), None, State.CURRENT,
                     id="manual-published-after-source-current"),
        pytest.param(page(published=AFTER), page(published=T0), None, State.OUT_OF_DATE,
                     id="manual-source-published-after-out-of-date"),
        pytest.param(page(published=BEFORE), page(live=False, published=None), None,
                     State.IN_PROGRESS, id="manual-draft-in-progress"),
        pytest.param(page(published=BEFORE), page(published=T0, draft_changes=True), None,
                     State.IN_PROGRESS, id="manual-draft-changes-in-progress"),
    ],
)  # fmt: skip
def test_translation_state_rules(source, target, translation, state):
    assert board.translation_state(source, target, translation) == state


@pytest.mark.parametrize(
    ("review", "source", "state"),
    [
        (WorkflowState.STATUS_IN_PROGRESS, page(published=BEFORE), State.IN_REVIEW),
        (WorkflowState.STATUS_IN_PROGRESS, page(published=AFTER), State.IN_REVIEW),
        (WorkflowState.STATUS_NEEDS_CHANGES, page(published=BEFORE), State.CHANGES_REQUESTED),
        (WorkflowState.STATUS_NEEDS_CHANGES, page(published=AFTER), State.CHANGES_REQUESTED),
    ],
    ids=["in-review", "in-review-before-out-of-date", "returned", "returned-before-out-of-date"],
)
def test_a_review_under_way_decides_the_state(review, source, state):
    target = page(published=T0, draft_changes=True)

    assert board.translation_state(source, target, managed(), review) == state


def test_a_missing_translation_is_missing_whatever_the_review():
    assert board.translation_state(page(), None, None, WorkflowState.STATUS_IN_PROGRESS) == (
        State.MISSING
    )


@pytest.mark.parametrize(
    ("total", "translated", "shown"),
    [(12, 7, 58), (3, 2, 66), (200, 199, 99), (4, 4, 100), (0, 0, 100)],
)
def test_progress_share_is_rounded_down_so_that_100_percent_means_finished(
    total, translated, shown
):
    assert board.Progress(total=total, translated=translated).percent == shown


# Each state, as the board shows it ----------------------------------------------------------------


@pytest.fixture
def edition(site_tree, locales):
    return build_edition(
        site_tree.editions, speakers=1, quotes=0, sessions=0, partners=1,
        start_date=datetime.date(2016, 9, 22),
    )  # fmt: skip


def test_a_page_without_translation_is_missing_with_a_link_to_translate_it(
    superuser_client, edition
):
    soup = get_board(superuser_client)

    french = cell(soup, edition, "fr")
    assert french["data-state"] == State.MISSING
    assert "Missing" in text(french)
    url = reverse("wagtail_localize:submit_page_translation", args=[edition.pk])
    assert link(french) == ("Translate", f"{url}?select_locale=fr")


def test_a_parent_copied_as_an_alias_is_still_missing(superuser_client, edition, locales,
                                                      translate_into):  # fmt: skip
    translate_into(edition, locales["fr"])
    editions_in_french = Page.objects.get(
        translation_key=edition.get_parent().translation_key, locale=locales["fr"]
    )
    assert editions_in_french.alias_of_id is not None

    soup = get_board(superuser_client)

    assert cell(soup, edition.get_parent(), "fr")["data-state"] == State.MISSING


def test_a_partly_translated_page_is_in_progress_with_its_share_of_segments(
    superuser_client, site_tree, locales, translate_into
):
    translation = translate_into(site_tree.home, locales["fr"])
    fill(translation, 3)
    # A translation with an error does not count, as in wagtail-localize's own progress.
    segment = StringSegment.objects.filter(source=translation.source).order_by("order").last()
    StringTranslation.objects.create(
        translation_of=segment.string, locale=locales["fr"], context=segment.context,
        data="<b>unbalanced", has_error=True,
    )  # fmt: skip
    assert translation.get_progress() == (4, 3)

    soup = get_board(superuser_client)

    french = cell(soup, site_tree.home, "fr")
    assert french["data-state"] == State.IN_PROGRESS
    assert "3 of 4 segments (75%)" in text(french)
    target = translation.get_target_instance()
    assert link(french) == (
        "Edit translation",
        reverse("wagtailadmin_pages:edit", args=[target.pk]),
    )


def test_a_translated_live_page_is_current_with_a_link_to_the_live_page(
    superuser_client, edition, locales, translate_into, publish_translation
):
    translation = translate_into(edition, locales["fr"])
    fill(translation)
    publish_translation(translation)

    soup = get_board(superuser_client)

    french = cell(soup, edition, "fr")
    assert french["data-state"] == State.CURRENT
    assert "Live and current" in text(french)
    assert link(french) == ("View live", f"/fr/editions/{edition.slug}/")
    # Russian was never asked for.
    assert cell(soup, edition, "ru")["data-state"] == State.MISSING


def test_a_new_translation_is_a_draft_in_progress(
    superuser_client, edition, locales, translate_into
):
    translation = translate_into(edition, locales["fr"])

    french = cell(get_board(superuser_client), edition, "fr")

    assert french["data-state"] == State.IN_PROGRESS
    total = translation.get_progress()[0]
    assert f"0 of {total} segments (0%)" in text(french)
    assert "Not live" in text(french)


def test_a_live_translation_with_segments_left_in_english_is_in_progress(
    superuser_client, edition, locales, translate_into, publish_translation
):
    translation = translate_into(edition, locales["fr"])
    fill(translation, 2)
    publish_translation(translation)

    french = cell(get_board(superuser_client), edition, "fr")

    assert french["data-state"] == State.IN_PROGRESS
    total = translation.get_progress()[0]
    assert f"2 of {total} segments ({200 // total}%)" in text(french)
    assert "Not live" not in text(french)
    assert "Changes not yet published" not in text(french)


def test_translated_strings_not_yet_published_keep_the_page_in_progress(
    superuser_client, edition, locales, translate_into, publish_translation
):
    translation = translate_into(edition, locales["fr"])
    publish_translation(translation)
    fill(translation)

    french = cell(get_board(superuser_client), edition, "fr")

    assert french["data-state"] == State.IN_PROGRESS
    total = translation.get_progress()[0]
    assert f"{total} of {total} segments (100%)" in text(french)
    assert "Changes not yet published" in text(french)


def test_a_source_published_after_the_last_sync_is_out_of_date_with_a_link_to_sync(
    superuser_client, edition, locales, translate_into, publish_translation
):
    translation = translate_into(edition, locales["fr"])
    fill(translation)
    publish_translation(translation)
    republish(edition)

    soup = get_board(superuser_client)

    french = cell(soup, edition, "fr")
    assert french["data-state"] == State.OUT_OF_DATE
    sync_url = reverse("wagtail_localize:update_translations", args=[translation.source_id])
    assert link(french) == (
        "Sync translated pages",
        f"{sync_url}?next=%2Fadmin%2Ftranslation-status%2F",
    )


def test_pages_translated_without_wagtail_localize_compare_publication_dates(
    superuser_client, site_tree, locales
):
    translate_page(site_tree.home, "fr", title="Série synthétique")
    translated_news = translate_page(site_tree.news, "fr", title="Actualités")
    translate_page(site_tree.editions, "fr", publish=False)
    republish(site_tree.news)

    soup = get_board(superuser_client)

    assert cell(soup, site_tree.home, "fr")["data-state"] == State.CURRENT
    draft = cell(soup, site_tree.editions, "fr")
    assert draft["data-state"] == State.IN_PROGRESS
    assert "segments" not in text(draft)  # nothing to count without wagtail-localize
    assert "Not live" in text(draft)
    # Nothing to sync: the translated page itself has to be brought up to date.
    outdated = cell(soup, site_tree.news, "fr")
    assert outdated["data-state"] == State.OUT_OF_DATE
    edit_url = reverse("wagtailadmin_pages:edit", args=[translated_news.pk])
    assert link(outdated) == ("Edit translation", edit_url)


def test_the_progress_of_many_translations_matches_wagtail_localize_one_by_one(
    site_tree, locales, translate_into
):
    edition = build_edition(site_tree.editions, speakers=2, quotes=2, sessions=2, partners=1,
                            objectives=2)  # fmt: skip
    translations = [
        translate_into(edition, locales["fr"]),
        translate_into(edition, locales["ru"]),
        translate_into(site_tree.home, locales["fr"]),
        translate_into(site_tree.news, locales["ru"]),
    ]
    fill(translations[0], 5)
    fill(translations[1], 2)
    fill(translations[1], 1, has_error=True)
    fill(translations[2])

    result = board.build_board(
        board.source_pages(locales["en"]), locales["en"], [locales["ru"], locales["fr"]]
    )

    progress = {
        (row.page.pk, cell.locale.language_code): (cell.progress.total, cell.progress.translated)
        for row in result.rows
        for cell in row.cells
        if cell.progress
    }
    assert progress == {
        (t.source.get_source_instance().pk, t.target_locale.language_code): t.get_progress()
        for t in translations
    }


def test_the_summary_counts_each_state_per_language(
    superuser_client, site_tree, locales, translate_into, publish_translation
):
    done = translate_into(site_tree.home, locales["fr"])
    fill(done)
    publish_translation(done)
    translate_into(site_tree.news, locales["fr"])

    counts = summary(get_board(superuser_client))

    # The home page and four index pages; the news index's parent, the home page, is current.
    assert counts == {
        "ru": {
            "missing": 5,
            "changes_requested": 0,
            "out_of_date": 0,
            "in_progress": 0,
            "in_review": 0,
            "current": 0,
        },
        "fr": {
            "missing": 3,
            "changes_requested": 0,
            "out_of_date": 0,
            "in_progress": 1,
            "in_review": 0,
            "current": 1,
        },
    }


# Filters ----------------------------------------------------------------------------------------


@pytest.fixture
def two_editions(site_tree, locales):
    """The 2016 edition with a speaker, a partner and a news item, and the 2017 edition with
    its own; a speaker from 2016 also speaks in 2017."""
    speaker = SpeakerPageFactory(parent=site_tree.speakers)
    partner = OrganisationPageFactory(parent=site_tree.partners)
    first = build_edition(site_tree.editions, speakers=1, quotes=0, sessions=0, partners=1,
                          start_date=datetime.date(2016, 9, 22))  # fmt: skip
    EditionSpeakerFactory(page=first, speaker=speaker)
    EditionPartnerFactory(page=first, organisation=partner)
    second = build_edition(site_tree.editions, speakers=1, quotes=0, sessions=0, partners=1,
                           start_date=datetime.date(2017, 9, 22))  # fmt: skip
    EditionSpeakerFactory(page=second, speaker=speaker)
    news_2016 = NewsPageFactory(parent=site_tree.news, edition=first)
    NewsPageFactory(parent=site_tree.news, edition=second)
    NewsPageFactory(parent=site_tree.news)
    return SimpleNamespace(first=first, second=second, speaker=speaker, partner=partner,
                           news_2016=news_2016)  # fmt: skip


def test_the_edition_filter_keeps_the_edition_its_news_speakers_and_partners(
    superuser_client, two_editions
):
    first = two_editions.first
    expected = [
        *(p.speaker_id for p in first.participations.all()),  # new speaker + shared one
        *(p.organisation_id for p in first.partners.all()),
        first.pk,
        two_editions.news_2016.pk,
    ]

    soup = get_board(superuser_client, f"?edition={first.pk}")

    shown = rows(soup)
    assert sorted(shown) == sorted(expected)
    # In tree order: the directories come before the archive and the news, as in the explorer.
    assert shown == list(
        Page.objects.filter(pk__in=expected).order_by("path").values_list("pk", flat=True)
    )
    assert two_editions.second.pk not in shown
    assert soup.select_one('select[name="edition"] option[selected]')["value"] == str(first.pk)


def test_the_language_filter_shows_one_language(superuser_client, two_editions):
    soup = get_board(superuser_client, "?language=fr")

    assert columns(soup) == ["French"]
    assert set(summary(soup)) == {"fr"}
    assert len(rows(soup)) == Page.objects.filter(locale__language_code="en", depth__gt=1).count()


def test_without_filters_every_source_page_is_shown_in_tree_order_against_every_language(
    superuser_client, two_editions
):
    soup = get_board(superuser_client)

    assert columns(soup) == ["Russian", "French"]
    assert rows(soup) == list(
        Page.objects.filter(locale__language_code="en", depth__gt=1)
        .order_by("path")
        .values_list("pk", flat=True)
    )


def test_a_draft_source_page_is_listed_and_marked_as_a_draft(superuser_client, site_tree, locales):
    draft = NewsPageFactory(parent=site_tree.news, live=False)

    soup = get_board(superuser_client)

    row = soup.select_one(f'tr[data-page="{draft.pk}"] th')
    assert "draft" in text(row).split()
    assert "draft" not in text(soup.select_one(f'tr[data-page="{site_tree.news.pk}"] th')).split()
    assert cell(soup, draft, "fr")["data-state"] == State.MISSING


@pytest.mark.parametrize(
    "query",
    [
        pytest.param("?edition=abc", id="edition-not-a-number"),
        pytest.param("?edition=999999", id="edition-unknown"),
        pytest.param("?language=de", id="language-unknown"),
        pytest.param("?edition=abc&language=xx", id="both-wrong"),
        pytest.param("?edition=1%27%3B--&language=%00", id="garbage"),
    ],
)
def test_bad_filter_values_show_the_whole_board_and_say_so(superuser_client, two_editions, query):
    unfiltered = get_board(superuser_client)

    soup = get_board(superuser_client, query)

    assert rows(soup) == rows(unfiltered)
    assert columns(soup) == ["Russian", "French"]
    assert "The filter could not be applied" in text(soup)
    assert soup.select(".w-field--error")


def test_an_edition_of_another_language_is_not_a_filter(superuser_client, two_editions,
                                                        locales):  # fmt: skip
    home, editions = two_editions.first.get_ancestors().filter(depth__gt=1).specific()
    *_parents, french_edition = translate_pages([home, editions, two_editions.first], "fr")
    soup = get_board(superuser_client, f"?edition={french_edition.pk}")
    assert "The filter could not be applied" in text(soup)


def test_rows_are_paginated_and_a_page_number_out_of_range_shows_the_last_page(
    superuser_client, site_tree, locales, monkeypatch
):
    monkeypatch.setattr(TranslationBoardView, "rows_per_page", 2)
    all_pages = list(
        Page.objects.filter(locale__language_code="en", depth__gt=1)
        .order_by("path")
        .values_list("pk", flat=True)
    )  # five

    assert rows(get_board(superuser_client)) == all_pages[:2]
    assert rows(get_board(superuser_client, "?p=2")) == all_pages[2:4]
    last = get_board(superuser_client, "?p=99")
    assert rows(last) == all_pages[4:]
    assert "Page 3 of 3" in text(last)
    assert rows(get_board(superuser_client, "?p=x")) == all_pages[:2]
    # The summary covers every page, not just the ones on screen.
    assert summary(last)["fr"]["missing"] == 5


# Who sees what -----------------------------------------------------------------------------------


def test_anonymous_visitors_are_sent_to_the_login_page(client, site_tree):
    response = client.get(BOARD_URL)

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("wagtailadmin_login"))


def test_the_board_is_in_the_admin_menu(superuser_client, site_tree):
    response = superuser_client.get(reverse("wagtailadmin_home"))

    assert BOARD_URL in response.content.decode()
    assert "Translation status" in response.content.decode()


@pytest.fixture
def french_translator(django_user_model, site_tree, locales, translate_into):
    """A member of a French translators group: admin access, and changing pages in the French
    tree only (as home/roles.py sets it up)."""
    translation = translate_into(site_tree.home, locales["fr"])
    group = Group.objects.create(name="Translators: French (fr)")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    GroupPagePermission.objects.create(
        group=group,
        page=translation.get_target_instance(),
        permission=Permission.objects.get(codename="change_page"),
    )
    user = django_user_model.objects.create_user(username="synthetic-translator", password="x")
    user.groups.add(group)
    return user


def test_a_translator_sees_their_language_only(client, french_translator, site_tree):
    client.force_login(french_translator)

    own = get_board(client)
    asked_for_all = get_board(client, "?language=")
    asked_for_russian = get_board(client, "?language=ru")

    assert columns(own) == ["French"]
    assert columns(asked_for_all) == ["French"]
    assert columns(asked_for_russian) == ["French"]
    assert [option["value"] for option in own.select('select[name="language"] option')] == [
        "",
        "fr",
    ]


def test_a_moderator_sees_every_language(superuser_client, site_tree, locales):
    assert columns(get_board(superuser_client)) == ["Russian", "French"]


def test_the_board_lists_the_pages_in_the_state_asked_for(
    superuser_client, site_tree, locales, translate_into, publish_translation
):
    done = translate_into(site_tree.home, locales["fr"])
    fill(done)
    publish_translation(done)
    translate_into(site_tree.news, locales["fr"])

    current = get_board(superuser_client, "?state=current")
    in_progress = get_board(superuser_client, "?state=in_progress&language=fr")

    assert rows(current) == [site_tree.home.pk]
    assert rows(in_progress) == [site_tree.news.pk]
    assert cell(in_progress, site_tree.news, "fr")["data-state"] == State.IN_PROGRESS


def test_a_translator_gets_only_the_links_they_may_follow(client, french_translator, site_tree):
    client.force_login(french_translator)

    soup = get_board(client)

    # They can edit the French home page, but cannot submit pages for translation (moderators
    # do) nor open the English pages in the editor.
    home_in_french = cell(soup, site_tree.home, "fr")
    assert home_in_french["data-state"] == State.IN_PROGRESS
    assert link(home_in_french)[0] == "Edit translation"
    assert cell(soup, site_tree.news, "fr")["data-state"] == State.MISSING
    assert link(cell(soup, site_tree.news, "fr")) is None
    english_title = soup.select_one(f'tr[data-page="{site_tree.home.pk}"] th')
    assert english_title.find("a") is None
    assert site_tree.home.title in english_title.get_text()


# Queries ----------------------------------------------------------------------------------------

# Pinned per filter: lower them when a change saves a query; never raise them to hide growth.
# The edition filter costs one query more: the edition chosen is looked up.
BOARD_QUERIES = {"all": 15, "language": 15, "edition": 16, "bad-edition": 16}


def add_news(site_tree, locales, translate_into, publish_translation, edition, count):
    """``count`` news items about the edition, a sixth in each state: untranslated, partly
    translated into French, translated into both languages, that last one out of date, in
    review in French, returned for changes in French."""
    news = [NewsPageFactory(parent=site_tree.news, edition=edition) for _ in range(count)]
    for i, item in enumerate(news):
        if i % 6 == 1:
            fill(translate_into(item, locales["fr"]), 1)
        elif i % 6 >= 2:
            for code in ("fr", "ru"):
                translation = translate_into(item, locales[code])
                fill(translation)
                publish_translation(translation)
            if i % 6 == 3:
                republish(item)
            if i % 6 >= 4:
                french = item.get_translation(locales["fr"]).specific
                french.save_revision()
                state = french.get_workflow().start(french, None)
                if i % 6 == 5:
                    task_state = state.current_task_state
                    task_state.task.specific.on_action(task_state, None, "reject")


def test_the_number_of_queries_does_not_grow_with_the_number_of_pages(
    superuser_client, site_tree, locales, translate_into, publish_translation
):
    edition = build_edition(site_tree.editions, speakers=1, quotes=0, sessions=0, partners=1)
    queries = {
        "all": "",
        "language": "?language=fr",
        "edition": f"?edition={edition.pk}",
        "bad-edition": "?edition=0",
    }
    counts = {name: {} for name in queries}
    for total, added in ((6, 6), (18, 12)):
        add_news(site_tree, locales, translate_into, publish_translation, edition, added)
        for name, query in queries.items():
            get_board(superuser_client, query)  # warm-up: site root paths, content types
            with CaptureQueriesContext(connection) as captured:
                soup = get_board(superuser_client, query)
            counts[name][total] = len(captured)
            states = {td["data-state"] for td in soup.select("table.translation-board td")}
            assert states == set(State.values), name

    assert counts == {name: {6: pinned, 18: pinned} for name, pinned in BOARD_QUERIES.items()}


def test_the_board_of_a_site_with_no_translation_yet_has_no_columns(superuser_client, site_tree):
    soup = get_board(superuser_client)

    assert "There is no language to translate into yet" in text(soup)
    assert columns(soup) == []


def test_a_state_no_page_is_in_says_so(superuser_client, site_tree, locales):
    soup = get_board(superuser_client, "?state=in_review")

    assert rows(soup) == []
    assert "No page matches these filters." in text(soup)
