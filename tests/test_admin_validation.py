"""What an editor is told in the Wagtail admin when a page does not hold together.

Every case posts the page form the way the editor's browser does, then checks the message
the editor reads and that the database did not change.
"""

import datetime
import re

import pytest
from django.urls import reverse
from pytest_django.asserts import assertContains, assertRedirects
from wagtail.models import Page, Revision
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from editions.models import (
    EditionContact,
    EditionObjective,
    EditionPage,
    EditionPartner,
    EditionQuote,
    EditionSpeaker,
    ProgrammeSession,
)
from partners.models import OrganisationPage
from speakers.models import SpeakerLink, SpeakerPage
from tests.factories import (
    EditionIndexPageFactory,
    EditionPageFactory,
    HomePageFactory,
    ImageFactory,
    OrganisationPageFactory,
    SpeakerPageFactory,
    VenueFactory,
)

EDITION_INLINES = ("objectives", "sessions", "participations", "quotes", "partners", "contacts")


def edition_form_data(**fields):
    """The POST an editor's browser sends for a valid 2016 edition with nothing inline.

    ``fields`` replace top-level fields or whole inline formsets, for example
    ``contacts=inline_formset([{...}])``.
    """
    data = {
        "title": "Synthetic edition 2016",
        "slug": "synthetic-edition-2016",
        "theme": "",
        "year": "2016",
        "edition_number": "",
        "start_date": "2016-09-22",
        "end_date": "2016-09-23",
        "venue": "",
        "lead": "",
        "hero_image": "",
        "body": streamfield([]),
        "registration_url": "",
        "seo_title": "",
        "search_description": "",
        "go_live_at": "",
        "expire_at": "",
        **{name: inline_formset([]) for name in EDITION_INLINES},
    }
    data.update(fields)
    return nested_form_data(data)


def contact(**fields):
    return {
        "name": "Synthetic contact",
        "role": "Press",
        "phone": "+7 000 000-00-00",
        "extension": "12",
        "email": "press@example.org",
        **fields,
    }


def session(**fields):
    return {
        "title": "Synthetic opening session",
        "date": "2016-09-22",
        "start_time": "09:00",
        "end_time": "10:00",
        "room": "",
        "description": "",
        "speakers": streamfield([]),
        **fields,
    }


def without_block_keys(html):
    """Rich text as the editor wrote it: Draftail adds a ``data-block-key`` per block."""
    return re.sub(r' data-block-key="[^"]*"', "", html)


def add_url(model, parent):
    return reverse(
        "wagtailadmin_pages:add", args=(model._meta.app_label, model._meta.model_name, parent.pk)
    )


def edit_url(page):
    return reverse("wagtailadmin_pages:edit", args=(page.pk,))


def page_snapshot():
    """Every page, revision and inline row an admin POST could create, as comparable data."""
    inline_models = (
        EditionObjective,
        ProgrammeSession,
        EditionSpeaker,
        EditionQuote,
        EditionPartner,
        EditionContact,
        SpeakerLink,
    )
    return {
        "pages": sorted(Page.objects.values_list("pk", "title", "latest_revision_id")),
        "revisions": Revision.objects.count(),
        **{model.__name__: model.objects.count() for model in inline_models},
    }


@pytest.fixture
def add_edition(superuser_client, edition_index):
    """POST to the edition create form in the archive; returns the response."""

    def post(**fields):
        return superuser_client.post(
            add_url(EditionPage, edition_index), edition_form_data(**fields)
        )

    return post


# The edition itself


def test_edition_with_last_day_before_first_day_is_refused(add_edition):
    before = page_snapshot()

    response = add_edition(start_date="2016-09-22", end_date="2016-09-21")

    assertContains(response, "The last day cannot be before the first day.")
    assertContains(response, "The page could not be created due to validation errors")
    assert page_snapshot() == before
    assert not EditionPage.objects.exists()


def test_edition_with_a_year_already_in_the_archive_is_refused(add_edition, edition_index):
    existing = EditionPageFactory(parent=edition_index, start_date=datetime.date(2016, 5, 1))
    before = page_snapshot()

    response = add_edition(year="2016", slug="another-2016")

    assertContains(response, "The 2016 edition already exists in this series.")
    assert page_snapshot() == before
    assert list(EditionPage.objects.all()) == [existing]


def test_edition_keeps_its_own_year_when_edited(superuser_client, edition_index):
    edition = EditionPageFactory(
        parent=edition_index,
        title="Synthetic edition 2016",
        slug="synthetic-edition-2016",
        start_date=datetime.date(2016, 9, 22),
    )

    response = superuser_client.post(edit_url(edition), edition_form_data(theme="A new theme"))

    assertRedirects(response, edit_url(edition))
    edition.refresh_from_db()
    assert edition.get_latest_revision_as_object().theme == "A new theme"


def test_the_preview_panel_opened_before_any_edit_says_so_instead_of_failing(
    superuser_client, edition_index
):
    # Wagtail asks for the preview with no form data when the panel opens: the form is unbound.
    edition = EditionPageFactory(parent=edition_index, title="Synthetic edition to preview")

    response = superuser_client.get(
        reverse("wagtailadmin_pages:preview_on_edit", args=[edition.pk])
    )

    # Wagtail's own message, where there was a server error (AttributeError on cleaned_data).
    assertContains(response, "Preview not available")


def test_edition_cannot_take_the_year_of_another_edition_when_edited(
    superuser_client, edition_index
):
    EditionPageFactory(parent=edition_index, start_date=datetime.date(2016, 9, 22))
    edition_2017 = EditionPageFactory(
        parent=edition_index, slug="synthetic-edition-2017", start_date=datetime.date(2017, 9, 22)
    )
    before = page_snapshot()

    response = superuser_client.post(
        edit_url(edition_2017), edition_form_data(slug="synthetic-edition-2017")
    )

    assertContains(response, "The 2016 edition already exists in this series.")
    assert page_snapshot() == before
    edition_2017.refresh_from_db()
    assert edition_2017.year == 2017


def test_edition_year_may_repeat_in_another_series(add_edition, root_page, edition_index):
    other_home = HomePageFactory(parent=root_page, slug="other-series")
    other_archive = EditionIndexPageFactory(parent=other_home)
    EditionPageFactory(parent=other_archive, start_date=datetime.date(2016, 5, 1))

    response = add_edition(year="2016")

    assert response.status_code == 302
    assert EditionPage.objects.child_of(edition_index).get().year == 2016


def test_edition_year_must_be_the_year_of_its_first_day(add_edition):
    before = page_snapshot()

    response = add_edition(year="2017", start_date="2016-09-22", end_date="2016-09-23")

    assertContains(response, "The year must be the year of the first day (2016).")
    assert page_snapshot() == before


def test_edition_with_a_malformed_registration_link_is_refused(add_edition):
    before = page_snapshot()

    response = add_edition(registration_url="register here")

    assertContains(response, "Enter a valid URL.")
    assert page_snapshot() == before


# Inline rows


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        pytest.param({"email": "press-at-example"}, "Enter a valid email address.", id="email"),
        pytest.param(
            {"phone": "call the office"},
            "Enter a phone number with digits, spaces and + ( ) - . / only.",
            id="phone-with-letters",
        ),
        pytest.param(
            {"extension": "12a"}, "Enter the extension in digits only.", id="non-digit-extension"
        ),
    ],
)
def test_edition_contact_with_malformed_details_is_refused(add_edition, fields, message):
    before = page_snapshot()

    response = add_edition(contacts=inline_formset([contact(**fields)]))

    assertContains(response, message)
    assert page_snapshot() == before


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        pytest.param(
            {"start_time": "10:00", "end_time": "09:30"},
            "A session must end after it starts.",
            id="ends-before-it-starts",
        ),
        pytest.param(
            {"start_time": "10:00", "end_time": "10:00"},
            "A session must end after it starts.",
            id="ends-when-it-starts",
        ),
        pytest.param(
            {"date": "2016-09-25"},
            "The session must take place during the edition.",
            id="after-the-edition",
        ),
        pytest.param(
            {"date": "2016-09-21"},
            "The session must take place during the edition.",
            id="before-the-edition",
        ),
    ],
)
def test_programme_session_that_does_not_fit_is_refused(add_edition, fields, message):
    before = page_snapshot()

    response = add_edition(sessions=inline_formset([session(**fields)]))

    assertContains(response, message)
    assert page_snapshot() == before


# A valid edition


def test_valid_edition_is_created_as_a_draft_with_its_inline_rows_and_body(
    add_edition, edition_index, speaker_index, partner_index
):
    venue = VenueFactory()
    image = ImageFactory()
    speaker = SpeakerPageFactory(parent=speaker_index, title="Synthetic Speaker One")
    organisation = OrganisationPageFactory(parent=partner_index)

    response = add_edition(
        theme="A synthetic theme",
        venue=str(venue.pk),
        lead="A synthetic lead.",
        registration_url="https://example.org/register",
        body=streamfield(
            [
                ("heading", {"text": "Synthetic heading", "level": "h2"}),
                ("paragraph", rich_text("<p>Synthetic <b>paragraph</b>.</p>")),
                (
                    "figure",
                    {
                        "image": {"image": str(image.pk), "decorative": "", "alt_text": "A cat"},
                        "caption": "Synthetic caption",
                    },
                ),
                ("pull_quote", {"text": "Synthetic words.", "attribution": "Synthetic Speaker"}),
                (
                    "call_to_action",
                    {"text": "Register", "url": "https://example.org/register"},
                ),
            ]
        ),
        objectives=inline_formset([{"text": "First objective"}, {"text": "Second objective"}]),
        sessions=inline_formset([session(speakers=streamfield([("speaker", str(speaker.pk))]))]),
        participations=inline_formset(
            [
                {
                    "speaker": str(speaker.pk),
                    "role": "keynote",
                    "position": "Synthetic position in 2016",
                    "organisation": str(organisation.pk),
                }
            ]
        ),
        quotes=inline_formset(
            [{"speaker": str(speaker.pk), "text": "Synthetic quotation.", "context": ""}]
        ),
        partners=inline_formset(
            [{"organisation": str(organisation.pk), "role": "sponsor", "tier": "gold"}]
        ),
        contacts=inline_formset([contact()]),
    )

    edition = EditionPage.objects.child_of(edition_index).get()
    assertRedirects(response, edit_url(edition))
    assert not edition.live
    assert (edition.year, edition.start_date, edition.end_date) == (
        2016,
        datetime.date(2016, 9, 22),
        datetime.date(2016, 9, 23),
    )
    assert (edition.venue, edition.registration_url) == (venue, "https://example.org/register")
    assert [block.block_type for block in edition.body] == [
        "heading",
        "paragraph",
        "figure",
        "pull_quote",
        "call_to_action",
    ]
    heading, paragraph, figure, pull_quote, call_to_action = edition.body
    assert heading.value["text"] == "Synthetic heading"
    assert without_block_keys(paragraph.value.source) == "<p>Synthetic <b>paragraph</b>.</p>"
    assert figure.value["image"].id == image.pk
    assert figure.value["image"].contextual_alt_text == "A cat"
    assert figure.value["caption"] == "Synthetic caption"
    assert pull_quote.value["attribution"] == "Synthetic Speaker"
    assert call_to_action.value["url"] == "https://example.org/register"
    assert [o.text for o in edition.objectives.all()] == ["First objective", "Second objective"]
    [saved_session] = edition.sessions.all()
    assert saved_session.title == "Synthetic opening session"
    assert [block.value for block in saved_session.speakers] == [speaker]
    [participation] = edition.participations.all()
    assert (participation.speaker, participation.role, participation.organisation) == (
        speaker,
        "keynote",
        organisation,
    )
    assert participation.position == "Synthetic position in 2016"
    assert [(q.speaker, q.text) for q in edition.quotes.all()] == [
        (speaker, "Synthetic quotation.")
    ]
    assert [(p.organisation, p.role, p.tier) for p in edition.partners.all()] == [
        (organisation, "sponsor", "gold")
    ]
    [saved_contact] = edition.contacts.all()
    assert (saved_contact.email, saved_contact.extension) == ("press@example.org", "12")
    assert {row.locale_id for row in edition.participations.all()} == {edition.locale_id}


# Speakers and organisations


def speaker_form_data(**fields):
    data = {
        "title": "Synthetic Speaker Two",
        "slug": "synthetic-speaker-two",
        "family_name": "",
        "position": "",
        "organisation": "",
        "photo": "",
        "biography": rich_text("<p>Synthetic biography.</p>"),
        "links": inline_formset([]),
        "seo_title": "",
        "search_description": "",
        "go_live_at": "",
        "expire_at": "",
    }
    data.update(fields)
    return nested_form_data(data)


def test_speaker_with_a_malformed_link_is_refused(superuser_client, speaker_index):
    before = page_snapshot()

    response = superuser_client.post(
        add_url(SpeakerPage, speaker_index),
        speaker_form_data(links=inline_formset([{"label": "Profile", "url": "not a link"}])),
    )

    assertContains(response, "Enter a valid URL.")
    assert page_snapshot() == before


def test_valid_speaker_is_created_with_links_and_a_derived_family_name(
    superuser_client, speaker_index
):
    response = superuser_client.post(
        add_url(SpeakerPage, speaker_index),
        speaker_form_data(
            links=inline_formset([{"label": "Profile", "url": "https://example.org/profile"}])
        ),
    )

    speaker = SpeakerPage.objects.child_of(speaker_index).get()
    assertRedirects(response, edit_url(speaker))
    assert speaker.family_name == "Two"
    assert without_block_keys(speaker.biography) == "<p>Synthetic biography.</p>"
    assert [(link.label, link.url) for link in speaker.links.all()] == [
        ("Profile", "https://example.org/profile")
    ]


def organisation_form_data(**fields):
    data = {
        "title": "Synthetic Organisation",
        "slug": "synthetic-organisation",
        "short_name": "SO",
        "kind": "company",
        "country": "FR",
        "logo": "",
        "website": "https://organisation.example.org/",
        "description": rich_text("<p>Synthetic description.</p>"),
        "seo_title": "",
        "search_description": "",
        "go_live_at": "",
        "expire_at": "",
    }
    data.update(fields)
    return nested_form_data(data)


def test_organisation_with_a_malformed_website_is_refused(superuser_client, partner_index):
    before = page_snapshot()

    response = superuser_client.post(
        add_url(OrganisationPage, partner_index),
        organisation_form_data(website="organisation dot example"),
    )

    assertContains(response, "Enter a valid URL.")
    assert page_snapshot() == before


def test_valid_organisation_is_created(superuser_client, partner_index):
    response = superuser_client.post(
        add_url(OrganisationPage, partner_index), organisation_form_data()
    )

    organisation = OrganisationPage.objects.child_of(partner_index).get()
    assertRedirects(response, edit_url(organisation))
    assert (organisation.kind, organisation.country.code, organisation.website) == (
        "company",
        "FR",
        "https://organisation.example.org/",
    )
