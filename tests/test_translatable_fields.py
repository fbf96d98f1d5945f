"""What translators translate and what follows the source, field by field, and an edition's
inlines carried into its translation by wagtail-localize."""

import datetime

import pytest
from wagtail_localize.fields import SynchronizedField, TranslatableField, get_translatable_fields
from wagtail_localize.models import Translation, TranslationSource

from editions.models import (
    EditionContact,
    EditionPage,
    EditionPartner,
    EditionQuote,
    EditionSpeaker,
    ProgrammeSession,
    Venue,
)
from home.models import HomePage
from news.models import NewsPage
from partners.models import OrganisationPage, PartnerIndexPage
from speakers.models import SpeakerLink, SpeakerPage
from tests.factories import EditionContactFactory, build_edition, translate_pages

TRANSLATED, SYNCHRONISED, OVERRIDABLE = "translated", "synchronised", "overridable"

EXPECTED = {
    EditionPage: {
        "title": TRANSLATED,
        "slug": SYNCHRONISED,
        "theme": TRANSLATED,
        "lead": TRANSLATED,
        "body": TRANSLATED,
        "year": SYNCHRONISED,
        "edition_number": SYNCHRONISED,
        "start_date": SYNCHRONISED,
        "end_date": SYNCHRONISED,
        "hero_image": SYNCHRONISED,
        "venue": TRANSLATED,
        "registration_url": OVERRIDABLE,
        "objectives": TRANSLATED,
        "sessions": TRANSLATED,
        "participations": TRANSLATED,
        "quotes": TRANSLATED,
        "partners": TRANSLATED,
        "contacts": TRANSLATED,
    },
    ProgrammeSession: {
        "title": TRANSLATED,
        "description": TRANSLATED,
        "room": TRANSLATED,
        "date": SYNCHRONISED,
        "start_time": SYNCHRONISED,
        "end_time": SYNCHRONISED,
    },
    EditionSpeaker: {
        "speaker": SYNCHRONISED,
        "role": SYNCHRONISED,
        "position": TRANSLATED,
        "organisation": SYNCHRONISED,
    },
    EditionQuote: {"speaker": SYNCHRONISED, "text": TRANSLATED, "context": TRANSLATED},
    EditionPartner: {"organisation": SYNCHRONISED, "role": SYNCHRONISED, "tier": SYNCHRONISED},
    EditionContact: {
        "name": TRANSLATED,
        "role": TRANSLATED,
        "phone": SYNCHRONISED,
        "extension": SYNCHRONISED,
        "email": SYNCHRONISED,
    },
    Venue: {
        "name": TRANSLATED,
        "place": TRANSLATED,
        "city": TRANSLATED,
        "address": TRANSLATED,
        "country": SYNCHRONISED,
        "website": OVERRIDABLE,
    },
    SpeakerPage: {
        "slug": SYNCHRONISED,
        "family_name": TRANSLATED,
        "position": TRANSLATED,
        "biography": TRANSLATED,
        "organisation": SYNCHRONISED,
        "photo": SYNCHRONISED,
    },
    SpeakerLink: {"label": TRANSLATED, "url": OVERRIDABLE},
    OrganisationPage: {
        "slug": SYNCHRONISED,
        "short_name": TRANSLATED,
        "description": TRANSLATED,
        "kind": SYNCHRONISED,
        "country": SYNCHRONISED,
        "logo": SYNCHRONISED,
        "website": OVERRIDABLE,
    },
    NewsPage: {
        "slug": SYNCHRONISED,
        "date": SYNCHRONISED,
        "edition": SYNCHRONISED,
        "lead": TRANSLATED,
        "body": TRANSLATED,
    },
    PartnerIndexPage: {"slug": SYNCHRONISED, "intro": TRANSLATED},
    # Home pages are siblings under the tree root, where slugs must differ.
    HomePage: {"slug": TRANSLATED, "tagline": TRANSLATED},
}


def kind_of(field):
    if isinstance(field, TranslatableField):
        return TRANSLATED
    assert isinstance(field, SynchronizedField)
    return OVERRIDABLE if field.overridable else SYNCHRONISED


@pytest.mark.parametrize(
    ("model", "field_name", "expected"),
    [
        (model, name, expected)
        for model, fields in EXPECTED.items()
        for name, expected in fields.items()
    ],
    ids=lambda value: getattr(value, "__name__", value),
)
def test_each_field_is_translated_or_synchronised_as_decided(model, field_name, expected):
    fields = {field.field_name: kind_of(field) for field in get_translatable_fields(model)}

    assert fields[field_name] == expected


@pytest.fixture
def edition(site_tree, locales):
    translate_pages(
        [site_tree.home, site_tree.editions, site_tree.speakers, site_tree.partners], "fr"
    )
    edition = build_edition(
        site_tree.editions,
        speakers=2,
        quotes=2,
        sessions=2,
        partners=1,
        objectives=2,
        speaker_index=site_tree.speakers,
        partner_index=site_tree.partners,
        start_date=datetime.date(2016, 10, 19),
    )
    EditionContactFactory(
        page=edition,
        name="Synthetic Contact",
        role="Press",
        phone="+7 495 000 00 00",
        extension="2076",
        email="press@example.org",
    )
    return edition


def source_strings(edition):
    source, _created = TranslationSource.get_or_create_from_instance(edition)
    return source, {segment.string.data for segment in source.stringsegment_set.all()}


def test_an_edition_offers_its_inline_texts_to_translators_and_nothing_synchronised(edition):
    _source, strings = source_strings(edition)

    participation = edition.participations.first()
    session = edition.sessions.first()
    quote = edition.quotes.first()
    assert {participation.position, session.title, quote.text} <= strings
    assert {"Synthetic Contact", "Press"} <= strings
    assert edition.objectives.first().text in strings
    assert not {"+7 495 000 00 00", "2076", "press@example.org", "2016", edition.slug} & strings


def test_translating_an_edition_carries_every_inline_into_the_translation(edition, locales):
    source, _strings = source_strings(edition)
    translation = Translation.objects.create(source=source, target_locale=locales["fr"])
    po = translation.export_po()
    for entry in po:
        entry.msgstr = f"FR {entry.msgid}"
    translation.import_po(po)

    translation.save_target(publish=True)
    french = edition.get_translation(locales["fr"]).specific

    assert french.locale == locales["fr"]
    assert (french.slug, french.year, french.start_date) == (
        edition.slug,
        edition.year,
        edition.start_date,
    )
    for relation in ("objectives", "sessions", "participations", "quotes", "partners", "contacts"):
        source_rows = list(getattr(edition, relation).all())
        french_rows = list(getattr(french, relation).all())
        assert len(french_rows) == len(source_rows) > 0, relation
        assert {row.locale_id for row in french_rows} == {locales["fr"].pk}, relation
    participation = french.participations.first()
    source_participation = edition.participations.first()
    assert participation.position == f"FR {source_participation.position}"
    assert (participation.role, participation.speaker_id) == (
        source_participation.role,
        source_participation.speaker_id,
    )
    assert french.quotes.first().text == f"FR {edition.quotes.first().text}"
    assert french.sessions.first().title == f"FR {edition.sessions.first().title}"
    contact = french.contacts.get()
    assert (contact.name, contact.phone, contact.extension, contact.email) == (
        "FR Synthetic Contact",
        "+7 495 000 00 00",
        "2076",
        "press@example.org",
    )
