"""What a visitor reads on every page type, checked on the parsed HTML."""

import datetime
import re
from io import StringIO

import pytest
from bs4 import BeautifulSoup
from django.core.management import call_command

from editions.models import EditionPage
from tests.factories import (
    EditionPageFactory,
    EditionQuoteFactory,
    EditionSpeakerFactory,
    NewsPageFactory,
    OrganisationPageFactory,
    ProgrammeSessionFactory,
    SpeakerPageFactory,
    build_edition,
)

pytestmark = pytest.mark.django_db


def get_page(client, url, status=200):
    response = client.get(url)
    assert response.status_code == status, url
    return BeautifulSoup(response.content, "html.parser")


def text_of(element):
    return re.sub(r"\s+", " ", element.get_text(" ", strip=True))


def section(soup, section_id):
    found = soup.find(id=section_id)
    assert found is not None, f"no section #{section_id}"
    return found


@pytest.fixture
def demo(db):
    call_command("load_demo", stdout=StringIO())


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
        quote = EditionPage.objects.get(year=2016).quotes.get(speaker__title=text_of(link))
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


# Behaviour beyond the demo


def test_edition_page_shows_the_position_held_then_and_the_speaker_page_both(client, site_tree):
    then = OrganisationPageFactory(parent=site_tree.partners, title="Synthetic institute")
    person = SpeakerPageFactory(
        parent=site_tree.speakers, title="Synthetic Person", position="Synthetic director now"
    )
    edition = EditionPageFactory(parent=site_tree.editions, start_date=datetime.date(2018, 5, 3))
    EditionSpeakerFactory(
        page=edition, speaker=person, position="Synthetic researcher then", organisation=then
    )

    edition_text = text_of(get_page(client, edition.url).main)
    speaker_text = text_of(get_page(client, person.url).main)

    assert "Synthetic researcher then" in edition_text
    assert "Synthetic director now" not in edition_text
    assert "Synthetic director now" in speaker_text
    assert "Synthetic researcher then" in speaker_text


def test_programme_lists_sessions_by_day_with_times_rooms_and_speakers(client, site_tree):
    edition = EditionPageFactory(
        parent=site_tree.editions,
        start_date=datetime.date(2019, 4, 1),
        end_date=datetime.date(2019, 4, 2),
    )
    person = SpeakerPageFactory(parent=site_tree.speakers, title="Synthetic Panellist")
    ProgrammeSessionFactory(
        page=edition,
        date=datetime.date(2019, 4, 2),
        title="Synthetic closing session",
        start_time=datetime.time(16, 0),
        end_time=datetime.time(17, 0),
        room="Room B",
    )
    ProgrammeSessionFactory(
        page=edition,
        date=datetime.date(2019, 4, 1),
        title="Synthetic opening session",
        start_time=datetime.time(9, 30),
        end_time=datetime.time(10, 15),
        room="Room A",
        speakers=[("speaker", person)],
    )

    programme = section(get_page(client, edition.url), "programme")
    text = text_of(programme)

    assert text.index("Synthetic opening session") < text.index("Synthetic closing session")
    assert "09:30" in text and "10:15" in text and "Room A" in text
    assert programme.find("a", href=person.url) is not None


def test_registration_link_is_offered_only_until_the_edition_ends(client, site_tree):
    today = datetime.date.today()
    upcoming = EditionPageFactory(
        parent=site_tree.editions,
        start_date=today + datetime.timedelta(days=30),
        registration_url="https://example.org/register-upcoming",
    )
    past = EditionPageFactory(
        parent=site_tree.editions,
        start_date=today - datetime.timedelta(days=400),
        registration_url="https://example.org/register-past",
    )

    upcoming_page = get_page(client, upcoming.url)
    past_page = get_page(client, past.url)

    assert upcoming_page.find("a", href="https://example.org/register-upcoming") is not None
    assert "Upcoming" in text_of(upcoming_page.main)
    assert past_page.find("a", href="https://example.org/register-past") is None


def test_sections_without_content_are_left_out(client, site_tree):
    edition = EditionPageFactory(parent=site_tree.editions)

    soup = get_page(client, edition.url)

    for section_id in ("programme", "speakers", "quotes", "partners", "contacts", "news"):
        assert soup.find(id=section_id) is None, section_id


def test_unpublished_speaker_is_not_listed_on_the_edition(client, site_tree):
    edition = build_edition(site_tree.editions, speakers=1, quotes=0, sessions=0, partners=0)
    hidden = SpeakerPageFactory(parent=site_tree.speakers, title="Synthetic Draft", live=False)
    ProgrammeSessionFactory(page=edition, speakers=[("speaker", hidden)])

    assert "Synthetic Draft" not in text_of(section(get_page(client, edition.url), "programme"))


def test_home_page_prefers_the_next_edition_over_a_past_one(client, site_tree):
    today = datetime.date.today()
    EditionPageFactory(
        parent=site_tree.editions,
        title="Synthetic past edition",
        start_date=today - datetime.timedelta(days=200),
    )
    EditionPageFactory(
        parent=site_tree.editions,
        title="Synthetic next edition",
        start_date=today + datetime.timedelta(days=100),
    )

    text = text_of(get_page(client, "/en/").main)

    assert "Synthetic next edition" in text
    assert "Synthetic past edition" not in text


def test_edition_archive_lists_editions_newest_first(client, site_tree):
    for year in (2017, 2019, 2018):
        EditionPageFactory(
            parent=site_tree.editions,
            title=f"Synthetic {year}",
            start_date=datetime.date(year, 3, 1),
        )

    soup = get_page(client, site_tree.editions.url)
    titles = re.findall(r"Synthetic \d{4}", text_of(soup.main))

    assert titles == ["Synthetic 2019", "Synthetic 2018", "Synthetic 2017"]


@pytest.mark.parametrize("page_param", ["abc", "999", "-1", "1" * 30, ""])
def test_news_index_survives_any_page_number(client, site_tree, page_param):
    for day in range(1, 13):
        NewsPageFactory(parent=site_tree.news, date=datetime.date(2016, 9, day))

    soup = get_page(client, f"{site_tree.news.url}?page={page_param}")

    assert len(soup.main.select("article")) >= 1


def test_quote_with_markup_is_shown_as_text(client, site_tree):
    edition = EditionPageFactory(parent=site_tree.editions)
    person = SpeakerPageFactory(parent=site_tree.speakers)
    EditionQuoteFactory(page=edition, speaker=person, text="<script>alert(1)</script> & co")

    response = client.get(edition.url)

    assert b"<script>alert(1)</script>" not in response.content
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; co" in response.content.decode()


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


def test_draft_edition_is_not_found_by_visitors(client, site_tree):
    EditionPageFactory(parent=site_tree.editions, live=False, slug="2099")

    soup = get_page(client, f"{site_tree.editions.url}2099/", status=404)

    assert "2099" not in text_of(soup.find("main"))
