"""What a visitor reads on every page type, checked on the parsed HTML."""

import datetime
import re

import pytest

from tests.factories import (
    EditionPageFactory,
    EditionQuoteFactory,
    EditionSpeakerFactory,
    NewsPageFactory,
    OrganisationPageFactory,
    ProgrammeSessionFactory,
    SpeakerPageFactory,
    VenueFactory,
    build_edition,
)
from tests.html import get_page, section, text_of

pytestmark = pytest.mark.django_db


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


@pytest.mark.parametrize(
    ("time_zone", "offset", "machine_time"),
    [
        pytest.param("Europe/Moscow", "UTC+03:00", "2019-04-01T09:30:00+03:00", id="venue"),
        pytest.param("", "UTC+02:00", "2019-04-01T09:30:00+02:00", id="site-default"),
        pytest.param("America/Sao_Paulo", "UTC-03:00", "2019-04-01T09:30:00-03:00", id="west"),
        pytest.param("Atlantic/Reykjavik", "UTC", "2019-04-01T09:30:00+00:00", id="utc"),
    ],
)
def test_programme_times_say_which_local_time_they_are(
    client, site_tree, time_zone, offset, machine_time
):
    edition = EditionPageFactory(
        parent=site_tree.editions,
        start_date=datetime.date(2019, 4, 1),
        venue=VenueFactory(time_zone=time_zone),
    )
    ProgrammeSessionFactory(
        page=edition,
        date=datetime.date(2019, 4, 1),
        start_time=datetime.time(9, 30),
        end_time=datetime.time(10, 15),
    )

    programme = section(get_page(client, edition.url), "programme")

    assert f"Times are local ({offset})." in text_of(programme)
    assert programme.select(".session__time time")[0]["datetime"] == machine_time


def test_a_venue_time_zone_the_database_no_longer_knows_falls_back_to_the_sites(client, site_tree):
    venue = VenueFactory()
    # Saved past validation, as a zone a later time zone database dropped would be.
    type(venue).objects.filter(pk=venue.pk).update(time_zone="Europe/Atlantis")
    venue.refresh_from_db()
    edition = EditionPageFactory(
        parent=site_tree.editions, start_date=datetime.date(2019, 4, 1), venue=venue
    )
    ProgrammeSessionFactory(page=edition, date=datetime.date(2019, 4, 1))

    programme = section(get_page(client, edition.url), "programme")

    assert "Times are local (UTC+02:00)." in text_of(programme)


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


def test_draft_edition_is_not_found_by_visitors(client, site_tree):
    EditionPageFactory(parent=site_tree.editions, live=False, slug="2099")

    soup = get_page(client, f"{site_tree.editions.url}2099/", status=404)

    assert "2099" not in text_of(soup.find("main"))
