"""The number of database queries of the busiest pages does not grow with their content.

Each page is requested once to warm the caches Wagtail and Django keep (site root paths,
image renditions generated on first view), then counted on a second request, at a small and
a large size. A change that adds a query per speaker, quote, session or partner fails here.
"""

import datetime

import pytest

from tests.factories import (
    EditionPageFactory,
    EditionPartnerFactory,
    EditionQuoteFactory,
    EditionSpeakerFactory,
    ImageFactory,
    OrganisationPageFactory,
    SpeakerPageFactory,
    build_edition,
)
from tests.queries import counted_get

pytestmark = pytest.mark.django_db

SMALL, LARGE = 2, 10

# Pinned counts: lower them when a change saves a query; never raise them to hide growth.
EDITION_PAGE_QUERIES = 26
SPEAKER_PAGE_QUERIES = 19
ORGANISATION_PAGE_QUERIES = 16


def queries_for(client, url):
    count, response = counted_get(client, url)
    return count, response.content.decode()


def edition_of_size(site_tree, size, year):
    return build_edition(
        site_tree.editions,
        speakers=size,
        quotes=size,
        sessions=size,
        partners=size,
        objectives=size,
        contacts=size,
        with_images=True,
        speaker_index=site_tree.speakers,
        partner_index=site_tree.partners,
        start_date=datetime.date(year, 10, 19),
    )


def test_edition_page_queries_do_not_grow_with_speakers_quotes_sessions_and_partners(
    client, site_tree
):
    small = edition_of_size(site_tree, SMALL, 2030)
    large = edition_of_size(site_tree, LARGE, 2031)

    small_count, small_html = queries_for(client, small.url)
    large_count, large_html = queries_for(client, large.url)

    # The pages do show all of their content, so the counts compare like with like.
    assert small.participations.last().speaker.title in small_html
    last_speaker = large.participations.last().speaker.title
    assert last_speaker in large_html
    assert large.partners.last().organisation.title in large_html
    assert large.sessions.last().title in large_html
    assert (small_count, large_count) == (EDITION_PAGE_QUERIES, EDITION_PAGE_QUERIES)


def speaker_with_history(site_tree, editions):
    organisation = OrganisationPageFactory(parent=site_tree.partners)
    speaker = SpeakerPageFactory(
        parent=site_tree.speakers, organisation=organisation, photo=ImageFactory()
    )
    for year in range(2000, 2000 + editions):
        edition = EditionPageFactory(
            parent=site_tree.editions, start_date=datetime.date(year, 6, 1)
        )
        EditionSpeakerFactory(page=edition, speaker=speaker, organisation=organisation)
        EditionQuoteFactory(page=edition, speaker=speaker)
    return speaker


def test_speaker_page_queries_do_not_grow_with_editions_and_quotes(client, site_tree):
    small = speaker_with_history(site_tree, SMALL)
    small_count, _ = queries_for(client, small.url)
    large = speaker_with_history(site_tree, LARGE)
    large_count, large_html = queries_for(client, large.url)

    assert large_html.count("Synthetic quotation number") == LARGE
    assert (small_count, large_count) == (SPEAKER_PAGE_QUERIES, SPEAKER_PAGE_QUERIES)


def organisation_with_history(site_tree, editions):
    organisation = OrganisationPageFactory(parent=site_tree.partners, logo=ImageFactory())
    first_year = 2100 + OrganisationPageFactory._meta.model.objects.count() * 50
    for year in range(first_year, first_year + editions):
        edition = EditionPageFactory(
            parent=site_tree.editions, start_date=datetime.date(year, 6, 1)
        )
        EditionPartnerFactory(page=edition, organisation=organisation)
        person = SpeakerPageFactory(parent=site_tree.speakers, organisation=organisation)
        EditionSpeakerFactory(page=edition, speaker=person, organisation=organisation)
    return organisation


def test_organisation_page_queries_do_not_grow_with_editions_and_people(client, site_tree):
    small = organisation_with_history(site_tree, SMALL)
    small_count, _ = queries_for(client, small.url)
    large = organisation_with_history(site_tree, LARGE)
    large_count, large_html = queries_for(client, large.url)

    assert large_html.count("Synthetic speaker") >= LARGE
    assert (small_count, large_count) == (ORGANISATION_PAGE_QUERIES, ORGANISATION_PAGE_QUERIES)
