"""Visitors stay in their language: links between pages, the language switcher, hreflang
alternates, language prefixes."""

import datetime

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import (
    EditionQuoteFactory,
    NewsPageFactory,
    build_edition,
    translate_page,
    translate_pages,
)
from tests.html import soup_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def french_tree(site_tree, locales):
    """The home page and the four indexes in French."""
    return translate_pages(
        [
            site_tree.home,
            site_tree.editions,
            site_tree.speakers,
            site_tree.partners,
            site_tree.news,
        ],
        "fr",
    )


def edition_in_french(site_tree, *, speakers=1, partners=1, year=2016, translate_related=True):
    """An English edition with its French translation; its speakers and organisations are
    translated too unless ``translate_related=False``."""
    edition = build_edition(
        site_tree.editions,
        speakers=speakers,
        quotes=speakers,
        sessions=speakers,
        partners=partners,
        speaker_index=site_tree.speakers,
        partner_index=site_tree.partners,
        start_date=datetime.date(year, 10, 19),
    )
    if translate_related:
        for participation in edition.participations.all():
            translate_page(participation.speaker, "fr", title=f"{participation.speaker.title} FR")
        for partner in edition.partners.all():
            translate_page(partner.organisation, "fr", title=f"{partner.organisation.title} FR")
    return edition, translate_page(edition, "fr", title=f"Édition {year}")


def test_french_edition_links_to_french_speaker_and_organisation_pages(
    client, french_tree, site_tree
):
    edition, french = edition_in_french(site_tree)
    speaker = edition.participations.get().speaker
    organisation = edition.partners.get().organisation

    html = soup_of(client.get(french.url))

    speaker_links = {a.get_text(strip=True): a["href"] for a in html.select("#speakers a")}
    assert speaker_links[f"{speaker.title} FR"] == f"/fr/speakers/{speaker.slug}/"
    assert speaker_links[f"{organisation.title} FR"] == f"/fr/partners/{organisation.slug}/"
    quote_speaker = html.select_one("#quotes .quote__speaker")
    assert quote_speaker["href"] == f"/fr/speakers/{speaker.slug}/"
    session_speaker = html.select_one("#programme .session__speakers a")
    assert session_speaker["href"] == f"/fr/speakers/{speaker.slug}/"
    partner_link = html.select_one("#partners a.partner-logo")
    assert partner_link["href"] == f"/fr/partners/{organisation.slug}/"


def test_a_link_to_a_page_not_translated_yet_leads_to_the_source_language(
    client, french_tree, site_tree
):
    edition, french = edition_in_french(site_tree, translate_related=False)
    speaker = edition.participations.get().speaker

    html = soup_of(client.get(french.url))

    link = html.select_one("#speakers a.speaker-line__name")
    assert link.get_text(strip=True) == speaker.title
    assert link["href"] == f"/en/speakers/{speaker.slug}/"


def test_an_unpublished_translation_is_not_linked(client, french_tree, site_tree):
    edition, french = edition_in_french(site_tree, translate_related=False)
    speaker = edition.participations.get().speaker
    translate_page(speaker, "fr", publish=False)

    html = soup_of(client.get(french.url))

    assert html.select_one("#speakers a.speaker-line__name")["href"] == (
        f"/en/speakers/{speaker.slug}/"
    )


def test_french_speaker_page_links_its_organisation_and_quotes_in_french(
    client, french_tree, site_tree
):
    edition, french_edition = edition_in_french(site_tree)
    participation = edition.participations.get()
    speaker, organisation = participation.speaker, participation.organisation
    speaker.organisation = organisation
    speaker.save_revision().publish()
    french_speaker = speaker.get_translation(french_edition.locale).specific
    french_speaker.organisation = organisation  # the English page, as wagtail-localize syncs it
    french_speaker.save_revision().publish()

    html = soup_of(client.get(f"/fr/speakers/{speaker.slug}/"))

    tagline_link = html.select_one(".page-header__tagline a")
    assert tagline_link["href"] == f"/fr/partners/{organisation.slug}/"
    assert tagline_link.get_text(strip=True) == f"{organisation.title} FR"
    edition_link = html.select_one(".timeline__title a")
    assert (edition_link.get_text(strip=True), edition_link["href"]) == (
        "Édition 2016",
        french_edition.url,
    )


def test_french_news_links_the_french_edition(client, french_tree, site_tree):
    edition, french_edition = edition_in_french(site_tree)
    news = NewsPageFactory(parent=site_tree.news, edition=edition, date=datetime.date(2016, 9, 23))
    french_news = translate_page(news, "fr", title="Communiqué")

    html = soup_of(client.get(french_news.url))

    link = html.select_one(".news-meta__edition a")
    assert (link.get_text(strip=True), link["href"]) == ("Édition 2016", french_edition.url)


def test_french_edition_queries_do_not_grow_with_translated_speakers(
    client, french_tree, site_tree
):
    def count(url):
        client.get(url)
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url).status_code == 200
        return len(captured)

    _, small = edition_in_french(site_tree, speakers=2, partners=2, year=2030)
    _, large = edition_in_french(site_tree, speakers=12, partners=12, year=2031)
    EditionQuoteFactory(page=large, speaker=large.participations.first().speaker)

    assert count(small.url) == count(large.url)


# The language switcher and hreflang alternates


def switcher_links(html):
    return [
        (item["lang"], item.a["href"], item.a.get_text(" ", strip=True))
        for item in html.select(".language-switcher li")
    ]


def test_switcher_leads_to_this_page_in_each_language(client, french_tree, site_tree):
    edition, french = edition_in_french(site_tree, translate_related=False)

    html = soup_of(client.get(french.url))

    assert switcher_links(html) == [
        ("en", edition.url, "English"),
        ("fr", french.url, "Français"),
    ]
    assert html.select_one('.language-switcher a[aria-current="page"]')["hreflang"] == "fr"


def test_switcher_says_in_each_language_that_a_page_is_not_translated_yet(
    client, french_tree, site_tree
):
    translate_page(site_tree.home, "ru", title="Главная")
    edition = build_edition(site_tree.editions, speakers=0, quotes=0, sessions=0, partners=0)

    html = soup_of(client.get(edition.url))

    links = {lang: (href, text) for lang, href, text in switcher_links(html)}
    assert links["en"] == (edition.url, "English")
    assert links["fr"] == ("/fr/", "Français (pas encore traduite\u00a0: page d’accueil)")
    assert links["ru"] == ("/ru/", "Русский (перевода пока нет: главная страница)")


def test_no_switcher_on_a_site_in_one_language(client, site_tree):
    html = soup_of(client.get(site_tree.home.url))

    assert html.select(".language-switcher") == []


def test_hreflang_lists_every_live_translation_and_x_default(client, french_tree, site_tree):
    edition, french = edition_in_french(site_tree, translate_related=False)
    translate_page(site_tree.home, "ru")
    translate_page(site_tree.editions, "ru")
    translate_page(edition, "ru", publish=False)

    html = soup_of(client.get(french.url))

    alternates = [
        (link["hreflang"], link["href"]) for link in html.select('link[rel="alternate"][hreflang]')
    ]
    assert alternates == [
        ("en", f"http://localhost{edition.url}"),
        ("fr", f"http://localhost{french.url}"),
        ("x-default", f"http://localhost{edition.url}"),
    ]


def test_html_lang_is_the_language_of_the_page(client, french_tree, site_tree):
    html = soup_of(client.get("/fr/"))

    assert html.html["lang"] == "fr"
    assert html.select_one(".skip-link").get_text(strip=True) == "Aller au contenu principal"


# Language prefixes


def test_root_sends_visitors_to_their_browser_language(client, french_tree):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="fr-FR,fr;q=0.9,en;q=0.5")

    assert (response.status_code, response["Location"]) == (302, "/fr/")


def test_root_sends_other_languages_to_the_default_language(client, french_tree):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="de-DE,de;q=0.9")

    assert (response.status_code, response["Location"]) == (302, "/en/")


@pytest.mark.parametrize("path", ["/de/", "/de", "/zh-hans/editions/", "/pt-br/speakers/x/"])
def test_an_unknown_language_prefix_is_a_404(client, french_tree, path):
    response = client.get(path)

    assert response.status_code == 404
    assert "Page not found" in response.content.decode()


def test_a_path_without_language_prefix_still_redirects(client, site_tree):
    response = client.get("/editions/")

    assert (response.status_code, response["Location"]) == (302, "/en/editions/")


@pytest.mark.parametrize("path", ["/admin/pages/999999/edit/", "/documents/999999/missing.pdf"])
def test_a_missing_object_outside_the_public_site_is_a_404_not_a_redirect(superuser_client, path):
    response = superuser_client.get(path)

    assert response.status_code == 404


# Error pages


@pytest.mark.parametrize(
    ("language", "heading"),
    [
        ("en", "Something went wrong"),
        ("ru", "Что-то пошло не так"),
        ("fr", "Un problème est survenu"),
    ],
)
def test_the_server_error_page_speaks_the_language_of_its_prefix(
    client, site_tree, monkeypatch, language, heading
):
    translate_pages([site_tree.home], "ru")
    translate_pages([site_tree.home], "fr")

    def broken(self, request, *args, **kwargs):
        raise RuntimeError("synthetic failure")

    monkeypatch.setattr(type(site_tree.home), "serve", broken)
    client.raise_request_exception = False

    response = client.get(f"/{language}/")

    assert response.status_code == 500
    html = BeautifulSoup(response.content, "html.parser")
    assert html.html["lang"] == language
    assert html.h1.get_text(strip=True) == heading
