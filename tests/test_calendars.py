"""The calendars a visitor adds or subscribes to, parsed back as a calendar app would read them:
an edition's (/en/editions/2016/calendar/) and the whole series' (/en/editions/calendar/)."""

import datetime
from zoneinfo import ZoneInfo

import pytest
from bs4 import BeautifulSoup
from icalendar import Calendar
from wagtail.models import Locale

from tests.factories import (
    EditionPageFactory,
    ProgrammeSessionFactory,
    SpeakerPageFactory,
    VenueFactory,
    build_edition,
    translate_page,
)
from tests.queries import counted_get

pytestmark = pytest.mark.django_db

SMALL, LARGE = 2, 10

# Pinned counts: lower them when a change saves a query; never raise them to hide growth.
EDITION_CALENDAR_QUERIES = 14
SERIES_CALENDAR_QUERIES = 9


def get_calendar(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return Calendar.from_ical(response.content)


def events_by_summary(calendar):
    return {str(event["SUMMARY"]): event for event in calendar.walk("VEVENT")}


def uids(calendar):
    return {str(event["UID"]) for event in calendar.walk("VEVENT")}


def calendar_url(page):
    return f"{page.url}calendar/"


@pytest.fixture
def edition(site_tree):
    """A two-day edition at a venue, with one session on each day."""
    venue = VenueFactory(
        name="Synthetic Hypercube", place="Synthetic innovation centre", city="Skolkovo"
    )
    edition = EditionPageFactory(
        parent=site_tree.editions,
        title="Synthetic conference 2016",
        theme="Synthetic cooperation in biotechnology",
        lead="Synthetic lead about the 2016 edition.",
        start_date=datetime.date(2016, 10, 19),
        end_date=datetime.date(2016, 10, 20),
        venue=venue,
    )
    speaker = SpeakerPageFactory(parent=site_tree.speakers, title="Synthetic Speaker One")
    ProgrammeSessionFactory(
        page=edition,
        title="Synthetic opening session",
        description="Synthetic words of welcome.",
        date=datetime.date(2016, 10, 19),
        start_time=datetime.time(9, 30),
        end_time=datetime.time(10, 15),
        room="Hall A",
        speakers=[("speaker", speaker)],
    )
    ProgrammeSessionFactory(
        page=edition,
        title="Synthetic closing session",
        date=datetime.date(2016, 10, 20),
        start_time=datetime.time(16, 0),
        end_time=datetime.time(17, 0),
        room="",
    )
    edition.save_revision().publish()
    edition.refresh_from_db()
    return edition


@pytest.fixture
def russian_edition(site_tree, edition):
    """The edition in Russian, with its venue and a session translated."""
    translate_page(site_tree.home, "ru", title="Синтетическая серия конференций")
    translate_page(site_tree.editions, "ru", title="Конференции")
    russian_venue = edition.venue.copy_for_translation(Locale.objects.get(language_code="ru"))
    russian_venue.name = "Синтетический Гиперкуб"
    russian_venue.place = "Синтетический инновационный центр"
    russian_venue.city = "Сколково"
    russian_venue.save()
    russian = translate_page(
        edition,
        "ru",
        title="Синтетическая конференция 2016",
        theme="Синтетическое сотрудничество в биотехнологиях",
        lead="Синтетический лид о конференции 2016 года.",
        venue=russian_venue,
    )
    opening = russian.sessions.get(date=datetime.date(2016, 10, 19))
    opening.title = "Синтетическое открытие"
    opening.description = "Синтетические приветственные слова."
    opening.room = "Зал А"
    opening.save()
    return russian


# One edition


def test_edition_calendar_holds_the_edition_as_an_all_day_event_and_each_session(client, edition):
    calendar = get_calendar(client, calendar_url(edition))

    events = events_by_summary(calendar)
    assert len(calendar.walk("VEVENT")) == 1 + edition.sessions.count()
    assert set(events) == {
        "Synthetic conference 2016",
        "Synthetic opening session",
        "Synthetic closing session",
    }
    whole = events["Synthetic conference 2016"]
    # All-day: DATE values, and DTEND is the day after the last day (it is exclusive).
    assert whole["DTSTART"].params["VALUE"] == "DATE"
    assert whole.decoded("DTSTART") == datetime.date(2016, 10, 19)
    assert whole.decoded("DTEND") == datetime.date(2016, 10, 21)
    assert str(whole["LOCATION"]) == (
        "Synthetic Hypercube, Synthetic innovation centre, Skolkovo, France"
    )
    assert str(whole["URL"]) == f"http://testserver{edition.url}"
    assert str(whole["DESCRIPTION"]) == (
        "Synthetic cooperation in biotechnology\n\nSynthetic lead about the 2016 edition."
    )
    # When the edition last changed (RFC 5545 has no fractions of a second).
    assert whole.decoded("DTSTAMP") == edition.last_published_at.replace(microsecond=0)
    assert str(calendar["X-WR-CALNAME"]) == "Synthetic conference 2016"
    assert str(calendar["VERSION"]) == "2.0"
    assert calendar["PRODID"]


def test_sessions_are_at_their_times_in_the_site_time_zone_with_room_and_speakers(client, edition):
    calendar = get_calendar(client, calendar_url(edition))

    opening = events_by_summary(calendar)["Synthetic opening session"]
    paris = ZoneInfo("Europe/Paris")
    assert opening["DTSTART"].params["TZID"] == "Europe/Paris"
    assert opening.decoded("DTSTART") == datetime.datetime(2016, 10, 19, 9, 30, tzinfo=paris)
    assert opening.decoded("DTEND") == datetime.datetime(2016, 10, 19, 10, 15, tzinfo=paris)
    assert opening.decoded("DTSTART").astimezone(datetime.UTC).hour == 7  # CEST is UTC+2
    assert str(opening["LOCATION"]) == (
        "Room: Hall A, Synthetic Hypercube, Synthetic innovation centre, Skolkovo, France"
    )
    assert str(opening["DESCRIPTION"]) == (
        "Synthetic words of welcome.\n\nSpeakers: Synthetic Speaker One"
    )
    assert str(opening["URL"]) == f"http://testserver{edition.url}#programme"
    closing = events_by_summary(calendar)["Synthetic closing session"]
    assert str(closing["LOCATION"]).startswith("Synthetic Hypercube,")
    assert "DESCRIPTION" not in closing
    # Every TZID used is described by a VTIMEZONE, as RFC 5545 requires.
    assert calendar.get_missing_tzids() == set()
    assert [zone["TZID"] for zone in calendar.walk("VTIMEZONE")] == ["Europe/Paris"]


def test_session_times_follow_the_configured_time_zone(client, settings, edition):
    settings.TIME_ZONE = "Asia/Novosibirsk"

    calendar = get_calendar(client, calendar_url(edition))

    opening = events_by_summary(calendar)["Synthetic opening session"]
    assert opening["DTSTART"].params["TZID"] == "Asia/Novosibirsk"
    assert opening.decoded("DTSTART") == datetime.datetime(
        2016, 10, 19, 9, 30, tzinfo=ZoneInfo("Asia/Novosibirsk")
    )
    assert calendar.get_missing_tzids() == set()


def test_session_times_are_the_venues_local_time_when_it_has_a_time_zone(client, edition):
    edition.venue.time_zone = "Europe/Moscow"
    edition.venue.save()

    calendar = get_calendar(client, calendar_url(edition))

    opening = events_by_summary(calendar)["Synthetic opening session"]
    assert opening["DTSTART"].params["TZID"] == "Europe/Moscow"
    assert opening.decoded("DTSTART") == datetime.datetime(
        2016, 10, 19, 9, 30, tzinfo=ZoneInfo("Europe/Moscow")
    )
    assert opening.decoded("DTSTART").astimezone(datetime.UTC).hour == 6  # MSK is UTC+3
    assert str(calendar["X-WR-TIMEZONE"]) == "Europe/Moscow"
    assert [zone["TZID"] for zone in calendar.walk("VTIMEZONE")] == ["Europe/Moscow"]


def test_edition_calendar_downloads_as_an_ics_file(client, edition):
    response = client.get(calendar_url(edition))

    assert response["Content-Disposition"] == (
        'attachment; filename="synthetic-conference-2016.ics"'
    )


def test_uids_stay_the_same_across_downloads_and_edits(client, edition):
    first = uids(get_calendar(client, calendar_url(edition)))
    edition.title = "Synthetic conference 2016, renamed"
    edition.save_revision().publish()
    session = edition.sessions.first()
    session.start_time = datetime.time(8, 0)
    session.save()

    second = uids(get_calendar(client, calendar_url(edition)))

    assert len(first) == 3
    assert first == second
    assert all(uid.endswith("@localhost") for uid in first)  # the site's host


def test_russian_calendar_is_in_russian_with_its_own_uids(client, edition, russian_edition):
    english = get_calendar(client, calendar_url(edition))
    russian = get_calendar(client, calendar_url(russian_edition))

    assert calendar_url(russian_edition) == f"/ru/editions/{edition.slug}/calendar/"
    events = events_by_summary(russian)
    assert set(events) == {
        "Синтетическая конференция 2016",
        "Синтетическое открытие",
        "Synthetic closing session",  # not translated yet: the Russian page still says so
    }
    whole = events["Синтетическая конференция 2016"]
    assert str(whole["DESCRIPTION"]) == (
        "Синтетическое сотрудничество в биотехнологиях\n\n"
        "Синтетический лид о конференции 2016 года."
    )
    assert str(whole["LOCATION"]) == (
        "Синтетический Гиперкуб, Синтетический инновационный центр, Сколково, Франция"
    )
    assert str(whole["URL"]) == f"http://testserver/ru/editions/{edition.slug}/"
    opening = events["Синтетическое открытие"]
    assert str(opening["LOCATION"]).startswith("Зал: Зал А, Синтетический Гиперкуб")
    assert str(opening["DESCRIPTION"]).startswith("Синтетические приветственные слова.")
    assert str(russian["X-WR-CALNAME"]) == "Синтетическая конференция 2016"
    # Same events, other texts: their own UIDs, so that both calendars can be subscribed to.
    assert len(uids(russian)) == len(uids(english)) == 3
    assert uids(russian).isdisjoint(uids(english))


def test_draft_edition_has_no_calendar(client, site_tree):
    draft = EditionPageFactory(parent=site_tree.editions, slug="draft-edition", live=False)
    ProgrammeSessionFactory(page=draft)

    response = client.get("/en/editions/draft-edition/calendar/")

    assert response.status_code == 404
    assert "BEGIN:VCALENDAR" not in response.content.decode()


@pytest.mark.parametrize(
    "path",
    [
        "/en/editions/synthetic-2016/calendar/extra/",
        "/en/editions/synthetic-2016/unknown/",
        "/en/editions/synthetic-2016/calendar.ics",
        "/en/editions/calendar/extra/",
        "/en/editions/unknown/calendar/",
        "/de/editions/calendar/",
    ],
)
def test_unknown_calendar_paths_are_not_found(client, site_tree, path):
    EditionPageFactory(parent=site_tree.editions, slug="synthetic-2016")

    assert client.get(path).status_code == 404


def test_edition_page_links_its_calendar(client, edition):
    response = client.get(edition.url)
    soup = BeautifulSoup(response.content, "html.parser")

    link = soup.find("a", string="Add to calendar")
    assert link["href"] == calendar_url(edition)
    assert soup.find("link", rel="alternate", type="text/calendar")["href"] == link["href"]
    assert get_calendar(client, link["href"])


# The whole series


def test_series_calendar_lists_every_live_edition_in_the_visitors_language(client, site_tree):
    first = EditionPageFactory(
        parent=site_tree.editions,
        title="Synthetic first edition",
        start_date=datetime.date(2015, 6, 1),
        end_date=datetime.date(2015, 6, 1),
    )
    EditionPageFactory(
        parent=site_tree.editions,
        title="Synthetic second edition",
        start_date=datetime.date(2016, 10, 19),
        end_date=datetime.date(2016, 10, 21),
    )
    EditionPageFactory(parent=site_tree.editions, title="Synthetic draft edition", live=False)
    translate_page(site_tree.home, "ru", title="Синтетическая серия конференций")
    russian_index = translate_page(site_tree.editions, "ru", title="Конференции")
    translate_page(first, "ru", title="Синтетическая первая конференция")

    english = get_calendar(client, "/en/editions/calendar/")
    russian = get_calendar(client, "/ru/editions/calendar/")

    events = events_by_summary(english)
    assert set(events) == {"Synthetic first edition", "Synthetic second edition"}
    second = events["Synthetic second edition"]
    assert second.decoded("DTSTART") == datetime.date(2016, 10, 19)
    assert second.decoded("DTEND") == datetime.date(2016, 10, 22)
    assert str(english["X-WR-CALNAME"]) == "Synthetic conference series"
    assert str(english["REFRESH-INTERVAL"].to_ical().decode()) == "P1D"
    assert set(events_by_summary(russian)) == {"Синтетическая первая конференция"}
    russian_event = russian.walk("VEVENT")[0]
    assert str(russian_event["URL"]).startswith("http://testserver/ru/editions/")
    assert str(russian["X-WR-CALNAME"]) == "Синтетическая серия конференций"
    assert russian_index.url == "/ru/editions/"
    assert uids(russian).isdisjoint(uids(english))


def test_series_calendar_is_served_for_subscribing(client, site_tree):
    EditionPageFactory(parent=site_tree.editions)

    response = client.get("/en/editions/calendar/")

    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert response["Content-Disposition"] == 'inline; filename="synthetic-conference-series.ics"'


def test_edition_archive_offers_to_subscribe_to_the_calendar(client, site_tree):
    EditionPageFactory(parent=site_tree.editions)

    soup = BeautifulSoup(client.get("/en/editions/").content, "html.parser")

    subscribe = soup.find("a", string="Subscribe to the calendar")
    assert subscribe["href"] == "webcal://testserver/en/editions/calendar/"
    download = soup.find("a", string="Calendar file (.ics)")
    assert download["href"] == "/en/editions/calendar/"
    assert soup.find("link", rel="alternate", type="text/calendar")["href"] == download["href"]
    assert len(get_calendar(client, download["href"]).walk("VEVENT")) == 1


# Query counts


def queries_for(client, url):
    count, response = counted_get(client, url)
    return count, Calendar.from_ical(response.content)


def test_edition_calendar_queries_do_not_grow_with_sessions_and_speakers(client, site_tree):
    counts = []
    for year, size in ((2030, SMALL), (2031, LARGE)):
        edition = build_edition(
            site_tree.editions,
            speakers=size,
            sessions=size,
            speaker_index=site_tree.speakers,
            partner_index=site_tree.partners,
            start_date=datetime.date(year, 10, 19),
        )
        count, calendar = queries_for(client, calendar_url(edition))
        assert len(calendar.walk("VEVENT")) == 1 + size
        counts.append(count)

    assert counts == [EDITION_CALENDAR_QUERIES, EDITION_CALENDAR_QUERIES]


def test_series_calendar_queries_do_not_grow_with_editions(client, site_tree):
    counts = []
    for size in (SMALL, LARGE):
        while len(site_tree.editions.get_children()) < size:
            EditionPageFactory(parent=site_tree.editions, venue=VenueFactory())
        count, calendar = queries_for(client, "/en/editions/calendar/")
        assert len(calendar.walk("VEVENT")) == size
        counts.append(count)

    assert counts == [SERIES_CALENDAR_QUERIES, SERIES_CALENDAR_QUERIES]
