"""What a visitor reads in the demo, the 2016 edition of Biotech RusFrance (built once for the
module by the `demo` fixture)."""

import re

import pytest

from editions.models import EditionPage
from tests.html import get_page, section, text_of

pytestmark = pytest.mark.django_db


# The demo: what the done-when of the foundation asks a visitor to see.


def test_home_page_highlights_the_latest_edition_and_the_news(client, demo):
    soup = get_page(client, "/en/")

    assert text_of(soup.h1) == "Biotech RusFrance"
    assert "The Russian-French biotechnology conference" in text_of(soup.main)
    featured = soup.find("a", string=re.compile("Biotech RusFrance 2016"))
    assert featured["href"] == "/en/editions/2016/"
    news_link = soup.find("a", href="/en/news/biotech-rusfrance-2016-at-skolkovo-foundation/")
    assert "will be held at Skolkovo Foundation" in text_of(news_link)
    assert "23 September 2016" in text_of(soup.main)


def test_demo_edition_page_shows_everything_from_the_press_release(client, demo):
    soup = get_page(client, "/en/editions/2016/")
    page_text = text_of(soup.main)

    assert text_of(soup.h1) == "Biotech RusFrance 2016"
    assert "New Russian-French Cooperation Opportunities in Biotechnology Sphere" in page_text
    assert soup.find("time", datetime="2016-10-19") is not None
    assert "19 October 2016" in page_text
    assert "Past" in page_text
    assert "Hypercube" in page_text and "Skolkovo Innovation Center" in page_text
    assert "in the framework of the 50th anniversary" in page_text
    assert "France has been a recognized leader in this field" in page_text

    objectives = [text_of(li) for li in section(soup, "objectives").find_all("li")]
    assert len(objectives) == 2
    assert objectives[0].startswith("Review of possibilities for mutually beneficial")

    speakers = section(soup, "speakers")
    for name, slug, position, organisation in [
        (
            "Kirill Kaem",
            "kirill-kaem",
            "Vice-President, Executive Director of Biomed Cluster",
            "Skolkovo Foundation",
        ),
        (
            "Alexis Michel",
            "alexis-michel",
            "Science and Technology Advisor",
            "Embassy of France in Russia",
        ),
        ("Irina Raskina", "irina-raskina", "General Director", "Bioinnovex"),
    ]:
        link = speakers.find("a", href=f"/en/speakers/{slug}/")
        assert link is not None and text_of(link) == name
        assert position in text_of(speakers)
        assert speakers.find("a", string=organisation) is not None

    quotes = text_of(section(soup, "quotes"))
    assert "global biotech market is currently evaluated as amounting to 300 billion" in quotes
    assert "he was a student of Pasteur and became a Nobel Prize winner" in quotes
    assert "the next step should be the presence of innovation medicines" in quotes

    partners = section(soup, "partners")
    for slug in ("skolkovo-foundation", "embassy-of-france-in-russia", "bioinnovex"):
        assert partners.find("a", href=f"/en/partners/{slug}/") is not None
    assert "Host" in text_of(partners)

    contacts = text_of(section(soup, "contacts"))
    assert "Mikhail Smirnov" in contacts and "ext. 2076" in contacts
    assert "Clothilde Le Coz" in contacts and "Additional information" in contacts

    news = section(soup, "news")
    assert news.find("a", href="/en/news/biotech-rusfrance-2016-at-skolkovo-foundation/")


def test_each_speaker_link_leads_to_their_2016_participation_and_quote(client, demo):
    edition = get_page(client, "/en/editions/2016/")
    links = section(edition, "speakers").select("a[href^='/en/speakers/']")
    assert len(links) == 3

    for link in links:
        speaker = get_page(client, link["href"])
        text = text_of(speaker.main)
        assert text_of(speaker.h1) == text_of(link)
        assert speaker.find("a", href="/en/editions/2016/") is not None
        assert "Speaker" in text
        quote = EditionPage.objects.get(year=2016, locale__language_code="en").quotes.get(
            speaker__title=text_of(link)
        )
        assert quote.text.split("\n")[0][:80] in text


def test_organisation_page_lists_the_2016_edition_and_its_people(client, demo):
    soup = get_page(client, "/en/partners/skolkovo-foundation/")
    text = text_of(soup.main)

    assert text_of(soup.h1) == "Skolkovo Foundation"
    assert "Foundation" in text and "Russia" in text
    assert soup.find("a", href="/en/editions/2016/") is not None
    assert "Host" in text
    assert soup.find("a", href="/en/speakers/kirill-kaem/") is not None


def test_embassy_page_shows_its_country_and_its_advisor(client, demo):
    soup = get_page(client, "/en/partners/embassy-of-france-in-russia/")

    assert "France" in text_of(soup.main)
    assert soup.find("a", href="/en/speakers/alexis-michel/") is not None


def test_speaker_directory_is_sorted_by_family_name(client, demo):
    soup = get_page(client, "/en/speakers/")

    names = [text_of(a) for a in soup.main.select("a[href^='/en/speakers/']")]
    assert names == ["Kirill Kaem", "Alexis Michel", "Irina Raskina"]


def test_partner_directory_groups_organisations_by_kind(client, demo):
    soup = get_page(client, "/en/partners/")
    headings = [text_of(h) for h in soup.main.find_all("h2")]

    assert headings == ["Foundation", "Government body or embassy", "Company"]


def test_news_page_shows_date_topics_and_the_edition(client, demo):
    soup = get_page(client, "/en/news/biotech-rusfrance-2016-at-skolkovo-foundation/")
    text = text_of(soup.main)

    assert "23 September 2016" in text
    assert "Central regions" in text and "Technology & innovation" in text
    assert soup.main.find("a", href="/en/editions/2016/") is not None
    assert len(soup.main.find_all("blockquote")) == 3


def test_every_page_has_the_skip_link_landmarks_and_language(client, demo):
    for url in (
        "/en/",
        "/en/editions/",
        "/en/editions/2016/",
        "/en/speakers/",
        "/en/partners/",
        "/en/news/",
    ):
        soup = get_page(client, url)
        first_link = soup.body.find("a")
        assert first_link["href"] == "#main-content", url
        assert soup.find("main", id="main-content") is not None, url
        assert soup.html["lang"] == "en", url
        assert len(soup.find_all("h1")) == 1, url
        assert soup.find("nav") is not None, url


# Not found, never a server error


@pytest.mark.parametrize(
    "url",
    [
        "/en/editions/1999/",
        "/en/editions/2016/unknown/",
        "/en/speakers/nobody/",
        "/en/partners/nobody/",
        "/en/news/nothing/",
        "/en/editions/%F0%9F%92%A5/",
        "/en/editions/" + "9" * 300 + "/",
    ],
)
def test_unknown_addresses_give_the_sites_404_page(client, demo, url):
    soup = get_page(client, url, status=404)

    assert soup.find("main", id="main-content") is not None
    assert "not found" in text_of(soup).lower()
