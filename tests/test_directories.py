"""The public archive as a visitor reads it: the edition archive (by status, filtered by year),
previous and next edition links, the speaker directory (alphabetical, letters, filters by
organisation and edition) and the partner directory (by kind, filtered by country).

Filters are plain GET forms; whatever a visitor (or a robot) puts in the query string, the page
answers 200, ignoring and reporting a filter it cannot apply.
"""

import datetime
from urllib.parse import parse_qs, quote

import pytest
from django.utils import timezone

from tests.factories import (
    EditionPageFactory,
    EditionSpeakerFactory,
    ImageFactory,
    OrganisationPageFactory,
    SpeakerPageFactory,
    VenueFactory,
    translate_page,
    translate_pages,
)
from tests.html import soup_of
from tests.queries import counted_get

pytestmark = pytest.mark.django_db

LATIN_LETTERS = list("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
RUSSIAN_LETTERS = list("АБВГДЕЖЗИЙКЛМНОПРСТУФХЦЧШЩЭЮЯ")


CLEAR_FILTERS = {"Clear filters", "Сбросить фильтры", "Effacer les filtres"}


def clear_filters_link(soup):
    """The "Clear filters" link, in whichever language the page is."""
    return soup.main.find("a", string=lambda text: (text or "").strip() in CLEAR_FILTERS)


def text_of(element):
    return " ".join(element.get_text(" ", strip=True).split())


def speaker_names(soup):
    return [text_of(a) for a in soup.main.select(".speaker-line__name")]


def headings(soup):
    return [text_of(h2) for h2 in soup.main.find_all("h2")]


def letters_shown(soup):
    return [text_of(item) for item in soup.select(".letter-nav li")][1:]  # after "All"


def letter_links(soup):
    """{letter: its link's query, as a dict} for every letter that is a link."""
    return {
        text_of(a): {name: values[0] for name, values in parse_qs(a["href"][1:]).items()}
        for a in soup.select(".letter-nav a.letter-nav__link:not(.letter-nav__link--all)")
    }


def current_letter(soup):
    current = soup.select(".letter-nav [aria-current]")
    assert len(current) == 1
    return text_of(current[0])


def options(soup, name):
    return [text_of(option) for option in soup.select(f"select[name={name}] option")][1:]


def selected_option(soup, name):
    selected = soup.select_one(f"select[name={name}] option[selected]")
    return text_of(selected) if selected is not None else None


def filter_error(soup):
    errors = soup.main.select(".filter-form__error")
    return " ".join(text_of(error) for error in errors)


def url(page, query=""):
    return f"{page.url}?{query}" if query else page.url


# Speaker directory: order and letters


def speaker(site_tree, title, family_name, **fields):
    return SpeakerPageFactory(
        parent=site_tree.speakers, title=title, family_name=family_name, **fields
    )


def test_speakers_are_sorted_by_family_name_with_accents_set_aside(client, site_tree):
    for title, family_name in [
        ("Zoé Zola", "Zola"),
        ("Anne Éluard", "Éluard"),
        ("Bob Eliot", "Eliot"),
        ("Carl Adams", "Adams"),
    ]:
        speaker(site_tree, title, family_name)
    speaker(site_tree, "Draft Person", "Draft", live=False)

    soup = soup_of(client.get(site_tree.speakers.url))

    assert speaker_names(soup) == ["Carl Adams", "Bob Eliot", "Anne Éluard", "Zoé Zola"]
    assert headings(soup) == ["A", "E", "Z"]
    assert letters_shown(soup) == LATIN_LETTERS
    assert list(letter_links(soup)) == ["A", "E", "Z"]
    assert letter_links(soup)["E"] == {"letter": "E"}
    all_link = soup.select_one(".letter-nav__link--all")
    assert (all_link["href"], all_link["aria-current"]) == ("./", "page")


@pytest.fixture
def russian_speakers(site_tree, locales):
    """Speakers whose Russian pages carry Cyrillic names, but one kept in Latin letters."""
    translate_pages([site_tree.home, site_tree.speakers], "ru")
    names = [
        ("Alexis Michel", "Michel", "Alexis Michel", "Michel"),
        ("Anna Yakovleva", "Yakovleva", "Анна Яковлева", "Яковлева"),
        ("Kirill Kaem", "Kaem", "Кирилл Каем", "Каем"),
        ("Pyotr Yolkin", "Yolkin", "Пётр Ёлкин", "Ёлкин"),
        ("Irina Raskina", "Raskina", "Ирина Раскина", "Раскина"),
        ("Evgeny Efimov", "Efimov", "Евгений Ефимов", "Ефимов"),
    ]
    for title, family_name, russian_title, russian_family_name in names:
        translate_page(
            speaker(site_tree, title, family_name),
            "ru",
            title=russian_title,
            family_name=russian_family_name,
        )
    return site_tree.speakers.get_translation(locales["ru"])


def test_russian_directory_files_cyrillic_names_by_the_russian_alphabet(client, russian_speakers):
    soup = soup_of(client.get(russian_speakers.url))

    # "Ёлкин" files with "Ефимов", Cyrillic before Latin for a Russian reader.
    assert speaker_names(soup) == [
        "Пётр Ёлкин",
        "Евгений Ефимов",
        "Кирилл Каем",
        "Ирина Раскина",
        "Анна Яковлева",
        "Alexis Michel",
    ]
    assert headings(soup) == ["Е", "К", "Р", "Я", "M"]
    assert letters_shown(soup) == [*RUSSIAN_LETTERS, "M"]
    assert list(letter_links(soup)) == ["Е", "К", "Р", "Я", "M"]
    assert soup.select_one(".speaker-line__name")["href"].startswith("/ru/speakers/")


def test_english_directory_keeps_the_latin_names(client, site_tree, russian_speakers):
    soup = soup_of(client.get(site_tree.speakers.url))

    assert speaker_names(soup) == [
        "Evgeny Efimov",
        "Kirill Kaem",
        "Alexis Michel",
        "Irina Raskina",
        "Anna Yakovleva",
        "Pyotr Yolkin",
    ]
    assert letters_shown(soup) == LATIN_LETTERS
    assert list(letter_links(soup)) == ["E", "K", "M", "R", "Y"]


@pytest.mark.parametrize(
    ("letter", "names", "current"),
    [
        ("К", ["Кирилл Каем"], "К"),
        ("к", ["Кирилл Каем"], "К"),
        ("ё", ["Пётр Ёлкин", "Евгений Ефимов"], "Е"),
        ("M", ["Alexis Michel"], "M"),
    ],
    ids=["cyrillic", "lowercase", "yo-files-with-ye", "latin-on-the-russian-site"],
)
def test_a_letter_shows_the_names_filed_under_it(client, russian_speakers, letter, names, current):
    soup = soup_of(client.get(url(russian_speakers, f"letter={quote(letter)}")))

    assert speaker_names(soup) == names
    assert current_letter(soup) == current
    assert soup.select_one(".letter-nav__link--all")["href"] == "./"
    assert clear_filters_link(soup)["href"] == "./"


def test_a_letter_nobody_is_filed_under_shows_the_empty_state(client, russian_speakers):
    soup = soup_of(client.get(url(russian_speakers, f"letter={quote('Б')}")))

    assert speaker_names(soup) == []
    assert "Нет спикеров, соответствующих этим фильтрам." in text_of(soup.main)
    assert soup.select_one(".empty-state a")["href"] == "./"
    assert current_letter(soup) == "Б"
    assert "Б" not in letter_links(soup)


# Speaker directory: filters


@pytest.fixture
def people(site_tree):
    return build_people(site_tree)


def build_people(site_tree):
    """Three organisations, two editions and four people:

    - Kaem works at Skolkovo now, and represented it in 2016;
    - Michel works at the embassy now, represented Skolkovo in 2015 and the embassy in 2016;
    - Raskina, with no organisation now, represented the embassy in 2015;
    - Zola works at the institute now and took part in no edition.
    """
    organisations = {
        key: OrganisationPageFactory(parent=site_tree.partners, title=title)
        for key, title in [
            ("skolkovo", "Skolkovo Foundation"),
            ("embassy", "Embassy of France"),
            ("institute", "Synthetic institute"),
            ("nobody", "Organisation of nobody"),
        ]
    }
    editions = {
        year: EditionPageFactory(
            parent=site_tree.editions,
            title=f"Edition {year}",
            slug=str(year),
            start_date=datetime.date(year, 10, 19),
        )
        for year in (2015, 2016)
    }
    editions["draft"] = EditionPageFactory(
        parent=site_tree.editions,
        title="Edition 2017",
        start_date=datetime.date(2017, 10, 19),
        live=False,
    )
    people = {
        "kaem": speaker(site_tree, "Kirill Kaem", "Kaem", organisation=organisations["skolkovo"]),
        "michel": speaker(
            site_tree, "Alexis Michel", "Michel", organisation=organisations["embassy"]
        ),
        "raskina": speaker(site_tree, "Irina Raskina", "Raskina"),
        "zola": speaker(site_tree, "Émile Zola", "Zola", organisation=organisations["institute"]),
    }
    for person, year, organisation in [
        ("kaem", 2016, "skolkovo"),
        ("michel", 2015, "skolkovo"),
        ("michel", 2016, "embassy"),
        ("raskina", 2015, "embassy"),
        ("zola", "draft", "nobody"),  # a draft edition counts for nothing
    ]:
        EditionSpeakerFactory(
            page=editions[year], speaker=people[person], organisation=organisations[organisation]
        )
    return {**organisations, **{str(key): page for key, page in editions.items()}, **people}


def test_filters_offer_the_organisations_and_editions_of_the_speakers(client, site_tree, people):
    soup = soup_of(client.get(site_tree.speakers.url))

    assert options(soup, "organisation") == [
        "Embassy of France",
        "Skolkovo Foundation",
        "Synthetic institute",
    ]
    assert options(soup, "edition") == ["Edition 2016", "Edition 2015"]
    form = soup.main.find("form")
    assert form["method"] == "get"
    for name in ("organisation", "edition"):
        select = form.find("select", attrs={"name": name})
        assert form.find("label", attrs={"for": select["id"]}) is not None
    assert form.find("button", type="submit") is not None
    assert form.find("a", string="Clear filters") is None


@pytest.mark.parametrize(
    ("filters", "names"),
    [
        ({"organisation": "skolkovo"}, ["Kirill Kaem", "Alexis Michel"]),
        ({"organisation": "embassy"}, ["Alexis Michel", "Irina Raskina"]),
        ({"organisation": "institute"}, ["Émile Zola"]),
        ({"edition": "2015"}, ["Alexis Michel", "Irina Raskina"]),
        ({"edition": "2016"}, ["Kirill Kaem", "Alexis Michel"]),
        ({"organisation": "skolkovo", "edition": "2015"}, ["Alexis Michel"]),
        ({"organisation": "embassy", "edition": "2016"}, ["Alexis Michel"]),
        ({"organisation": "embassy", "edition": "2015", "letter": "R"}, ["Irina Raskina"]),
    ],
    ids=[
        "organisation-now-or-at-an-edition",
        "organisation-at-an-edition-only",
        "organisation-now-only",
        "edition-2015",
        "edition-2016",
        "organisation-and-edition",
        "organisation-and-other-edition",
        "organisation-edition-and-letter",
    ],
)
def test_filters_combine(client, site_tree, people, filters, names):
    query = "&".join(
        f"{name}={value if name == 'letter' else people[value].pk}"
        for name, value in filters.items()
    )

    soup = soup_of(client.get(url(site_tree.speakers, query)))

    assert speaker_names(soup) == names
    assert filter_error(soup) == ""
    if "organisation" in filters:
        assert selected_option(soup, "organisation") == people[filters["organisation"]].title
    if "edition" in filters:
        assert selected_option(soup, "edition") == people[filters["edition"]].title
    assert clear_filters_link(soup)["href"] == "./"


def test_filters_that_match_nobody_show_the_empty_state_with_a_way_out(client, site_tree, people):
    query = f"organisation={people['institute'].pk}&edition={people['2015'].pk}"

    soup = soup_of(client.get(url(site_tree.speakers, query)))

    assert speaker_names(soup) == []
    empty_state = soup.main.select_one(".empty-state")
    assert "No speakers match these filters." in text_of(empty_state)
    assert empty_state.find("a", string="Clear filters")["href"] == "./"


def test_letters_keep_the_filters_and_link_only_to_matching_names(client, site_tree, people):
    skolkovo = str(people["skolkovo"].pk)

    soup = soup_of(client.get(url(site_tree.speakers, f"organisation={skolkovo}")))

    assert letter_links(soup) == {
        "K": {"organisation": skolkovo, "letter": "K"},
        "M": {"organisation": skolkovo, "letter": "M"},
    }
    assert "R" in letters_shown(soup) and "Z" in letters_shown(soup)

    soup = soup_of(client.get(url(site_tree.speakers, f"organisation={skolkovo}&letter=K")))
    assert speaker_names(soup) == ["Kirill Kaem"]
    assert current_letter(soup) == "K"
    assert soup.select_one(".letter-nav__link--all")["href"] == f"?organisation={skolkovo}"


@pytest.fixture
def russian_people(site_tree, locales, people):
    """The people, their organisations (but the institute) and editions in Russian."""
    translate_pages(
        [site_tree.home, site_tree.speakers, site_tree.partners, site_tree.editions], "ru"
    )
    for key, title in [
        ("skolkovo", "Фонд «Сколково»"),
        ("embassy", "Посольство Франции"),
        ("2015", "Конференция 2015"),
        ("2016", "Конференция 2016"),
        ("kaem", "Кирилл Каем"),
        ("michel", "Алексис Мишель"),
        ("raskina", "Ирина Раскина"),
    ]:
        family_name = title.split()[-1] if key in ("kaem", "michel", "raskina") else None
        fields = {"family_name": family_name} if family_name else {}
        people[f"ru-{key}"] = translate_page(people[key], "ru", title=title, **fields)
    return site_tree.speakers.get_translation(locales["ru"])


def test_russian_filters_list_russian_pages_and_links_stay_in_russian(
    client, people, russian_people
):
    soup = soup_of(client.get(russian_people.url))

    assert options(soup, "organisation") == ["Посольство Франции", "Фонд «Сколково»"]
    assert options(soup, "edition") == ["Конференция 2016", "Конференция 2015"]

    query = f"organisation={people['ru-skolkovo'].pk}&edition={people['ru-2015'].pk}"
    soup = soup_of(client.get(url(russian_people, query)))
    assert speaker_names(soup) == ["Алексис Мишель"]
    assert (
        soup.select_one(".speaker-line__name")["href"] == f"/ru/speakers/{people['michel'].slug}/"
    )
    organisation_link = soup.select_one(".speaker-line__affiliation a")
    assert text_of(organisation_link) == "Посольство Франции"
    assert organisation_link["href"] == f"/ru/partners/{people['embassy'].slug}/"


@pytest.mark.parametrize("name", ["organisation", "edition"])
def test_an_id_of_a_page_in_another_language_is_reported_and_ignored(
    client, people, russian_people, name
):
    english_page = people["skolkovo" if name == "organisation" else "2015"]

    soup = soup_of(client.get(url(russian_people, f"{name}={english_page.pk}")))

    assert speaker_names(soup) == ["Кирилл Каем", "Алексис Мишель", "Ирина Раскина"]
    assert "фильтр не применен" in filter_error(soup)
    assert soup.select_one(f"select[name={name}]")["aria-invalid"] == "true"


# Partner directory


@pytest.fixture
def organisations(site_tree):
    return build_organisations(site_tree)


def build_organisations(site_tree):
    for title, kind, country in [
        ("Zeta Labs", "company", "RU"),
        ("Alpha Bio", "company", "FR"),
        ("Bioinnovex", "company", ""),
        ("Embassy of France", "government", "FR"),
        ("Skolkovo Foundation", "foundation", "RU"),
        ("Berlin Institute", "research_institute", "DE"),
        ("Hidden draft", "company", "IT"),
    ]:
        OrganisationPageFactory(
            parent=site_tree.partners,
            title=title,
            kind=kind,
            country=country,
            live=title != "Hidden draft",
        )


def organisation_names(soup):
    return [text_of(name) for name in soup.main.select(".partner-logo__name")]


def test_partner_directory_groups_by_kind_and_offers_the_countries_present(
    client, site_tree, organisations
):
    soup = soup_of(client.get(site_tree.partners.url))

    assert headings(soup) == [
        "Foundation",
        "Government body or embassy",
        "Company",
        "Research institute",
    ]
    assert [name.split(" (")[0] for name in organisation_names(soup)] == [
        "Skolkovo Foundation",
        "Embassy of France",
        "Alpha Bio",
        "Bioinnovex",
        "Zeta Labs",
        "Berlin Institute",
    ]
    assert options(soup, "country") == ["France", "Germany", "Russia"]


@pytest.mark.parametrize("country", ["FR", "fr", "%20fr%20"])
def test_partner_directory_filtered_by_country(client, site_tree, organisations, country):
    soup = soup_of(client.get(url(site_tree.partners, f"country={country}")))

    assert headings(soup) == ["Government body or embassy", "Company"]
    assert [name.split(" (")[0] for name in organisation_names(soup)] == [
        "Embassy of France",
        "Alpha Bio",
    ]
    assert selected_option(soup, "country") == "France"
    assert filter_error(soup) == ""
    assert clear_filters_link(soup)["href"] == "./"


@pytest.mark.parametrize(
    ("language", "countries"),
    [("ru", ["Германия", "Россия", "Франция"]), ("fr", ["Allemagne", "France", "Russie"])],
)
def test_country_names_are_translated_and_sorted_in_the_language(
    client, site_tree, locales, organisations, language, countries
):
    translated_index = translate_pages([site_tree.home, site_tree.partners], language)[-1]
    translate_pages(site_tree.partners.get_children().live().specific(), language)

    soup = soup_of(client.get(translated_index.url))

    assert options(soup, "country") == countries


def test_an_unknown_country_is_reported_and_ignored(client, site_tree, organisations):
    soup = soup_of(client.get(url(site_tree.partners, "country=IT")))

    assert len(organisation_names(soup)) == 6
    assert "No organisation in the directory is based in this country" in filter_error(soup)


# Edition archive


@pytest.fixture
def archive(site_tree):
    return build_archive(site_tree)


def build_archive(site_tree):
    """Past, ongoing and upcoming editions around today, and a draft."""
    today = timezone.localdate()
    dates = {
        "oldest": (datetime.date(today.year - 3, 10, 19), None),
        "past": (datetime.date(today.year - 2, 10, 19), None),
        "ongoing": (today - datetime.timedelta(days=1), today + datetime.timedelta(days=1)),
        "upcoming": (datetime.date(today.year + 1, 10, 19), None),
    }
    editions = {}
    for key, (start_date, end_date) in dates.items():
        fields = {"end_date": end_date} if end_date else {}
        editions[key] = EditionPageFactory(
            parent=site_tree.editions,
            title=f"The {key} edition",
            theme=f"Theme of the {key} edition",
            start_date=start_date,
            venue=VenueFactory(name=f"Venue of the {key} edition"),
            **fields,
        )
    EditionPageFactory(
        parent=site_tree.editions,
        title="The draft edition",
        start_date=datetime.date(today.year + 2, 10, 19),
        live=False,
    )
    return editions


def edition_titles(soup):
    return [text_of(title) for title in soup.main.select(".edition-card .card__title")]


def test_archive_shows_editions_newest_first_grouped_by_status(client, site_tree, archive):
    soup = soup_of(client.get(site_tree.editions.url))

    assert headings(soup) == ["Upcoming editions", "Taking place now", "Past editions"]
    assert edition_titles(soup) == [
        "The upcoming edition",
        "The ongoing edition",
        "The past edition",
        "The oldest edition",
    ]
    cards = soup.main.select(".edition-card")
    assert [text_of(card.select_one(".badge")) for card in cards] == [
        "Upcoming",
        "Taking place now",
        "Past",
        "Past",
    ]
    past = cards[2]
    assert text_of(past.select_one(".edition-card__theme")) == "Theme of the past edition"
    assert (
        text_of(past.select_one(".card__place"))
        == "Venue of the past edition, Example City, France"
    )
    assert past.select_one(".edition-card__dates").get_text() == (
        f"19–20 October {archive['past'].year}"
    )


def test_archive_filtered_by_year(client, site_tree, archive):
    year = archive["past"].year
    soup = soup_of(client.get(url(site_tree.editions, f"year={year}")))

    assert edition_titles(soup) == ["The past edition"]
    assert headings(soup) == ["Past editions"]
    assert options(soup, "year") == [
        str(archive[key].year) for key in ("upcoming", "ongoing", "past", "oldest")
    ]
    assert selected_option(soup, "year") == str(year)
    assert clear_filters_link(soup)["href"] == "./"


@pytest.mark.parametrize("year", ["abc", "99999", "1999", "-2016", "２０１６"])
def test_a_year_without_an_edition_is_reported_and_ignored(client, site_tree, archive, year):
    soup = soup_of(client.get(url(site_tree.editions, f"year={quote(year)}")))

    assert len(edition_titles(soup)) == 4
    assert "No edition of the series took place that year" in filter_error(soup)


# Previous and next edition


@pytest.fixture
def yearly_editions(site_tree):
    editions = {
        year: EditionPageFactory(
            parent=site_tree.editions,
            title=f"Edition {year}",
            slug=str(year),
            start_date=datetime.date(year, 10, 19),
        )
        for year in (2014, 2015, 2016)
    }
    editions[2017] = EditionPageFactory(
        parent=site_tree.editions,
        title="Edition 2017",
        slug="2017",
        start_date=datetime.date(2017, 10, 19),
        live=False,
    )
    return editions


def neighbours(soup):
    """{"prev"/"next": (title, href)} of the edition pager."""
    return {
        link["rel"][0]: (text_of(link.select_one(".edition-pager__title")), link["href"])
        for link in soup.select(".edition-pager a")
    }


@pytest.mark.parametrize(
    ("year", "expected"),
    [
        (2014, {"next": ("Edition 2015", "/en/editions/2015/")}),
        (
            2015,
            {
                "prev": ("Edition 2014", "/en/editions/2014/"),
                "next": ("Edition 2016", "/en/editions/2016/"),
            },
        ),
        (2016, {"prev": ("Edition 2015", "/en/editions/2015/")}),
    ],
    ids=["first", "middle", "last-before-a-draft"],
)
def test_edition_page_links_the_live_editions_before_and_after(
    client, yearly_editions, year, expected
):
    soup = soup_of(client.get(yearly_editions[year].url))

    assert neighbours(soup) == expected


def test_translated_edition_links_its_neighbours_in_its_own_language(
    client, site_tree, locales, yearly_editions
):
    translate_pages([site_tree.home, site_tree.editions], "fr")
    translate_page(yearly_editions[2014], "fr", title="Édition 2014")
    translate_page(yearly_editions[2015], "fr", title="Édition 2015", publish=False)
    french_2016 = translate_page(yearly_editions[2016], "fr", title="Édition 2016")

    soup = soup_of(client.get(french_2016.url))

    assert neighbours(soup) == {"prev": ("Édition 2014", "/fr/editions/2014/")}


def test_a_single_edition_has_no_pager(client, site_tree):
    edition = EditionPageFactory(parent=site_tree.editions)

    soup = soup_of(client.get(edition.url))

    assert soup.select_one(".edition-pager") is None


def test_a_repeated_filter_counts_once_the_last_value_wins(client, site_tree, people):
    skolkovo = people["skolkovo"].pk

    soup = soup_of(client.get(url(site_tree.speakers, f"organisation=abc&organisation={skolkovo}")))
    assert speaker_names(soup) == ["Kirill Kaem", "Alexis Michel"]

    soup = soup_of(client.get(url(site_tree.speakers, f"organisation={skolkovo}&organisation=abc")))
    assert len(speaker_names(soup)) == 4
    assert "filter was ignored" in filter_error(soup)


def test_an_unknown_letter_is_reported_and_ignored(client, site_tree, people):
    soup = soup_of(client.get(url(site_tree.speakers, "letter=KM")))

    assert len(speaker_names(soup)) == 4
    assert "There is no such letter in the directory" in filter_error(soup)
    assert current_letter(soup) == "All"


# Query counts: the directories cost the same at 2 and at 20 results


SMALL, LARGE = 2, 10

# Pinned counts: lower them when a change saves a query; never raise them to hide growth.
SPEAKER_DIRECTORY_QUERIES = 15
SPEAKER_DIRECTORY_FILTERED_QUERIES = 15
PARTNER_DIRECTORY_QUERIES = 12
EDITION_ARCHIVE_QUERIES = 11


def queries_for(client, address):
    count, response = counted_get(client, address)
    return count, soup_of(response)


@pytest.fixture
def speakers_at_an_edition(site_tree):
    """A function adding people, with photos, who work at one organisation and took part in
    one edition for it; it returns the edition and the organisation."""
    organisation = OrganisationPageFactory(parent=site_tree.partners, logo=ImageFactory())
    edition = EditionPageFactory(parent=site_tree.editions, start_date=datetime.date(2016, 10, 19))

    def add(count):
        for _ in range(count):
            person = SpeakerPageFactory(
                parent=site_tree.speakers,
                family_name="Speaker",
                organisation=organisation,
                photo=ImageFactory(),
            )
            EditionSpeakerFactory(page=edition, speaker=person, organisation=organisation)
        return edition, organisation

    return add


def test_speaker_directory_queries_do_not_grow_with_speakers(
    client, site_tree, speakers_at_an_edition
):
    edition, organisation = speakers_at_an_edition(SMALL)
    filtered = url(
        site_tree.speakers, f"organisation={organisation.pk}&edition={edition.pk}&letter=S"
    )
    counts = {}
    for size in (SMALL, LARGE):
        if size == LARGE:
            speakers_at_an_edition(LARGE - SMALL)
        counts[size, "all"], soup = queries_for(client, site_tree.speakers.url)
        assert len(speaker_names(soup)) == size
        counts[size, "filtered"], soup = queries_for(client, filtered)
        assert len(speaker_names(soup)) == size

    assert counts == {
        (SMALL, "all"): SPEAKER_DIRECTORY_QUERIES,
        (LARGE, "all"): SPEAKER_DIRECTORY_QUERIES,
        (SMALL, "filtered"): SPEAKER_DIRECTORY_FILTERED_QUERIES,
        (LARGE, "filtered"): SPEAKER_DIRECTORY_FILTERED_QUERIES,
    }


def test_partner_directory_queries_do_not_grow_with_organisations(client, site_tree):
    def add(count):
        for index in range(count):
            OrganisationPageFactory(
                parent=site_tree.partners,
                logo=ImageFactory(),
                country=("FR", "RU", "DE")[index % 3],
                kind=("company", "foundation")[index % 2],
            )

    counts = {}
    add(SMALL)
    for size in (SMALL, LARGE):
        if size == LARGE:
            add(LARGE - SMALL)
        counts[size, "all"], soup = queries_for(client, site_tree.partners.url)
        assert len(organisation_names(soup)) == size
        counts[size, "filtered"], soup = queries_for(client, url(site_tree.partners, "country=FR"))
        assert 1 <= len(organisation_names(soup)) < size

    assert set(counts.values()) == {PARTNER_DIRECTORY_QUERIES}


def test_edition_archive_queries_do_not_grow_with_editions(client, site_tree):
    def add(count):
        first_year = 2000 + site_tree.editions.get_children().count()
        for year in range(first_year, first_year + count):
            EditionPageFactory(
                parent=site_tree.editions,
                start_date=datetime.date(year, 10, 19),
                venue=VenueFactory(),
            )

    counts = {}
    add(SMALL)
    for size in (SMALL, LARGE):
        if size == LARGE:
            add(LARGE - SMALL)
        counts[size, "all"], soup = queries_for(client, site_tree.editions.url)
        assert len(edition_titles(soup)) == size
        counts[size, "filtered"], soup = queries_for(client, url(site_tree.editions, "year=2001"))
        assert len(edition_titles(soup)) == 1

    assert set(counts.values()) == {EDITION_ARCHIVE_QUERIES}
