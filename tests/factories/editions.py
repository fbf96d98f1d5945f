import datetime

import factory
import wagtail_factories

from editions.models import (
    EditionContact,
    EditionIndexPage,
    EditionObjective,
    EditionPage,
    EditionPartner,
    EditionQuote,
    EditionSpeaker,
    ProgrammeSession,
    SpeakerRole,
    Venue,
)
from partners.models import PartnerIndexPage
from speakers.models import SpeakerIndexPage
from tests.factories.images import ImageFactory
from tests.factories.partners import OrganisationPageFactory, PartnerIndexPageFactory
from tests.factories.speakers import SpeakerIndexPageFactory, SpeakerPageFactory


class VenueFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Synthetic venue {n}")
    place = "Synthetic campus"
    city = "Example City"
    country = "FR"
    website = factory.Sequence(lambda n: f"https://venue-{n}.example.org/")

    class Meta:
        model = Venue


class EditionIndexPageFactory(wagtail_factories.PageFactory):
    title = "Editions"
    intro = "Synthetic introduction to the archive."

    class Meta:
        model = EditionIndexPage


class EditionPageFactory(wagtail_factories.PageFactory):
    """A two-day edition; ``year`` follows ``start_date``, as the model requires.

    Pass ``start_date``/``end_date`` to pin the dates, ``live=False`` for a draft.
    """

    title = factory.Sequence(lambda n: f"Synthetic edition {n}")
    start_date = factory.Sequence(lambda n: datetime.date(2000 + n % 900, 9, 22))
    end_date = factory.LazyAttribute(lambda o: o.start_date + datetime.timedelta(days=1))
    year = factory.LazyAttribute(lambda o: o.start_date.year)
    theme = "A synthetic theme"
    lead = "A synthetic lead sentence about the edition."

    class Meta:
        model = EditionPage


# Inline rows: pass ``page=edition`` (saved); the locale is then taken from the page.


class EditionObjectiveFactory(factory.django.DjangoModelFactory):
    text = factory.Sequence(lambda n: f"Synthetic objective {n}")
    sort_order = factory.Sequence(lambda n: n)

    class Meta:
        model = EditionObjective


class ProgrammeSessionFactory(factory.django.DjangoModelFactory):
    """A session on the edition's first day, 09:00 to 10:00, with no speakers.

    ``speakers`` takes a list like ``[("speaker", speaker_page)]``.
    """

    title = factory.Sequence(lambda n: f"Synthetic session {n}")
    date = factory.LazyAttribute(lambda o: o.page.start_date)
    start_time = datetime.time(9, 0)
    end_time = datetime.time(10, 0)
    room = "Synthetic room"
    speakers = factory.LazyFunction(list)
    sort_order = factory.Sequence(lambda n: n)

    class Meta:
        model = ProgrammeSession


class EditionSpeakerFactory(factory.django.DjangoModelFactory):
    """A speaker's part in an edition: ``EditionSpeakerFactory(page=edition, speaker=person)``."""

    role = SpeakerRole.SPEAKER
    position = factory.Sequence(lambda n: f"Synthetic position at the time {n}")
    sort_order = factory.Sequence(lambda n: n)

    class Meta:
        model = EditionSpeaker


class EditionQuoteFactory(factory.django.DjangoModelFactory):
    """``EditionQuoteFactory(page=edition, speaker=person)``."""

    text = factory.Sequence(lambda n: f"Synthetic quotation number {n}.")
    context = "Synthetic press release"
    sort_order = factory.Sequence(lambda n: n)

    class Meta:
        model = EditionQuote


class EditionPartnerFactory(factory.django.DjangoModelFactory):
    """``EditionPartnerFactory(page=edition, organisation=organisation)``."""

    sort_order = factory.Sequence(lambda n: n)

    class Meta:
        model = EditionPartner


class EditionContactFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Synthetic contact {n}")
    role = "Press"
    phone = "+33 1 00 00 00 00"
    extension = "123"
    email = factory.Sequence(lambda n: f"contact-{n}@example.org")
    sort_order = factory.Sequence(lambda n: n)

    class Meta:
        model = EditionContact


def _sibling_index(edition_index, model, factory_class):
    """The index page of ``model`` next to the edition archive, created when missing."""
    home = edition_index.get_parent()
    index = model.objects.child_of(home).first()
    return index or factory_class(parent=home)


def build_edition(
    parent,
    *,
    speakers=2,
    quotes=2,
    sessions=2,
    partners=2,
    objectives=0,
    contacts=0,
    with_images=False,
    speaker_index=None,
    partner_index=None,
    **edition_fields,
):
    """An edition under ``parent`` (an EditionIndexPage) with its related content.

    - ``speakers`` new speaker pages, each with a participation (position at the time and,
      when there are partners, an organisation at the time);
    - ``quotes`` quotes, by those speakers in turn (by one new speaker if there are none);
    - ``sessions`` programme sessions spread over the edition's days, each with one of the
      speakers in turn (none if there are no speakers);
    - ``partners`` new organisation pages, each a partner of the edition;
    - ``objectives`` key objectives and ``contacts`` contacts;
    - ``with_images=True`` gives each speaker a photo and each organisation a logo.

    Speakers and organisations go under the speaker and partner directories next to
    ``parent`` (created when missing) unless ``speaker_index``/``partner_index`` are given.
    Remaining keyword arguments go to ``EditionPageFactory`` (``start_date=``, ``live=False``,
    ``venue=``, ...); a venue is created unless one is passed. Returns the EditionPage.
    """
    speaker_index = speaker_index or _sibling_index(
        parent, SpeakerIndexPage, SpeakerIndexPageFactory
    )
    partner_index = partner_index or _sibling_index(
        parent, PartnerIndexPage, PartnerIndexPageFactory
    )
    edition_fields.setdefault("venue", VenueFactory())
    edition = EditionPageFactory(parent=parent, **edition_fields)

    def image_fields(name):
        return {name: ImageFactory()} if with_images else {}

    organisations = [
        OrganisationPageFactory(parent=partner_index, **image_fields("logo"))
        for _ in range(partners)
    ]
    for organisation in organisations:
        EditionPartnerFactory(page=edition, organisation=organisation)

    people = [
        SpeakerPageFactory(parent=speaker_index, **image_fields("photo")) for _ in range(speakers)
    ]
    for i, person in enumerate(people):
        EditionSpeakerFactory(
            page=edition,
            speaker=person,
            organisation=organisations[i % len(organisations)] if organisations else None,
        )

    if quotes and not people:
        people_for_quotes = [SpeakerPageFactory(parent=speaker_index)]
    else:
        people_for_quotes = people
    for i in range(quotes):
        EditionQuoteFactory(page=edition, speaker=people_for_quotes[i % len(people_for_quotes)])

    days = (edition.end_date - edition.start_date).days + 1
    for i in range(sessions):
        slot = (i // days) % 28  # half-hour slots from 09:00, all within the day
        start = datetime.datetime.combine(edition.start_date, datetime.time(9, 0))
        start += datetime.timedelta(minutes=30 * slot)
        ProgrammeSessionFactory(
            page=edition,
            date=edition.start_date + datetime.timedelta(days=i % days),
            start_time=start.time(),
            end_time=(start + datetime.timedelta(minutes=25)).time(),
            speakers=[("speaker", people[i % len(people)])] if people else [],
        )

    for _ in range(objectives):
        EditionObjectiveFactory(page=edition)
    for _ in range(contacts):
        EditionContactFactory(page=edition)

    return edition
