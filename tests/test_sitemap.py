"""sitemap.xml and robots.txt, at the root of the site whatever the language: every live page
in every language with its hreflang alternates, read back as a search engine reads them."""

import datetime
import re
from xml.etree import ElementTree

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

from tests.factories import (
    EditionQuoteFactory,
    NewsPageFactory,
    build_edition,
    translate_page,
    translate_pages,
)

pytestmark = pytest.mark.django_db

# The default Site's root URL, which Wagtail builds every full page URL from.
SITE = "http://localhost"
NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9", "xhtml": "http://www.w3.org/1999/xhtml"}

# Pinned: the pages with their locales (the visibility rule costs no query), after the site
# lookups.
# Lower it when a change saves a query; never raise it to hide growth.
SITEMAP_QUERIES = 2
# With a quotes page, one more: the quotes whose permalinks are listed.
SITEMAP_WITH_QUOTES_QUERIES = 3


def sitemap_of(response):
    """{loc: {hreflang: href}} for every <url> of the sitemap, checking on the way that each
    address appears once and each <url> is well formed."""
    assert response.status_code == 200, response.status_code
    assert response["Content-Type"] == "application/xml; charset=utf-8"
    urlset = ElementTree.fromstring(response.content)
    assert urlset.tag == f"{{{NS['sm']}}}urlset"
    entries = {}
    for url in urlset.findall("sm:url", NS):
        loc = url.findtext("sm:loc", namespaces=NS)
        assert loc not in entries, f"{loc} listed twice"
        lastmod = url.findtext("sm:lastmod", namespaces=NS)
        assert lastmod is None or re.fullmatch(r"\d{4}-\d{2}-\d{2}", lastmod)
        links = url.findall("xhtml:link", NS)
        assert {link.get("rel") for link in links} <= {"alternate"}
        entries[loc] = {link.get("hreflang"): link.get("href") for link in links}
    return entries


def translations(**url_by_language):
    """The expected entries of one page and its translations: each lists all of them, and
    the English page as x-default."""
    alternates = {**url_by_language, "x-default": url_by_language["en"]}
    return dict.fromkeys(url_by_language.values(), alternates)


@pytest.fixture
def multilingual_site(site_tree, locales):
    """The skeleton in English; the home page in Russian and French, the edition archive,
    speaker and partner directories in French. The 2016 edition and its speaker are in French
    too; its organisation has a French draft only. A draft news item in English."""
    translate_page(site_tree.home, "ru")
    translate_pages(
        [site_tree.home, site_tree.editions, site_tree.speakers, site_tree.partners], "fr"
    )
    edition = build_edition(
        site_tree.editions,
        speakers=1,
        partners=1,
        quotes=0,
        sessions=0,
        speaker_index=site_tree.speakers,
        partner_index=site_tree.partners,
        slug="2016",
        start_date=datetime.date(2016, 10, 19),
    )
    translate_page(edition, "fr")
    translate_page(edition.participations.get().speaker, "fr")
    translate_page(edition.partners.get().organisation, "fr", publish=False)
    NewsPageFactory(parent=site_tree.news, slug="draft-news", live=False)
    return edition


def test_every_live_page_is_listed_in_every_language_with_its_alternates(
    client, site_tree, multilingual_site
):
    speaker = multilingual_site.participations.get().speaker.slug
    organisation = multilingual_site.partners.get().organisation.slug

    entries = sitemap_of(client.get("/sitemap.xml"))

    assert entries == {
        **translations(en=f"{SITE}/en/", ru=f"{SITE}/ru/", fr=f"{SITE}/fr/"),
        **translations(en=f"{SITE}/en/editions/", fr=f"{SITE}/fr/editions/"),
        **translations(en=f"{SITE}/en/speakers/", fr=f"{SITE}/fr/speakers/"),
        **translations(en=f"{SITE}/en/partners/", fr=f"{SITE}/fr/partners/"),
        **translations(en=f"{SITE}/en/news/"),
        **translations(en=f"{SITE}/en/editions/2016/", fr=f"{SITE}/fr/editions/2016/"),
        **translations(en=f"{SITE}/en/speakers/{speaker}/", fr=f"{SITE}/fr/speakers/{speaker}/"),
        # The French organisation page is a draft: neither listed nor an alternate.
        **translations(en=f"{SITE}/en/partners/{organisation}/"),
    }


def test_alternates_are_in_the_order_of_the_site_languages_with_x_default_last(
    client, multilingual_site
):
    response = client.get("/sitemap.xml")
    urlset = ElementTree.fromstring(response.content)
    home = next(
        url
        for url in urlset.findall("sm:url", NS)
        if url.findtext("sm:loc", "", NS) == f"{SITE}/ru/"
    )

    assert [link.get("hreflang") for link in home.findall("xhtml:link", NS)] == [
        "en",
        "ru",
        "fr",
        "x-default",
    ]


def test_unpublished_pages_and_private_sections_are_left_out(client, site_tree, locales):
    NewsPageFactory(parent=site_tree.news, slug="published-news")
    build_edition(
        site_tree.editions, slug="private-edition", speakers=0, partners=0, quotes=0, sessions=0
    )
    PageViewRestriction.objects.create(
        page=site_tree.editions, restriction_type=PageViewRestriction.PASSWORD, password="x"
    )
    site_tree.speakers.unpublish()

    entries = sitemap_of(client.get("/sitemap.xml"))

    assert set(entries) == {
        f"{SITE}/en/",
        f"{SITE}/en/partners/",
        f"{SITE}/en/news/",
        f"{SITE}/en/news/published-news/",
    }


def test_the_sitemap_costs_the_same_queries_whatever_the_number_of_pages(
    client, site_tree, locales
):
    translate_pages([site_tree.home, site_tree.editions, site_tree.speakers], "fr")

    def add_edition(size, year):
        edition = build_edition(
            site_tree.editions,
            speakers=size,
            partners=size,
            quotes=0,
            sessions=0,
            speaker_index=site_tree.speakers,
            partner_index=site_tree.partners,
            start_date=datetime.date(year, 10, 19),
        )
        translate_page(edition, "fr")
        for participation in edition.participations.all():
            translate_page(participation.speaker, "fr")

    def measure():
        assert client.get("/sitemap.xml").status_code == 200  # warm-up: site root paths
        with CaptureQueriesContext(connection) as captured:
            response = client.get("/sitemap.xml")
        return len(captured), len(sitemap_of(response))

    add_edition(2, 2030)
    small_queries, small_urls = measure()
    add_edition(20, 2031)
    large_queries, large_urls = measure()

    assert large_urls - small_urls == 2 + 20 * 2 + 20  # the edition, speakers, organisations
    assert (small_queries, large_queries) == (SITEMAP_QUERIES, SITEMAP_QUERIES)


def test_each_quote_permalink_is_listed_in_the_languages_it_is_published_in(
    client, site_tree, quote_index, multilingual_site
):
    french_quotes = translate_page(quote_index, "fr")
    french_edition = multilingual_site.get_translation(french_quotes.locale)
    speaker = multilingual_site.participations.get().speaker

    def add_quotes(count):
        """Quotes in English and French, and as many in English only (not translated yet)."""
        keys = []
        for _ in range(count):
            both = EditionQuoteFactory(page=multilingual_site, speaker=speaker)
            EditionQuoteFactory(
                page=french_edition, speaker=speaker, translation_key=both.translation_key
            )
            english_only = EditionQuoteFactory(page=multilingual_site, speaker=speaker)
            keys.append((both.translation_key, english_only.translation_key))
        return keys

    def measure():
        assert client.get("/sitemap.xml").status_code == 200  # warm-up: site root paths
        with CaptureQueriesContext(connection) as captured:
            response = client.get("/sitemap.xml")
        return len(captured), sitemap_of(response)

    [(both, english_only)] = add_quotes(1)
    small_queries, entries = measure()
    add_quotes(10)
    large_queries, large_entries = measure()

    assert {loc: alternates for loc, alternates in entries.items() if "/quotes/" in loc} == {
        **translations(en=f"{SITE}/en/quotes/", fr=f"{SITE}/fr/quotes/"),
        **translations(en=f"{SITE}/en/quotes/{both}/", fr=f"{SITE}/fr/quotes/{both}/"),
        **translations(en=f"{SITE}/en/quotes/{english_only}/"),
    }
    assert len(large_entries) - len(entries) == 10 * 3
    assert (small_queries, large_queries) == (
        SITEMAP_WITH_QUOTES_QUERIES,
        SITEMAP_WITH_QUOTES_QUERIES,
    )


@pytest.mark.parametrize("path", ["/sitemap.xml", "/robots.txt"])
@pytest.mark.parametrize("language", ["en", "ru", "fr", "de"])
def test_sitemap_and_robots_are_served_at_the_root_whatever_the_browser_language(
    client, site_tree, path, language
):
    response = client.get(path, HTTP_ACCEPT_LANGUAGE=language)

    assert response.status_code == 200


@pytest.mark.parametrize("path", ["/en/sitemap.xml", "/fr/robots.txt"])
def test_sitemap_and_robots_have_no_language_prefixed_copy(client, site_tree, path):
    assert client.get(path).status_code == 404


def test_robots_txt_keeps_crawlers_out_of_the_admin_and_points_at_the_sitemap(client, db):
    response = client.get("/robots.txt")

    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    lines = [line.strip() for line in response.content.decode().splitlines() if line.strip()]
    assert lines == [
        "User-agent: *",
        "Disallow: /admin/",
        "Sitemap: http://testserver/sitemap.xml",
    ]
