"""Whatever the query string, the directories, the archive and the quotes page answer with a
page (the one without that filter), never a server error, and never echo markup.

Every case only reads, so they share one site built once for the module: the people, the
organisations, the archive and the quotes of test_directories.py and test_quotes.py."""

from dataclasses import replace
from urllib.parse import quote

import pytest
from django.core.cache import cache
from django.db import transaction
from django.test import Client

from tests.conftest import build_site_tree
from tests.factories import PartnerIndexPageFactory, QuoteIndexPageFactory
from tests.hostile_input import HOSTILE_VALUES
from tests.html import soup_of
from tests.test_directories import (
    build_archive,
    build_organisations,
    build_people,
    edition_titles,
    organisation_names,
    speaker_names,
)
from tests.test_quotes import build_quoted, quote_texts


@pytest.fixture(scope="module")
def addresses(django_db_setup, django_db_blocker):
    """{list: (address, the page without filters)} on a site holding all their content, built
    once for the module."""
    with django_db_blocker.unblock(), transaction.atomic():
        site = build_site_tree()
        quote_index = QuoteIndexPageFactory(parent=site.home, slug="quotes")
        build_people(site)
        # The organisations of the partner directory's own tests, in a directory of their own:
        # some have the names of the people's organisations.
        countries = replace(
            site, partners=PartnerIndexPageFactory(parent=site.home, slug="by-country")
        )
        build_organisations(countries)
        build_archive(site)
        build_quoted(site, quote_index)
        addresses = {
            "speakers": site.speakers.url,
            "partners": countries.partners.url,
            "editions": site.editions.url,
            "quotes": quote_index.url,
        }
        visitor = Client()
        yield {name: (url, soup_of(visitor.get(url))) for name, url in addresses.items()}
        transaction.set_rollback(True)
    cache.clear()


def read(client, page, query):
    """The page (from ``addresses``) with ``query``, and the same page without it."""
    address, unfiltered = page
    response = client.get(f"{address}?{query}")
    assert b"<script>alert" not in response.content
    return soup_of(response), unfiltered


@pytest.mark.parametrize("value", HOSTILE_VALUES)
@pytest.mark.parametrize("name", ["organisation", "edition", "letter"])
def test_speaker_directory_survives_hostile_filters(client, db, addresses, name, value):
    # The last value of a repeated parameter is the one that counts.
    query = f"{name}[]=1&{name}&{name}={quote(value, safe='%')}"
    filtered, unfiltered = read(client, addresses["speakers"], query)

    assert speaker_names(filtered) == speaker_names(unfiltered)
    assert len(speaker_names(unfiltered)) == 6


@pytest.mark.parametrize("value", HOSTILE_VALUES)
def test_partner_directory_survives_hostile_filters(client, db, addresses, value):
    query = f"country[]=FR&country=FR&country={quote(value, safe='%')}"
    filtered, unfiltered = read(client, addresses["partners"], query)

    assert organisation_names(filtered) == organisation_names(unfiltered)
    assert len(organisation_names(unfiltered)) == 6


@pytest.mark.parametrize("value", HOSTILE_VALUES)
def test_edition_archive_survives_hostile_filters(client, db, addresses, value):
    query = f"year[]=2016&year={quote(value, safe='%')}"
    filtered, unfiltered = read(client, addresses["editions"], query)

    assert edition_titles(filtered) == edition_titles(unfiltered)
    assert len(edition_titles(unfiltered)) == 8


@pytest.mark.parametrize("value", HOSTILE_VALUES)
@pytest.mark.parametrize("name", ["edition", "speaker", "page"])
def test_the_quotes_page_survives_hostile_query_strings(client, db, addresses, name, value):
    # The last value of a repeated parameter is the one that counts.
    query = f"{name}[]=1&{name}&{name}={quote(value, safe='%')}"
    filtered, unfiltered = read(client, addresses["quotes"], query)

    assert quote_texts(filtered) == quote_texts(unfiltered)
    assert len(quote_texts(unfiltered)) == 3
