"""What a page tells search engines and social networks about itself: its canonical address,
OpenGraph and Twitter card metadata, and schema.org JSON-LD for editions, speakers and
organisations, read back the way a crawler reads them."""

import datetime
import json

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext

from core.templatetags import seo_tags
from editions.models import PartnerRole
from speakers.models import SpeakerLink, SpeakerPage
from tests.factories import (
    EditionPartnerFactory,
    EditionSpeakerFactory,
    ImageFactory,
    NewsPageFactory,
    OrganisationPageFactory,
    SpeakerLinkFactory,
    SpeakerPageFactory,
    VenueFactory,
    build_edition,
    translate_page,
    translate_pages,
)
from tests.html import soup_of

pytestmark = pytest.mark.django_db

# The default Site's root URL, which Wagtail builds every full page URL from.
SITE = "http://localhost"
SCHEDULED = "https://schema.org/EventScheduled"
OFFLINE = "https://schema.org/OfflineEventAttendanceMode"


def meta_content(html, name):
    """The content of <meta property=name> (OpenGraph) or <meta name=name> (Twitter)."""
    tag = html.head.find("meta", attrs={"property": name}) or html.head.find(
        "meta", attrs={"name": name}
    )
    return tag["content"] if tag else None


def meta_contents(html, name):
    return [tag["content"] for tag in html.head.find_all("meta", attrs={"property": name})]


def canonical(html):
    links = html.head.find_all("link", rel="canonical")
    assert len(links) <= 1
    return links[0]["href"] if links else None


def json_ld(html):
    scripts = html.find_all("script", type="application/ld+json")
    assert len(scripts) == 1
    return json.loads(scripts[0].string)


def organization(page, language="en"):
    return {
        "@type": "Organization",
        "name": page.title,
        "url": f"{SITE}/{language}/partners/{page.slug}/",
        "sameAs": page.website,
    }


@pytest.fixture
def french_tree(site_tree, locales):
    """The home page and the four indexes in French; the French home page is titled."""
    home = translate_page(site_tree.home, "fr", title="Série synthétique")
    indexes = translate_pages(
        [site_tree.editions, site_tree.speakers, site_tree.partners, site_tree.news], "fr"
    )
    return home, *indexes


@pytest.fixture
def edition(site_tree):
    """The 2016 edition, held in the past: a venue, a hero image, two speakers (one with a
    position at the time, one without) and partners in every kind of role."""
    venue = VenueFactory(
        name="Synthetic hall",
        place="Synthetic campus",
        city="Example City",
        country="RU",
        address="1 Synthetic street\nBuilding 2",
    )
    edition = build_edition(
        site_tree.editions,
        speakers=0,
        quotes=0,
        sessions=0,
        partners=0,
        venue=venue,
        hero_image=ImageFactory(file__width=1600, file__height=900),
        start_date=datetime.date(2016, 10, 19),
        end_date=datetime.date(2016, 10, 20),
        slug="2016",
        title="Synthetic conference 2016",
        lead="A synthetic lead about the 2016 edition.",
    )
    for role in (
        PartnerRole.HOST,
        PartnerRole.ORGANISER,
        PartnerRole.CO_ORGANISER,
        PartnerRole.SPONSOR,
        PartnerRole.PARTNER,
        PartnerRole.MEDIA_PARTNER,
    ):
        EditionPartnerFactory(
            page=edition,
            organisation=OrganisationPageFactory(parent=site_tree.partners, slug=role),
            role=role,
        )
    then = OrganisationPageFactory(parent=site_tree.partners, slug="employer-in-2016")
    EditionSpeakerFactory(
        page=edition,
        speaker=SpeakerPageFactory(
            parent=site_tree.speakers, slug="first-speaker", position="Today's position"
        ),
        position="Head of research in 2016",
        organisation=then,
    )
    EditionSpeakerFactory(
        page=edition,
        speaker=SpeakerPageFactory(parent=site_tree.speakers, slug="second-speaker"),
        position="",
        organisation=None,
    )
    return edition


def partner(edition, role):
    return edition.partners.get(role=role).organisation


# schema.org: editions


def test_an_edition_is_an_offline_event_of_the_series_with_its_dates_and_place(client, edition):
    data = json_ld(soup_of(client.get(edition.url)))

    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "Event"
    assert data["name"] == "Synthetic conference 2016"
    assert data["description"] == "A synthetic lead about the 2016 edition."
    assert data["url"] == f"{SITE}/en/editions/2016/"
    assert data["inLanguage"] == "en"
    assert (data["startDate"], data["endDate"]) == ("2016-10-19", "2016-10-20")
    assert data["eventAttendanceMode"] == OFFLINE
    assert data["location"] == {
        "@type": "Place",
        "name": "Synthetic hall",
        "address": {
            "@type": "PostalAddress",
            "streetAddress": "1 Synthetic street Building 2",
            "addressLocality": "Example City",
            "addressCountry": "RU",
        },
        "containedInPlace": {"@type": "Place", "name": "Synthetic campus"},
        "url": edition.venue.website,
    }
    assert data["superEvent"] == {
        "@type": "EventSeries",
        "name": "Synthetic conference series",
        "url": f"{SITE}/en/",
    }
    assert data["image"].startswith(f"{SITE}/media/images/")
    assert data["image"].endswith(".jpg")


@pytest.mark.parametrize(
    "start_date",
    [datetime.date(2016, 10, 19), datetime.date(2999, 10, 19)],
    ids=["past", "upcoming"],
)
def test_an_edition_is_scheduled_whether_past_or_upcoming(client, site_tree, start_date):
    edition = build_edition(site_tree.editions, start_date=start_date)

    data = json_ld(soup_of(client.get(edition.url)))

    assert data["eventStatus"] == SCHEDULED


def test_hosts_and_organisers_organise_an_edition_and_the_other_partners_sponsor_it(
    client, edition
):
    data = json_ld(soup_of(client.get(edition.url)))

    assert data["organizer"] == [
        organization(partner(edition, role))
        for role in (PartnerRole.HOST, PartnerRole.ORGANISER, PartnerRole.CO_ORGANISER)
    ]
    assert data["sponsor"] == [
        organization(partner(edition, role))
        for role in (PartnerRole.SPONSOR, PartnerRole.PARTNER, PartnerRole.MEDIA_PARTNER)
    ]


def test_performers_carry_the_position_and_organisation_they_had_at_that_edition(client, edition):
    data = json_ld(soup_of(client.get(edition.url)))

    first, second = (row.speaker for row in edition.participations.order_by("sort_order"))
    employer = edition.participations.get(speaker=first).organisation
    assert data["performer"] == [
        {
            "@type": "Person",
            "name": first.title,
            "url": f"{SITE}/en/speakers/first-speaker/",
            "jobTitle": "Head of research in 2016",
            "affiliation": organization(employer),
        },
        {"@type": "Person", "name": second.title, "url": f"{SITE}/en/speakers/second-speaker/"},
    ]


def test_an_edition_without_venue_image_or_people_leaves_those_properties_out(client, site_tree):
    edition = build_edition(
        site_tree.editions, speakers=0, quotes=0, sessions=0, partners=0, venue=None
    )

    data = json_ld(soup_of(client.get(edition.url)))

    assert data.keys().isdisjoint({"location", "image", "organizer", "sponsor", "performer"})
    assert data["eventStatus"] == SCHEDULED


def test_a_french_edition_links_french_pages_where_translated_and_its_french_series(
    client, french_tree, edition
):
    french = translate_page(edition, "fr", title="Conférence synthétique 2016", lead="")
    host = partner(edition, PartnerRole.HOST)
    translate_page(host, "fr", title="Hôte synthétique")
    first = edition.participations.order_by("sort_order").first().speaker
    translate_page(first, "fr", title="Première intervenante")

    data = json_ld(soup_of(client.get(french.url)))

    assert data["name"] == "Conférence synthétique 2016"
    assert data["url"] == f"{SITE}/fr/editions/2016/"
    assert data["inLanguage"] == "fr"
    assert data["superEvent"] == {
        "@type": "EventSeries",
        "name": "Série synthétique",
        "url": f"{SITE}/fr/",
    }
    assert data["organizer"][0] == {
        "@type": "Organization",
        "name": "Hôte synthétique",
        "url": f"{SITE}/fr/partners/host/",
        "sameAs": host.website,
    }
    # Not translated yet: the English page, rather than no link.
    assert data["organizer"][1]["url"] == f"{SITE}/en/partners/organiser/"
    assert data["performer"][0]["name"] == "Première intervenante"
    assert data["performer"][0]["url"] == f"{SITE}/fr/speakers/first-speaker/"
    assert data["performer"][1]["url"] == f"{SITE}/en/speakers/second-speaker/"


def test_json_ld_stays_json_whatever_an_editor_types(client, site_tree):
    title = '</script><script>alert(1)</script> R&D <!-- & "quotes"'
    edition = build_edition(site_tree.editions, title=title, lead="Fish & chips <b>")

    response = client.get(edition.url)
    html = soup_of(response)

    assert b"<script>alert(1)" not in response.content
    assert b"<!-- &" not in response.content
    script = html.find("script", type="application/ld+json")
    assert "\\u003C/script\\u003E" in script.string
    assert "\\u0026" in script.string
    data = json_ld(html)
    assert data["name"] == title
    assert data["description"] == "Fish & chips <b>"
    assert meta_content(html, "og:title") == title
    assert meta_content(html, "og:description") == "Fish & chips <b>"


# schema.org: speakers and organisations


def test_a_speaker_is_a_person_working_for_their_current_organisation(client, site_tree):
    organisation = OrganisationPageFactory(parent=site_tree.partners, slug="employer")
    speaker = SpeakerPageFactory(
        parent=site_tree.speakers,
        slug="a-speaker",
        title="Synthetic Person",
        position="Synthetic director",
        organisation=organisation,
        photo=ImageFactory(),
    )
    links = [SpeakerLinkFactory(page=speaker) for _ in range(2)]

    data = json_ld(soup_of(client.get(speaker.url)))

    image = data.pop("image")
    assert data == {
        "@context": "https://schema.org",
        "@type": "Person",
        "name": "Synthetic Person",
        "url": f"{SITE}/en/speakers/a-speaker/",
        "jobTitle": "Synthetic director",
        "worksFor": organization(organisation),
        "sameAs": [link.url for link in links],
    }
    assert image.startswith(f"{SITE}/media/images/")


def test_a_french_speaker_works_for_the_french_page_of_their_organisation(
    client, french_tree, site_tree
):
    organisation = OrganisationPageFactory(parent=site_tree.partners, slug="employer")
    speaker = SpeakerPageFactory(
        parent=site_tree.speakers, slug="a-speaker", organisation=organisation
    )
    translate_page(organisation, "fr", title="Employeur synthétique")
    french = translate_page(speaker, "fr", position="Directrice synthétique")

    data = json_ld(soup_of(client.get(french.url)))

    assert data["url"] == f"{SITE}/fr/speakers/a-speaker/"
    assert data["jobTitle"] == "Directrice synthétique"
    assert data["worksFor"]["name"] == "Employeur synthétique"
    assert data["worksFor"]["url"] == f"{SITE}/fr/partners/employer/"
    assert "sameAs" not in data
    assert "image" not in data


def test_an_organisation_is_an_organization_with_its_short_name_website_logo_and_country(
    client, site_tree
):
    organisation = OrganisationPageFactory(
        parent=site_tree.partners,
        slug="synthetic-institute",
        title="Synthetic Institute of Research",
        short_name="SIR",
        website="https://institute.example.org/",
        country="FR",
        logo=ImageFactory(),
    )

    data = json_ld(soup_of(client.get(organisation.url)))

    logo = data.pop("logo")
    assert data == {
        "@context": "https://schema.org",
        "@type": "Organization",
        "name": "Synthetic Institute of Research",
        "alternateName": "SIR",
        "url": f"{SITE}/en/partners/synthetic-institute/",
        "sameAs": "https://institute.example.org/",
        "address": {"@type": "PostalAddress", "addressCountry": "FR"},
    }
    assert logo.startswith(f"{SITE}/media/images/")
    assert logo.endswith(".png")


def test_pages_other_than_editions_speakers_and_organisations_have_no_json_ld(client, site_tree):
    html = soup_of(client.get(site_tree.home.url))

    assert html.find_all("script", type="application/ld+json") == []


# Canonical address, OpenGraph, Twitter card


def test_a_translated_page_is_its_own_canonical_and_names_its_other_languages(
    client, french_tree, site_tree, edition
):
    french = translate_page(edition, "fr", title="Conférence synthétique 2016")
    translate_pages([site_tree.home, site_tree.editions], "ru")
    translate_page(edition, "ru", publish=False)  # a draft: not an alternate yet

    html = soup_of(client.get(french.url))

    assert canonical(html) == f"{SITE}/fr/editions/2016/"
    assert meta_content(html, "og:url") == f"{SITE}/fr/editions/2016/"
    assert meta_content(html, "og:title") == "Conférence synthétique 2016"
    assert meta_content(html, "og:description") == "A synthetic lead about the 2016 edition."
    assert meta_content(html, "og:type") == "website"
    assert meta_content(html, "og:site_name") == "Série synthétique"
    assert meta_content(html, "og:locale") == "fr_FR"
    assert meta_contents(html, "og:locale:alternate") == ["en_GB"]
    assert meta_content(html, "og:image").startswith(f"{SITE}/media/images/")
    assert (meta_content(html, "og:image:width"), meta_content(html, "og:image:height")) == (
        "1200",
        "630",
    )
    assert meta_content(html, "twitter:card") == "summary_large_image"


def test_an_untranslated_speaker_page_is_a_profile_in_english_only(client, site_tree, locales):
    speaker = SpeakerPageFactory(
        parent=site_tree.speakers,
        slug="a-speaker",
        photo=ImageFactory(),
        biography="<p>A <b>synthetic</b> biography.</p>",
    )

    html = soup_of(client.get(speaker.url))

    assert canonical(html) == f"{SITE}/en/speakers/a-speaker/"
    assert meta_content(html, "og:type") == "profile"
    assert meta_content(html, "og:locale") == "en_GB"
    assert meta_contents(html, "og:locale:alternate") == []
    assert meta_content(html, "og:description") == "A synthetic biography."
    assert meta_content(html, "og:image").startswith(f"{SITE}/media/images/")
    assert meta_content(html, "twitter:card") == "summary"


def test_the_canonical_address_drops_the_query_string(client, site_tree):
    html = soup_of(client.get(f"{site_tree.news.url}?page=2&utm_source=newsletter"))

    assert canonical(html) == f"{SITE}/en/news/"
    assert meta_content(html, "og:url") == f"{SITE}/en/news/"


def test_a_news_item_is_an_article_described_by_its_search_description_first(client, site_tree):
    news = NewsPageFactory(
        parent=site_tree.news,
        lead="The lead.",
        search_description="The search description.",
        seo_title="The title for search engines",
    )

    html = soup_of(client.get(news.url))

    assert meta_content(html, "og:type") == "article"
    assert meta_content(html, "og:title") == "The title for search engines"
    assert meta_content(html, "og:description") == "The search description."
    assert meta_content(html, "og:image") is None
    assert meta_content(html, "twitter:card") == "summary"


def test_a_page_not_found_has_no_canonical_address(client, site_tree):
    response = client.get("/en/no-such-page/")

    assert response.status_code == 404
    html = BeautifulSoup(response.content, "html.parser")
    assert canonical(html) is None
    assert meta_content(html, "og:url") is None


# Cost


def queries_for(client, url):
    assert client.get(url).status_code == 200  # warm-up: renditions, site root paths
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured), response.content.decode()


@pytest.mark.parametrize("page_type", ["edition", "speaker", "organisation"])
def test_the_sharing_metadata_costs_no_query_of_its_own(client, site_tree, monkeypatch, page_type):
    edition = build_edition(
        site_tree.editions,
        speakers=3,
        partners=3,
        with_images=True,
        hero_image=ImageFactory(),
        speaker_index=site_tree.speakers,
        partner_index=site_tree.partners,
    )
    speaker = edition.participations.first().speaker
    SpeakerLinkFactory(page=speaker)
    url = {
        "edition": edition.url,
        "speaker": speaker.url,
        "organisation": edition.partners.first().organisation.url,
    }[page_type]

    with_metadata, html = queries_for(client, url)
    assert 'type="application/ld+json"' in html
    monkeypatch.setattr(seo_tags, "head_context", lambda context: {"meta": None})
    without_metadata, html = queries_for(client, url)
    assert 'type="application/ld+json"' not in html

    assert with_metadata == without_metadata


def test_a_new_speaker_page_can_be_previewed_with_its_metadata(site_tree):
    speaker = SpeakerPage(title="Unsaved Person", slug="unsaved-person", position="Director")
    speaker.set_url_path(site_tree.speakers)
    speaker.links.add(SpeakerLink(label="Profile", url="https://example.org/unsaved"))

    response = speaker.make_preview_request()
    html = soup_of(response)

    data = json_ld(html)
    assert data["name"] == "Unsaved Person"
    assert data["sameAs"] == ["https://example.org/unsaved"]
    assert meta_content(html, "og:title") == "Unsaved Person"
