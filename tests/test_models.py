"""Business rules on the models: edition status, registrations, what a person or an
organisation did across editions, the programme grouped by day."""

import datetime

import pytest
from django.utils import timezone

from editions.models import EditionPage, EditionStatus
from tests.factories import (
    EditionPageFactory,
    EditionPartnerFactory,
    EditionQuoteFactory,
    EditionSpeakerFactory,
    OrganisationPageFactory,
    ProgrammeSessionFactory,
    SpeakerPageFactory,
)

# An edition made in memory still reads the default locale from the database.
pytestmark = pytest.mark.django_db

FIRST_DAY = datetime.date(2016, 9, 22)
LAST_DAY = datetime.date(2016, 9, 24)
DAY = datetime.timedelta(days=1)


def three_day_edition(**fields):
    """An unsaved edition from 22 to 24 September 2016: status needs no database."""
    return EditionPage(year=2016, start_date=FIRST_DAY, end_date=LAST_DAY, **fields)


# Status, derived from the dates


@pytest.mark.parametrize(
    ("today", "expected"),
    [
        pytest.param(FIRST_DAY - DAY, EditionStatus.UPCOMING, id="upcoming-the-day-before"),
        pytest.param(FIRST_DAY, EditionStatus.ONGOING, id="ongoing-on-the-first-day"),
        pytest.param(FIRST_DAY + DAY, EditionStatus.ONGOING, id="ongoing-on-a-middle-day"),
        pytest.param(LAST_DAY, EditionStatus.ONGOING, id="ongoing-on-the-last-day"),
        pytest.param(LAST_DAY + DAY, EditionStatus.PAST, id="past-the-day-after-the-last-day"),
    ],
)
def test_edition_status_follows_the_calendar(today, expected):
    assert three_day_edition().status(today) == expected


def test_edition_status_is_past_the_day_after_end_date():
    assert three_day_edition().status(LAST_DAY + DAY) == EditionStatus.PAST


def test_single_day_edition_is_ongoing_on_its_only_day():
    edition = EditionPage(year=2016, start_date=FIRST_DAY, end_date=FIRST_DAY)

    assert edition.status(FIRST_DAY - DAY) == EditionStatus.UPCOMING
    assert edition.status(FIRST_DAY) == EditionStatus.ONGOING
    assert edition.status(FIRST_DAY + DAY) == EditionStatus.PAST


def test_edition_status_defaults_to_the_local_date():
    today = timezone.localdate()
    edition = EditionPage(year=today.year, start_date=today - DAY, end_date=today + DAY)

    assert edition.status() == EditionStatus.ONGOING
    assert edition.status_label == "Taking place now"


# Querysets


@pytest.fixture
def past_ongoing_upcoming(edition_index):
    """Three live editions around 1 June 2020: one past, one on, one to come."""
    return (
        EditionPageFactory(
            parent=edition_index,
            start_date=datetime.date(2019, 6, 1),
            end_date=datetime.date(2019, 6, 2),
        ),
        EditionPageFactory(
            parent=edition_index,
            start_date=datetime.date(2020, 5, 31),
            end_date=datetime.date(2020, 6, 2),
        ),
        EditionPageFactory(
            parent=edition_index,
            start_date=datetime.date(2021, 6, 1),
            end_date=datetime.date(2021, 6, 2),
        ),
    )


JUNE_1_2020 = datetime.date(2020, 6, 1)


def test_upcoming_ongoing_and_past_querysets_split_editions_by_date(past_ongoing_upcoming):
    past, ongoing, upcoming = past_ongoing_upcoming

    assert list(EditionPage.objects.past(JUNE_1_2020)) == [past]
    assert list(EditionPage.objects.ongoing(JUNE_1_2020)) == [ongoing]
    assert list(EditionPage.objects.upcoming(JUNE_1_2020)) == [upcoming]


@pytest.mark.parametrize(
    "today",
    [
        pytest.param(FIRST_DAY - DAY, id="day-before"),
        pytest.param(FIRST_DAY, id="first-day"),
        pytest.param(FIRST_DAY + DAY, id="middle-day"),
        pytest.param(LAST_DAY, id="last-day"),
        pytest.param(LAST_DAY + DAY, id="day-after"),
    ],
)
def test_edition_is_in_exactly_the_queryset_matching_its_status(edition_index, today):
    edition = EditionPageFactory(parent=edition_index, start_date=FIRST_DAY, end_date=LAST_DAY)
    querysets = {
        EditionStatus.UPCOMING: EditionPage.objects.upcoming(today),
        EditionStatus.ONGOING: EditionPage.objects.ongoing(today),
        EditionStatus.PAST: EditionPage.objects.past(today),
    }

    containing = {status for status, queryset in querysets.items() if edition in queryset}

    assert containing == {edition.status(today)}


def test_featured_edition_is_the_ongoing_one_when_there_is_one(past_ongoing_upcoming):
    _past, ongoing, _upcoming = past_ongoing_upcoming

    assert EditionPage.objects.featured(JUNE_1_2020) == ongoing


def test_featured_edition_is_the_next_upcoming_one_when_none_is_ongoing(edition_index):
    EditionPageFactory(parent=edition_index, start_date=datetime.date(2019, 6, 1))
    later = EditionPageFactory(parent=edition_index, start_date=datetime.date(2022, 6, 1))
    sooner = EditionPageFactory(parent=edition_index, start_date=datetime.date(2021, 6, 1))

    featured = EditionPage.objects.featured(JUNE_1_2020)

    assert featured == sooner
    assert featured != later


def test_featured_edition_is_the_latest_past_one_when_none_is_ongoing_or_upcoming(
    edition_index,
):
    EditionPageFactory(parent=edition_index, start_date=datetime.date(2017, 6, 1))
    latest = EditionPageFactory(parent=edition_index, start_date=datetime.date(2019, 6, 1))
    EditionPageFactory(parent=edition_index, start_date=datetime.date(2018, 6, 1))

    assert EditionPage.objects.featured(JUNE_1_2020) == latest


def test_featured_edition_is_none_without_editions(edition_index):
    assert EditionPage.objects.featured(JUNE_1_2020) is None


def test_featured_edition_respects_the_queryset_it_is_called_on(edition_index):
    """The home page asks for ``live().featured()``: a draft that is on now is not shown."""
    EditionPageFactory(
        parent=edition_index,
        start_date=datetime.date(2020, 5, 31),
        end_date=datetime.date(2020, 6, 2),
        live=False,
    )
    published = EditionPageFactory(parent=edition_index, start_date=datetime.date(2021, 6, 1))

    assert EditionPage.objects.live().featured(JUNE_1_2020) == published


# Registrations


@pytest.mark.parametrize(
    ("registration_url", "today", "expected"),
    [
        pytest.param("https://example.org/register", FIRST_DAY - DAY, True, id="open-before"),
        pytest.param("https://example.org/register", LAST_DAY, True, id="open-on-last-day"),
        pytest.param("https://example.org/register", LAST_DAY + DAY, False, id="closed-after"),
        pytest.param("", FIRST_DAY - DAY, False, id="closed-without-a-link"),
    ],
)
def test_edition_accepts_registrations_only_with_a_link_until_its_last_day(
    registration_url, today, expected
):
    edition = three_day_edition(registration_url=registration_url)

    assert edition.accepts_registrations(today) is expected


# Speakers


def test_speaker_family_name_is_the_last_word_of_the_name_when_left_blank(speaker_index):
    speaker = SpeakerPageFactory(parent=speaker_index, title="Ada Synthetic Example")

    speaker.refresh_from_db()
    assert speaker.family_name == "Example"


def test_speaker_family_name_is_kept_when_given(speaker_index):
    speaker = SpeakerPageFactory(
        parent=speaker_index, title="Jean de Synthetique", family_name="de Synthetique"
    )

    speaker.refresh_from_db()
    assert speaker.family_name == "de Synthetique"


@pytest.fixture
def editions_2016_2018_2019(edition_index):
    """Live editions in 2016 and 2019, and a draft one in 2018."""
    return (
        EditionPageFactory(parent=edition_index, start_date=datetime.date(2016, 9, 22)),
        EditionPageFactory(parent=edition_index, start_date=datetime.date(2018, 9, 22), live=False),
        EditionPageFactory(parent=edition_index, start_date=datetime.date(2019, 9, 22)),
    )


def test_speaker_editions_taken_part_are_live_ones_newest_first_with_position_then(
    speaker_index, editions_2016_2018_2019
):
    edition_2016, draft_2018, edition_2019 = editions_2016_2018_2019
    speaker = SpeakerPageFactory(parent=speaker_index, position="Synthetic director today")
    EditionSpeakerFactory(page=edition_2016, speaker=speaker, position="Synthetic intern in 2016")
    EditionSpeakerFactory(page=draft_2018, speaker=speaker, position="Synthetic lead in 2018")
    EditionSpeakerFactory(page=edition_2019, speaker=speaker, position="Synthetic head in 2019")
    EditionSpeakerFactory(page=edition_2019, speaker=SpeakerPageFactory(parent=speaker_index))

    participations = list(speaker.editions_taken_part())

    assert [(p.page.year, p.position) for p in participations] == [
        (2019, "Synthetic head in 2019"),
        (2016, "Synthetic intern in 2016"),
    ]
    assert speaker.position == "Synthetic director today"


def test_speaker_all_quotes_come_from_live_editions_newest_first(
    speaker_index, editions_2016_2018_2019
):
    edition_2016, draft_2018, edition_2019 = editions_2016_2018_2019
    speaker = SpeakerPageFactory(parent=speaker_index)
    EditionQuoteFactory(page=edition_2016, speaker=speaker, text="Synthetic words of 2016.")
    EditionQuoteFactory(page=draft_2018, speaker=speaker, text="Synthetic draft words.")
    EditionQuoteFactory(page=edition_2019, speaker=speaker, text="Synthetic words of 2019.")
    EditionQuoteFactory(
        page=edition_2019,
        speaker=SpeakerPageFactory(parent=speaker_index),
        text="Someone else's synthetic words.",
    )

    assert [quote.text for quote in speaker.all_quotes()] == [
        "Synthetic words of 2019.",
        "Synthetic words of 2016.",
    ]


# Organisations


def test_organisation_editions_partnered_are_live_ones_newest_first(
    partner_index, editions_2016_2018_2019
):
    edition_2016, draft_2018, edition_2019 = editions_2016_2018_2019
    organisation = OrganisationPageFactory(parent=partner_index)
    EditionPartnerFactory(page=edition_2016, organisation=organisation, role="sponsor")
    EditionPartnerFactory(page=draft_2018, organisation=organisation, role="host")
    EditionPartnerFactory(page=edition_2019, organisation=organisation, role="organiser")
    EditionPartnerFactory(
        page=edition_2019, organisation=OrganisationPageFactory(parent=partner_index)
    )

    assert [(p.page.year, p.role) for p in organisation.editions_partnered()] == [
        (2019, "organiser"),
        (2016, "sponsor"),
    ]


def test_organisation_people_are_current_staff_and_speakers_affiliated_at_a_live_edition(
    speaker_index, partner_index, editions_2016_2018_2019
):
    edition_2016, draft_2018, edition_2019 = editions_2016_2018_2019
    organisation = OrganisationPageFactory(parent=partner_index)
    elsewhere = OrganisationPageFactory(parent=partner_index)

    def person(name, **fields):
        return SpeakerPageFactory(parent=speaker_index, title=name, **fields)

    works_there_now = person("Synthetic Adams", organisation=organisation)
    worked_there_in_2016 = person("Synthetic Brown", organisation=elsewhere)
    EditionSpeakerFactory(
        page=edition_2016, speaker=worked_there_in_2016, organisation=organisation
    )
    # Several reasons to be listed: still listed once.
    always_there = person("Synthetic Clark", organisation=organisation)
    EditionSpeakerFactory(page=edition_2016, speaker=always_there, organisation=organisation)
    EditionSpeakerFactory(page=edition_2019, speaker=always_there, organisation=organisation)
    only_at_a_draft_edition = person("Synthetic Davis")
    EditionSpeakerFactory(
        page=draft_2018, speaker=only_at_a_draft_edition, organisation=organisation
    )
    person("Synthetic Evans", organisation=organisation, live=False)  # unpublished speaker
    person("Synthetic Fisher", organisation=elsewhere)

    assert list(organisation.people()) == [works_there_now, worked_there_in_2016, always_there]


# Programme


def test_programme_groups_sessions_by_day_sorted_by_time_with_their_speakers(
    edition_index, speaker_index
):
    edition = EditionPageFactory(parent=edition_index, start_date=FIRST_DAY, end_date=LAST_DAY)
    first, second = (SpeakerPageFactory(parent=speaker_index) for _ in range(2))

    def session(title, date, hour, speakers=()):
        return ProgrammeSessionFactory(
            page=edition,
            title=title,
            date=date,
            start_time=datetime.time(hour, 0),
            end_time=datetime.time(hour, 45),
            speakers=[("speaker", speaker) for speaker in speakers],
        )

    session("Second day, morning", FIRST_DAY + DAY, 9, [second, first])
    session("First day, afternoon", FIRST_DAY, 14)
    session("First day, morning", FIRST_DAY, 9, [first])

    programme = edition.programme()

    assert [(day, [s.title for s in sessions]) for day, sessions in programme] == [
        (FIRST_DAY, ["First day, morning", "First day, afternoon"]),
        (FIRST_DAY + DAY, ["Second day, morning"]),
    ]
    sessions = {s.title: s for _day, day_sessions in programme for s in day_sessions}
    assert sessions["First day, morning"].speaker_pages == [first]
    assert sessions["First day, afternoon"].speaker_pages == []
    assert sessions["Second day, morning"].speaker_pages == [second, first]


def test_programme_leaves_out_unpublished_and_deleted_speakers(edition_index, speaker_index):
    edition = EditionPageFactory(parent=edition_index, start_date=FIRST_DAY, end_date=LAST_DAY)
    published = SpeakerPageFactory(parent=speaker_index)
    unpublished = SpeakerPageFactory(parent=speaker_index, live=False)
    deleted = SpeakerPageFactory(parent=speaker_index)
    ProgrammeSessionFactory(
        page=edition,
        speakers=[("speaker", unpublished), ("speaker", published), ("speaker", deleted)],
    )
    deleted.delete()

    [(_day, [session])] = edition.programme()

    assert session.speaker_pages == [published]


def test_programme_is_empty_without_sessions(edition_index):
    edition = EditionPageFactory(parent=edition_index)

    assert edition.programme() == []
