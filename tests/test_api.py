"""The read-only JSON API (/api/v2/): editions, speakers, organisations, news and quotes, with
their relations in the language asked for, drafts left out, bad input answered with a JSON 400
or 404, and a number of queries that does not grow with the results."""

import datetime
from types import SimpleNamespace
from urllib.parse import urlsplit

import pytest
from wagtail.models import PageViewRestriction

from tests.factories import (
    EditionContactFactory,
    EditionObjectiveFactory,
    EditionPageFactory,
    EditionPartnerFactory,
    EditionQuoteFactory,
    EditionSpeakerFactory,
    ImageFactory,
    NewsPageFactory,
    NewsPageTopicFactory,
    OrganisationPageFactory,
    ProgrammeSessionFactory,
    SpeakerLinkFactory,
    SpeakerPageFactory,
    VenueFactory,
    build_edition,
    translate_page,
    translate_pages,
)
from tests.queries import counted_get

pytestmark = pytest.mark.django_db

SMALL, LARGE = 2, 8

# Pinned counts: lower them when a change saves a query; never raise them to hide growth.
EDITIONS_LISTING_QUERIES = 20
QUOTES_LISTING_QUERIES = 8
SPEAKERS_LISTING_QUERIES = 11


def get_json(client, url, status=200, **kwargs):
    response = client.get(url, **kwargs)
    assert response.status_code == status, (url, response.status_code, response.content[:500])
    assert response["Content-Type"] == "application/json"
    return response.json()


def path_of(url):
    return urlsplit(url).path


def link(page):
    """What the API says of a related page: its id, title and public address."""
    return {"id": page.pk, "title": page.title, "path": page.url}


def as_link(data):
    return {"id": data["id"], "title": data["title"], "path": path_of(data["meta"]["html_url"])}


def translate_tree(site_tree, language):
    """The home page and the four indexes in ``language``."""
    return translate_pages(
        [
            site_tree.home,
            site_tree.editions,
            site_tree.speakers,
            site_tree.partners,
            site_tree.news,
        ],
        language,
    )


def translated_archive(site_tree, language):
    """An English edition of 2016 translated into ``language``, with two speakers (the first
    translated, the second not), quotes and sessions by each, and a translated partner."""
    translate_tree(site_tree, language)
    edition = build_edition(
        site_tree.editions,
        speakers=2,
        quotes=2,
        sessions=2,
        partners=1,
        objectives=1,
        contacts=1,
        speaker_index=site_tree.speakers,
        partner_index=site_tree.partners,
        start_date=datetime.date(2016, 10, 19),
        edition_number=4,
    )
    first, second = (row.speaker for row in edition.participations.order_by("sort_order"))
    organisation = edition.partners.get().organisation
    return SimpleNamespace(
        edition=edition,
        translation=translate_page(edition, language, title=f"Edition 2016 ({language})"),
        translated_speaker=first,
        speaker_translation=translate_page(first, language, title=f"{first.title} ({language})"),
        untranslated_speaker=second,
        organisation=organisation,
        organisation_translation=translate_page(
            organisation, language, title=f"{organisation.title} ({language})"
        ),
    )


@pytest.fixture
def archive(site_tree, locales):
    return translated_archive(site_tree, "fr")


# Editions


def test_editions_in_french_list_the_french_translation_only(client, archive):
    data = get_json(client, "/api/v2/editions/?locale=fr")

    assert data["meta"]["total_count"] == 1
    [item] = data["items"]
    assert item["id"] == archive.translation.pk
    assert item["title"] == "Edition 2016 (fr)"
    assert item["meta"]["locale"] == "fr"
    assert path_of(item["meta"]["html_url"]) == f"/fr/editions/{archive.edition.slug}/"
    assert path_of(item["meta"]["detail_url"]) == f"/api/v2/editions/{archive.translation.pk}/"
    assert (item["year"], item["edition_number"]) == (2016, 4)
    assert (item["start_date"], item["end_date"]) == ("2016-10-19", "2016-10-20")
    assert item["status"] == "past"


def test_without_a_locale_every_language_is_listed(client, archive):
    data = get_json(client, "/api/v2/editions/")

    languages = {item["id"]: item["meta"]["locale"] for item in data["items"]}
    assert languages == {archive.edition.pk: "en", archive.translation.pk: "fr"}


@pytest.mark.parametrize("language", ["fr", "ru"])
def test_an_edition_links_speakers_and_organisations_in_its_language_when_translated(
    client, site_tree, locales, language
):
    archive = translated_archive(site_tree, language)
    in_language = link(archive.speaker_translation)
    in_english = link(archive.untranslated_speaker)
    organisation = link(archive.organisation_translation)

    [item] = get_json(client, f"/api/v2/editions/?locale={language}&fields=*")["items"]

    speakers = [as_link(row["speaker"]) for row in item["participations"]]
    assert speakers == [in_language, in_english]
    assert in_language["path"] == f"/{language}/speakers/{archive.translated_speaker.slug}/"
    assert in_english["path"] == f"/en/speakers/{archive.untranslated_speaker.slug}/"
    assert [as_link(row["organisation"]) for row in item["participations"]] == [organisation] * 2
    assert [as_link(row["speaker"]) for row in item["quotes"]] == [in_language, in_english]
    assert [[as_link(s) for s in row["speakers"]] for row in item["sessions"]] == [
        [in_language],
        [in_english],
    ]
    assert [as_link(row["organisation"]) for row in item["partners"]] == [organisation]


def test_the_pages_endpoint_filters_by_type_and_locale_with_the_same_relations(client, archive):
    data = get_json(client, "/api/v2/pages/?type=editions.EditionPage&locale=fr&fields=*")

    [item] = data["items"]
    assert item["id"] == archive.translation.pk
    assert as_link(item["participations"][0]["speaker"]) == link(archive.speaker_translation)


@pytest.mark.search_index
@pytest.mark.parametrize("endpoint", ["pages", "speakers"])
def test_search_finds_visible_pages_only(client, site_tree, endpoint):
    shown = SpeakerPageFactory(parent=site_tree.speakers, title="Synthetic Quarnell Shown")
    hidden = SpeakerPageFactory(parent=site_tree.speakers, title="Synthetic Quarnell Hidden")
    PageViewRestriction.objects.create(page=hidden, restriction_type="login")

    data = get_json(client, f"/api/v2/{endpoint}/?search=quarnell")

    assert [item["id"] for item in data["items"]] == [shown.pk]


def test_an_edition_reads_with_every_field_typed(client, site_tree):
    venue = VenueFactory(
        name="Synthetic hall", place="Synthetic campus", city="Example City", country="RU"
    )
    edition = build_edition(
        site_tree.editions,
        speakers=1,
        quotes=1,
        sessions=1,
        partners=1,
        objectives=2,
        contacts=1,
        start_date=datetime.date(2016, 10, 19),
        venue=venue,
        registration_url="https://example.org/register",
        body=[("heading", {"text": "Synthetic heading", "level": "h2"})],
    )
    participation = edition.participations.get()
    partner = edition.partners.get()
    partner.tier = "gold"
    partner.save()
    contact = edition.contacts.get()

    data = get_json(client, f"/api/v2/editions/{edition.pk}/")

    assert data["meta"]["type"] == "editions.EditionPage"
    assert data["status"] == "past"
    assert data["status_label"] == "Past"
    assert data["venue"] == {
        "id": venue.pk,
        "name": "Synthetic hall",
        "place": "Synthetic campus",
        "city": "Example City",
        "country": {"code": "RU", "name": "Russia"},
        "address": "",
        "time_zone": "",
        "website": venue.website,
    }
    assert data["lead"] == edition.lead
    assert [(block["type"], block["value"]) for block in data["body"]] == [
        ("heading", {"text": "Synthetic heading", "level": "h2"})
    ]
    assert data["registration_url"] == "https://example.org/register"
    assert [row["text"] for row in data["objectives"]] == [
        objective.text for objective in edition.objectives.all()
    ]
    [session] = data["sessions"]
    assert {key: session[key] for key in ("date", "start_time", "end_time", "room")} == {
        "date": "2016-10-19",
        "start_time": "09:00:00",
        "end_time": "09:25:00",
        "room": "Synthetic room",
    }
    [speaker] = data["participations"]
    assert {key: speaker[key] for key in ("role", "role_display", "position")} == {
        "role": "speaker",
        "role_display": "Speaker",
        "position": participation.position,
    }
    assert speaker["speaker"]["meta"]["type"] == "speakers.SpeakerPage"
    [quote] = data["quotes"]
    assert (quote["text"], quote["context"]) == (
        edition.quotes.get().text,
        "Synthetic press release",
    )
    # Within its edition, a quote needs no link back to it, nor its language.
    assert "edition" not in quote
    assert "locale" not in quote["meta"]
    assert data["partners"][0]["organisation"]["id"] == partner.organisation_id
    assert {key: data["partners"][0][key] for key in ("role", "role_display", "tier")} == {
        "role": "partner",
        "role_display": "Partner",
        "tier": "gold",
    }
    assert data["partners"][0]["tier_display"] == "Gold"
    assert {key: data["contacts"][0][key] for key in ("name", "phone", "extension", "email")} == {
        "name": contact.name,
        "phone": "+33 1 00 00 00 00",
        "extension": "123",
        "email": contact.email,
    }


@pytest.mark.parametrize(
    ("language", "status_label", "role_display", "country"),
    [
        ("en", "Past", "Speaker", "Russia"),
        ("fr", "Terminée", "Intervenant", "Russie"),
        ("ru", "Прошедшая", "Спикер", "Россия"),
    ],
)
def test_labels_are_in_the_language_of_the_page(
    client, site_tree, locales, language, status_label, role_display, country
):
    edition = build_edition(
        site_tree.editions,
        speakers=1,
        quotes=0,
        sessions=0,
        partners=0,
        start_date=datetime.date(2016, 10, 19),
        venue=VenueFactory(country="RU"),
    )
    if language != "en":
        translate_tree(site_tree, language)
        edition = translate_page(edition, language)

    other_language = "fr" if language == "en" else "en"
    data = get_json(
        client, f"/api/v2/editions/{edition.pk}/", headers={"accept-language": other_language}
    )

    assert data["status_label"] == status_label
    assert data["participations"][0]["role_display"] == role_display
    assert data["venue"]["country"] == {"code": "RU", "name": country}


def test_editions_are_listed_newest_first_and_filter_by_year(client, site_tree):
    for year in (2015, 2017, 2016):
        EditionPageFactory(parent=site_tree.editions, start_date=datetime.date(year, 5, 1))

    listing = get_json(client, "/api/v2/editions/")
    filtered = get_json(client, "/api/v2/editions/?year=2016")

    assert [item["year"] for item in listing["items"]] == [2017, 2016, 2015]
    assert [item["year"] for item in filtered["items"]] == [2016]


# Speakers, organisations, news


def publish_with(pages, **fields):
    """Set synchronised fields on a page and its translations, as a sync would, and publish."""
    for page in pages:
        for name, value in fields.items():
            setattr(page, name, value)
        page.save_revision().publish()


def test_a_speaker_reads_with_the_editions_taken_part_in_its_language(client, archive):
    speaker, translation = archive.translated_speaker, archive.speaker_translation
    publish_with([speaker, translation], organisation=archive.organisation, photo=ImageFactory())
    SpeakerLinkFactory(page=translation)
    archive.translation.participations.filter(speaker=speaker).update(position="Poste de synthèse")

    data = get_json(client, f"/api/v2/speakers/{translation.pk}/")

    assert data["title"] == translation.title
    assert data["meta"]["locale"] == "fr"
    assert data["family_name"] == speaker.family_name
    assert data["position"] == translation.position
    assert as_link(data["organisation"]) == link(archive.organisation_translation)
    # A square rendition (the synthetic image is smaller than 480 pixels: it is not enlarged).
    assert ".fill-480x480" in data["photo"]["url"]
    assert data["photo"]["width"] == data["photo"]["height"] > 0
    assert [item["label"] for item in data["links"]] == [
        item.label for item in translation.links.all()
    ]
    [history] = data["editions"]
    assert as_link(history["edition"]) == link(archive.translation)
    assert history["edition"]["year"] == 2016
    assert (history["role"], history["role_display"]) == ("speaker", "Intervenant")
    assert history["position"] == "Poste de synthèse"
    assert as_link(history["organisation"]) == link(archive.organisation_translation)


def test_a_speaker_without_photo_or_organisation_reads_null(client, archive):
    data = get_json(client, f"/api/v2/speakers/{archive.untranslated_speaker.pk}/")

    assert (data["photo"], data["organisation"]) == (None, None)
    assert [item["edition"]["id"] for item in data["editions"]] == [archive.edition.pk]


def test_speakers_filter_by_current_organisation_in_any_language(client, archive):
    speaker = archive.translated_speaker
    publish_with([speaker, archive.speaker_translation], organisation=archive.organisation)

    by_source = get_json(client, f"/api/v2/speakers/?organisation={archive.organisation.pk}")
    by_translation = get_json(
        client, f"/api/v2/speakers/?organisation={archive.organisation_translation.pk}"
    )

    assert [item["id"] for item in by_source["items"]] == [speaker.pk]
    # The French organisation's id gives the French speaker page: relations are stored against
    # the English page, and matched in every language.
    assert [item["id"] for item in by_translation["items"]] == [archive.speaker_translation.pk]


def test_an_organisation_reads_with_the_editions_it_partnered(client, archive):
    publish_with([archive.organisation, archive.organisation_translation], logo=ImageFactory())
    partner = archive.edition.partners.get()
    partner.role, partner.tier = "sponsor", "gold"
    partner.save()
    archive.translation.partners.update(role="sponsor", tier="gold")

    data = get_json(client, f"/api/v2/organisations/{archive.organisation_translation.pk}/")

    assert data["title"] == archive.organisation_translation.title
    assert (data["kind"], data["kind_display"]) == ("company", "Entreprise")
    assert data["country"] == {"code": "FR", "name": "France"}
    assert data["short_name"] == archive.organisation.short_name
    assert data["website"] == archive.organisation.website
    assert ".max-320x160" in data["logo"]["url"]
    assert 0 < data["logo"]["width"] <= 320
    [history] = data["editions"]
    assert as_link(history["edition"]) == link(archive.translation)
    assert (history["role"], history["role_display"]) == ("sponsor", "Sponsor")
    assert (history["tier"], history["tier_display"]) == ("gold", "Or")


def test_news_links_its_edition_in_its_language(client, archive, site_tree):
    news = NewsPageFactory(
        parent=site_tree.news, edition=archive.edition, date=datetime.date(2016, 9, 23)
    )
    NewsPageTopicFactory(page=news)
    french = translate_page(news, "fr", title="Nouvelle synthétique")

    data = get_json(client, f"/api/v2/news/{french.pk}/")
    by_edition = get_json(client, f"/api/v2/news/?edition={archive.translation.pk}")

    assert (data["title"], data["date"], data["lead"]) == (
        "Nouvelle synthétique",
        "2016-09-23",
        news.lead,
    )
    assert as_link(data["edition"]) == link(archive.translation)
    assert data["edition"]["year"] == 2016
    topic = french.topics.get().topic
    assert data["topics"] == [{"id": topic.pk, "name": topic.name}]
    assert [item["id"] for item in by_edition["items"]] == [french.pk]


# Quotes


def test_quotes_carry_their_speaker_and_edition_in_the_language_asked_for(client, archive):
    data = get_json(client, "/api/v2/quotes/?locale=fr")

    assert data["meta"]["total_count"] == 2
    first, second = data["items"]
    french_quote = archive.translation.quotes.order_by("sort_order").first()
    assert first["id"] == french_quote.pk
    assert (first["text"], first["context"]) == (french_quote.text, french_quote.context)
    assert first["meta"]["locale"] == "fr"
    assert path_of(first["meta"]["detail_url"]) == f"/api/v2/quotes/{french_quote.pk}/"
    assert as_link(first["speaker"]) == link(archive.speaker_translation)
    assert as_link(second["speaker"]) == link(archive.untranslated_speaker)
    assert as_link(first["edition"]) == link(archive.translation)
    assert first["edition"]["year"] == 2016


def test_quotes_filter_by_edition_and_speaker_in_the_language_of_the_page_named(client, archive):
    def quote_ids(query):
        return [item["id"] for item in get_json(client, f"/api/v2/quotes/?{query}")["items"]]

    french = list(archive.translation.quotes.order_by("sort_order").values_list("pk", flat=True))
    english = list(archive.edition.quotes.order_by("sort_order").values_list("pk", flat=True))

    assert quote_ids(f"edition={archive.translation.pk}") == french
    assert quote_ids(f"edition={archive.edition.pk}") == english
    assert quote_ids(f"edition={archive.edition.pk}&locale=fr") == french
    assert quote_ids(f"speaker={archive.speaker_translation.pk}") == french[:1]
    assert quote_ids(f"speaker={archive.translated_speaker.pk}") == english[:1]
    assert quote_ids(f"speaker={archive.untranslated_speaker.pk}&locale=fr") == french[1:]


def test_a_quote_reads_on_its_own(client, archive):
    quote = archive.edition.quotes.order_by("sort_order").first()

    data = get_json(client, f"/api/v2/quotes/{quote.pk}/")

    assert (data["id"], data["text"]) == (quote.pk, quote.text)
    assert as_link(data["speaker"]) == link(archive.translated_speaker)
    assert as_link(data["edition"]) == link(archive.edition)


# Drafts


def test_draft_editions_and_their_quotes_never_appear(client, site_tree):
    draft = build_edition(site_tree.editions, speakers=1, quotes=1, sessions=0, live=False)
    quote = draft.quotes.get()

    assert get_json(client, "/api/v2/editions/")["items"] == []
    assert get_json(client, "/api/v2/pages/?type=editions.EditionPage")["items"] == []
    assert get_json(client, "/api/v2/quotes/")["items"] == []
    get_json(client, f"/api/v2/editions/{draft.pk}/", status=404)
    get_json(client, f"/api/v2/pages/{draft.pk}/", status=404)
    get_json(client, f"/api/v2/quotes/{quote.pk}/", status=404)


def test_a_draft_translation_never_appears(client, site_tree, locales):
    translate_tree(site_tree, "fr")
    edition = build_edition(site_tree.editions, speakers=1, quotes=1, sessions=0)
    draft = translate_page(edition, "fr", publish=False)

    assert get_json(client, "/api/v2/editions/?locale=fr")["items"] == []
    assert get_json(client, "/api/v2/quotes/?locale=fr")["items"] == []
    get_json(client, f"/api/v2/editions/{draft.pk}/", status=404)


def test_unpublished_changes_of_a_live_edition_never_appear(client, site_tree):
    edition = build_edition(site_tree.editions, speakers=1, quotes=0, sessions=0)
    published_title = edition.title
    edition.title = "Unpublished synthetic title"
    edition.save_revision()

    data = get_json(client, f"/api/v2/editions/{edition.pk}/")

    assert data["title"] == published_title


def test_relations_to_unpublished_pages_are_left_out(client, archive):
    speaker = archive.untranslated_speaker
    speaker.unpublish()
    archive.organisation_translation.unpublish()

    [item] = get_json(client, "/api/v2/editions/?locale=fr&fields=*")["items"]
    quotes = get_json(client, "/api/v2/quotes/?locale=fr")

    assert [row["speaker"]["id"] for row in item["participations"]] == [
        archive.speaker_translation.pk
    ]
    assert [row["speaker"]["id"] for row in item["quotes"]] == [archive.speaker_translation.pk]
    assert [[s["id"] for s in row["speakers"]] for row in item["sessions"]] == [
        [archive.speaker_translation.pk],
        [],
    ]
    assert [quote["speaker"]["id"] for quote in quotes["items"]] == [archive.speaker_translation.pk]
    # The French organisation page is unpublished: the English one, live, stands in for it.
    assert as_link(item["partners"][0]["organisation"]) == link(archive.organisation)
    get_json(client, f"/api/v2/speakers/{speaker.pk}/", status=404)


# Bad input


@pytest.mark.parametrize(
    ("url", "status", "message"),
    [
        ("/api/v2/editions/?locale=de", 400, "locale must be one of: en, ru, fr"),
        ("/api/v2/quotes/?locale=xx", 400, "locale must be one of"),
        ("/api/v2/quotes/?edition=abc", 400, "edition must be a page id"),
        ("/api/v2/quotes/?edition=-1", 400, "edition must be a page id"),
        ("/api/v2/quotes/?edition=99999999999999999999", 400, "edition must be a page id"),
        ("/api/v2/quotes/?edition={speaker}", 400, "no visible editions.EditionPage with id"),
        ("/api/v2/quotes/?speaker=1.5", 400, "speaker must be a page id"),
        ("/api/v2/news/?edition={speaker}", 400, "no visible editions.EditionPage with id"),
        ("/api/v2/speakers/?organisation=x", 400, "organisation must be a page id"),
        ("/api/v2/editions/?fields=nonsense", 400, "unknown fields: nonsense"),
        ("/api/v2/editions/?fields=status(code)", 400, "'status' does not support nested"),
        ("/api/v2/editions/?colour=blue", 400, "not an operation or a recognised field: colour"),
        ("/api/v2/editions/?type=speakers.SpeakerPage", 400, "recognised field: type"),
        ("/api/v2/quotes/?search=words", 400, "recognised field: search"),
        ("/api/v2/pages/?type=editions.Nonsense", 400, "type doesn't exist"),
        ("/api/v2/editions/?year=twenty", 400, "year must be an integer, not 'twenty'"),
        ("/api/v2/editions/?year=99999999999999999999", 400, "year must be an integer under"),
        ("/api/v2/editions/?start_date=yesterday", 400, "invalid date format"),
        ("/api/v2/editions/?order=nonsense", 400, "cannot order by 'nonsense'"),
        ("/api/v2/editions/?offset=1", 400, "offset must be less than the number of results (1)"),
        ("/api/v2/editions/?offset=99999999999999999999", 400, "offset must be less than"),
        ("/api/v2/editions/?offset=-1", 400, "offset must be a positive integer"),
        ("/api/v2/quotes/?offset=5", 400, "offset must be less than the number of results (1)"),
        ("/api/v2/editions/?limit=many", 400, "limit must be a positive integer"),
        ("/api/v2/editions/?limit=1000", 400, "limit cannot be higher than 20"),
        ("/api/v2/pages/?child_of=abc", 400, "child_of must be a positive integer"),
        ("/api/v2/pages/?translation_of=99999", 400, "translation_of page doesn't exist"),
        ("/api/v2/editions/?rich_text_format=rtf", 400, "rich_text_format"),
        ("/api/v2/editions/?format=xml", 400, "format must be one of: json"),
        ("/api/v2/editions/?venue=99999999999999999999", 400, "venue must be an integer under"),
        ("/api/v2/editions/?participations=x", 400, "participations must be an integer, not 'x'"),
        ("/api/v2/pages/?search=%00", 400, "search must not contain NUL characters"),
        ("/api/v2/speakers/?search=a%00b", 400, "search must not contain NUL characters"),
        ("/api/v2/editions/?slug=%00", 400, "slug must not contain NUL characters"),
        ("/api/v2/quotes/?locale=%00", 400, "locale must not contain NUL characters"),
        ("/api/v2/pages/?site=%00", 400, "site must not contain NUL characters"),
        ("/api/v2/editions/?site=a%00", 400, "site must not contain NUL characters"),
        ("/api/v2/quotes/?site=%00", 400, "site must not contain NUL characters"),
        ("/api/v2/editions/1/?site=%00", 400, "site must not contain NUL characters"),
        ("/api/v2/editions/99999/", 404, "No EditionPage matches"),
        ("/api/v2/editions/{speaker}/", 404, "No EditionPage matches"),
        ("/api/v2/pages/99999999999999999999/", 404, "No Page matches"),
        ("/api/v2/quotes/99999/", 404, "No EditionQuote matches"),
        ("/api/v2/editors/", 404, "the endpoints are /api/v2/editions/"),
        ("/api/v2/", 404, "the endpoints are"),
    ],
)
def test_bad_input_is_a_json_error_never_a_server_error(client, site_tree, url, status, message):
    edition = build_edition(site_tree.editions, speakers=1, quotes=1, sessions=0, partners=0)
    speaker = edition.participations.get().speaker

    data = get_json(client, url.format(speaker=speaker.pk), status=status)

    assert message in data["message"]


# Queries


def queries_for(client, url):
    count, response = counted_get(client, url)
    return count, response.json()


def french_archive_of_size(site_tree, size, first_year):
    """``size`` French editions; the newest has ``size`` speakers, quotes, sessions, partners,
    objectives and contacts, the others two of each. Speakers and organisations are translated
    too."""
    speakers = [SpeakerPageFactory(parent=site_tree.speakers) for _ in range(size)]
    organisations = [OrganisationPageFactory(parent=site_tree.partners) for _ in range(size)]
    editions = []
    for year in range(first_year, first_year + size):
        edition = EditionPageFactory(
            parent=site_tree.editions, start_date=datetime.date(year, 10, 19), venue=VenueFactory()
        )
        rows = size if year == first_year + size - 1 else SMALL
        for speaker, organisation in zip(speakers[:rows], organisations[:rows], strict=True):
            EditionSpeakerFactory(page=edition, speaker=speaker, organisation=organisation)
            EditionQuoteFactory(page=edition, speaker=speaker)
            ProgrammeSessionFactory(page=edition, speakers=[("speaker", speaker)])
            EditionPartnerFactory(page=edition, organisation=organisation)
            EditionObjectiveFactory(page=edition)
            EditionContactFactory(page=edition)
        editions.append(edition)
    return [translate_page(page, "fr") for page in [*speakers, *organisations, *editions]]


def test_editions_listing_queries_do_not_grow_with_editions_and_their_content(
    client, site_tree, locales
):
    translate_tree(site_tree, "fr")
    url = f"/api/v2/editions/?locale=fr&fields=*&limit={LARGE}"

    french_archive_of_size(site_tree, SMALL, 2000)
    small_count, small = queries_for(client, url)
    french_archive_of_size(site_tree, LARGE, 2100)
    large_count, large = queries_for(client, url)

    assert len(small["items"]) == SMALL
    assert len(large["items"]) == LARGE
    newest = large["items"][0]
    assert len(newest["participations"]) == len(newest["sessions"]) == LARGE
    assert {row["speaker"]["meta"]["html_url"][:20] for row in newest["quotes"]} == {
        "http://localhost/fr/"
    }
    assert (small_count, large_count) == (EDITIONS_LISTING_QUERIES, EDITIONS_LISTING_QUERIES)


def french_quotes_of_size(site_tree, size, year):
    speakers = [SpeakerPageFactory(parent=site_tree.speakers) for _ in range(size)]
    edition = EditionPageFactory(parent=site_tree.editions, start_date=datetime.date(year, 6, 1))
    for speaker in speakers:
        EditionQuoteFactory(page=edition, speaker=speaker)
    for page in [*speakers, edition]:
        translate_page(page, "fr")


def test_quotes_listing_queries_do_not_grow_with_quotes(client, site_tree, locales):
    translate_tree(site_tree, "fr")
    url = f"/api/v2/quotes/?locale=fr&limit={LARGE}"

    french_quotes_of_size(site_tree, SMALL, 2001)
    small_count, small = queries_for(client, url)
    french_quotes_of_size(site_tree, LARGE, 2000)
    large_count, large = queries_for(client, url)

    assert len(small["items"]) == SMALL
    assert len(large["items"]) == LARGE
    assert {item["speaker"]["meta"]["html_url"][:20] for item in large["items"]} == {
        "http://localhost/fr/"
    }
    assert (small_count, large_count) == (QUOTES_LISTING_QUERIES, QUOTES_LISTING_QUERIES)


def speakers_of_size(site_tree, size, year):
    edition = EditionPageFactory(parent=site_tree.editions, start_date=datetime.date(year, 6, 1))
    for _ in range(size):
        organisation = OrganisationPageFactory(parent=site_tree.partners)
        speaker = SpeakerPageFactory(
            parent=site_tree.speakers, organisation=organisation, photo=ImageFactory()
        )
        SpeakerLinkFactory(page=speaker)
        EditionSpeakerFactory(page=edition, speaker=speaker, organisation=organisation)


def test_speakers_listing_queries_do_not_grow_with_speakers(client, site_tree):
    url = "/api/v2/speakers/?fields=*"

    speakers_of_size(site_tree, SMALL, 2000)
    small_count, small = queries_for(client, url)
    speakers_of_size(site_tree, LARGE - SMALL, 2001)
    large_count, large = queries_for(client, url)

    assert len(small["items"]) == SMALL
    assert len(large["items"]) == LARGE
    assert all(item["photo"] and item["organisation"] for item in large["items"])
    assert [len(item["editions"]) for item in large["items"]] == [1] * LARGE
    assert (small_count, large_count) == (SPEAKERS_LISTING_QUERIES, SPEAKERS_LISTING_QUERIES)
